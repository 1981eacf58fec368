// Load-time type check of condition leaves against the fact registry: a comparison whose value
// cannot have the fact's type (`value: "18"` on a numeric fact) would silently never hold, so it
// is a rule-file error, not a quiet "unmet".
import type { Condition } from './schema.js';
import type { FactType } from '../facts/types.js';

type Leaf = Extract<Condition, { fact: string }>;

const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const SCALAR_EQ = new Set(['equal', 'notEqual']);
const MEMBERSHIP = new Set(['in', 'notIn']);
const LIST_ELEMENT = new Set(['contains', 'doesNotContain']);
const LIST_LIST = new Set(['containsAny', 'containsNone']);
const LIST_LENGTH = new Set(['lengthAtLeast', 'lengthAtMost']);

/** The JSON type a scalar of a fact type has (list facts hold strings). */
const scalarType: Record<FactType, 'boolean' | 'number' | 'string'> = {
  boolean: 'boolean',
  number: 'number',
  string: 'string',
  list: 'string',
};

const typeOf = (v: unknown): string => (Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v);
const show = (v: unknown): string => JSON.stringify(v);

/**
 * Problems with one leaf, given the fact types: the operator must suit the fact's type and the
 * value must have the type the operator compares with. Returns plain messages.
 */
export function leafTypeProblems(leaf: Leaf, factType: (id: string) => FactType | undefined): string[] {
  const type = factType(leaf.fact);
  if (!type) return [];
  const { operator, value } = leaf;
  const out: string[] = [];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const other = factType((value as { fact: string }).fact);
    if (other && other !== type && !(NUMERIC.has(operator) && type === 'number' && other === 'number')) {
      out.push(`"${leaf.fact}" (${type}) is compared with fact "${(value as { fact: string }).fact}" (${other})`);
    }
    return out;
  }
  const want = scalarType[type];
  const wrongValue = (expected: string): string =>
    `operator "${operator}" on fact "${leaf.fact}" (${type}) needs ${expected}, found ${show(value)}`;
  if (operator === 'documented') {
    if (typeof value !== 'boolean') out.push(wrongValue('true or false'));
  } else if (NUMERIC.has(operator)) {
    if (type !== 'number') out.push(`operator "${operator}" compares numbers, but fact "${leaf.fact}" is a ${type}`);
    else if (typeof value !== 'number') out.push(wrongValue('a number'));
  } else if (SCALAR_EQ.has(operator)) {
    if (type === 'list')
      out.push(`operator "${operator}" on list fact "${leaf.fact}": use contains, containsAny, containsNone or lengthAtLeast`);
    else if (typeOf(value) !== want) out.push(wrongValue(`a ${want}`));
  } else if (MEMBERSHIP.has(operator)) {
    if (type === 'list') out.push(`operator "${operator}" on list fact "${leaf.fact}": use containsAny or containsNone`);
    else if (!Array.isArray(value) || value.some((v) => typeOf(v) !== want)) out.push(wrongValue(`a list of ${want}s`));
  } else if (LIST_ELEMENT.has(operator)) {
    if (type !== 'list') out.push(`operator "${operator}" needs a list fact, but "${leaf.fact}" is a ${type}`);
    else if (typeof value !== 'string') out.push(wrongValue('a string'));
  } else if (LIST_LIST.has(operator)) {
    if (type !== 'list') out.push(`operator "${operator}" needs a list fact, but "${leaf.fact}" is a ${type}`);
    else if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) out.push(wrongValue('a list of strings'));
  } else if (LIST_LENGTH.has(operator)) {
    if (type !== 'list') out.push(`operator "${operator}" needs a list fact, but "${leaf.fact}" is a ${type}`);
    else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) out.push(wrongValue('a whole number'));
  }
  return out;
}

/** Every leaf of a condition with its path below the condition (`any[1].all[0]`). */
export function leavesOf(condition: Condition, base = ''): { leaf: Leaf; path: string }[] {
  const out: { leaf: Leaf; path: string }[] = [];
  const walk = (c: Condition, path: string): void => {
    if ('all' in c) c.all.forEach((x, i) => walk(x, `${path}.all[${i}]`));
    else if ('any' in c) c.any.forEach((x, i) => walk(x, `${path}.any[${i}]`));
    else if ('not' in c) walk(c.not, `${path}.not`);
    else out.push({ leaf: c, path });
  };
  walk(condition, base);
  return out;
}
