// Resolves a condition as written in a rule file into the condition the engine evaluates:
// named conditions (rules/conditions.yaml) are inlined, each leaf is checked against the fact
// registry (fact, operator, value type, params), `params` are folded into the fact key, and
// `undocumented:` is lowered into the `documented` forms the evaluator already reads:
//   omit   → a top-level `{documented: false}` alternative, the exclusion guard (evaluate.ts)
//   unmet  → all: [ {documented: true}, leaf ]   (false on silence)
//   met    → any: [ {documented: false}, leaf ]  (true on silence; only in a `when`)
// so json-rules-engine, the threshold mutations and the evaluator see one plain condition.
import { didYouMean } from '../request/issues.js';
import { FACTS } from '../facts/registry.js';
import { factKey } from '../facts/params.js';
import { OPERATORS, DOCUMENTED } from './operators.js';
import { leafTypeProblems } from './leaf-types.js';
import type { Condition, WrittenCondition, WrittenLeaf } from './schema.js';

/**
 * Where a condition stands: a criterion's `condition` (strict: nothing is met on silence), a
 * `when` (applicability: plain semantics), or a named condition checked on its own (the context
 * checks wait for each place it is used).
 */
export type ConditionContext = 'condition' | 'when' | 'named';

export interface Problem {
  path: string;
  message: string;
  code: string;
}

export interface NamedConditions {
  /** Written conditions by name. */
  readonly conditions: ReadonlyMap<string, WrittenCondition>;
  /** Names whose own definition has problems (reported in rules/conditions.yaml, not again at each use). */
  readonly broken: ReadonlySet<string>;
}

export const NO_NAMED_CONDITIONS: NamedConditions = { conditions: new Map(), broken: new Set() };

export interface Resolved {
  condition: Condition;
  /** Facts (keys) whose leaves say `undocumented: omit`: the criterion applies only when the record states them. */
  omitted: string[];
}

type Position = 'top' | 'top-any' | 'inner';

const guess = (word: string, allowed: readonly string[]): string => {
  const close = didYouMean(word, allowed);
  return close ? `; did you mean "${close}"?` : '';
};

const isFactRef = (v: unknown): v is { fact: string } => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The evaluated condition for `written`, or undefined when it has problems (each reported with
 * its path under `base`). `stack` holds the named conditions being resolved (cycle detection).
 */
