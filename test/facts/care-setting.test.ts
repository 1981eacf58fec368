import { describe, it, expect } from 'vitest';
import { value } from './harness.js';
import { hoursPerWeekInText } from '../../src/facts/care-setting.js';

const hh = (label: string, extra: Record<string, unknown> = {}) => ({ id: 'h', kind: 'home-health', label, ...extra });
const stay = (label: string, extra: Record<string, unknown> = {}) => ({ id: 'i', kind: 'inpatient-stay', label, ...extra });

describe('home health', () => {
  it('homebound from the exam text, not documented otherwise', () => {
    expect(
      value(
        { exam: [{ finding: 'other', text: 'unable to stand, wheelchair/bed bound' }], services: [hh('Wound care nurse')] },
        'careSetting.homebound',
      ),
    ).toBe(true);
    expect(value({ exam: [{ finding: 'antalgic-gait' }], services: [hh('Wound care nurse')] }, 'careSetting.homebound')).toBeUndefined();
  });
  it('homebound and a mobility limitation for equipment read the same words', () => {
    const exam = [{ finding: 'other', text: 'NWB left leg after ORIF' }];
    expect(value({ exam, services: [hh('Wound care nurse')] }, 'careSetting.homebound')).toBe(true);
    expect(value({ exam, services: [{ id: 'd', kind: 'durable-medical-equipment', label: 'Bedside commode' }] }, 'dme.confined')).toBe(
      true,
    );
    // denied findings are not read
    const denied = [{ finding: 'other', text: 'unable to walk', result: 'negative' }];
    expect(value({ exam: denied, services: [hh('Wound care nurse')] }, 'careSetting.homebound')).toBeUndefined();
  });
  it('medical treatment: skilled care true, homemaker only false, undescribed unknown', () => {
    expect(value({ services: [hh('Wound care nurse 2 visits')] }, 'careSetting.homeHealthMedicalTreatment')).toBe(true);
    expect(value({ services: [hh('Home health aide for housekeeping and meals')] }, 'careSetting.homeHealthMedicalTreatment')).toBe(false);
    expect(value({ services: [hh('Home health')] }, 'careSetting.homeHealthMedicalTreatment')).toBeUndefined();
  });
  it('hours a week', () => {
    expect(value({ services: [hh('Home health 8 hours per day')] }, 'careSetting.homeHealthHoursPerWeek')).toBe(56);
    expect(value({ services: [hh('Home health', { quantity: 40, unit: 'hours', weeks: 2 })] }, 'careSetting.homeHealthHoursPerWeek')).toBe(
      20,
    );
    expect(value({ services: [hh('Home health visits')] }, 'careSetting.homeHealthHoursPerWeek')).toBeUndefined();
  });
});

describe('inpatient stays', () => {
  it('setting from the label', () => {
    expect(value({ services: [stay('one week trial of Acute Rehabilitation Unit')] }, 'careSetting.inpatientSetting')).toBe(
      'inpatient-rehabilitation',
    );
    expect(value({ services: [stay('SNF 10 days')] }, 'careSetting.inpatientSetting')).toBe('skilled-nursing');
    expect(value({ services: [stay('stay')] }, 'careSetting.inpatientSetting')).toBeUndefined();
  });
  it('length of stay from quantity or label', () => {
    expect(value({ services: [stay('rehab', { quantity: 1, unit: 'weeks' })] }, 'careSetting.inpatientLengthOfStayDays')).toBe(7);
    expect(value({ services: [stay('SNF 10 days')] }, 'careSetting.inpatientLengthOfStayDays')).toBe(10);
    expect(value({ services: [stay('SNF')] }, 'careSetting.inpatientLengthOfStayDays')).toBeUndefined();
  });
  it('after an acute stay: within 30 days of surgery, later, or undated', () => {
    const surgeries = [{ kind: 'orif', region: 'pelvis', date: '2016-10-31' }];
    expect(value({ surgeries, services: [stay('rehab', { date: '2016-11-17' })] }, 'careSetting.inpatientAfterAcuteStay')).toBe(true);
    expect(value({ surgeries, services: [stay('rehab', { date: '2017-01-10' })] }, 'careSetting.inpatientAfterAcuteStay')).toBe(false);
    expect(value({ surgeries, services: [stay('rehab')] }, 'careSetting.inpatientAfterAcuteStay')).toBeUndefined();
  });
});

