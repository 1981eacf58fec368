import { describe, it, expect } from 'vitest';
import { fact } from './support.js';

const svc = { id: 'med', kind: 'medication' as const, name: 'Gabapentin', strength: '300 mg', quantity: 90 };

describe('indications', () => {
  it('medicationIndications.neuropathicPain: diagnosis, exam or EMG; never false', () => {
    expect(fact({ diagnoses: ['lumbar radiculopathy'], services: [svc] }, 'medicationIndications.neuropathicPain')).toBe(true);
    expect(fact({ exam: [{ finding: 'sensory-deficit', dermatome: 'L5' }], services: [svc] }, 'medicationIndications.neuropathicPain')).toBe(true);
    expect(fact({ studies: [{ type: 'emg-ncv', findings: [{ kind: 'neuropathy' }] }], services: [svc] }, 'medicationIndications.neuropathicPain')).toBe(true);
    expect(fact({ diagnoses: ['lumbar strain'], exam: [{ finding: 'sensory-deficit', result: 'negative' }], services: [svc] }, 'medicationIndications.neuropathicPain')).toBeUndefined();
  });

  it('medicationIndications.neuropathicFirstLineFailed: failed, helped, not stated', () => {
    expect(fact({ treatments: [{ kind: 'neuropathic-medication', outcome: 'failed' }], services: [svc] }, 'medicationIndications.neuropathicFirstLineFailed')).toBe(true);
    expect(fact({ medications: [{ name: 'amitriptyline', outcome: 'improved' }], services: [svc] }, 'medicationIndications.neuropathicFirstLineFailed')).toBe(false);
    expect(fact({ medications: [{ name: 'Lyrica' }], services: [svc] }, 'medicationIndications.neuropathicFirstLineFailed')).toBeUndefined();
  });

  it('depression, insomnia, headache, oral intolerance: stated, denied, not recorded', () => {
    expect(fact({ diagnoses: ['major depressive disorder'], services: [svc] }, 'medicationIndications.depression')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'depression', result: 'negative' }], services: [svc] }, 'medicationIndications.depression')).toBe(false);
    expect(fact({ services: [svc] }, 'medicationIndications.depression')).toBeUndefined();
    expect(fact({ symptoms: [{ kind: 'sleep-disturbance' }], services: [svc] }, 'medicationIndications.insomnia')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'insomnia', result: 'negative' }], services: [svc] }, 'medicationIndications.insomnia')).toBe(false);
    expect(fact({ services: [svc] }, 'medicationIndications.insomnia')).toBeUndefined();
    expect(fact({ diagnoses: ['post traumatic headaches'], services: [svc] }, 'medicationIndications.headache')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'headache', result: 'negative' }], services: [svc] }, 'medicationIndications.headache')).toBe(false);
    expect(fact({ services: [svc] }, 'medicationIndications.headache')).toBeUndefined();
    expect(fact({ symptoms: [{ kind: 'difficulty-swallowing' }], services: [svc] }, 'medicationIndications.oralIntolerance')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'dysphagia', result: 'negative' }], services: [svc] }, 'medicationIndications.oralIntolerance')).toBe(false);
    expect(fact({ services: [svc] }, 'medicationIndications.oralIntolerance')).toBeUndefined();
  });

  it('benzodiazepine.indication: anxiety (flag, diagnosis or symptom); never false', () => {
    expect(fact({ documentation: { anxiety: true }, services: [svc] }, 'medicationIndications.benzodiazepine')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'anxiety' }], services: [svc] }, 'medicationIndications.benzodiazepine')).toBe(true);
    expect(fact({ diagnoses: ['strain of neck'], services: [svc] }, 'medicationIndications.benzodiazepine')).toBeUndefined();
  });

  it('medicationIndications.muscleSpasm: positive, negative, not examined', () => {
    expect(fact({ exam: [{ finding: 'muscle-spasm', region: 'lumbar' }], services: [svc] }, 'medicationIndications.muscleSpasm')).toBe(true);
    expect(fact({ exam: [{ finding: 'muscle-spasm', result: 'negative' }], services: [svc] }, 'medicationIndications.muscleSpasm')).toBe(false);
    expect(fact({ services: [svc] }, 'medicationIndications.muscleSpasm')).toBeUndefined();
  });

  it('medicationIndications.firstLineAnalgesicUsed: listed, tried, requested; false on a list without', () => {
    expect(fact({ medications: [{ name: 'naproxen' }], services: [svc] }, 'medicationIndications.firstLineAnalgesicUsed')).toBe(true);
    expect(fact({ treatments: [{ kind: 'nsaid' }], services: [svc] }, 'medicationIndications.firstLineAnalgesicUsed')).toBe(true);
    expect(fact({ services: [svc, { id: 'apap', kind: 'medication', name: 'acetaminophen' }] }, 'medicationIndications.firstLineAnalgesicUsed')).toBe(true);
    expect(fact({ medications: [{ name: 'Norco' }], services: [svc] }, 'medicationIndications.firstLineAnalgesicUsed')).toBe(false);
    expect(fact({ services: [svc] }, 'medicationIndications.firstLineAnalgesicUsed')).toBeUndefined();
  });

  it('medicationIndications.opioidTakenOrRequested: listed, requested with the service, neither', () => {
    const colace = { id: 'colace', kind: 'medication' as const, name: 'Colace', strength: '100 mg', quantity: 60 };
    expect(fact({ medications: [{ name: 'Norco' }], services: [colace] }, 'medicationIndications.opioidTakenOrRequested')).toBe(true);
    expect(fact({ services: [{ id: 'norco', kind: 'medication', name: 'Norco 5/325' }, { ...colace, for: 'norco' }] }, 'medicationIndications.opioidTakenOrRequested', 'colace')).toBe(true);
    expect(fact({ medications: [{ name: 'naproxen' }], services: [colace] }, 'medicationIndications.opioidTakenOrRequested')).toBe(false);
    expect(fact({ services: [colace] }, 'medicationIndications.opioidTakenOrRequested')).toBeUndefined();
  });

  it('medicationIndications.firstLineLaxativeFailed, antiemetic.indication, pde5.indication, medicationIndications.nitrateTaken, medicationIndications.nutritionalDeficiency', () => {
    expect(fact({ medications: [{ name: 'senna', outcome: 'failed' }], services: [svc] }, 'medicationIndications.firstLineLaxativeFailed')).toBe(true);
    expect(fact({ medications: [{ name: 'docusate', outcome: 'improved' }], services: [svc] }, 'medicationIndications.firstLineLaxativeFailed')).toBe(false);
    expect(fact({ services: [svc] }, 'medicationIndications.firstLineLaxativeFailed')).toBeUndefined();
    expect(fact({ diagnoses: ['acute gastroenteritis'], services: [svc] }, 'medicationIndications.antiemetic')).toBe(true);
    expect(fact({ services: [svc] }, 'medicationIndications.antiemetic')).toBeUndefined();
    expect(fact({ diagnoses: ['male erectile disorder'], services: [svc] }, 'medicationIndications.pde5')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'erectile-dysfunction', result: 'negative' }], services: [svc] }, 'medicationIndications.pde5')).toBe(false);
    expect(fact({ services: [svc] }, 'medicationIndications.pde5')).toBeUndefined();
    expect(fact({ medications: [{ name: 'isosorbide mononitrate' }], services: [svc] }, 'medicationIndications.nitrateTaken')).toBe(true);
    expect(fact({ medications: [{ name: 'nitroglycerin patch', route: 'transdermal' }], services: [svc] }, 'medicationIndications.nitrateTaken')).toBe(true);
    expect(fact({ medications: [{ name: 'metoprolol' }], services: [svc] }, 'medicationIndications.nitrateTaken')).toBe(false);
    expect(fact({ services: [svc] }, 'medicationIndications.nitrateTaken')).toBeUndefined();
    expect(fact({ diagnoses: ['vitamin D deficiency'], services: [svc] }, 'medicationIndications.nutritionalDeficiency')).toBe(true);
    expect(fact({ services: [svc] }, 'medicationIndications.nutritionalDeficiency')).toBeUndefined();
  });
});

