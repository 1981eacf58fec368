import { describe, it, expect } from 'vitest';
import { value } from './harness-other.js';
import { hoursPerWeekInText } from '../../src/facts/care-setting.js';

const hh = (label: string, extra: Record<string, unknown> = {}) => ({ id: 'h', kind: 'home-health', label, ...extra });
const stay = (label: string, extra: Record<string, unknown> = {}) => ({ id: 'i', kind: 'inpatient-stay', label, ...extra });

describe('home health', () => {
  it('homebound from the exam text, not documented otherwise', () => {
    expect(value({ exam: [{ finding: 'other', text: 'unable to stand, wheelchair/bed bound' }], services: [hh('Wound care nurse')] }, 'homeHealth.homebound')).toBe(true);
    expect(value({ exam: [{ finding: 'antalgic-gait' }], services: [hh('Wound care nurse')] }, 'homeHealth.homebound')).toBeUndefined();
  });
  it('medical treatment: skilled care true, homemaker only false, undescribed unknown', () => {
    expect(value({ services: [hh('Wound care nurse 2 visits')] }, 'homeHealth.medicalTreatment')).toBe(true);
    expect(value({ services: [hh('Home health aide for housekeeping and meals')] }, 'homeHealth.medicalTreatment')).toBe(false);
    expect(value({ services: [hh('Home health')] }, 'homeHealth.medicalTreatment')).toBeUndefined();
  });
  it('hours a week', () => {
    expect(value({ services: [hh('Home health 8 hours per day')] }, 'homeHealth.hoursPerWeek')).toBe(56);
    expect(value({ services: [hh('Home health', { quantity: 40, unit: 'hours', weeks: 2 })] }, 'homeHealth.hoursPerWeek')).toBe(20);
    expect(value({ services: [hh('Home health visits')] }, 'homeHealth.hoursPerWeek')).toBeUndefined();
  });
});

describe('inpatient stays', () => {
  it('setting from the label', () => {
    expect(value({ services: [stay('one week trial of Acute Rehabilitation Unit')] }, 'inpatient.setting')).toBe('inpatient-rehabilitation');
    expect(value({ services: [stay('SNF 10 days')] }, 'inpatient.setting')).toBe('skilled-nursing');
    expect(value({ services: [stay('stay')] }, 'inpatient.setting')).toBeUndefined();
  });
  it('length of stay from quantity or label', () => {
    expect(value({ services: [stay('rehab', { quantity: 1, unit: 'weeks' })] }, 'inpatient.lengthOfStayDays')).toBe(7);
    expect(value({ services: [stay('SNF 10 days')] }, 'inpatient.lengthOfStayDays')).toBe(10);
    expect(value({ services: [stay('SNF')] }, 'inpatient.lengthOfStayDays')).toBeUndefined();
  });
  it('after an acute stay: within 30 days of surgery, later, or undated', () => {
    const surgeries = [{ kind: 'orif', region: 'pelvis', date: '2016-10-31' }];
    expect(value({ surgeries, services: [stay('rehab', { date: '2016-11-17' })] }, 'inpatient.afterAcuteStay')).toBe(true);
    expect(value({ surgeries, services: [stay('rehab', { date: '2017-01-10' })] }, 'inpatient.afterAcuteStay')).toBe(false);
    expect(value({ surgeries, services: [stay('rehab')] }, 'inpatient.afterAcuteStay')).toBeUndefined();
  });
});

describe('psychological programs', () => {
  const psych = (label: string) => ({ id: 'p', kind: 'psychological-services', label });
  it('intensive program or not', () => {
    expect(value({ services: [psych('Partial hospitalization day treatment')] }, 'psych.intensiveProgram')).toBe(true);
    expect(value({ services: [psych('Psychotherapy 6 sessions')] }, 'psych.intensiveProgram')).toBe(false);
  });
  it('clinical impression from a diagnosis or symptoms', () => {
    expect(value({ diagnoses: ['major depressive disorder'], services: [psych('Psychological evaluation')] }, 'psych.clinicalImpression')).toBe(true);
    expect(value({ symptoms: [{ kind: 'anxiety' }], services: [psych('Psychological evaluation')] }, 'psych.clinicalImpression')).toBe(true);
    expect(value({ symptoms: [{ kind: 'anxiety', result: 'negative' }], services: [psych('Psychological evaluation')] }, 'psych.clinicalImpression')).toBeUndefined();
  });
  it('prior psychological care recorded or not documented', () => {
    expect(value({ treatments: [{ kind: 'psychological-services', text: 'psych appointments' }], services: [psych('PHP')] }, 'psych.priorCare')).toBe(true);
    expect(value({ services: [psych('PHP')] }, 'psych.priorCare')).toBeUndefined();
  });
});

