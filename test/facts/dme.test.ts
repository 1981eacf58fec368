import { describe, it, expect } from 'vitest';
import { value } from './harness.js';
import { daysInText } from '../../src/facts/dme.js';

const dme = (label: string, extra: Record<string, unknown> = {}) => ({ id: 'd', kind: 'durable-medical-equipment', label, ...extra });

describe('dme.meetsMedicareDefinition', () => {
  it('is true for durable devices, false for disposable supplies, undocumented otherwise', () => {
    expect(value({ services: [dme('Knee scooter')] }, 'dme.meetsMedicareDefinition')).toBe(true);
    expect(value({ services: [dme('Hygiene wipes')] }, 'dme.meetsMedicareDefinition')).toBe(false);
    expect(value({ services: [dme('Home device')] }, 'dme.meetsMedicareDefinition')).toBeUndefined();
  });
});

describe('dme.medicalNeed', () => {
  it('is true with a stated purpose, a surgery, or a documented mobility limitation for a mobility aid', () => {
    expect(value({ services: [dme('Knee scooter', { purpose: 'non-weight-bearing after foot fracture' })] }, 'dme.medicalNeed')).toBe(true);
    expect(
      value(
        {
          exam: [{ finding: 'other', text: 'non-weight bearing left foot' }],
          services: [dme('Knee scooter')],
        },
        'dme.medicalNeed',
      ),
    ).toBe(true);
    expect(
      value(
        {
          services: [
            { id: 'op', kind: 'surgery', region: 'knee', label: 'knee arthroscopy with meniscectomy' },
            dme('Crutches', { for: 'op' }),
          ],
        },
        'dme.medicalNeed',
        'd',
      ),
    ).toBe(true);
  });
  it('is not documented without a purpose (never false)', () => {
    expect(value({ services: [dme('Knee scooter')] }, 'dme.medicalNeed')).toBeUndefined();
  });
});

describe('dme.postSurgical', () => {
  it('is true for equipment requested for a surgery or after a recent surgery on the region', () => {
    expect(
      value(
        {
          services: [
            { id: 'op', kind: 'surgery', region: 'shoulder', label: 'rotator cuff repair' },
            dme('Cold therapy unit', { for: 'op' }),
          ],
        },
        'dme.postSurgical',
        'd',
      ),
    ).toBe(true);
    expect(
      value(
        {
          surgeries: [{ kind: 'cubital tunnel release', region: 'elbow', date: '2016-12-20' }],
          services: [dme('Elbow brace', { region: 'elbow' })],
        },
        'dme.postSurgical',
      ),
    ).toBe(true);
  });
  it('is false when the record states no surgery is planned, not documented otherwise', () => {
    expect(
      value({ documentation: { surgeryPlanned: false }, services: [dme('Elbow brace', { region: 'elbow' })] }, 'dme.postSurgical'),
    ).toBe(false);
    expect(value({ services: [dme('Elbow brace', { region: 'elbow' })] }, 'dme.postSurgical')).toBeUndefined();
  });
  it('ignores an old surgery', () => {
    expect(
      value(
        {
          surgeries: [{ kind: 'cubital tunnel release', region: 'elbow', date: '2014-01-01' }],
          services: [dme('Elbow brace', { region: 'elbow' })],
        },
        'dme.postSurgical',
      ),
    ).toBeUndefined();
  });
});

describe('dme.useDays', () => {
  it('reads quantity and unit, or a duration in the label', () => {
    expect(value({ services: [dme('Cold therapy', { quantity: 1, unit: 'weeks' })] }, 'dme.useDays')).toBe(7);
    expect(value({ services: [dme('Cold therapy unit rental x 30 days')] }, 'dme.useDays')).toBe(30);
    expect(value({ services: [dme('Cold therapy unit')] }, 'dme.useDays')).toBeUndefined();
    expect(daysInText('rental for two weeks')).toBe(14);
  });
});

describe('dme.splintCondition', () => {
  it('is true for a wrist diagnosis that splinting treats', () => {
    expect(value({ diagnoses: ['right carpal tunnel syndrome'], services: [dme('Wrist brace')] }, 'dme.splintCondition')).toBe(true);
    expect(
      value({ diagnoses: [{ text: 'sprain of the wrist', region: 'wrist' }], services: [dme('Wrist brace')] }, 'dme.splintCondition'),
    ).toBe(true);
  });
  it('is not documented for exam signs without a diagnosis, or a sprain elsewhere', () => {
    expect(
      value(
        {
          diagnoses: [{ text: 'cervical spine sprain/strain', region: 'cervical' }],
          exam: [{ finding: 'tinel-sign', region: 'wrist' }],
          services: [dme('Wrist brace')],
        },
        'dme.splintCondition',
      ),
    ).toBeUndefined();
  });
});

