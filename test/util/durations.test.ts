import { describe, it, expect } from 'vitest';
import { durationInText, parseNumber, startSinceInText } from '../../src/util/durations.js';
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
  it('reads how often as no duration, and skips "ago" when asked', () => {
    expect(durationInText('physical therapy 2 times a week')).toBeUndefined();
    expect(durationInText('twice a week, every 2 weeks')).toBeUndefined();
    expect(durationInText('2 times a week for 4 weeks')?.weeks).toBe(4);
    expect(durationInText('PT x6 weeks')?.weeks).toBe(6);
    expect(durationInText('therapy three months ago')?.months).toBe(3);
    expect(durationInText('therapy three months ago', { notAgo: true })).toBeUndefined();
    expect(durationInText('therapy three months ago for 2 weeks', { notAgo: true })?.weeks).toBe(2);
  });
  it.each([
    ['since 11-8-16', '2016-11-08'],
    ['since at least 2015', '2015-12-31'],
    ['since 2016', undefined],
    ['since October', '2016-10-31'],
    ['since December', '2015-12-31'],
    ['since Feb 2016', '2016-02-29'],
    ['since May 2016', '2016-05-31'],
    ['since may have helped', undefined],
    ['since the injury', undefined],
    ['since 2017', undefined],
  ])('"%s" as of 2016-11-20 starts at the latest on %s', (text, start) => expect(startSinceInText(text, '2016-11-20')?.start).toBe(start));
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
