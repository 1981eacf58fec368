import { describe, it, expect } from 'vitest';
import { value } from './harness.js';

const svc = { id: 'med', kind: 'medication' as const, name: 'Gabapentin', strength: '300 mg', quantity: 90 };

describe('indications', () => {
  it('medicationIndications.neuropathicFirstLineFailed: failed, helped, not stated', () => {
    expect(
      value(
        { treatments: [{ kind: 'neuropathic-medication', outcome: 'failed' }], services: [svc] },
        'medicationIndications.neuropathicFirstLineFailed',
      ),
    ).toBe(true);
    expect(
      value(
        { medications: [{ name: 'amitriptyline', outcome: 'improved' }], services: [svc] },
        'medicationIndications.neuropathicFirstLineFailed',
      ),
    ).toBe(false);
    expect(
      value({ medications: [{ name: 'Lyrica' }], services: [svc] }, 'medicationIndications.neuropathicFirstLineFailed'),
    ).toBeUndefined();
  });

  it('arthritisOrTendinitis: diagnosis, study finding; a sprain or neuralgia is not', () => {
    expect(value({ diagnoses: ['right knee osteoarthritis'], services: [svc] }, 'medicationIndications.arthritisOrTendinitis')).toBe(true);
    expect(value({ diagnoses: ['lateral epicondylitis'], services: [svc] }, 'medicationIndications.arthritisOrTendinitis')).toBe(true);
    expect(
      value(
        { studies: [{ type: 'xray', region: 'knee', findings: [{ kind: 'osteoarthritis' }] }], services: [svc] },
        'medicationIndications.arthritisOrTendinitis',
      ),
    ).toBe(true);
    expect(
      value({ diagnoses: ['ankle sprain', 'saphenous neuralgia'], services: [svc] }, 'medicationIndications.arthritisOrTendinitis'),
    ).toBeUndefined();
  });

  it('depression, insomnia, headache, oral intolerance: stated, denied, not recorded', () => {
    expect(value({ diagnoses: ['major depressive disorder'], services: [svc] }, 'medicationIndications.depression')).toBe(true);
    expect(value({ symptoms: [{ kind: 'depression', result: 'negative' }], services: [svc] }, 'medicationIndications.depression')).toBe(
      false,
    );
    expect(value({ services: [svc] }, 'medicationIndications.depression')).toBeUndefined();
    expect(value({ symptoms: [{ kind: 'sleep-disturbance' }], services: [svc] }, 'medicationIndications.insomnia')).toBe(true);
    expect(value({ symptoms: [{ kind: 'insomnia', result: 'negative' }], services: [svc] }, 'medicationIndications.insomnia')).toBe(false);
    expect(value({ services: [svc] }, 'medicationIndications.insomnia')).toBeUndefined();
    expect(value({ diagnoses: ['post traumatic headaches'], services: [svc] }, 'medicationIndications.headache')).toBe(true);
    expect(value({ symptoms: [{ kind: 'headache', result: 'negative' }], services: [svc] }, 'medicationIndications.headache')).toBe(false);
    expect(value({ services: [svc] }, 'medicationIndications.headache')).toBeUndefined();
    expect(value({ symptoms: [{ kind: 'difficulty-swallowing' }], services: [svc] }, 'medicationIndications.oralIntolerance')).toBe(true);
    expect(value({ symptoms: [{ kind: 'dysphagia', result: 'negative' }], services: [svc] }, 'medicationIndications.oralIntolerance')).toBe(
      false,
    );
    expect(value({ services: [svc] }, 'medicationIndications.oralIntolerance')).toBeUndefined();
  });

  it('benzodiazepine.indication: anxiety (flag, diagnosis or symptom); never false', () => {
    expect(value({ documentation: { anxiety: true }, services: [svc] }, 'medicationIndications.benzodiazepine')).toBe(true);
    expect(value({ symptoms: [{ kind: 'anxiety' }], services: [svc] }, 'medicationIndications.benzodiazepine')).toBe(true);
    expect(value({ diagnoses: ['strain of neck'], services: [svc] }, 'medicationIndications.benzodiazepine')).toBeUndefined();
  });

  it('medicationIndications.muscleSpasm: positive, negative, not examined', () => {
    expect(value({ exam: [{ finding: 'muscle-spasm', region: 'lumbar' }], services: [svc] }, 'medicationIndications.muscleSpasm')).toBe(
      true,
    );
    expect(value({ exam: [{ finding: 'muscle-spasm', result: 'negative' }], services: [svc] }, 'medicationIndications.muscleSpasm')).toBe(
      false,
    );
    expect(value({ services: [svc] }, 'medicationIndications.muscleSpasm')).toBeUndefined();
  });

  it('medicationIndications.firstLineAnalgesicUsed: listed, tried, requested; false on a list without', () => {
    expect(value({ medications: [{ name: 'naproxen' }], services: [svc] }, 'medicationIndications.firstLineAnalgesicUsed')).toBe(true);
    expect(value({ treatments: [{ kind: 'nsaid' }], services: [svc] }, 'medicationIndications.firstLineAnalgesicUsed')).toBe(true);
    expect(
      value({ services: [svc, { id: 'apap', kind: 'medication', name: 'acetaminophen' }] }, 'medicationIndications.firstLineAnalgesicUsed'),
    ).toBe(true);
    expect(value({ medications: [{ name: 'Norco' }], services: [svc] }, 'medicationIndications.firstLineAnalgesicUsed')).toBe(false);
    expect(value({ services: [svc] }, 'medicationIndications.firstLineAnalgesicUsed')).toBeUndefined();
  });

  it('medicationIndications.opioidTakenOrRequested: listed, requested with the service, neither', () => {
    const colace = { id: 'colace', kind: 'medication' as const, name: 'Colace', strength: '100 mg', quantity: 60 };
    expect(value({ medications: [{ name: 'Norco' }], services: [colace] }, 'medicationIndications.opioidTakenOrRequested')).toBe(true);
    expect(
      value(
        {
          services: [
            { id: 'norco', kind: 'medication', name: 'Norco 5/325' },
            { ...colace, for: 'norco' },
          ],
        },
        'medicationIndications.opioidTakenOrRequested',
        'colace',
      ),
    ).toBe(true);
    expect(value({ medications: [{ name: 'naproxen' }], services: [colace] }, 'medicationIndications.opioidTakenOrRequested')).toBe(false);
    expect(value({ services: [colace] }, 'medicationIndications.opioidTakenOrRequested')).toBeUndefined();
  });

  it('medicationIndications.firstLineLaxativeFailed, antiemetic.indication, pde5.indication, medicationIndications.nitrateTaken, medicationIndications.nutritionalDeficiency', () => {
    expect(
      value({ medications: [{ name: 'senna', outcome: 'failed' }], services: [svc] }, 'medicationIndications.firstLineLaxativeFailed'),
    ).toBe(true);
    expect(
      value({ medications: [{ name: 'docusate', outcome: 'improved' }], services: [svc] }, 'medicationIndications.firstLineLaxativeFailed'),
    ).toBe(false);
    expect(value({ services: [svc] }, 'medicationIndications.firstLineLaxativeFailed')).toBeUndefined();
    expect(value({ diagnoses: ['acute gastroenteritis'], services: [svc] }, 'medicationIndications.antiemetic')).toBe(true);
    expect(value({ services: [svc] }, 'medicationIndications.antiemetic')).toBeUndefined();
    expect(value({ diagnoses: ['male erectile disorder'], services: [svc] }, 'medicationIndications.pde5')).toBe(true);
    expect(value({ symptoms: [{ kind: 'erectile-dysfunction', result: 'negative' }], services: [svc] }, 'medicationIndications.pde5')).toBe(
      false,
    );
    expect(value({ services: [svc] }, 'medicationIndications.pde5')).toBeUndefined();
    expect(value({ medications: [{ name: 'isosorbide mononitrate' }], services: [svc] }, 'medicationIndications.nitrateTaken')).toBe(true);
    expect(
      value(
        { medications: [{ name: 'nitroglycerin patch', route: 'transdermal' }], services: [svc] },
        'medicationIndications.nitrateTaken',
      ),
    ).toBe(true);
    expect(value({ medications: [{ name: 'metoprolol' }], services: [svc] }, 'medicationIndications.nitrateTaken')).toBe(false);
    expect(value({ services: [svc] }, 'medicationIndications.nitrateTaken')).toBeUndefined();
    expect(value({ diagnoses: ['vitamin D deficiency'], services: [svc] }, 'medicationIndications.nutritionalDeficiency')).toBe(true);
    expect(value({ services: [svc] }, 'medicationIndications.nutritionalDeficiency')).toBeUndefined();
  });
});