describe('psychological programs', () => {
  const psych = (label: string) => ({ id: 'p', kind: 'psychological-services', label });
  it('intensive program or not', () => {
    expect(value({ services: [psych('Partial hospitalization day treatment')] }, 'careSetting.psychIntensiveProgram')).toBe(true);
    expect(value({ services: [psych('Psychotherapy 6 sessions')] }, 'careSetting.psychIntensiveProgram')).toBe(false);
  });
  it('clinical impression from a diagnosis or symptoms', () => {
    expect(
      value(
        { diagnoses: ['major depressive disorder'], services: [psych('Psychological evaluation')] },
        'careSetting.psychClinicalImpression',
      ),
    ).toBe(true);
    expect(
      value({ symptoms: [{ kind: 'anxiety' }], services: [psych('Psychological evaluation')] }, 'careSetting.psychClinicalImpression'),
    ).toBe(true);
    expect(
      value(
        { symptoms: [{ kind: 'anxiety', result: 'negative' }], services: [psych('Psychological evaluation')] },
        'careSetting.psychClinicalImpression',
      ),
    ).toBeUndefined();
  });
  it('prior psychological care recorded or not documented', () => {
    expect(
      value(
        { treatments: [{ kind: 'psychological-services', text: 'psych appointments' }], services: [psych('PHP')] },
        'careSetting.psychPriorCare',
      ),
    ).toBe(true);
    expect(value({ services: [psych('PHP')] }, 'careSetting.psychPriorCare')).toBeUndefined();
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

describe('careSetting.homeHealthAfterSurgeryOrStay', () => {
  it('a surgery requested with it or recorded in the month before; false when longer ago', () => {
    const nurse = { id: 'n', kind: 'home-health', label: 'home nursing' };
    expect(
      value(
        { services: [nurse, { id: 'op', kind: 'surgery', label: 'total hip arthroplasty' }] },
        'careSetting.homeHealthAfterSurgeryOrStay',
        'n',
      ),
    ).toBe(true);
    expect(
      value({ surgeries: [{ kind: 'arthroplasty', date: '2017-01-02' }], services: [nurse] }, 'careSetting.homeHealthAfterSurgeryOrStay'),
    ).toBe(true);
    // the request's date is its own, else the latest dated entry of the record (never the decision date)
    expect(
      value(
        { surgeries: [{ kind: 'arthroplasty', date: '2016-06-02' }], services: [{ ...nurse, date: '2017-01-20' }] },
        'careSetting.homeHealthAfterSurgeryOrStay',
      ),
    ).toBe(false);
    expect(value({ services: [nurse] }, 'careSetting.homeHealthAfterSurgeryOrStay')).toBeUndefined();
  });
});

describe('psychological testing', () => {
  const psych = (label: string, extra: Record<string, unknown> = {}) => ({
    services: [{ id: 'p', kind: 'psychological-services', label, ...extra }],
  });
  it('testing, the tests named, the time stated', () => {
    expect(value(psych('Psychological testing'), 'careSetting.psychTesting')).toBe(true);
    expect(value(psych('Psychotherapy 6 sessions'), 'careSetting.psychTesting')).toBe(false);
    expect(value(psych('Psych testing: MMPI-2 and BHI 2'), 'careSetting.psychTestsNamed')).toBe(true);
    expect(value(psych('Psychological testing'), 'careSetting.psychTestsNamed')).toBeUndefined();
    expect(value(psych('Psychological testing, 3 hours'), 'careSetting.psychTestingTimeStated')).toBe(true);
    expect(value(psych('Psychological testing', { quantity: 4, unit: 'hours' }), 'careSetting.psychTestingTimeStated')).toBe(true);
    expect(value(psych('Psychological testing'), 'careSetting.psychTestingTimeStated')).toBeUndefined();
  });
});

describe('careSetting.transportConditionPreventsTravel', () => {
  const ride = { id: 'r', kind: 'transportation', label: 'Transportation to medical appointments' };
  it('reads the exam and symptoms, not only the flag', () => {
    expect(
      value(
        { exam: [{ finding: 'other', text: 'non-weight bearing right leg in a cast' }], services: [ride] },
        'careSetting.transportConditionPreventsTravel',
      ),
    ).toBe(true);
    expect(
      value(
        { symptoms: [{ kind: 'other', text: 'unable to drive on current medications' }], services: [ride] },
        'careSetting.transportConditionPreventsTravel',
      ),
    ).toBe(true);
    expect(
      value({ documentation: { cannotUseOrdinaryTransport: false }, services: [ride] }, 'careSetting.transportConditionPreventsTravel'),
    ).toBe(false);
    expect(value({ services: [ride] }, 'careSetting.transportConditionPreventsTravel')).toBeUndefined();
  });
});
