// Compiles json-rules-engine-format conditions into synchronous closures evaluated in
// three-valued (Kleene) logic: a condition over a fact the record does not document is
// "unknown", which becomes a criterion's `not-documented` — never a silent false.
// A compiled condition also explains itself: every leaf's result, and which leaves decided
// the outcome (what evidence a criterion shows).
import type { Condition } from './schema.js';
import { OPERATORS, DOCUMENTED } from './operators.js';
import type { Fact, FactValue } from '../facts/types.js';

export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Tri = typeof FALSE | typeof TRUE | typeof UNKNOWN;

export type FactReader = (id: string) => Fact<FactValue>;
export type Evaluator = (read: FactReader) => Tri;

type Leaf = Extract<Condition, { fact: string }>;

/** One leaf of a condition as evaluated for a service. */
export interface LeafResult {
  fact: string;
  /** The fact's value (undefined: not documented). */
  value: FactValue | undefined;
  operator: string;
  /** The rule's value, or, when the leaf compares with another fact, that fact's value. */
  expected: unknown;
  /** The other fact, when the leaf compares two facts. */
  expectedFact?: string;
  result: Tri;
  /** Evidence paths of the fact (and of the compared fact). */
  evidence: readonly string[];
}

export interface ConditionTrace {
  value: Tri;
  /** Every leaf, in the condition's order. */
  leaves: LeafResult[];
  /**
   * The leaves that decided the value: for `all` false its false leaves, for `any` true its
   * first true leaf, for unknown the unknown leaves that would change it; for `all` true and
   * `any` false, every leaf.
   */
  deciding: LeafResult[];
}

export interface CompiledCondition {
  evaluate: Evaluator;
  /** The value with every leaf's result and the deciding leaves (slower than `evaluate`). */
  explain: (read: FactReader) => ConditionTrace;
  /** Facts the condition reads, in order of first use. */
  facts: string[];
  /** The condition as compiled (what the json-rules-engine agreement tests hand to it). */
  source: Condition;
  /** Whether `documented: false` was compiled strict (see CompileOptions). */
  strict: boolean;
}

export interface CompileOptions {
  /**
   * A criterion's own condition: nothing in it is satisfied by silence. `{documented: false}`
   * is then unknown on an absent fact (false on a stated one), so `any: [{documented: false}, …]`
   * can no longer make a criterion met on a missing fact.
   * Applicability (`when`) keeps the plain semantics: there, silence about an exception means
   * the criterion applies, which only makes a request stricter.
   */
  strict?: boolean;
}

/** The compiled tree: evaluate and explain walk the same nodes. */
type Node =
  { kind: 'all' | 'any'; parts: Node[] } | { kind: 'not'; part: Node } | { kind: 'leaf'; leaf: Leaf; otherFact?: string; test: Evaluator };

export function compileCondition(condition: Condition, options: CompileOptions = {}): CompiledCondition {
  const facts: string[] = [];
  const note = (id: string): void => {
    if (!facts.includes(id)) facts.push(id);
  };
  const build = (c: Condition): Node => {
    if ('all' in c) return { kind: 'all', parts: c.all.map(build) };
    if ('any' in c) return { kind: 'any', parts: c.any.map(build) };
    if ('not' in c) return { kind: 'not', part: build(c.not) };
    const leaf = compileLeaf(c, options);
    note(c.fact);
    if (leaf.otherFact) note(leaf.otherFact);
    return leaf;
  };
  const root = build(condition);
  return { evaluate: evaluator(root), explain: (read) => explain(root, read), facts, source: condition, strict: options.strict === true };
}

/** A leaf's own test. A leaf-level option (how silence reads, …) belongs here. */
function compileLeaf(c: Leaf, options: CompileOptions): Extract<Node, { kind: 'leaf' }> {
  const op = OPERATORS[c.operator];
  if (!op) throw new Error(`unknown operator "${c.operator}"`);
  const factId = c.fact;
  const rhs = c.value;
  if (rhs !== null && typeof rhs === 'object' && !Array.isArray(rhs) && 'fact' in rhs) {
    const otherId = (rhs as { fact: string }).fact;
    return {
      kind: 'leaf',
      leaf: c,
      otherFact: otherId,
      test: (read) => {
        const a = read(factId).value;
        const b = read(otherId).value;
        if (a === undefined || b === undefined) return UNKNOWN;
        return op(a, b) ? TRUE : FALSE;
      },
    };
  }
  if (c.operator === DOCUMENTED) {
    // strict: "not stated" never satisfies a condition (stated-ness itself still can)
    const test: Evaluator =
      options.strict && rhs === false
        ? (read) => (read(factId).value === undefined ? UNKNOWN : FALSE)
        : (read) => (op(read(factId).value, rhs) ? TRUE : FALSE);
    return { kind: 'leaf', leaf: c, test };
  }
  return {
    kind: 'leaf',
    leaf: c,
    test: (read) => {
      const a = read(factId).value;
      if (a === undefined) return UNKNOWN;
      return op(a, rhs) ? TRUE : FALSE;
    },
  };
}

