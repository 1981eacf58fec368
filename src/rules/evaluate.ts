// Compiles json-rules-engine-format conditions into synchronous closures evaluated in
// three-valued (Kleene) logic: a condition over a fact the record does not document is
// "unknown", which becomes a criterion's `not-documented` — never a silent false.
import type { Condition } from './schema.js';
import { OPERATORS, DOCUMENTED } from './operators.js';
import type { Fact, FactValue } from '../facts/types.js';

export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Tri = typeof FALSE | typeof TRUE | typeof UNKNOWN;

export type FactReader = (id: string) => Fact<FactValue>;
export type Evaluator = (read: FactReader) => Tri;

export interface CompiledCondition {
  evaluate: Evaluator;
  /** Facts the condition reads, in order of first use (for evidence). */
  facts: string[];
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

export function compileCondition(condition: Condition, options: CompileOptions = {}): CompiledCondition {
  const facts: string[] = [];
  const note = (id: string): void => { if (!facts.includes(id)) facts.push(id); };
  const build = (c: Condition): Evaluator => {
    if ('all' in c) {
      const parts = c.all.map(build);
      return (read) => {
        let result: Tri = TRUE;
        for (const p of parts) {
          const v = p(read);
          if (v === FALSE) return FALSE;
          if (v === UNKNOWN) result = UNKNOWN;
        }
        return result;
      };
    }
    if ('any' in c) {
      const parts = c.any.map(build);
      return (read) => {
        let result: Tri = FALSE;
        for (const p of parts) {
          const v = p(read);
          if (v === TRUE) return TRUE;
          if (v === UNKNOWN) result = UNKNOWN;
        }
        return result;
      };
    }
    if ('not' in c) {
      const inner = build(c.not);
      return (read) => { const v = inner(read); return v === UNKNOWN ? UNKNOWN : v === TRUE ? FALSE : TRUE; };
    }
    const op = OPERATORS[c.operator];
    if (!op) throw new Error(`unknown operator "${c.operator}"`);
    note(c.fact);
    const factId = c.fact;
    const rhs = c.value;
    if (rhs !== null && typeof rhs === 'object' && !Array.isArray(rhs) && 'fact' in rhs) {
      const otherId = (rhs as { fact: string }).fact;
      note(otherId);
      return (read) => {
        const a = read(factId).value;
        const b = read(otherId).value;
        if (a === undefined || b === undefined) return UNKNOWN;
        return op(a, b) ? TRUE : FALSE;
      };
    }
    if (c.operator === DOCUMENTED) {
      // strict: "not stated" never satisfies a condition (stated-ness itself still can)
      if (options.strict && rhs === false) return (read) => (read(factId).value === undefined ? UNKNOWN : FALSE);
      return (read) => (op(read(factId).value, rhs) ? TRUE : FALSE);
    }
    return (read) => {
      const a = read(factId).value;
      if (a === undefined) return UNKNOWN;
      return op(a, rhs) ? TRUE : FALSE;
    };
  };
  return { evaluate: build(condition), facts };
}

/**
 * A criterion condition `any: [{fact: X, operator: documented, value: false}, …]` says "X is
 * only a problem when the record states it" (no fusion, no series, no surgery planned): an
 * exclusion. Read as such, silence about X makes the criterion not apply — it is omitted, like a
 * false `when` — rather than met. Returns the guarded facts and the condition without them.
 */
export function exclusionGuards(condition: Condition): { facts: string[]; rest: Condition } | undefined {
  if (!('any' in condition)) return undefined;
  const isGuard = (c: Condition): c is { fact: string; operator: string; value: unknown } => 'fact' in c && c.operator === DOCUMENTED && c.value === false;
  const facts = condition.any.filter(isGuard).map((c) => c.fact);
  const rest = condition.any.filter((c) => !isGuard(c));
  if (facts.length === 0 || rest.length === 0) return undefined;
  return { facts, rest: rest.length === 1 ? rest[0]! : { any: rest } };
}