describe('indications read from the drug\'s own text', () => {
  it('medicationIndications.spasticity: MS, spinal cord injury, stroke; false when denied', () => {
    expect(fact({ diagnoses: ['multiple sclerosis'], services: [svc] }, 'medicationIndications.spasticity')).toBe(true);
    expect(fact({ diagnoses: ['incomplete spinal cord injury'], services: [svc] }, 'medicationIndications.spasticity')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'spasticity', result: 'negative' }], services: [svc] }, 'medicationIndications.spasticity')).toBe(false);
    expect(fact({ diagnoses: ['lumbar strain'], services: [svc] }, 'medicationIndications.spasticity')).toBeUndefined();
  });
  it('medicationIndications.nociceptivePain: musculoskeletal diagnosis or back/neck/joint pain; false when every diagnosis is neuropathic', () => {
    expect(fact({ diagnoses: ['osteoarthritis of the knee'], services: [svc] }, 'medicationIndications.nociceptivePain')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'low-back-pain' }], diagnoses: ['lumbar radiculopathy'], services: [svc] }, 'medicationIndications.nociceptivePain')).toBe(true);
    expect(fact({ diagnoses: ['carpal tunnel syndrome', 'peripheral neuropathy'], services: [svc] }, 'medicationIndications.nociceptivePain')).toBe(false);
    expect(fact({ services: [svc] }, 'medicationIndications.nociceptivePain')).toBeUndefined();
  });
});

describe('medicationUse.sameClassOthers', () => {
  const flexeril = { id: 'mr', kind: 'medication' as const, name: 'Flexeril', strength: '10 mg', quantity: 30 };
  it('another drug of the class taken, used or requested', () => {
    expect(fact({ medications: [{ name: 'tizanidine 4 mg' }], services: [flexeril] }, 'medicationUse.sameClassOthers')).toEqual(['tizanidine 4 mg']);
    expect(fact({ treatments: [{ kind: 'muscle-relaxant', text: 'Baclofen' }], services: [flexeril] }, 'medicationUse.sameClassOthers')).toEqual(['Baclofen']);
    expect(fact({ medications: [], services: [flexeril, { id: 'soma', kind: 'medication', name: 'Soma 350 mg' }] }, 'medicationUse.sameClassOthers')).toEqual(['Soma 350 mg']);
  });
  it('the same drug, or one that failed or was stopped, is not a duplicate', () => {
    expect(fact({ medications: [{ name: 'cyclobenzaprine 10 mg' }], services: [flexeril] }, 'medicationUse.sameClassOthers')).toEqual([]);
    expect(fact({ medications: [{ name: 'methocarbamol', outcome: 'failed' }, { name: 'Skelaxin', text: 'discontinued' }], services: [flexeril] }, 'medicationUse.sameClassOthers')).toEqual([]);
  });
  it('not documented without a medication list', () => {
    expect(fact({ services: [flexeril] }, 'medicationUse.sameClassOthers')).toBeUndefined();
  });
});
