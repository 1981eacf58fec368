// The compiled criteria as json-rules-engine rules, evaluated by json-rules-engine's own
// Engine. The hot path (evaluate.ts) is a synchronous three-valued evaluator of the same
// conditions; this module is the reference it is checked against (test/property.test.ts) and
// the comparison the benchmark reports.
import { Engine, type TopLevelCondition, type RuleProperties } from 'json-rules-engine';
import type { Condition } from './schema.js';
import { CUSTOM_OPERATORS } from './operators.js';
import type { CompiledCriterion } from './pack.js';

/** json-rules-engine wants all/any/not at the top; a bare leaf is wrapped in `all`. */
export function toJreCondition(c: Condition): TopLevelCondition {
  return ('all' in c || 'any' in c || 'not' in c ? c : { all: [c] }) as unknown as TopLevelCondition;
}

export function jreRule(criterion: CompiledCriterion): RuleProperties {
  return { name: criterion.id, conditions: toJreCondition(criterion.spec.condition), event: { type: criterion.id } };
}

/** An Engine holding the given criteria as rules, with the pack's custom operators. */
export function jreEngine(criteria: readonly CompiledCriterion[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, fn] of Object.entries(CUSTOM_OPERATORS)) engine.addOperator(name, fn);
  for (const c of criteria) engine.addRule(jreRule(c));
  return engine;
}

/** Which criteria json-rules-engine finds true for the given fact values. */
export async function jreMet(engine: Engine, facts: Record<string, unknown>): Promise<Set<string>> {
  const { events } = await engine.run(facts);
  return new Set(events.map((e) => e.type));
}
