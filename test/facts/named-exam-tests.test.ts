// A finding recorded as `other` with the named test in its text (the shared format puts the test's
// name in `text`) is read as the finding of the shared vocabulary that test is, by every fact.
import { describe, it, expect } from 'vitest';
import { namedExamTest } from '../../src/facts/record-terms.js';
import { value } from './harness.js';

describe('namedExamTest', () => {
  it.each([
    ["McMurray's test", 'meniscal-sign', false],
    ['positive Lachman', 'joint-instability', false],
    ['Lachman negative', 'joint-instability', true],
    ['no laxity on anterior drawer', 'joint-instability', true],
    ["positive Braggard's test", 'straight-leg-raise', false],
    ['Hawkins positive, otherwise normal', 'impingement-sign', false],
    ["Tinel's at the wrist", 'tinel-sign', false],
  ])('%s → %s (negated %s)', (text, finding, negated) => {
    expect(namedExamTest(text)).toEqual({ finding, negated });
  });
  it('names no finding for an unlisted test, or for tests of two findings', () => {
    expect(namedExamTest("Speed's test")).toBeUndefined();
    expect(namedExamTest('positive McMurray and Lachman')).toBeUndefined();
    expect(namedExamTest(undefined)).toBeUndefined();
  });
});

describe('facts read a named test recorded as other', () => {
  const mri = { id: 'svc', kind: 'imaging', modality: 'mri', region: 'knee', side: 'left' };
  const knee = (exam: unknown[]) => value({ exam, services: [mri] }, 'imaging.kneeDerangementSigns');
  it('imaging.kneeDerangementSigns', () => {
    expect(knee([{ finding: 'other', region: 'knee', side: 'left', text: "positive McMurray's test" }])).toBe(true);
    expect(knee([{ finding: 'other', region: 'knee', side: 'left', text: 'Lachman negative' }])).toBe(false);
    expect(knee([{ finding: 'other', region: 'knee', side: 'left', text: 'crepitus' }])).toBeUndefined();
  });
  it('radiculopathy.examSigns', () => {
    const esi = { id: 'svc', kind: 'epidural-steroid-injection', levels: 'L4-5', side: 'right' };
    const signs = value(
      { exam: [{ finding: 'other', region: 'lumbar', side: 'right', text: "positive Braggard's test" }], services: [esi] },
      'radiculopathy.examSigns',
    );
    expect(signs).toEqual(['straight-leg-raise right']);
  });
});
