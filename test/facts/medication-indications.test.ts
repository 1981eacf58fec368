import { describe, it, expect } from 'vitest';
import { fact } from './support.js';

const svc = { id: 'med', kind: 'medication' as const, name: 'Gabapentin', strength: '300 mg', quantity: 90 };

describe('indications', () => {
  it('pain.neuropathic: diagnosis, exam or EMG; never false', () => {
    expect(fact({ diagnoses: ['lumbar radiculopathy'], services: [svc] }, 'pain.neuropathic')).toBe(true);
    expect(fact({ exam: [{ finding: 'sensory-deficit', dermatome: 'L5' }], services: [svc] }, 'pain.neuropathic')).toBe(true);
    expect(fact({ studies: [{ type: 'emg-ncv', findings: [{ kind: 'neuropathy' }] }], services: [svc] }, 'pain.neuropathic')).toBe(true);
    expect(fact({ diagnoses: ['lumbar strain'], exam: [{ finding: 'sensory-deficit', result: 'negative' }], services: [svc] }, 'pain.neuropathic')).toBeUndefined();
  });

  it('neuropathic.firstLineFailed: failed, helped, not stated', () => {
    expect(fact({ treatments: [{ kind: 'neuropathic-medication', outcome: 'failed' }], services: [svc] }, 'neuropathic.firstLineFailed')).toBe(true);
    expect(fact({ medications: [{ name: 'amitriptyline', outcome: 'improved' }], services: [svc] }, 'neuropathic.firstLineFailed')).toBe(false);
    expect(fact({ medications: [{ name: 'Lyrica' }], services: [svc] }, 'neuropathic.firstLineFailed')).toBeUndefined();
  });

  it('depression, insomnia, headache, oral intolerance: stated, denied, not recorded', () => {
    expect(fact({ diagnoses: ['major depressive disorder'], services: [svc] }, 'depression.documented')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'depression', result: 'negative' }], services: [svc] }, 'depression.documented')).toBe(false);
    expect(fact({ services: [svc] }, 'depression.documented')).toBeUndefined();
    expect(fact({ symptoms: [{ kind: 'sleep-disturbance' }], services: [svc] }, 'insomnia.documented')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'insomnia', result: 'negative' }], services: [svc] }, 'insomnia.documented')).toBe(false);
    expect(fact({ services: [svc] }, 'insomnia.documented')).toBeUndefined();
    expect(fact({ diagnoses: ['post traumatic headaches'], services: [svc] }, 'headache.documented')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'headache', result: 'negative' }], services: [svc] }, 'headache.documented')).toBe(false);
    expect(fact({ services: [svc] }, 'headache.documented')).toBeUndefined();
    expect(fact({ symptoms: [{ kind: 'difficulty-swallowing' }], services: [svc] }, 'oral.intolerance')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'dysphagia', result: 'negative' }], services: [svc] }, 'oral.intolerance')).toBe(false);
    expect(fact({ services: [svc] }, 'oral.intolerance')).toBeUndefined();
  });

  it('benzodiazepine.indication: anxiety (flag, diagnosis or symptom); never false', () => {
    expect(fact({ documentation: { anxiety: true }, services: [svc] }, 'benzodiazepine.indication')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'anxiety' }], services: [svc] }, 'benzodiazepine.indication')).toBe(true);
    expect(fact({ diagnoses: ['strain of neck'], services: [svc] }, 'benzodiazepine.indication')).toBeUndefined();
  });

  it('exam.muscleSpasm: positive, negative, not examined', () => {
    expect(fact({ exam: [{ finding: 'muscle-spasm', region: 'lumbar' }], services: [svc] }, 'exam.muscleSpasm')).toBe(true);
    expect(fact({ exam: [{ finding: 'muscle-spasm', result: 'negative' }], services: [svc] }, 'exam.muscleSpasm')).toBe(false);
    expect(fact({ services: [svc] }, 'exam.muscleSpasm')).toBeUndefined();
  });

  it('firstLineAnalgesic.used: listed, tried, requested; false on a list without', () => {
    expect(fact({ medications: [{ name: 'naproxen' }], services: [svc] }, 'firstLineAnalgesic.used')).toBe(true);
    expect(fact({ treatments: [{ kind: 'nsaid' }], services: [svc] }, 'firstLineAnalgesic.used')).toBe(true);
    expect(fact({ services: [svc, { id: 'apap', kind: 'medication', name: 'acetaminophen' }] }, 'firstLineAnalgesic.used')).toBe(true);
    expect(fact({ medications: [{ name: 'Norco' }], services: [svc] }, 'firstLineAnalgesic.used')).toBe(false);
    expect(fact({ services: [svc] }, 'firstLineAnalgesic.used')).toBeUndefined();
  });

  it('opioid.takenOrRequested: listed, requested with the service, neither', () => {
    const colace = { id: 'colace', kind: 'medication' as const, name: 'Colace', strength: '100 mg', quantity: 60 };
    expect(fact({ medications: [{ name: 'Norco' }], services: [colace] }, 'opioid.takenOrRequested')).toBe(true);
    expect(fact({ services: [{ id: 'norco', kind: 'medication', name: 'Norco 5/325' }, { ...colace, for: 'norco' }] }, 'opioid.takenOrRequested', 'colace')).toBe(true);
    expect(fact({ medications: [{ name: 'naproxen' }], services: [colace] }, 'opioid.takenOrRequested')).toBe(false);
    expect(fact({ services: [colace] }, 'opioid.takenOrRequested')).toBeUndefined();
  });

  it('laxative.firstLineFailed, antiemetic.indication, pde5.indication, medications.nitrate, diagnosis.nutritionalDeficiency', () => {
    expect(fact({ medications: [{ name: 'senna', outcome: 'failed' }], services: [svc] }, 'laxative.firstLineFailed')).toBe(true);
    expect(fact({ medications: [{ name: 'docusate', outcome: 'improved' }], services: [svc] }, 'laxative.firstLineFailed')).toBe(false);
    expect(fact({ services: [svc] }, 'laxative.firstLineFailed')).toBeUndefined();
    expect(fact({ diagnoses: ['acute gastroenteritis'], services: [svc] }, 'antiemetic.indication')).toBe(true);
    expect(fact({ services: [svc] }, 'antiemetic.indication')).toBeUndefined();
    expect(fact({ diagnoses: ['male erectile disorder'], services: [svc] }, 'pde5.indication')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'erectile-dysfunction', result: 'negative' }], services: [svc] }, 'pde5.indication')).toBe(false);
    expect(fact({ services: [svc] }, 'pde5.indication')).toBeUndefined();
    expect(fact({ medications: [{ name: 'isosorbide mononitrate' }], services: [svc] }, 'medications.nitrate')).toBe(true);
    expect(fact({ medications: [{ name: 'nitroglycerin patch', route: 'transdermal' }], services: [svc] }, 'medications.nitrate')).toBe(true);
    expect(fact({ medications: [{ name: 'metoprolol' }], services: [svc] }, 'medications.nitrate')).toBe(false);
    expect(fact({ services: [svc] }, 'medications.nitrate')).toBeUndefined();
    expect(fact({ diagnoses: ['vitamin D deficiency'], services: [svc] }, 'diagnosis.nutritionalDeficiency')).toBe(true);
    expect(fact({ services: [svc] }, 'diagnosis.nutritionalDeficiency')).toBeUndefined();
  });
});

