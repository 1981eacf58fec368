// Properties the engine must keep for any input (fast-check).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkText, checkRequest } from '../src/api.js';
import { InputError } from '../src/request/issues.js';
import { requestSchema, type Request } from '../src/request/schema.js';
import { parseLevels, VERTEBRAE, segmentName } from '../src/request/levels.js';
import { rulePack } from '../src/rules/pack.js';
import { TRUE, FALSE, UNKNOWN } from '../src/rules/evaluate.js';
import { jreEngine, jreMet } from './support/jre.js';
import { factValues } from './support/fact-values.js';
import { FACTS } from '../src/facts/registry.js';
import { parseFactKey } from '../src/facts/params.js';
import type { Fact } from '../src/facts/types.js';
import { mergePatch } from '../src/cases/merge-patch.js';
import { loadJson } from '../src/request/load.js';

const pack = rulePack();

/** A valid request with a random record, built from the spec's vocabularies. */
const requestArb: fc.Arbitrary<Request> = fc
  .record(
    {
      exam: fc.array(
        fc.record(
          {
            finding: fc.constantFrom(
              'straight-leg-raise',
              'sensory-deficit',
              'motor-weakness',
              'reflex-change',
              'facet-tenderness',
              'facet-loading',
              'trigger-point',
            ),
            result: fc.constantFrom('positive', 'negative', undefined),
            dermatome: fc.constantFrom('L4', 'L5', 'S1', 'C6', undefined),
            twitchResponse: fc.constantFrom(true, false, undefined),
            referredPain: fc.constantFrom(true, false, undefined),
          },
          { requiredKeys: ['finding'] },
        ),
        { maxLength: 5 },
      ),
      studies: fc.array(
        fc.record(
          {
            type: fc.constantFrom('mri', 'ct', 'emg-ncv', 'xray'),
            region: fc.constantFrom('lumbar', 'cervical', 'knee', undefined),
            officialReport: fc.constantFrom(true, false, undefined),
            findings: fc.array(
              fc.record(
                {
                  kind: fc.constantFrom(
                    'nerve-root-compression',
                    'foraminal-stenosis',
                    'facet-arthropathy',
                    'radiculopathy',
                    'normal',
                    'central-stenosis',
                  ),
                  level: fc.constantFrom('L3-4', 'L4-5', 'L5-S1', 'C5-6', undefined),
                },
                { requiredKeys: ['kind'] },
              ),
              { maxLength: 3 },
            ),
          },
          { requiredKeys: ['type'] },
        ),
        { maxLength: 3 },
      ),
      treatments: fc.array(
        fc.record(
          {
            kind: fc.constantFrom(
              'physical-therapy',
              'home-exercise',
              'nsaid',
              'muscle-relaxant',
              'epidural-steroid-injection',
              'trigger-point-injection',
              'medial-branch-block',
            ),
            outcome: fc.constantFrom('failed', 'partial', 'improved', 'unknown', undefined),
            reliefPercent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
            reliefWeeks: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
            date: fc.constantFrom('2015-01-01', '2016-03-01', undefined),
            functionImproved: fc.constantFrom(true, false, undefined),
          },
          { requiredKeys: ['kind'] },
        ),
        { maxLength: 5 },
      ),
      diagnoses: fc.array(fc.constantFrom('lumbar radiculopathy', 'myofascial pain', 'lumbar strain', 'anxiety'), { maxLength: 2 }),
      documentation: fc.record(
        {
          functionalImprovement: fc.boolean(),
          risksDiscussed: fc.boolean(),
          homeExerciseProgram: fc.boolean(),
          surgeryPlanned: fc.boolean(),
          redFlags: fc.array(fc.constantFrom('trauma', 'infection', 'cauda-equina'), { maxLength: 1 }),
        },
        { requiredKeys: [] },
      ),
      services: fc.array(
        fc.record(
          {
            kind: fc.constantFrom(
              'epidural-steroid-injection',
              'facet-joint-injection',
              'medial-branch-block',
              'trigger-point-injection',
              'facet-radiofrequency-neurotomy',
              'medication',
              'transportation',
              'consultation',
            ),
            levels: fc.constantFrom('L4-5', 'L3-S1', ['L4-5', 'L5-S1'], undefined),
            purpose: fc.constantFrom('diagnostic', 'therapeutic', undefined),
            quantity: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
            name: fc.constantFrom('Norco', 'Medrol dosepak', 'Tramadol'),
          },
          { requiredKeys: ['kind'] },
        ),
        { minLength: 1, maxLength: 3 },
      ),
    },
    { requiredKeys: ['services'] },
  )
  .map((r) =>
    requestSchema.parse(
      JSON.parse(
        JSON.stringify({
          format: 'imr-precheck/request@1',
          id: 'prop',
          decisionDate: '2016-06-01',
          injury: { date: '2015-01-01', regions: ['lumbar'] },
          ...r,
          services: r.services.map((s, i) => ({ id: `s${i}`, ...s, ...(s.kind === 'medication' ? {} : { name: undefined }) })),
        }),
      ),
    ),
  );