describe('dme.dailyExerciseProgram', () => {
  it('is true with a home exercise program or therapy, false when the record says none', () => {
    expect(value({ documentation: { homeExerciseProgram: true }, services: [dme('Cervical pillow')] }, 'dme.dailyExerciseProgram')).toBe(
      true,
    );
    expect(
      value({ treatments: [{ kind: 'physical-therapy', sessions: 6 }], services: [dme('Cervical pillow')] }, 'dme.dailyExerciseProgram'),
    ).toBe(true);
    expect(value({ documentation: { homeExerciseProgram: false }, services: [dme('Cervical pillow')] }, 'dme.dailyExerciseProgram')).toBe(
      false,
    );
    expect(
      value({ treatments: [{ kind: 'chiropractic' }], services: [dme('Cervical pillow')] }, 'dme.dailyExerciseProgram'),
    ).toBeUndefined();
  });
});

describe('hearing aids', () => {
  const aids = dme('Bilateral hearing aids', { region: 'head' });
  it('qualifying loss: sensorineural true, normal hearing false, unknown type undocumented', () => {
    expect(value({ diagnoses: ['bilateral sensorineural hearing loss'], services: [aids] }, 'dme.hearingQualifyingLoss')).toBe(true);
    expect(
      value(
        {
          studies: [{ type: 'other', text: 'audiogram', findings: [{ kind: 'normal', text: 'normal hearing bilaterally' }] }],
          services: [aids],
        },
        'dme.hearingQualifyingLoss',
      ),
    ).toBe(false);
    expect(value({ diagnoses: ['hearing loss'], services: [aids] }, 'dme.hearingQualifyingLoss')).toBeUndefined();
  });
  it('specialist recommendation from an audiology study', () => {
    expect(
      value(
        { studies: [{ type: 'other', text: 'audiological hearing evaluation' }], services: [aids] },
        'dme.hearingSpecialistRecommendation',
      ),
    ).toBe(true);
    expect(value({ services: [aids] }, 'dme.hearingSpecialistRecommendation')).toBeUndefined();
  });
  it('years since earlier aids', () => {
    expect(
      value(
        { treatments: [{ kind: 'other', text: 'hearing aids fitted', date: '2015-01-15' }], services: [aids] },
        'dme.yearsSincePriorHearingAids',
      ),
    ).toBe(2);
    expect(value({ services: [aids] }, 'dme.yearsSincePriorHearingAids')).toBeUndefined();
  });
});

describe('dme.confined / dme.ergonomicAssessment / Medicare definition of bathroom items', () => {
  it('confinement from the exam; never false', () => {
    expect(
      value({ exam: [{ finding: 'other', text: 'bed-bound after surgery' }], services: [dme('Bedside commode')] }, 'dme.confined'),
    ).toBe(true);
    expect(value({ services: [dme('Bedside commode')] }, 'dme.confined')).toBeUndefined();
  });
  it('an ergonomic evaluation in the treatments or requested', () => {
    expect(
      value(
        { treatments: [{ kind: 'other', text: 'Ergonomic evaluation of the workstation' }], services: [dme('Ergonomic chair')] },
        'dme.ergonomicAssessment',
      ),
    ).toBe(true);
    expect(value({ services: [dme('Ergonomic chair')] }, 'dme.ergonomicAssessment')).toBeUndefined();
  });
  it('a commode is medical equipment; a shower chair is a convenience item', () => {
    expect(value({ services: [dme('Bedside commode')] }, 'dme.meetsMedicareDefinition')).toBe(true);
    expect(value({ services: [dme('Shower chair')] }, 'dme.meetsMedicareDefinition')).toBe(false);
  });
});

describe('dme.regionSymptoms', () => {
  it('current symptoms or a diagnosis of the region; denied symptoms are false', () => {
    const lso = dme('Lumbar support', { region: 'lumbar' });
    expect(value({ symptoms: [{ kind: 'low-back-pain' }], services: [lso] }, 'dme.regionSymptoms')).toBe(true);
    expect(value({ diagnoses: ['lumbar strain'], services: [lso] }, 'dme.regionSymptoms')).toBe(true);
    expect(value({ symptoms: [{ kind: 'low-back-pain', result: 'negative' }], services: [lso] }, 'dme.regionSymptoms')).toBe(false);
    expect(value({ services: [lso] }, 'dme.regionSymptoms')).toBeUndefined();
  });
});
