import { describe, it, expect } from 'vitest';
import { authorizedPartInText, parseVisitCourse } from '../../src/request/visits.js';

describe('parseVisitCourse', () => {
  it.each([
    ['Physical therapy 2x6', { visits: 12, visitsPerWeek: 2, weeks: 6 }],
    ['PT 2 x 4 lumbar', { visits: 8, visitsPerWeek: 2, weeks: 4 }],
    ['Physical therapy 2 times a week for 6 weeks low back', { visits: 12, visitsPerWeek: 2, weeks: 6 }],
    ['Physical therapy 2-3 times a week for 6 weeks', { visits: 12, visitsPerWeek: 2, weeks: 6 }],
    ['Additional physical therapy three times a week for two weeks', { visits: 6, visitsPerWeek: 3, weeks: 2 }],
    ['Chiropractic care to the low back two times a week for four weeks', { visits: 8, visitsPerWeek: 2, weeks: 4 }],
    ['Electro acupuncture to the low back two times a week times six weeks', { visits: 12, visitsPerWeek: 2, weeks: 6 }],
    ['Twelve physical therapy sessions, three times weekly, for the right elbow', { visits: 12, visitsPerWeek: 3 }],
    ['Four sessions of physical therapy two times a week times 2 weeks', { visits: 4, visitsPerWeek: 2, weeks: 2 }],
    ['Additional physical therapy two times four visits (8) for the lumbar', { visits: 8 }],
    ['Chiropractic spinal manipulation times 6', { visits: 6 }],
    ['Acupuncture 12 sessions', { visits: 12 }],
    ['Physical therapy for 6 sessions', { visits: 6 }],
    ['Chiropractic therapy sessions for the cervical spine, #2', { visits: 2 }],
    ['Physical therapy 1 times 6 for the head', { visits: 6, visitsPerWeek: 1, weeks: 6 }],
    ['Six physical therapy visits for the lumbar', { visits: 6 }],
    ['twice weekly x 4 weeks', { visits: 8, visitsPerWeek: 2, weeks: 4 }],
  ])('%s', (label, expected) => {
    expect(parseVisitCourse(label)).toMatchObject(expected);
  });

  it('does not read a count granted at an earlier review as the count requested', () => {
    expect(
      parseVisitCourse('Acupuncture treatments (unspecified quantity) unspecified quantity; UR authorized 6 sessions').visits,
    ).toBeUndefined();
    expect(parseVisitCourse('Acupuncture, 18 requested, 6 authorized').visits).toBeUndefined();
    expect(parseVisitCourse('Physical therapy, remaining 3 visits; 9 visits were approved by UR').visits).toBe(3);
  });

  it('one pattern: the count a course leaves out is the part authorizedPartInText reads as granted', () => {
    for (const [text, granted, requested] of [
      ['Acupuncture treatments (unspecified quantity); UR authorized 6 sessions', 6, undefined],
      ['Acupuncture, 18 requested, 6 authorized', 6, undefined],
      ['Physical therapy, remaining 3 visits; 9 visits were approved by UR', 9, 3],
      ['Physical therapy 3 visits; 1 visit has been certified', 1, 3],
      ['Chiropractic, remaining 2 visits of 8; six sessions previously authorized', 6, 2],
      ['Physical therapy 12 sessions', undefined, 12],
    ] as const) {
      expect(authorizedPartInText(text), text).toBe(granted);
      expect(parseVisitCourse(text).visits, text).toBe(requested);
    }
  });

  it('finds no course in a label that states none', () => {
    expect(parseVisitCourse('MRI of the lumbar spine')).toEqual({});
    expect(parseVisitCourse('Norco 10/325mg #90').visits).toBe(90); // a count, read by callers only for visit services
    expect(parseVisitCourse(undefined)).toEqual({});
  });
});

import { matchesFilter } from '../../src/cases/glob.js';

describe('precheck test --filter', () => {
  it('matches case ids by path, below test/cases/, or by file name', () => {
    expect(matchesFilter('test/cases/imr-ca-2016/CM17-0005418.case.yaml', 'imr-ca-2016/**')).toBe(true);
    expect(matchesFilter('test/cases/imr-ca-2016/CM17-0005418.case.yaml', '**/imr-ca-2016/**')).toBe(true);
    expect(matchesFilter('test/cases/imr-ca-2016/CM17-0005418.case.yaml', 'CM17-*')).toBe(true);
    expect(matchesFilter('rules/odg/oral-corticosteroids.test.yaml#exam not recorded', 'oral-*')).toBe(true);
    expect(matchesFilter('test/cases/seeds/000.case.yaml', 'imr-ca-2016/**')).toBe(false);
  });
});