describe('hoursPerWeekInText', () => {
  it('computes hours a week from the forms requests use', () => {
    expect(hoursPerWeekInText('home health aide 6 hours a day, 5 days a week')?.hours).toBe(30);
    expect(hoursPerWeekInText('home health 6 hrs/day x 5 days/week')?.hours).toBe(30);
    expect(hoursPerWeekInText('home health 8 hours per day')?.hours).toBe(56);
    expect(hoursPerWeekInText('20 hours per week of home care')?.hours).toBe(20);
    expect(hoursPerWeekInText('home health 4 hours, 3 times a week')?.hours).toBe(12);
    expect(hoursPerWeekInText('home health visits')).toBeUndefined();
  });
});

describe('homeHealth.afterSurgeryOrStay', () => {
  it('a surgery requested with it or recorded in the month before; false when longer ago', () => {
    const nurse = { id: 'n', kind: 'home-health', label: 'home nursing' };
    expect(value({ services: [nurse, { id: 'op', kind: 'surgery', label: 'total hip arthroplasty' }] }, 'homeHealth.afterSurgeryOrStay', 'n')).toBe(true);
    expect(value({ surgeries: [{ kind: 'arthroplasty', date: '2017-01-02' }], services: [nurse] }, 'homeHealth.afterSurgeryOrStay')).toBe(true);
    // the request's date is its own, else the latest dated entry of the record (never the decision date)
    expect(value({ surgeries: [{ kind: 'arthroplasty', date: '2016-06-02' }], services: [{ ...nurse, date: '2017-01-20' }] }, 'homeHealth.afterSurgeryOrStay')).toBe(false);
    expect(value({ services: [nurse] }, 'homeHealth.afterSurgeryOrStay')).toBeUndefined();
  });
});

describe('psychological testing', () => {
  const psych = (label: string, extra: Record<string, unknown> = {}) => ({ services: [{ id: 'p', kind: 'psychological-services', label, ...extra }] });
  it('testing, the tests named, the time stated', () => {
    expect(value(psych('Psychological testing'), 'psych.testing')).toBe(true);
    expect(value(psych('Psychotherapy 6 sessions'), 'psych.testing')).toBe(false);
    expect(value(psych('Psych testing: MMPI-2 and BHI 2'), 'psych.testsNamed')).toBe(true);
    expect(value(psych('Psychological testing'), 'psych.testsNamed')).toBeUndefined();
    expect(value(psych('Psychological testing, 3 hours'), 'psych.testingTimeStated')).toBe(true);
    expect(value(psych('Psychological testing', { quantity: 4, unit: 'hours' }), 'psych.testingTimeStated')).toBe(true);
    expect(value(psych('Psychological testing'), 'psych.testingTimeStated')).toBeUndefined();
  });
});

describe('transport.conditionPreventsTravel', () => {
  const ride = { id: 'r', kind: 'transportation', label: 'Transportation to medical appointments' };
  it('reads the exam and symptoms, not only the flag', () => {
    expect(value({ exam: [{ finding: 'other', text: 'non-weight bearing right leg in a cast' }], services: [ride] }, 'transport.conditionPreventsTravel')).toBe(true);
    expect(value({ symptoms: [{ kind: 'other', text: 'unable to drive on current medications' }], services: [ride] }, 'transport.conditionPreventsTravel')).toBe(true);
    expect(value({ documentation: { cannotUseOrdinaryTransport: false }, services: [ride] }, 'transport.conditionPreventsTravel')).toBe(false);
    expect(value({ services: [ride] }, 'transport.conditionPreventsTravel')).toBeUndefined();
  });
});