/** The fast path: short-circuiting closures, no allocation. */
function evaluator(node: Node): Evaluator {
  if (node.kind === 'leaf') return node.test;
  if (node.kind === 'not') {
    const inner = evaluator(node.part);
    return (read) => {
      const v = inner(read);
      return v === UNKNOWN ? UNKNOWN : v === TRUE ? FALSE : TRUE;
    };
  }
  const parts = node.parts.map(evaluator);
  // all: false decides, any: true decides; otherwise unknown if any part is
  const decisive = node.kind === 'all' ? FALSE : TRUE;
  const otherwise = node.kind === 'all' ? TRUE : FALSE;
  return (read) => {
    let result: Tri = otherwise;
    for (const p of parts) {
      const v = p(read);
      if (v === decisive) return decisive;
      if (v === UNKNOWN) result = UNKNOWN;
    }
    return result;
  };
}

/** Evaluates every leaf (no short circuit) and keeps the deciding ones. */
function explain(root: Node, read: FactReader): ConditionTrace {
  const leaves: LeafResult[] = [];
  const { value, deciding } = walk(root, read, leaves);
  return { value, leaves, deciding };
}

function walk(node: Node, read: FactReader, leaves: LeafResult[]): { value: Tri; deciding: LeafResult[] } {
  if (node.kind === 'leaf') {
    const result = leafResult(node, read);
    leaves.push(result);
    return { value: result.result, deciding: [result] };
  }
  if (node.kind === 'not') {
    const inner = walk(node.part, read, leaves);
    return { value: inner.value === UNKNOWN ? UNKNOWN : inner.value === TRUE ? FALSE : TRUE, deciding: inner.deciding };
  }
  // all: false decides (every false part); any: true decides (the first true part);
  // otherwise unknown parts decide, and when there are none, every part does
  const decisive = node.kind === 'all' ? FALSE : TRUE;
  const decided: LeafResult[] = [];
  const unknown: LeafResult[] = [];
  const every: LeafResult[] = [];
  let found = false;
  for (const part of node.parts) {
    const r = walk(part, read, leaves);
    if (r.value === decisive) {
      if (node.kind === 'all' || !found) decided.push(...r.deciding);
      found = true;
    } else if (!found) {
      (r.value === UNKNOWN ? unknown : every).push(...r.deciding);
    }
  }
  if (found) return { value: decisive, deciding: decided };
  if (unknown.length > 0) return { value: UNKNOWN, deciding: unknown };
  return { value: node.kind === 'all' ? TRUE : FALSE, deciding: every };
}

function leafResult(node: Extract<Node, { kind: 'leaf' }>, read: FactReader): LeafResult {
  const { leaf, otherFact } = node;
  const fact = read(leaf.fact);
  if (!otherFact)
    return {
      fact: leaf.fact,
      value: fact.value,
      operator: leaf.operator,
      expected: leaf.value,
      result: node.test(read),
      evidence: fact.evidence,
    };
  const other = read(otherFact);
  const evidence = [...fact.evidence, ...other.evidence.filter((e) => !fact.evidence.includes(e))];
  return {
    fact: leaf.fact,
    value: fact.value,
    operator: leaf.operator,
    expected: other.value,
    expectedFact: otherFact,
    result: node.test(read),
    evidence,
  };
}

/**
 * A criterion condition `any: [{fact: X, operator: documented, value: false}, …]` says "X is
 * only a problem when the record states it" (no fusion, no series, no surgery planned): an
 * exclusion. Read as such, silence about X makes the criterion not apply — it is omitted, like a
 * false `when` — rather than met. Returns the guarded facts and the condition without them.
 */
export function exclusionGuards(condition: Condition): { facts: string[]; rest: Condition } | undefined {
  if (!('any' in condition)) return undefined;
  const isGuard = (c: Condition): c is { fact: string; operator: string; value: unknown } =>
    'fact' in c && c.operator === DOCUMENTED && c.value === false;
  const facts = condition.any.filter(isGuard).map((c) => c.fact);
  const rest = condition.any.filter((c) => !isGuard(c));
  if (facts.length === 0 || rest.length === 0) return undefined;
  return { facts, rest: rest.length === 1 ? rest[0]! : { any: rest } };
}
