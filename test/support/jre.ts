// The pack's conditions as json-rules-engine rules, evaluated by json-rules-engine's own Engine:
// the reference the compiled three-valued evaluator (src/rules/evaluate.ts) is checked against
// (test/property.test.ts, test/rules/jre-three-valued.test.ts) and the comparison the benchmarks
// report (bench/run.ts, bench/evaluator.ts). Tests and benchmarks only: the engine never runs it.
import { Engine, type TopLevelCondition, type RuleProperties } from 'json-rules-engine';
import type { Condition } from '../../src/rules/schema.js';
import { BUILT_IN_OPERATORS, CUSTOM_OPERATORS, DOCUMENTED } from '../../src/rules/operators.js';
import type { RulePack } from '../../src/rules/pack.js';
import type { CompiledCondition } from '../../src/rules/evaluate.js';

/** json-rules-engine wants all/any/not at the top; a bare leaf is wrapped in `all`. */
export function toJreCondition(c: Condition): TopLevelCondition {
  return 'all' in c || 'any' in c || 'not' in c ? c : { all: [c] };
}

/** A criterion (or any condition with an id) as compiled: what json-rules-engine is given. */
export interface HasCondition {
  id: string;
  condition: { source: Condition };
}

export function jreRule(criterion: HasCondition): RuleProperties {
  return { name: criterion.id, conditions: toJreCondition(criterion.condition.source), event: { type: criterion.id } };
}

/** An Engine holding the given criteria as rules, with the pack's custom operators. */
export function jreEngine(criteria: readonly HasCondition[]): Engine {
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

/**
 * json-rules-engine as a three-valued reference. It decides true or false, never "unknown", so
 * each condition becomes two rules — one that holds when the condition is true, one when it is
 * false — over operators that are false on a fact the record does not document (Kleene's
 * reading, pushed to the leaves: all/any swap under "false"). A criterion is then met,
 * unmet, or neither (not documented), as the compiled evaluator says. `strict` gives a
 * criterion's condition its semantics: `documented: false` never holds on silence.
 */
export function jreTriEngine(conditions: readonly { id: string; condition: Condition; strict: boolean }[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const ops = { ...BUILT_IN_OPERATORS, ...CUSTOM_OPERATORS };
  for (const [name, fn] of Object.entries(ops)) {
    engine.addOperator(`${name}#T`, (a: unknown, b: unknown) => a !== undefined && b !== undefined && fn(a, b));
    engine.addOperator(`${name}#F`, (a: unknown, b: unknown) => a !== undefined && b !== undefined && !fn(a, b));
  }
  // `documented` reads silence itself: true/false on any fact, except strict "not stated", which never holds
  engine.addOperator('documented#T', (a: unknown, b: unknown) => (a !== undefined) === b);
  engine.addOperator('documented#F', (a: unknown, b: unknown) => (a !== undefined) !== b);
  engine.addOperator('documented-strict#T', (a: unknown, b: unknown) => b === true && a !== undefined);
  engine.addOperator('documented-strict#F', (a: unknown, b: unknown) => (b === true ? a === undefined : a !== undefined));
  const side = (c: Condition, want: 'T' | 'F', strict: boolean): Condition => {
    if ('all' in c) return want === 'T' ? { all: c.all.map((x) => side(x, 'T', strict)) } : { any: c.all.map((x) => side(x, 'F', strict)) };
    if ('any' in c) return want === 'T' ? { any: c.any.map((x) => side(x, 'T', strict)) } : { all: c.any.map((x) => side(x, 'F', strict)) };
    if ('not' in c) return side(c.not, want === 'T' ? 'F' : 'T', strict);
    const op = c.operator === DOCUMENTED && strict ? 'documented-strict' : c.operator;
    return { ...c, operator: `${op}#${want}` };
  };
  for (const { id, condition, strict } of conditions) {
    engine.addRule({ name: `${id}#T`, conditions: toJreCondition(side(condition, 'T', strict)), event: { type: `${id}#T` } });
    engine.addRule({ name: `${id}#F`, conditions: toJreCondition(side(condition, 'F', strict)), event: { type: `${id}#F` } });
  }
  return engine;
}

/** Per condition id: 1 true, 0 false, 2 unknown — the compiled evaluator's Tri values. */
export async function jreTri(engine: Engine, facts: Record<string, unknown>): Promise<Map<string, 0 | 1 | 2>> {
  const { events } = await engine.run(facts);
  const fired = new Set(events.map((e) => e.type));
  const out = new Map<string, 0 | 1 | 2>();
  for (const type of fired) {
    const [id, side] = [type.slice(0, -2), type.slice(-1)];
    if (side === 'T') out.set(id, 1);
    else if (!fired.has(`${id}#T`)) out.set(id, 0);
  }
  return out;
}

/** Every compiled condition of the pack, with an id saying where it sits. */
export function packConditions(pack: RulePack): { id: string; compiled: CompiledCondition }[] {
  const out: { id: string; compiled: CompiledCondition }[] = [];
  const add = (id: string, compiled: CompiledCondition | undefined): void => {
    if (compiled) out.push({ id, compiled });
  };
  for (const t of pack.topics) {
    add(`${t.id}:appliesTo.when`, t.when);
    t.guideline.forEach((g, i) => add(`${t.id}:guideline[${i}].when`, g.when));
    for (const c of t.criteria) {
      add(`${c.id}:condition`, c.condition);
      add(`${c.id}:when`, c.when);
      add(`${c.id}:stated`, c.stated);
    }
  }
  return out;
}
