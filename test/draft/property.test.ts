// Properties of drafting on any text: it never throws, the draft always validates, every
// evidence span quotes its source exactly, and the same text gives the same draft.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { draftRequest } from '../../src/draft/draft.js';
import { SourceText, type Evidence } from '../../src/draft/source.js';
import { loadJson } from '../../src/request/load.js';
import { validateRequest } from '../../src/request/validate.js';

/** Every {line, column, quote} under an `extensions` key of the draft. */
function evidenceOf(node: unknown, out: Evidence[] = []): Evidence[] {
  if (Array.isArray(node)) {
    for (const n of node) evidenceOf(n, out);
    return out;
  }
  if (node === null || typeof node !== 'object') return out;
  const o = node as Record<string, unknown>;
  if (typeof o.line === 'number' && typeof o.column === 'number' && typeof o.quote === 'string') out.push(o as unknown as Evidence);
  for (const value of Object.values(o)) evidenceOf(value, out);
  return out;
}

const WORDS = [
  'The',
  'patient',
  'denies',
  'no',
  'numbness',
  'left',
  'right',
  'bilateral',
  'L4-5',
  'L5-S1',
  'C6',
  'MRI',
  'of the',
  'lumbar spine',
  'revealed',
  'protrusion',
  'straight leg raise',
  'positive',
  'negative',
  'Spurling',
  'McMurray',
  'Tinel',
  'sensation',
  'intact',
  'decreased',
  '4/5',
  '7/10',
  'physical therapy',
  '12 sessions',
  '2x6',
  'failed',
  'improved',
  'Norco',
  '10/325 mg',
  '#90',
  'twice a week for 4 weeks',
  'on 10-19-16',
  '3 weeks ago',
  'rule out',
  'possible',
  '?',
  'status post',
  'fusion',
  'history of',
  'tenderness',
  'knee',
  'shoulder',
  '.',
  ',',
  ';',
  ':',
  '\n',
  '\n\n',
  'PLAN:',
  'OBJECTIVE:',
  'Treatment to date has included',
  'utilization review',
  'ESI',
  '60% relief',
];
const clinical = fc.array(fc.constantFrom(...WORDS), { maxLength: 80 }).map((w) => w.join(' '));
const anyText = fc.oneof(clinical, fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }));

describe('draft properties', () => {
  it('never throws, validates, quotes its source exactly, and is deterministic', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const draft = draftRequest(text);
        // the project's own validator accepts it
        expect(() => validateRequest(loadJson(JSON.stringify(draft.request), 'draft.json'))).not.toThrow();
        const source = new SourceText(draft.text);
        for (const e of evidenceOf(draft.request)) {
          const at = source.offsetOf(e.line, e.column);
          expect(draft.text.slice(at, at + e.quote.length)).toBe(e.quote);
          expect(e.quote.length).toBeGreaterThan(0);
        }
        expect(draftRequest(text)).toEqual(draft);
      }),
      { numRuns: 300 },
    );
  });

  it('every drafted list item carries evidence', () => {
    fc.assert(
      fc.property(clinical, (text) => {
        const r = draftRequest(text, { servicesFrom: 'none' }).request;
        for (const key of ['symptoms', 'exam', 'studies', 'treatments', 'surgeries', 'medications', 'diagnoses']) {
          for (const item of (r[key] as Array<{ extensions?: { evidence?: unknown[] } }> | undefined) ?? []) {
            expect(item.extensions?.evidence?.length ?? 0).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('bounds its input: a long text is cut and says so', () => {
    const long = 'Straight leg raise was positive. '.repeat(10_000);
    const draft = draftRequest(long);
    expect(draft.warnings.some((w) => /only the first/.test(w))).toBe(true);
  });
});