describe("indications read from the drug's own text", () => {
  it('medicationIndications.spasticity: MS, spinal cord injury, stroke; false when denied', () => {
    expect(value({ diagnoses: ['multiple sclerosis'], services: [svc] }, 'medicationIndications.spasticity')).toBe(true);
    expect(value({ diagnoses: ['incomplete spinal cord injury'], services: [svc] }, 'medicationIndications.spasticity')).toBe(true);
    expect(value({ symptoms: [{ kind: 'spasticity', result: 'negative' }], services: [svc] }, 'medicationIndications.spasticity')).toBe(
      false,
    );
    expect(value({ diagnoses: ['lumbar strain'], services: [svc] }, 'medicationIndications.spasticity')).toBeUndefined();
  });
  it('medicationIndications.nociceptivePain: musculoskeletal diagnosis or back/neck/joint pain; false when every diagnosis is neuropathic', () => {
    expect(value({ diagnoses: ['osteoarthritis of the knee'], services: [svc] }, 'medicationIndications.nociceptivePain')).toBe(true);
    expect(
      value(
        { symptoms: [{ kind: 'low-back-pain' }], diagnoses: ['lumbar radiculopathy'], services: [svc] },
        'medicationIndications.nociceptivePain',
      ),
    ).toBe(true);
    expect(
      value({ diagnoses: ['carpal tunnel syndrome', 'peripheral neuropathy'], services: [svc] }, 'medicationIndications.nociceptivePain'),
    ).toBe(false);
    expect(value({ services: [svc] }, 'medicationIndications.nociceptivePain')).toBeUndefined();
  });
});