describe('indications read from the drug\'s own text', () => {
  it('spasticity.documented: MS, spinal cord injury, stroke; false when denied', () => {
    expect(fact({ diagnoses: ['multiple sclerosis'], services: [svc] }, 'spasticity.documented')).toBe(true);
    expect(fact({ diagnoses: ['incomplete spinal cord injury'], services: [svc] }, 'spasticity.documented')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'spasticity', result: 'negative' }], services: [svc] }, 'spasticity.documented')).toBe(false);
    expect(fact({ diagnoses: ['lumbar strain'], services: [svc] }, 'spasticity.documented')).toBeUndefined();
  });
  it('pain.nociceptive: musculoskeletal diagnosis or back/neck/joint pain; false when every diagnosis is neuropathic', () => {
    expect(fact({ diagnoses: ['osteoarthritis of the knee'], services: [svc] }, 'pain.nociceptive')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'low-back-pain' }], diagnoses: ['lumbar radiculopathy'], services: [svc] }, 'pain.nociceptive')).toBe(true);
    expect(fact({ diagnoses: ['carpal tunnel syndrome', 'peripheral neuropathy'], services: [svc] }, 'pain.nociceptive')).toBe(false);
    expect(fact({ services: [svc] }, 'pain.nociceptive')).toBeUndefined();
  });
});

describe('medication.sameClassOthers', () => {
  const flexeril = { id: 'mr', kind: 'medication' as const, name: 'Flexeril', strength: '10 mg', quantity: 30 };
  it('another drug of the class taken, used or requested', () => {
    expect(fact({ medications: [{ name: 'tizanidine 4 mg' }], services: [flexeril] }, 'medication.sameClassOthers')).toEqual(['tizanidine 4 mg']);
    expect(fact({ treatments: [{ kind: 'muscle-relaxant', text: 'Baclofen' }], services: [flexeril] }, 'medication.sameClassOthers')).toEqual(['Baclofen']);
    expect(fact({ medications: [], services: [flexeril, { id: 'soma', kind: 'medication', name: 'Soma 350 mg' }] }, 'medication.sameClassOthers')).toEqual(['Soma 350 mg']);
  });
  it('the same drug, or one that failed or was stopped, is not a duplicate', () => {
    expect(fact({ medications: [{ name: 'cyclobenzaprine 10 mg' }], services: [flexeril] }, 'medication.sameClassOthers')).toEqual([]);
    expect(fact({ medications: [{ name: 'methocarbamol', outcome: 'failed' }, { name: 'Skelaxin', text: 'discontinued' }], services: [flexeril] }, 'medication.sameClassOthers')).toEqual([]);
  });
  it('not documented without a medication list', () => {
    expect(fact({ services: [flexeril] }, 'medication.sameClassOthers')).toBeUndefined();
  });
});
