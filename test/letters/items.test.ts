import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/letters/text.js';
import { itemsSection } from '../../src/letters/sections.js';
import { splitHeading, splitItems } from '../../src/letters/items.js';
import { LETTER_2016, LETTER_SEED } from './fixtures.js';

describe('splitItems, 2016 layout', () => {
  const items = splitItems(itemsSection(normalizeText(LETTER_2016)));

  it('finds every item, in order, with its outcome', () => {
    expect(items.map((i) => [i.index, i.label, i.outcome])).toEqual([
      [1, 'MRI of the lumbar spine without contrast', 'upheld'],
      [2, 'Physical therapy to the low back two sessions', 'upheld'],
      [3, 'Pre-op labs: CBC', 'overturned'],
      [4, 'Additional acupuncture two times a week for four weeks for the right elbow and right knee', 'overturned'],
    ]);
  });

  it('keeps the original request when part of it was authorized', () => {
    expect(items[1]!.originalRequest).toBe('Physical therapy to the low back eight sessions');
    expect(items[1]!.heading).toContain('was authorized by the Claims Administrator');
  });

  it('separates the two guideline lines and the rationale', () => {
    expect(items[0]!.claimsAdministratorGuideline).toBe('Decision based on MTUS Low Back Complaints 2004.');
    expect(items[0]!.maximusGuideline).toMatch(
      /^Decision based on MTUS Low Back Complaints 2004, Section\(s\): Special Studies, and Chronic/,
    );
    expect(items[0]!.maximusGuideline).toMatch(/MRIs \(magnetic resonance imaging\)\.$/);
    expect(items[0]!.rationale).toBe('There are no red flags. The request is not medically necessary.');
    expect(items[2]!.rationale).toMatch(/^Since the primary procedure/);
  });
});

describe('splitItems, older double-spaced layout', () => {
  it('finds the items of a seed-style letter', () => {
    const items = splitItems(itemsSection(normalizeText(LETTER_SEED)));
    expect(items.map((i) => [i.label, i.outcome])).toEqual([
      ['FLUOROSCOPIC GUIDANCE', 'upheld'],
      ['BILATERAL L4-5, L5-S1 FACET JOINT INJECTION', 'upheld'],
    ]);
    expect(items[1]!.maximusGuideline).toBe('Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 308-310.');
  });
});

describe('splitItems edge cases', () => {
  it('ignores an outcome word that no item body follows', () => {
    expect(splitItems('The reviewer wrote: Upheld\nand then more prose.\n')).toEqual([]);
  });

  it('reads "The original request, X is:" and a remaining portion without "is"', () => {
    expect(
      splitHeading(
        'Acupuncture (unspecified quantity) was the original request. The Claims Administrator authorized Acupuncture, 6 sessions, leaving the original request IMR eligible. The original request, Acupuncture (unspecified quantity) is',
      ),
    ).toEqual({
      label: 'Acupuncture (unspecified quantity)',
      originalRequest: 'Acupuncture (unspecified quantity)',
    });
    expect(
      splitHeading(
        'Eight sessions was the original request. Six sessions was authorized. The remaining IMR eligible portion of the original request, Two sessions',
      ).label,
    ).toBe('Two sessions');
  });
});
