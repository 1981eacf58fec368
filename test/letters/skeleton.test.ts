import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseSchema, requestSchema } from '../../src/request/schema.js';
import { parseLetterText, NotALetterError } from '../../src/letters/parse.js';
import { buildCaseSkeleton } from '../../src/letters/skeleton.js';
import { LETTER_2016, LETTER_SEED } from './fixtures.js';

function expectValid(c: unknown): void {
  const parsed = caseSchema.safeParse(c);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  const request = requestSchema.safeParse((c as { request: unknown }).request);
  expect(request.success, JSON.stringify(request.error?.issues)).toBe(true);
  const ids = new Set(request.data!.services.map((s) => s.id));
  for (const e of parsed.data!.expected) {
    expect(ids.has(e.service)).toBe(true);
    if (e.dependsOn) expect(ids.has(e.dependsOn)).toBe(true);
  }
}

describe('buildCaseSkeleton', () => {
  const c = buildCaseSkeleton(parseLetterText(LETTER_2016), { source: 'letters/test/CM16-0999999.txt' });

  it('validates against the case and request schemas', () => expectValid(c));

  it('fills the request from the header and keeps the summary as notes', () => {
    expect(c.request).toMatchObject({
      format: 'imr-precheck/request@1',
      id: 'CM16-0999999',
      decisionDate: '2017-01-04',
      injury: { date: '2015-11-01' },
    });
    expect(c.request.documentation?.notes).toMatch(/^The injured worker is a 45 year old male/);
    expect(c.source).toBe('letters/test/CM16-0999999.txt');
  });

  it('has one service and one expectation per item, in letter order', () => {
    expect(c.request.services.filter((s) => s.requested !== false).map((s) => [s.kind, s.label])).toEqual([
      ['imaging', 'MRI of the lumbar spine without contrast'],
      ['physical-therapy', 'Physical therapy to the low back two sessions'],
      ['preoperative-testing', 'Pre-op labs: CBC'],
      ['acupuncture', 'Additional acupuncture two times a week for four weeks for the right elbow and right knee'],
    ]);
    expect(c.expected.map((e) => [e.service, e.outcome, e.guideline?.source ?? null])).toEqual([
      ['mri-lumbar', 'upheld', 'MTUS-ACOEM'],
      ['pt-lumbar', 'upheld', 'MTUS-CPMTG'],
      ['preop', 'overturned', null],
      ['acupuncture', 'overturned', 'MTUS-AMTG'],
    ]);
    expect(c.expected[0]!.guideline).toEqual({ source: 'MTUS-ACOEM', section: 'Chapter 12 Low Back Complaints', topic: 'Special Studies' });
    expect(c.expected[0]!.extensions?.alsoCited).toHaveLength(2);
    expect(c.expected[1]!.notes).toMatch(/Original request: Physical therapy to the low back eight sessions/);
  });

  it('links an associated item to an unlisted primary, described with requested: false', () => {
    const preop = c.request.services.find((s) => s.id === 'preop')!;
    const primary = c.request.services.find((s) => s.id === preop.for)!;
    expect(primary).toMatchObject({ kind: 'surgery', requested: false });
    expect(c.expected[2]!.dependsOn).toBe(primary.id);
  });

  it('links associated items to the disputed primary (seed layout, no header)', () => {
    const seed = buildCaseSkeleton(parseLetterText(LETTER_SEED), { fallbackId: '000_seed' });
    expectValid(seed);
    expect(seed.request.id).toBe('000_seed');
    expect(seed.request.decisionDate).toBeUndefined();
    expect(seed.request.services.map((s) => [s.id, s.kind, s.for])).toEqual([
      ['fluoro', 'fluoroscopic-guidance', 'facet'],
      ['facet', 'facet-joint-injection', undefined],
    ]);
    expect(seed.expected[0]).toMatchObject({ dependsOn: 'facet', guideline: null });
  });

  it('refuses text that is not a letter', () => {
    expect(() => parseLetterText('just some notes')).toThrow(NotALetterError);
    expect(() => parseLetterText('IMR ISSUES, DECISIONS AND RATIONALES\nDecision rationale: none\n')).toThrow(/no disputed item/);
  });
});

// The shared letters sit beside the project (../shared); run over them when they are there.
const SHARED = join(process.cwd(), '..', 'shared', 'letters');
describe.skipIf(!existsSync(SHARED))('every shared letter', () => {
  const files = ['seeds', 'imr-ca-2016'].flatMap((d) =>
    existsSync(join(SHARED, d))
      ? readdirSync(join(SHARED, d))
          .filter((f) => f.endsWith('.txt'))
          .map((f) => join(SHARED, d, f))
      : [],
  );
  it('gives a skeleton that validates', () => {
    for (const file of files) expectValid(buildCaseSkeleton(parseLetterText(readFileSync(file, 'utf8')), { fallbackId: 'x' }));
  });
});