describe('medicationUse.sameClassOthers', () => {
  const flexeril = { id: 'mr', kind: 'medication' as const, name: 'Flexeril', strength: '10 mg', quantity: 30 };
  it('another drug of the class taken, used or requested', () => {
    expect(value({ medications: [{ name: 'tizanidine 4 mg' }], services: [flexeril] }, 'medicationUse.sameClassOthers')).toEqual([
      'tizanidine 4 mg',
    ]);
    expect(
      value({ treatments: [{ kind: 'muscle-relaxant', text: 'Baclofen' }], services: [flexeril] }, 'medicationUse.sameClassOthers'),
    ).toEqual(['Baclofen']);
    expect(
      value(
        { medications: [], services: [flexeril, { id: 'soma', kind: 'medication', name: 'Soma 350 mg' }] },
        'medicationUse.sameClassOthers',
      ),
    ).toEqual(['Soma 350 mg']);
  });
  it('the same drug, or one that failed or was stopped, is not a duplicate', () => {
    expect(value({ medications: [{ name: 'cyclobenzaprine 10 mg' }], services: [flexeril] }, 'medicationUse.sameClassOthers')).toEqual([]);
    expect(
      value(
        {
          medications: [
            { name: 'methocarbamol', outcome: 'failed' },
            { name: 'Skelaxin', text: 'discontinued' },
          ],
          services: [flexeril],
        },
        'medicationUse.sameClassOthers',
      ),
    ).toEqual([]);
  });
  it('not documented without a medication list', () => {
    expect(value({ services: [flexeril] }, 'medicationUse.sameClassOthers')).toBeUndefined();
  });
});
