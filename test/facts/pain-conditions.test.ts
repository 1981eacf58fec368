import { describe, it, expect } from 'vitest';
import { value } from './helpers.js';

describe('diagnosis facts: true, false when diagnoses list none, not documented without diagnoses', () => {
  it.each([
    ['diagnosis.crps', 'complex regional pain syndrome type I', 'lumbar strain'],
    ['diagnosis.neuropathicPain', 'lumbar radiculopathy', 'lumbar strain'],
    ['diagnosis.musculoskeletal', 'cervical sprain', 'irritable bowel syndrome'],
    ['diagnosis.calcificTendinitis', 'calcific tendinitis of the right shoulder', 'rotator cuff tendinitis'],
    ['diagnosis.plantarFasciitis', 'plantar fasciitis', 'ankle sprain'],
  ])('%s', (id, yes, no) => {
    expect(value({ diagnoses: [yes] }, id)).toBe(true);
    expect(value({ diagnoses: [no] }, id)).toBe(false);
    expect(value({}, id)).toBeUndefined();
  });

  it('an EMG finding of radiculopathy is neuropathic pain', () => {
    expect(value({ studies: [{ type: 'emg-ncv', findings: [{ kind: 'radiculopathy', root: 'L5' }] }] }, 'diagnosis.neuropathicPain')).toBe(true);
  });
});

describe('medication facts', () => {
  it('medication.reducedOrNotTolerated: true from the medication list or treatments, else not documented', () => {
    expect(value({ medications: [{ name: 'naproxen', text: 'stopped because of gastritis' }] }, 'medication.reducedOrNotTolerated')).toBe(true);
    expect(value({ treatments: [{ kind: 'opioid', medicationReduced: true }] }, 'medication.reducedOrNotTolerated')).toBe(true);
    expect(value({ treatments: [{ kind: 'nsaid', text: 'not tolerated' }] }, 'medication.reducedOrNotTolerated')).toBe(true);
    expect(value({ medications: [{ name: 'naproxen' }] }, 'medication.reducedOrNotTolerated')).toBeUndefined();
  });
  it('medications.documented', () => {
    expect(value({ medications: [{ name: 'gabapentin' }] }, 'medications.documented')).toBe(true);
    expect(value({ treatments: [{ kind: 'other', text: 'medications' }] }, 'medications.documented')).toBe(true);
    expect(value({ treatments: [{ kind: 'physical-therapy' }] }, 'medications.documented')).toBeUndefined();
  });
});

describe('psychological treatment facts', () => {
  const bio = [{ id: 'svc', kind: 'other', label: 'Biofeedback x4' }];
  it('psych.cbt', () => {
    expect(value({ treatments: [{ kind: 'psychological-services' }], services: bio }, 'psych.cbt')).toBe(true);
    expect(value({ services: [...bio, { id: 'psy', kind: 'psychological-services' }] }, 'psych.cbt')).toBe(true);
    expect(value({ treatments: [{ kind: 'physical-therapy' }], services: bio }, 'psych.cbt')).toBeUndefined();
  });
  it('psych.cbtWeeks from the stated duration or the first session', () => {
    expect(value({ treatments: [{ kind: 'psychological-services', durationWeeks: 6 }], services: bio }, 'psych.cbtWeeks')).toBe(6);
    expect(value({ decisionDate: '2017-02-01', treatments: [{ kind: 'psychological-services', date: '2017-01-04' }], services: bio }, 'psych.cbtWeeks')).toBe(4);
    expect(value({ treatments: [{ kind: 'psychological-services' }], services: bio }, 'psych.cbtWeeks')).toBeUndefined();
  });
});

describe('patient and date facts', () => {
  it('patient.workStatus', () => {
    expect(value({ patient: { workStatus: 'full-duty' } }, 'patient.workStatus')).toBe('full-duty');
    expect(value({ patient: { workStatus: 'unknown' } }, 'patient.workStatus')).toBeUndefined();
    expect(value({}, 'patient.workStatus')).toBeUndefined();
  });
});

describe('diagnosis.sprainStrain', () => {
  it('a sprain or strain diagnosis; false when others are listed; not documented without diagnoses', () => {
    const svc = [{ id: 'svc', kind: 'physical-therapy', region: 'knee', quantity: 6 }];
    expect(value({ diagnoses: ['right knee sprain'], services: svc }, 'diagnosis.sprainStrain')).toBe(true);
    expect(value({ diagnoses: ['lumbar strain'], services: svc }, 'diagnosis.sprainStrain')).toBe(true);
    expect(value({ diagnoses: ['knee osteoarthritis'], services: svc }, 'diagnosis.sprainStrain')).toBe(false);
    expect(value({ services: svc }, 'diagnosis.sprainStrain')).toBeUndefined();
  });
});

describe('diagnosis.fibromyalgia', () => {
  it('a fibromyalgia diagnosis; false when others are listed', () => {
    const svc = [{ id: 'svc', kind: 'trigger-point-injection', region: 'lumbar' }];
    expect(value({ diagnoses: ['fibromyalgia syndrome'], services: svc }, 'diagnosis.fibromyalgia')).toBe(true);
    expect(value({ diagnoses: ['myofascial pain syndrome'], services: svc }, 'diagnosis.fibromyalgia')).toBe(false);
  });
});

describe('diagnosis.rotatorCuffCondition', () => {
  it('rotator cuff inflammation, impingement or tear; false for other diagnoses', () => {
    const svc = [{ id: 'svc', kind: 'injection', region: 'shoulder' }];
    expect(value({ diagnoses: ['right shoulder impingement syndrome'], services: svc }, 'diagnosis.rotatorCuffCondition')).toBe(true);
    expect(value({ diagnoses: ['partial rotator cuff tear'], services: svc }, 'diagnosis.rotatorCuffCondition')).toBe(true);
    expect(value({ diagnoses: ['bursitis of the right shoulder'], services: svc }, 'diagnosis.rotatorCuffCondition')).toBe(true);
    expect(value({ diagnoses: ['cervical radiculopathy'], services: svc }, 'diagnosis.rotatorCuffCondition')).toBe(false);
  });
});

describe('diagnosis.cervicalDystonia', () => {
  it('cervical dystonia or spasmodic torticollis; false for other diagnoses', () => {
    const svc = [{ id: 'svc', kind: 'injection', region: 'cervical' }];
    expect(value({ diagnoses: ['spasmodic torticollis'], services: svc }, 'diagnosis.cervicalDystonia')).toBe(true);
    expect(value({ diagnoses: ['cervical strain'], services: svc }, 'diagnosis.cervicalDystonia')).toBe(false);
  });
});

describe('diagnosis.softTissueInflammation', () => {
  it('tendinitis, bursitis, myositis and the like; false for other diagnoses', () => {
    const svc = [{ id: 'svc', kind: 'durable-medical-equipment', region: 'shoulder' }];
    expect(value({ diagnoses: ['chronic supraspinatus tendinitis'], services: svc }, 'diagnosis.softTissueInflammation')).toBe(true);
    expect(value({ diagnoses: ['trochanteric bursitis'], services: svc }, 'diagnosis.softTissueInflammation')).toBe(true);
    expect(value({ diagnoses: ['lumbar disc degeneration'], services: svc }, 'diagnosis.softTissueInflammation')).toBe(false);
  });
});
