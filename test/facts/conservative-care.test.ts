import { describe, it, expect } from 'vitest';
import { value } from '../helpers.js';

describe('conservative care', () => {
  it('is unresponsive when active care and first-line medication both failed', () => {
    expect(
      value(
        {
          treatments: [
            { kind: 'physical-therapy', outcome: 'failed' },
            { kind: 'muscle-relaxant', outcome: 'partial' },
          ],
        },
        'conservativeCare.unresponsive',
      ),
    ).toBe(true);
  });
  it('is not unresponsive when the worker improved', () => {
    expect(
      value(
        {
          treatments: [
            { kind: 'physical-therapy', outcome: 'improved' },
            { kind: 'nsaid', outcome: 'failed' },
          ],
        },
        'conservativeCare.unresponsive',
      ),
    ).toBe(false);
  });
  it('is not documented with physical therapy alone or outcomes not stated', () => {
    expect(value({ treatments: [{ kind: 'physical-therapy', outcome: 'failed' }] }, 'conservativeCare.unresponsive')).toBeUndefined();
    expect(value({ treatments: [{ kind: 'physical-therapy' }, { kind: 'nsaid' }] }, 'conservativeCare.unresponsive')).toBeUndefined();
  });
  it('counts a current NSAID from the medication list as medication tried', () => {
    expect(value({ medications: [{ name: 'naproxen', drugClass: 'nsaid', outcome: 'failed' }] }, 'conservativeCare.medication')).toBe(
      'failed',
    );
    expect(value({}, 'conservativeCare.medication')).toBe('none');
  });
  it('gives failed-group facts as true / false / not documented', () => {
    expect(value({ treatments: [{ kind: 'nsaid', outcome: 'failed' }] }, 'conservativeCare.medicationFailed')).toBe(true);
    expect(value({ treatments: [{ kind: 'nsaid', outcome: 'improved' }] }, 'conservativeCare.medicationFailed')).toBe(false);
    expect(value({ treatments: [{ kind: 'nsaid' }] }, 'conservativeCare.medicationFailed')).toBeUndefined();
  });
  it("measures weeks from stated durations, then from the care's date to the request, then the sessions given", () => {
    expect(value({ treatments: [{ kind: 'physical-therapy', durationWeeks: 6 }] }, 'conservativeCare.weeks')).toBe(6);
    // to the request (the latest dated entry), never to the decision date (2016-06-01)
    expect(
      value(
        { treatments: [{ kind: 'physical-therapy', date: '2016-04-01' }], exam: [{ finding: 'muscle-spasm', date: '2016-05-01' }] },
        'conservativeCare.weeks',
      ),
    ).toBeCloseTo(4.3, 0);
    expect(
      value(
        {
          treatments: [{ kind: 'physical-therapy', date: '2016-04-01' }],
          services: [{ id: 's', kind: 'physical-therapy', date: '2016-05-13' }],
        },
        'conservativeCare.weeks',
      ),
    ).toBe(6);
    expect(value({ treatments: [{ kind: 'physical-therapy', date: '2016-04-01' }] }, 'conservativeCare.weeks')).toBeUndefined();
    // twelve sessions are at least four weeks at up to three visits a week
    expect(value({ treatments: [{ kind: 'physical-therapy', sessions: 12 }] }, 'conservativeCare.weeks')).toBe(4);
    expect(value({ treatments: [{ kind: 'physical-therapy', sessions: 4 }] }, 'conservativeCare.weeks')).toBeCloseTo(1.3, 1);
    expect(value({}, 'conservativeCare.weeks')).toBeUndefined();
  });
  it('does not read the time since injury as weeks of care (an upper bound, not a duration)', () => {
    expect(value({ injury: { date: '2016-01-01' }, treatments: [{ kind: 'nsaid' }] }, 'conservativeCare.weeks')).toBeUndefined();
    expect(
      value({ injury: { date: '2016-05-01' }, treatments: [{ kind: 'physical-therapy', outcome: 'failed' }] }, 'conservativeCare.weeks'),
    ).toBeUndefined();
  });
  it.each([
    ['PT for 2 weeks', 2],
    ['chiropractic x 3 weeks', 3],
    ['six weeks of physical therapy', 6],
    ['physical therapy 2 times a week for 4 weeks', 4],
    ['three times a week for two weeks', 2],
    ['home exercise for three months', 13.1],
    ['twice a week', undefined],
    ['therapy three months ago, no relief', undefined],
  ])("reads the duration a course's own words state: %s → %s weeks", (text, weeks) => {
    expect(
      value(
        { injury: { date: '2015-01-01' }, treatments: [{ kind: 'physical-therapy', outcome: 'failed', text }] },
        'conservativeCare.weeks',
      ),
    ).toBe(weeks);
  });
  it('takes the structured duration over the words, and the longest course', () => {
    expect(value({ treatments: [{ kind: 'physical-therapy', durationWeeks: 3, text: 'PT for 8 weeks' }] }, 'conservativeCare.weeks')).toBe(
      3,
    );
    expect(
      value(
        {
          treatments: [
            { kind: 'physical-therapy', text: 'PT for 2 weeks', date: '2016-01-01' },
            { kind: 'nsaid', text: 'ibuprofen for six weeks' },
          ],
        },
        'conservativeCare.weeks',
      ),
    ).toBe(6);
    expect(value({ medications: [{ name: 'naproxen', drugClass: 'nsaid', text: 'for 5 weeks' }] }, 'conservativeCare.weeks')).toBe(5);
  });
  it('measures a start the words give ("since October") to the request', () => {
    const since = (text: string) =>
      value(
        {
          treatments: [{ kind: 'muscle-relaxant', outcome: 'failed', text }],
          services: [{ id: 's', kind: 'medial-branch-block', date: '2016-12-01' }],
        },
        'conservativeCare.weeks',
      );
    expect(since('Robaxin since October')).toBe(4.4); // from 2016-10-31, the latest start the words allow
    expect(since('Robaxin since at least 11-8-16')).toBe(3.3);
    expect(since('ketoprofen since at least 2015')).toBe(48);
    expect(since('ketoprofen since surgery')).toBeUndefined();
  });
  it('counts no weeks for care only authorized, whatever its words say', () => {
    expect(
      value(
        { treatments: [{ kind: 'physical-therapy', sessionsAuthorized: 6, text: '2 times a week for 3 weeks authorized' }] },
        'conservativeCare.weeks',
      ),
    ).toBeUndefined();
  });
});

