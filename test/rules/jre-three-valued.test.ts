// The compiled three-valued evaluator agrees with json-rules-engine on every criterion's
// condition and applicability, also when facts are not documented (json-rules-engine through the
// three-valued adapter in src/rules/jre.ts).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { loadRulePack } from '../../src/rules/pack.js';
import { exclusionGuards, compileCondition } from '../../src/rules/evaluate.js';
import { jreTriEngine, jreTri } from '../../src/rules/jre.js';
import { FACTS } from '../../src/facts/registry.js';
import { parseFactKey } from '../../src/facts/params.js';
import type { Fact } from '../../src/facts/types.js';

const pack = loadRulePack();
const criteria = [...pack.criteria.values()].map((x) => x.criterion);
// the condition each compiled closure was built from: a criterion's condition without its exclusion guards (strict), its `when` (plain)
const sources = criteria.flatMap((c) => [
  { id: `${c.id}:condition`, condition: exclusionGuards(c.spec.condition)?.rest ?? c.spec.condition, strict: true, compiled: c.condition },
  ...(c.spec.when && c.when ? [{ id: `${c.id}:when`, condition: c.spec.when, strict: false, compiled: c.when }] : []),
]);
const engine = jreTriEngine(sources);

const factValue = (id: string): fc.Arbitrary<unknown> => {
  const type = FACTS.get(parseFactKey(id).id)!.type;
  const value: fc.Arbitrary<unknown> = type === 'boolean' ? fc.boolean()
    : type === 'number' ? fc.integer({ min: 0, max: 150 })
      : type === 'list' ? fc.subarray(['trigger-point-injection', 'kind-a', 'L5', 'L4-5', 'trauma', 'failed'])
        : fc.constantFrom('lumbar', 'cervical', 'diagnostic', 'therapeutic', 'failed', 'improved', 'given', 'partial', 'opioid', 'mri', 'xray');
  return fc.option(value, { nil: undefined, freq: 2 });
};

describe('the evaluator agrees with json-rules-engine in three-valued logic', () => {
  it('has a condition to compare for every criterion', () => {
    expect(sources.length).toBeGreaterThanOrEqual(criteria.length);
    expect(compileCondition(sources[0]!.condition, { strict: true }).facts.length).toBeGreaterThan(0);
  });

  it('on every condition, with any mix of documented and undocumented facts', async () => {
    const ids = [...new Set(sources.flatMap((s) => s.compiled.facts))];
    await fc.assert(fc.asyncProperty(fc.record(Object.fromEntries(ids.map((id) => [id, factValue(id)]))), async (facts) => {
      const theirs = await jreTri(engine, facts);
      const read = (id: string): Fact => ({ value: facts[id] as never, evidence: [] });
      for (const s of sources) expect(s.compiled.evaluate(read), s.id).toBe(theirs.get(s.id) ?? 2);
    }), { numRuns: 100 });
  }, 120_000);
});
