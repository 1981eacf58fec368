import { describe, it, expect } from 'vitest';
import { durationInText, parseNumber } from '../../src/util/durations.js';
import { value } from '../helpers.js';

describe('durations in words', () => {
  it.each([
    ['carpal tunnel symptoms for 2 years', 24],
    ['pain x6 weeks', 1.4],
    ['three months of numbness', 3],
    ['over a year', 12],
    ['1.5 yrs', 18],
    ['for 10 days', 0.3],
    ['2 weeks, then 4 months', 4],
  ])('%s → %s months', (text, months) => expect(durationInText(text)?.months).toBe(months));
  it('says nothing when the text states no duration', () => {
    expect(durationInText('constant sharp pain 7/10')).toBeUndefined();
    expect(durationInText('the other day')).toBeUndefined();
    expect(parseNumber('twelve')).toBe(12);
  });
  it('time.symptomDurationMonths reads a symptom text when durationMonths is absent', () => {
    expect(value({ symptoms: [{ kind: 'low-back-pain', text: 'for two years' }] }, 'time.symptomDurationMonths')).toBe(24);
    expect(value({ symptoms: [{ kind: 'low-back-pain', durationMonths: 3, text: 'for two years' }] }, 'time.symptomDurationMonths')).toBe(
      3,
    );
  });
});