describe('robustness', () => {
  it('never crashes on arbitrary JSON: a structured input error or a determination', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          const r = checkText(JSON.stringify(value), 'fuzz.json');
          expect(r.format).toBe('imr-precheck/result@1');
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
          expect((err as InputError).issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
  it('never crashes on mutated valid requests', () => {
    const mutation = fc.record({
      path: fc.constantFrom('services', 'exam', 'studies', 'documentation', 'diagnoses', 'patient', 'decisionDate', 'injury'),
      value: fc.jsonValue(),
    });
    fc.assert(
      fc.property(requestArb, mutation, (request, m) => {
        const mutated = mergePatch(request, { [m.path]: m.value });
        try {
          checkText(JSON.stringify(mutated), 'mutated.json');
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('determinism', () => {
  it('gives byte-identical JSON for the same request and rule pack', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const a = JSON.stringify(checkRequest(request, { pack, today: '2016-06-01' }));
        const b = JSON.stringify(checkRequest(structuredClone(request), { pack, today: '2016-06-01' }));
        expect(a).toBe(b);
      }),
      { numRuns: 100 },
    );
  });
});

describe('documenting a failing criterion', () => {
  // Documentation that satisfies one criterion each, for the kinds of request the generator makes.
  const fixes: Record<string, Record<string, unknown>> = {
    'esi.radiculopathy-on-exam': { exam: [{ finding: 'sensory-deficit', result: 'positive', dermatome: 'L5' }] },
    'esi.radiculopathy-corroborated': {
      exam: [{ finding: 'sensory-deficit', result: 'positive', dermatome: 'L5' }],
      studies: [{ type: 'mri', region: 'lumbar', officialReport: true, findings: [{ kind: 'nerve-root-compression', level: 'L4-5' }] }],
    },
    'esi.conservative-care-failed': {
      treatments: [
        { kind: 'physical-therapy', outcome: 'failed' },
        { kind: 'nsaid', outcome: 'failed' },
      ],
    },
    'ocs.risks-discussed': { documentation: { risksDiscussed: true } },
  };
  it('never turns an overturned service upheld, and makes the fixed criterion met', () => {
    fc.assert(
      fc.property(requestArb, fc.constantFrom(...Object.keys(fixes)), (request, criterionId) => {
        const before = checkRequest(request, { pack });
        const patch = fixes[criterionId]!;
        const fixed = requestSchema.parse(mergePatch(request, patch));
        const after = checkRequest(fixed, { pack });
        before.services.forEach((s, i) => {
          const a = after.services[i]!;
          const wasFailing = s.criteria.find((c) => c.id === criterionId && c.status !== 'met');
          if (wasFailing) expect(a.criteria.find((c) => c.id === criterionId)?.status).toBe('met');
          if (s.prediction === 'overturned' && s.kind === 'epidural-steroid-injection') expect(a.prediction).toBe('overturned');
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('level parsing', () => {
  const segmentsArb = fc
    .integer({ min: 0, max: VERTEBRAE.length - 2 })
    .chain((start) => fc.integer({ min: start + 1, max: VERTEBRAE.length - 1 }).map((end) => ({ start, end })));
  it('a range expands to its consecutive segments, and the segment list parses back to itself', () => {
    fc.assert(
      fc.property(segmentsArb, ({ start, end }) => {
        const range = `${VERTEBRAE[start]}-${VERTEBRAE[end]}`;
        const parsed = parseLevels(range);
        expect(parsed.ok).toBe(true);
        const levels = parsed.ok ? parsed.levels : [];
        expect(levels).toHaveLength(end - start);
        expect(levels[0]).toBe(segmentName(VERTEBRAE[start]!, VERTEBRAE[start + 1]!));
        expect(parseLevels(levels)).toEqual({ ok: true, levels });
        expect(parseLevels(levels.join(', '))).toEqual({ ok: true, levels });
      }),
    );
  });
});

describe('the synchronous evaluator agrees with json-rules-engine', () => {
  const criteria = [...pack.criteria.values()].map((x) => x.criterion);
  const engine = jreEngine(criteria);
  const sources = criteria.map((c) => c.condition.source);
  const ids = [...new Set(criteria.flatMap((c) => c.condition.facts))];
  const read =
    (facts: Record<string, unknown>) =>
    (id: string): Fact => ({ value: facts[id] as never, evidence: [] });

  it('on every criterion, for any fully documented facts', async () => {
    // fact values drawn from what the pack compares each fact with, never undefined
    const factValue = factValues(sources, 0);
    await fc.assert(
      fc.asyncProperty(fc.record(Object.fromEntries(ids.map((id) => [id, factValue(id)]))), async (facts) => {
        const met = await jreMet(engine, facts);
        for (const c of criteria) {
          const ours = c.condition.evaluate(read(facts));
          expect(ours === TRUE || ours === FALSE, c.id).toBe(true);
          expect(ours === TRUE, c.id).toBe(met.has(c.id));
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000); // correctness, not speed: 2 shared cores can make 150 engine runs slow

  it('with undocumented facts, wherever the evaluator decides, plain json-rules-engine decides the same', async () => {
    // json-rules-engine reads an absent fact as some true-or-false leaf; Kleene's logic is regular
    // (a value it decides holds whatever the unknown leaves turn out to be), so a criterion the
    // evaluator finds met or unmet is met or unmet for json-rules-engine too. What it leaves
    // unknown, json-rules-engine answers arbitrarily: test/rules/jre-three-valued.test.ts
    // compares those through the three-valued adapter.
    const factValue = factValues(sources, 2);
    let decided = 0;
    let unknown = 0;
    await fc.assert(
      fc.asyncProperty(fc.record(Object.fromEntries(ids.map((id) => [id, factValue(id)]))), async (facts) => {
        const met = await jreMet(engine, facts);
        for (const c of criteria) {
          const ours = c.condition.evaluate(read(facts));
          if (ours === UNKNOWN) {
            unknown++;
            continue;
          }
          decided++;
          expect(met.has(c.id), c.id).toBe(ours === TRUE);
        }
      }),
      { numRuns: 100 },
    );
    expect(decided).toBeGreaterThan(0);
    expect(unknown).toBeGreaterThan(0);
  }, 120_000);
});

describe('nothing is met on silence', () => {
  const criteria = [...pack.criteria.values()].map((x) => x.criterion);
  const reads = (c: (typeof criteria)[number]): string[] => [...new Set([...c.condition.facts, ...(c.stated?.facts ?? [])])];
  /** A criterion's outcome for given fact values: omitted (an exclusion not raised), or its tri-state. */
  const outcome = (c: (typeof criteria)[number], values: Record<string, unknown>): 'omitted' | 0 | 1 | 2 => {
    const read = (id: string): Fact => ({ value: values[id] as never, evidence: [] });
    if (c.stated && c.stated.evaluate(read) !== TRUE) return 'omitted';
    return c.condition.evaluate(read);
  };
  const factValue = (id: string): fc.Arbitrary<unknown> => {
    const type = FACTS.get(parseFactKey(id).id)!.type;
    if (type === 'boolean') return fc.boolean();
    if (type === 'number') return fc.integer({ min: 0, max: 150 });
    if (type === 'list') return fc.subarray(['trigger-point-injection', 'kind-a', 'L5', 'L4-5', 'trauma', 'surface-emg', 'failed']);
    return fc.constantFrom(
      'lumbar',
      'cervical',
      'diagnostic',
      'therapeutic',
      'failed',
      'improved',
      'given',
      'helped',
      'partial',
      'none',
      'opioid',
      'transforaminal',
    );
  };

  it('no criterion is met when every fact it reads is absent', () => {
    const metOnSilence = criteria.filter((c) => outcome(c, {}) === TRUE).map((c) => c.id);
    expect(metOnSilence).toEqual([]);
    expect(criteria.length).toBeGreaterThan(200);
  });

  it('removing documented facts never turns a criterion that is not met into met', () => {
    const ids = [...new Set(criteria.flatMap(reads))];
    const arb = fc.record({
      values: fc.record(Object.fromEntries(ids.map((id) => [id, factValue(id)]))),
      removed: fc.subarray(ids),
    });
    fc.assert(
      fc.property(arb, ({ values, removed }) => {
        const fewer: Record<string, unknown> = { ...values };
        for (const id of removed) delete fewer[id];
        for (const c of criteria) {
          if (outcome(c, values) !== TRUE) expect(outcome(c, fewer), c.id).not.toBe(TRUE);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('a presumed criterion (how a procedure is performed) is not-stated, never met, when the request is silent', () => {
    const esi = checkText(
      'format: imr-precheck/request@1\nid: p\ndecisionDate: 2017-01-01\nservices: [ { id: esi, kind: epidural-steroid-injection, levels: L4-5 } ]\n',
    );
    const fluoro = esi.services[0]!.criteria.find((c) => c.id === 'esi.fluoroscopy');
    expect(fluoro?.status).toBe('not-stated');
  });
});

describe('JSON duplicate keys', () => {
  // keys with quotes, backslashes and colons exercise the textual key count
  const key = fc.string({ unit: fc.constantFrom('a', 'b', '"', '\\', ':', ' ', 'é'), maxLength: 4 });
  const leaf = fc.oneof(fc.integer(), key, fc.constant(null));
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 3 })),
  })).node;
  it('accepts any object without a repeated key, and finds a key repeated anywhere', () => {
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 4 }), key, (object, extra) => {
        const text = JSON.stringify(object);
        expect(loadJson(text, 'p.json').data).toEqual(object);
        // repeat the object's first key at its end: JSON.parse would silently keep the last value
        const first = JSON.stringify(Object.keys(object)[0]);
        const repeated = `${text.slice(0, -1)},${first}:${JSON.stringify(extra)}}`;
        expect(() => loadJson(repeated, 'p.json')).toThrow(/this key appears twice/);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
