import { describe, it, expect } from 'vitest';
import { value } from './harness.js';

describe('diagnosis facts: true, false when diagnoses list none, not documented without diagnoses', () => {
  it.each([
    ['painConditions.crps', 'complex regional pain syndrome type I', 'lumbar strain'],
    ['painConditions.centralNeurologic', 'phantom limb pain', 'lumbar strain'],
    ['painConditions.musculoskeletal', 'cervical sprain', 'irritable bowel syndrome'],
    ['painConditions.calcificTendinitis', 'calcific tendinitis of the right shoulder', 'rotator cuff tendinitis'],
    ['painConditions.plantarFasciitis', 'plantar fasciitis', 'ankle sprain'],
  ])('%s', (id, yes, no) => {
    expect(value({ diagnoses: [yes] }, id)).toBe(true);
    expect(value({ diagnoses: [no] }, id)).toBe(false);
    expect(value({}, id)).toBeUndefined();
  });
});

describe('painConditions.neuropathicPain: the one neuropathic-pain fact (TENS, H-wave and the neuropathic medications)', () => {
  it('painConditions.neuropathicPain: diagnosis, exam or EMG; never false (silence is not documented whatever the diagnoses)', () => {
    expect(value({ diagnoses: ['lumbar radiculopathy'] }, 'painConditions.neuropathicPain')).toBe(true);
    expect(
      value(
        { symptoms: [{ kind: 'radiating-leg-pain' }], exam: [{ finding: 'sensory-deficit', dermatome: 'L5' }] },
        'painConditions.neuropathicPain',
      ),
    ).toBe(true);
    expect(value({ exam: [{ finding: 'radicular-pain-dermatomal', dermatome: 'L5' }] }, 'painConditions.neuropathicPain')).toBe(true);
    // a sensory deficit beside axial back pain alone does not make the pain neuropathic
    expect(
      value(
        { symptoms: [{ kind: 'low-back-pain' }], exam: [{ finding: 'sensory-deficit', dermatome: 'L5' }] },
        'painConditions.neuropathicPain',
      ),
    ).toBeUndefined();
    expect(value({ studies: [{ type: 'emg-ncv', findings: [{ kind: 'neuropathy' }] }] }, 'painConditions.neuropathicPain')).toBe(true);
    expect(
      value({ diagnoses: ['lumbar strain'], exam: [{ finding: 'sensory-deficit', result: 'negative' }] }, 'painConditions.neuropathicPain'),
    ).toBeUndefined();
  });
  it('an EMG finding of radiculopathy is neuropathic pain', () => {
    expect(
      value({ studies: [{ type: 'emg-ncv', findings: [{ kind: 'radiculopathy', root: 'L5' }] }] }, 'painConditions.neuropathicPain'),
    ).toBe(true);
  });
  it('CRPS, however named, is a CRPS diagnosis and neuropathic pain (one word list)', () => {
    for (const dx of ['causalgia, right hand', 'RSD of the left foot', 'complex regional pain syndrome type II']) {
      expect(value({ diagnoses: [dx] }, 'painConditions.crps')).toBe(true);
      expect(value({ diagnoses: [dx] }, 'painConditions.neuropathicPain')).toBe(true);
    }
  });
  it('phantom limb pain, spasticity and multiple sclerosis are TENS conditions, not neuropathic pain', () => {
    expect(value({ diagnoses: ['multiple sclerosis'] }, 'painConditions.centralNeurologic')).toBe(true);
    expect(value({ diagnoses: ['multiple sclerosis'] }, 'painConditions.neuropathicPain')).toBeUndefined();
  });
});

describe('medication facts', () => {
  it('painConditions.medicationReducedOrNotTolerated: true from the medication list or treatments, else not documented', () => {
    expect(
      value(
        { medications: [{ name: 'naproxen', text: 'stopped because of gastritis' }] },
        'painConditions.medicationReducedOrNotTolerated',
      ),
    ).toBe(true);
    expect(value({ treatments: [{ kind: 'opioid', medicationReduced: true }] }, 'painConditions.medicationReducedOrNotTolerated')).toBe(
      true,
    );
    expect(value({ treatments: [{ kind: 'nsaid', text: 'not tolerated' }] }, 'painConditions.medicationReducedOrNotTolerated')).toBe(true);
    expect(value({ medications: [{ name: 'naproxen' }] }, 'painConditions.medicationReducedOrNotTolerated')).toBeUndefined();
  });
  it('painConditions.medicationsDocumented', () => {
    expect(value({ medications: [{ name: 'gabapentin' }] }, 'painConditions.medicationsDocumented')).toBe(true);
    expect(value({ treatments: [{ kind: 'other', text: 'medications' }] }, 'painConditions.medicationsDocumented')).toBe(true);
    expect(value({ treatments: [{ kind: 'physical-therapy' }] }, 'painConditions.medicationsDocumented')).toBeUndefined();
  });
});

