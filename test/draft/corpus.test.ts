// The drafting figures on the shared real letters (docs/draft.md), asserted as floors a little
// below what was measured: a change that makes drafting worse on real text fails here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/rules/pack.js';
import { measureDrafts, type Section } from '../../src/draft/measure.js';

const LETTERS = join(PROJECT_ROOT, '..', 'shared', 'letters', 'imr-ca-2016');
const INDEPENDENT = join(LETTERS, 'independent');

// measured 2026-12-06 after the fourth round of issue 13 (docs/draft.md); floors up to 2 points lower
const FLOORS: Record<Section, { precision: number; recall: number }> = {
  symptoms: { precision: 0.85, recall: 0.58 },
  exam: { precision: 0.91, recall: 0.8 },
  studies: { precision: 0.92, recall: 0.83 },
  treatments: { precision: 0.9, recall: 0.81 }, // measured 90.7% / 81.7% (issue 13, end to end)
  medications: { precision: 0.83, recall: 0.8 },
  documentation: { precision: 0.86, recall: 0.49 },
};

describe.skipIf(!existsSync(LETTERS))(
  'draft on the shared letters (floors)',
  () => {
    const m = measureDrafts(join(PROJECT_ROOT, 'test', 'cases', 'imr-ca-2016'), LETTERS);

    it('drafts every hand-encoded letter, and every draft validates', () => {
      expect(m.letters).toBe(128);
      expect(m.endToEnd.draftInvalid).toBe(0);
    });

    it.each(Object.entries(FLOORS))('%s: precision and recall at or above their floors', (section, floor) => {
      const got = m.sections[section as Section];
      expect(got.precision).toBeGreaterThanOrEqual(floor.precision);
      expect(got.recall).toBeGreaterThanOrEqual(floor.recall);
    });

    it('end to end: draft-then-check agrees with the letters at least 93% of the time', () => {
      // measured 262 of 279 (93.9%); the hand-encoded requests 266 (95.3%)
      expect(m.endToEnd.draftAgrees / m.endToEnd.items).toBeGreaterThanOrEqual(0.93);
    });

    it('end to end on the independent encodings: draft-then-check agrees with the letters at least 88% of the time', () => {
      // measured 109 of 123 (88.6%); the independent encodings 113 (91.9%). The gap to the
      // encodings is not asserted: it also moves when the rules improve on the encodings.
      const i = measureDrafts(INDEPENDENT, LETTERS).endToEnd;
      expect(i.items).toBeGreaterThan(100);
      expect(i.draftAgrees / i.items).toBeGreaterThanOrEqual(0.88);
    });
  },
  120_000,
);
