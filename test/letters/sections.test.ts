import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/letters/text.js';
import { clinicalSummary, isImrLetter, isoDate, itemsSection, parseHeader } from '../../src/letters/sections.js';
import { LETTER_2016, LETTER_SEED } from './fixtures.js';

describe('parseHeader', () => {
  it('reads the 2016 header block (labels, then values in the same order)', () => {
    expect(parseHeader(normalizeText(LETTER_2016))).toEqual({
      caseNumber: 'CM16-0999999',
      dateAssigned: '2016-12-06',
      decisionDate: '2017-01-04',
      priority: 'Standard',
      dateOfInjury: '2015-11-01',
      urDenialDate: '2016-12-01',
      applicationReceived: '2016-12-01',
    });
  });

  it('reads a header read row by row (label and value on one line)', () => {
    const text =
      'Case Number: CM17-0000001 Date Assigned: 01/02/2017\nDecision Date: 02/03/2017 Priority: Standard\nDate of Injury: 5/6/14\nCLINICAL CASE SUMMARY\n';
    expect(parseHeader(text)).toMatchObject({
      caseNumber: 'CM17-0000001',
      dateAssigned: '2017-01-02',
      decisionDate: '2017-02-03',
      priority: 'Standard',
      dateOfInjury: '2014-05-06',
    });
  });

  it('gives nothing for a letter without a header', () => {
    expect(parseHeader(normalizeText(LETTER_SEED))).toEqual({});
  });

  it('rejects impossible dates', () => {
    expect(isoDate('02/30/2016')).toBeUndefined();
    expect(isoDate('11-21-2016')).toBe('2016-11-21');
  });
});

describe('clinicalSummary and itemsSection', () => {
  it('keeps the summary without its lead-in, as paragraphs', () => {
    const summary = clinicalSummary(normalizeText(LETTER_2016));
    expect(summary.startsWith('The injured worker is a 45 year old male')).toBe(true);
    expect(summary).toContain('right leg.\n\nTreatments have included');
    expect(summary).not.toContain('IMR ISSUES');
    expect(clinicalSummary(normalizeText(LETTER_SEED))).toBe(
      'The injured worker is a 52-year-old female who reported an injury on 06/14/2012.',
    );
  });

  it('starts the items section after its lead-in sentence', () => {
    expect(itemsSection(normalizeText(LETTER_2016)).startsWith('MRI of the lumbar spine without contrast: Upheld')).toBe(true);
  });

  it('tells a letter from other text', () => {
    expect(isImrLetter(normalizeText(LETTER_2016))).toBe(true);
    expect(isImrLetter('{"format": "imr-precheck/request@1"}')).toBe(false);
  });
});