describe('psychological treatment facts', () => {
  const bio = [{ id: 'svc', kind: 'other', label: 'Biofeedback x4' }];
  it('painConditions.cbt', () => {
    expect(value({ treatments: [{ kind: 'psychological-services' }], services: bio }, 'painConditions.cbt')).toBe(true);
    expect(value({ services: [...bio, { id: 'psy', kind: 'psychological-services' }] }, 'painConditions.cbt')).toBe(true);
    expect(value({ treatments: [{ kind: 'physical-therapy' }], services: bio }, 'painConditions.cbt')).toBeUndefined();
  });
  it('painConditions.cbtWeeks from the stated duration or the first session', () => {
    expect(value({ treatments: [{ kind: 'psychological-services', durationWeeks: 6 }], services: bio }, 'painConditions.cbtWeeks')).toBe(6);
    expect(
      value(
        { decisionDate: '2017-02-01', treatments: [{ kind: 'psychological-services', date: '2017-01-04' }], services: bio },
        'painConditions.cbtWeeks',
      ),
    ).toBe(4);
    expect(value({ treatments: [{ kind: 'psychological-services' }], services: bio }, 'painConditions.cbtWeeks')).toBeUndefined();
  });
});

describe('patient and date facts', () => {
  it('painConditions.workStatus', () => {
    expect(value({ patient: { workStatus: 'full-duty' } }, 'painConditions.workStatus')).toBe('full-duty');
    expect(value({ patient: { workStatus: 'unknown' } }, 'painConditions.workStatus')).toBeUndefined();
    expect(value({}, 'painConditions.workStatus')).toBeUndefined();
  });
});

describe('painConditions.sprainStrain', () => {
  it('a sprain or strain diagnosis; false when others are listed; not documented without diagnoses', () => {
    const svc = [{ id: 'svc', kind: 'physical-therapy', region: 'knee', quantity: 6 }];
    expect(value({ diagnoses: ['right knee sprain'], services: svc }, 'painConditions.sprainStrain')).toBe(true);
    expect(value({ diagnoses: ['lumbar strain'], services: svc }, 'painConditions.sprainStrain')).toBe(true);
    expect(value({ diagnoses: ['knee osteoarthritis'], services: svc }, 'painConditions.sprainStrain')).toBe(false);
    expect(value({ services: svc }, 'painConditions.sprainStrain')).toBeUndefined();
  });
});

describe('painConditions.fibromyalgia: the one fibromyalgia fact (trigger point injections, antidepressants, antiepilepsy drugs)', () => {
  const svc = [{ id: 'svc', kind: 'trigger-point-injection', region: 'lumbar' }];
  it('a fibromyalgia diagnosis; false when others are listed; not documented without diagnoses', () => {
    expect(value({ diagnoses: ['fibromyalgia syndrome'], services: svc }, 'painConditions.fibromyalgia')).toBe(true);
    expect(value({ diagnoses: ['myofascial pain syndrome'], services: svc }, 'painConditions.fibromyalgia')).toBe(false);
    expect(value({ services: svc }, 'painConditions.fibromyalgia')).toBeUndefined();
  });
  it('a symptom reported is fibromyalgia, a symptom denied is not, whatever the diagnoses', () => {
    expect(value({ symptoms: [{ kind: 'fibromyalgia' }], services: svc }, 'painConditions.fibromyalgia')).toBe(true);
    expect(
      value(
        { diagnoses: ['lumbar strain'], symptoms: [{ kind: 'widespread pain', text: 'fibromyalgia' }], services: svc },
        'painConditions.fibromyalgia',
      ),
    ).toBe(true);
    expect(value({ symptoms: [{ kind: 'fibromyalgia', result: 'negative' }], services: svc }, 'painConditions.fibromyalgia')).toBe(false);
  });
});

describe('painConditions.rotatorCuffCondition', () => {
  it('rotator cuff inflammation, impingement or tear; false for other diagnoses', () => {
    const svc = [{ id: 'svc', kind: 'injection', region: 'shoulder' }];
    expect(value({ diagnoses: ['right shoulder impingement syndrome'], services: svc }, 'painConditions.rotatorCuffCondition')).toBe(true);
    expect(value({ diagnoses: ['partial rotator cuff tear'], services: svc }, 'painConditions.rotatorCuffCondition')).toBe(true);
    expect(value({ diagnoses: ['bursitis of the right shoulder'], services: svc }, 'painConditions.rotatorCuffCondition')).toBe(true);
    expect(value({ diagnoses: ['cervical radiculopathy'], services: svc }, 'painConditions.rotatorCuffCondition')).toBe(false);
  });
});

describe('painConditions.cervicalDystonia', () => {
  it('cervical dystonia or spasmodic torticollis; false for other diagnoses', () => {
    const svc = [{ id: 'svc', kind: 'injection', region: 'cervical' }];
    expect(value({ diagnoses: ['spasmodic torticollis'], services: svc }, 'painConditions.cervicalDystonia')).toBe(true);
    expect(value({ diagnoses: ['cervical strain'], services: svc }, 'painConditions.cervicalDystonia')).toBe(false);
  });
});

describe('painConditions.softTissueInflammation', () => {
  it('tendinitis, bursitis, myositis and the like; false for other diagnoses', () => {
    const svc = [{ id: 'svc', kind: 'durable-medical-equipment', region: 'shoulder' }];
    expect(value({ diagnoses: ['chronic supraspinatus tendinitis'], services: svc }, 'painConditions.softTissueInflammation')).toBe(true);
    expect(value({ diagnoses: ['trochanteric bursitis'], services: svc }, 'painConditions.softTissueInflammation')).toBe(true);
    expect(value({ diagnoses: ['lumbar disc degeneration'], services: svc }, 'painConditions.softTissueInflammation')).toBe(false);
  });
});