export function resolveCondition(
  written: WrittenCondition,
  context: ConditionContext,
  base: string,
  named: NamedConditions,
  report: (p: Problem) => void,
  stack: readonly string[] = [],
): Resolved | undefined {
  let sound = true;
  const omitted: string[] = [];
  // where problems go: `report`, or, for a leaf inside a named condition, a list for its reference
  let sink = report;
  const problem = (path: string, message: string, code: string): void => {
    sound = false;
    sink({ path, message, code });
  };

  const leaf = (c: WrittenLeaf, path: string, negated: boolean, position: Position, checkLeaf: boolean): Condition => {
    let key = c.fact;
    const def = FACTS.get(c.fact);
    if (checkLeaf) {
      const facts = [c.fact, ...(isFactRef(c.value) ? [c.value.fact] : [])];
      for (const f of facts)
        if (!FACTS.has(f)) problem(`${path}.fact`, `unknown fact "${f}"${guess(f, [...FACTS.keys()])}`, 'unknown-fact');
      if (!OPERATORS[c.operator])
        problem(
          `${path}.operator`,
          `unknown operator "${c.operator}"${guess(c.operator, Object.keys(OPERATORS))}; expected one of: ${Object.keys(OPERATORS).join(', ')}`,
          'unknown-operator',
        );
      else
        for (const message of leafTypeProblems({ fact: c.fact, operator: c.operator, value: c.value }, (id) => FACTS.get(id)?.type))
          problem(`${path}.value`, message, 'value-type');
    }
    if (def?.params) {
      const parsed = def.params.schema.safeParse(c.params ?? {});
      if (parsed.success) key = factKey(c.fact, parsed.data);
      else if (checkLeaf) {
        for (const iss of parsed.error.issues) {
          const sub = iss.path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`)).join('');
          problem(`${path}.params${sub}`, `params of fact "${c.fact}": ${iss.message}`, 'invalid-params');
        }
      }
    } else if (c.params !== undefined && def && checkLeaf) {
      problem(`${path}.params`, `fact "${c.fact}" takes no params`, 'invalid-params');
    }
    const plain: Condition = { fact: key, operator: c.operator, value: c.value };
    const mode = c.undocumented ?? 'not-documented';
    if (mode === 'not-documented') return plain;
    if (c.operator === DOCUMENTED) {
      problem(
        `${path}.undocumented`,
        '`undocumented:` does not apply to the `documented` operator, which reads silence itself',
        'undocumented',
      );
      return plain;
    }
    if (isFactRef(c.value)) {
      problem(`${path}.undocumented`, '`undocumented:` applies to a comparison with a value, not with another fact', 'undocumented');
      return plain;
    }
    if (context === 'named') return plain; // checked where the named condition is used
    if (mode === 'omit') {
      if (context !== 'condition')
        problem(
          `${path}.undocumented`,
          '`undocumented: omit` omits a criterion: it belongs in a criterion\'s `condition`; in a `when`, write `undocumented: met` ("unless the record says so") or leave the default',
          'undocumented',
        );
      else if (position === 'inner')
        problem(
          `${path}.undocumented`,
          "`undocumented: omit` must be the criterion's whole condition or an alternative of its top-level `any` (an exclusion the record raises); deeper in a condition silence is not-documented",
          'undocumented',
        );
      else if (!omitted.includes(key)) omitted.push(key);
      return plain;
    }
    if (mode === 'met') {
      if (context === 'condition') {
        problem(
          `${path}.undocumented`,
          "`undocumented: met` would make a criterion met on silence; in a criterion's condition use `omit` (an exclusion) or `unmet`",
          'met-on-silence',
        );
        return plain;
      }
      return { any: [{ fact: key, operator: DOCUMENTED, value: false }, plain] };
    }
    // unmet
    if (context === 'condition' && negated) {
      problem(`${path}.undocumented`, '`undocumented: unmet` under a `not` would make a criterion met on silence', 'met-on-silence');
      return plain;
    }
    return { all: [{ fact: key, operator: DOCUMENTED, value: true }, plain] };
  };

  const walk = (
    c: WrittenCondition,
    path: string,
    negated: boolean,
    position: Position,
    checkLeaf: boolean,
    names: readonly string[],
    refAt?: { path: string; name: string },
  ): Condition => {
    if ('all' in c) return { all: c.all.map((x, i) => walk(x, `${path}.all[${i}]`, negated, 'inner', checkLeaf, names, refAt)) };
    if ('any' in c)
      return {
        any: c.any.map((x, i) => walk(x, `${path}.any[${i}]`, negated, position === 'top' ? 'top-any' : 'inner', checkLeaf, names, refAt)),
      };
    if ('not' in c) return { not: walk(c.not, `${path}.not`, !negated, 'inner', checkLeaf, names, refAt) };
    if ('condition' in c) {
      const name = c.condition;
      const at = refAt?.path ?? path;
      const body = named.conditions.get(name);
      if (!body) {
        problem(
          refAt ? at : `${path}.condition`,
          `unknown named condition "${name}"${guess(name, [...named.conditions.keys()])} (rules/conditions.yaml)`,
          'unknown-condition',
        );
        return { all: [] };
      }
      if (names.includes(name)) {
        problem(refAt ? at : `${path}.condition`, `named conditions form a cycle: ${[...names, name].join(' → ')}`, 'condition-cycle');
        return { all: [] };
      }
      if (named.broken.has(name)) {
        sound = false;
        return { all: [] };
      }
      return walk(body, path, negated, position, false, [...names, name], refAt ?? { path, name });
    }
    if (!refAt) return leaf(c, path, negated, position, checkLeaf);
    // a leaf inside a named condition (its own checks were made where it is defined): a problem
    // of the place it is used is reported at the reference, naming the condition
    const found: Problem[] = [];
    sink = (p) => {
      found.push(p);
    };
    const out = leaf(c, path, negated, position, checkLeaf);
    sink = report;
    if (found[0]) report({ path: refAt.path, message: `in named condition "${refAt.name}": ${found[0].message}`, code: found[0].code });
    return out;
  };

  const condition = walk(written, base, false, 'top', true, stack);
  if (!sound) return undefined;
  if (omitted.length === 0) return { condition, omitted };
  const guards: Condition[] = omitted.map((fact) => ({ fact, operator: DOCUMENTED, value: false }));
  return { condition: { any: [...guards, ...('any' in condition ? condition.any : [condition])] }, omitted };
}
