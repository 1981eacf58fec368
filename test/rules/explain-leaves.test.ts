// A compiled condition explains itself: every leaf's result, and the leaves that decided the
// value — what a criterion's evidence shows.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compileCondition, FALSE, TRUE, UNKNOWN, type LeafResult } from '../../src/rules/evaluate.js';
import { conditionArb, generatedFactsArb } from '../support/condition-arb.js';
import type { Fact } from '../../src/facts/types.js';
import { rulePack } from '../../src/rules/pack.js';

const facts: Record<string, Fact> = {
  'a.weeks': { value: 2, evidence: ['injury.date = 2016-01-01'] },
  'a.mri': { value: true, evidence: ['studies[0].type = mri'] },
  'a.redFlags': { value: undefined, evidence: ['documentation.redFlags not stated'] },
  'a.limit': { value: 4, evidence: ['a limit'] },
  'a.none': { value: undefined, evidence: [] },
};
const read = (id: string): Fact => facts[id] ?? { value: undefined, evidence: [] };
const ids = (leaves: LeafResult[]): string[] => leaves.map((l) => `${l.fact} ${l.operator}`);

describe('leaf results', () => {
  it('gives each leaf its fact, value, operator, expected value, tri-state and evidence', () => {
    const trace = compileCondition({
      all: [
        { fact: 'a.weeks', operator: 'greaterThanInclusive', value: 4 },
        { fact: 'a.mri', operator: 'equal', value: true },
      ],
    }).explain(read);
    expect(trace.value).toBe(FALSE);
    expect(trace.leaves).toEqual([
      { fact: 'a.weeks', value: 2, operator: 'greaterThanInclusive', expected: 4, result: FALSE, evidence: ['injury.date = 2016-01-01'] },
      { fact: 'a.mri', value: true, operator: 'equal', expected: true, result: TRUE, evidence: ['studies[0].type = mri'] },
    ]);
  });

  it('names the compared fact and its value when a leaf compares two facts', () => {
    const [leaf] = compileCondition({ fact: 'a.weeks', operator: 'lessThan', value: { fact: 'a.limit' } }).explain(read).leaves;
    expect(leaf).toMatchObject({ expected: 4, expectedFact: 'a.limit', result: TRUE, evidence: ['injury.date = 2016-01-01', 'a limit'] });
  });
});

describe('deciding leaves', () => {
  const weeks = { fact: 'a.weeks', operator: 'greaterThanInclusive', value: 4 };
  const weeksOk = { fact: 'a.weeks', operator: 'greaterThanInclusive', value: 1 };
  const mri = { fact: 'a.mri', operator: 'equal', value: true };
  const noMri = { fact: 'a.mri', operator: 'equal', value: false };
  const flags = { fact: 'a.redFlags', operator: 'contains', value: 'x' };

  it('all, false: every false leaf, not the true ones', () => {
    const t = compileCondition({ all: [weeks, mri, noMri, flags] }).explain(read);
    expect(t.value).toBe(FALSE);
    expect(ids(t.deciding)).toEqual(['a.weeks greaterThanInclusive', 'a.mri equal']);
    expect(t.deciding.every((l) => l.result === FALSE)).toBe(true);
    expect(t.leaves).toHaveLength(4);
  });

  it('any, true: the first true leaf', () => {
    const t = compileCondition({ any: [weeks, flags, mri, weeksOk] }).explain(read);
    expect(t.value).toBe(TRUE);
    expect(t.deciding).toEqual([t.leaves[2]]);
  });

  it('unknown: the unknown leaves that would change it, not the false ones beside them', () => {
    const t = compileCondition({ all: [mri, { any: [weeks, flags] }] }).explain(read);
    expect(t.value).toBe(UNKNOWN);
    expect(ids(t.deciding)).toEqual(['a.redFlags contains']);
  });

  it('all true and any false: every leaf', () => {
    expect(compileCondition({ all: [mri, weeksOk] }).explain(read).deciding).toHaveLength(2);
    expect(compileCondition({ any: [noMri, weeks] }).explain(read).deciding).toHaveLength(2);
  });

  it('not: the leaves that decided what it negates', () => {
    const t = compileCondition({ not: { all: [weeks, mri] } }).explain(read);
    expect(t.value).toBe(TRUE);
    expect(ids(t.deciding)).toEqual(['a.weeks greaterThanInclusive']);
  });
});

describe('explain agrees with evaluate', () => {
  it('on generated conditions and facts, strict or not: same value, and the deciding leaves are among the leaves', () => {
    fc.assert(
      fc.property(conditionArb, fc.boolean(), generatedFactsArb, (c, strict, values) => {
        const read = (id: string): Fact => ({ value: values[id] as never, evidence: [] });
        const compiled = compileCondition(c, { strict });
        const trace = compiled.explain(read);
        expect(trace.value).toBe(compiled.evaluate(read));
        expect(trace.deciding.length).toBeGreaterThan(0);
        for (const d of trace.deciding) expect(trace.leaves).toContain(d);
      }),
      { numRuns: 500 },
    );
  });

  it('on every criterion of the pack, with the facts of a request', async () => {
    const { normalizeRequest } = await import('../../src/request/normalize.js');
    const { FactStore } = await import('../../src/facts/store.js');
    const { requestSchema } = await import('../../src/request/schema.js');
    const request = normalizeRequest(
      requestSchema.parse({
        format: 'imr-precheck/request@1',
        id: 'explain',
        decisionDate: '2016-06-01',
        injury: { date: '2016-01-01', regions: ['lumbar'] },
        symptoms: [{ kind: 'radicular-pain', region: 'lumbar', side: 'left' }],
        services: [{ id: 's1', kind: 'injection', label: 'lumbar epidural steroid injection L5-S1' }],
      }),
    );
    const store = new FactStore(request, request.services[0]!);
    const r = (id: string) => store.get(id);
    let n = 0;
    for (const { criterion } of rulePack().criteria.values()) {
      expect(criterion.condition.explain(r).value, criterion.id).toBe(criterion.condition.evaluate(r));
      n++;
    }
    expect(n).toBeGreaterThan(200);
  });
});