describe('imaging.requestDate', () => {
  it('is the service date, else the latest dated entry, never the decision date', () => {
    expect(value({ services: [{ id: 's', kind: 'imaging', modality: 'mri', date: '2016-03-03' }] }, 'imaging.requestDate')).toBe(
      '2016-03-03',
    );
    expect(
      value(
        { exam: [{ finding: 'muscle-spasm', date: '2016-02-01' }], studies: [{ type: 'xray', date: '2016-04-20' }] },
        'imaging.requestDate',
      ),
    ).toBe('2016-04-20');
    expect(value({ injury: { date: '2015-01-01' } }, 'imaging.requestDate')).toBeUndefined();
  });
  it("a study on the service's own stated date is the requested study, not an earlier one", () => {
    const ct = (date?: string) => ({
      services: [{ id: 's', kind: 'imaging', modality: 'ct', region: 'cervical', ...(date ? { date } : {}) }],
      studies: [{ type: 'ct', region: 'cervical', date: '2016-11-18' }],
    });
    expect(value(ct('2016-11-18'), 'imaging.priorStudies')).toEqual([]);
    expect(value(ct('2016-12-01'), 'imaging.priorStudies')).toHaveLength(1);
    expect(value(ct(), 'imaging.priorStudies')).toHaveLength(1); // undated: the study is the latest entry, and earlier
  });
});

describe('treatmentOutcome: one reading of how care worked', () => {
  it('reads the outcome field, then the words, keeping partial distinct', async () => {
    const { treatmentOutcome } = await import('../../src/facts/record.js');
    expect(treatmentOutcome({ outcome: 'partial' }).status).toBe('partial');
    expect(treatmentOutcome({ outcome: 'unknown', text: 'PT x12 with no improvement' }).status).toBe('failed');
    expect(treatmentOutcome({ text: 'temporary relief from the injection' }).status).toBe('partial');
    expect(treatmentOutcome({ text: 'therapy helped' }).status).toBe('helped');
    expect(treatmentOutcome({ text: 'did not improve' }).status).toBe('failed');
    expect(treatmentOutcome({ sessionsAuthorized: 6 }).status).toBe('not-started');
    expect(treatmentOutcome({ sessions: 6 }).status).toBe('given');
  });
  it('care trial counts partial as failed; conservative care reads the words too', () => {
    expect(
      value(
        {
          services: [{ id: 's', kind: 'imaging', modality: 'mri', region: 'lumbar' }],
          treatments: [{ kind: 'physical-therapy', outcome: 'unknown', text: 'no relief after 8 visits' }],
        },
        'careTrial.conservative',
      ),
    ).toBe('failed');
    expect(value({ treatments: [{ kind: 'physical-therapy', text: 'improved function' }] }, 'conservativeCare.active')).toBe('improved');
  });
});
