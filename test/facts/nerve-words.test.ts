// One vocabulary of nerve words (vocab/nerve-words.yaml) read by the neuropathic-pain,
// radiculopathy and electrodiagnostic facts: its lists, its phrase syntax, its validation, and the
// same words reaching each question.
import { describe, it, expect } from 'vitest';
import { nerveWords, parseNerveVocabulary } from '../../src/facts/nerve-words.js';
import { value } from './harness.js';

describe('nerveWords', () => {
  it('matches the words of the lists named, on word boundaries', () => {
    const radiating = nerveWords('symptoms.radiating');
    expect(radiating.test('pain radiating down the left leg')).toBe(true);
    expect(radiating.test('numbness of the foot')).toBe(false);
    // pain named for a root is another list: radiating pain may be referred, sciatica is the root's
    expect(radiating.test('sciatica')).toBe(false);
    expect(nerveWords('symptoms.radicular').test('sciatica')).toBe(true);
    const limbPain = nerveWords('symptoms.limbPain');
    expect(limbPain.test('arm-pain')).toBe(true);
    // a word's inside is not the word: forearm pain is not arm pain
    expect(limbPain.test('forearm-pain')).toBe(false);
  });
  it('a leading * matches any word beginning ("polyneuropathy")', () => {
    expect(nerveWords('diagnoses.neuropathy').test('diabetic polyneuropathy')).toBe(true);
    expect(nerveWords('diagnoses.entrapment').test('diabetic polyneuropathy')).toBe(false);
  });
  it('an entrapment names the nerve: a peroneal tendon is no peroneal nerve', () => {
    const entrapment = nerveWords('diagnoses.entrapment');
    expect(entrapment.test('left peroneal nerve entrapment at the fibular head')).toBe(true);
    expect(entrapment.test('right peroneal tendinitis')).toBe(false);
  });
  it('composes several lists in one matcher', () => {
    const both = nerveWords('symptoms.radiating', 'symptoms.motor');
    expect(both.test('weakness of the hand')).toBe(true);
    expect(both.test('shooting pain')).toBe(true);
    expect(both.test('stiffness')).toBe(false);
  });
});

describe('parseNerveVocabulary', () => {
  const valid = `
symptoms: { radiating: [radiat*], radicular: [radicul*], sensory: [numb*], neuropathicPain: [burning], motor: [weak*], limbPain: [leg-pain] }
diagnoses: { radicular: [radicul*], neuritis: [neuritis], plexus: [plexus], entrapment: [carpal tunnel], neuropathy: [neuropathy], neuropathyRisk: [diabet*], centralNeurologic: [phantom*], crps: [crps], neuropathicPain: [neuralgia] }
`;
  it('accepts a complete vocabulary', () => {
    expect(parseNerveVocabulary(valid, 'v.yaml').symptoms.motor).toEqual(['weak*']);
  });
  it('names the file and path of a phrase in capitals, a missing list or an unknown one', () => {
    expect(() => parseNerveVocabulary(valid.replace('[burning]', '[Burning]'), 'v.yaml')).toThrow(
      /v\.yaml: symptoms\.neuropathicPain\.0: write phrases in lower case/,
    );
    expect(() => parseNerveVocabulary(valid.replace('motor: [weak*], ', ''), 'v.yaml')).toThrow(/v\.yaml: symptoms\.motor/);
    expect(() => parseNerveVocabulary(valid.replace('motor:', 'motors:'), 'v.yaml')).toThrow(/v\.yaml: symptoms/);
  });
});

describe('the same words reach each question', () => {
  const gabapentin = { id: 'med', kind: 'medication' as const, name: 'Gabapentin', strength: '300 mg', quantity: 90 };
  const esi = { id: 'esi', kind: 'epidural-steroid-injection', levels: 'L4-5', side: 'right' };
  const emg = { id: 'emg', kind: 'electrodiagnostics', region: 'lower-extremity', label: 'EMG/NCS bilateral lower extremities' };
  it('a root diagnosis ("nerve root impingement") is neuropathic pain, a radiculopathy diagnosis and a suspected radiculopathy', () => {
    const diagnoses = ['L5 nerve root impingement'];
    expect(value({ diagnoses, services: [gabapentin] }, 'painConditions.neuropathicPain')).toBe(true);
    expect(value({ diagnoses, services: [esi] }, 'radiculopathy.diagnosed')).toBe(true);
    expect(value({ diagnoses, services: [emg] }, 'electrodiagnostics.radiculopathySuspected')).toBe(true);
  });
  it('the TENS conditions the CPMTG lists beside neuropathic pain are not neuropathic pain', () => {
    const diagnoses = ['phantom limb pain, left leg'];
    expect(value({ diagnoses }, 'painConditions.centralNeurologic')).toBe(true);
    expect(value({ diagnoses, services: [gabapentin] }, 'painConditions.neuropathicPain')).toBeUndefined();
  });
  it('an entrapment is neuropathic pain and a suspected entrapment, not a radiculopathy', () => {
    const diagnoses = ['lesion of the ulnar nerve'];
    expect(value({ diagnoses, services: [gabapentin] }, 'painConditions.neuropathicPain')).toBe(true);
    expect(
      value(
        { diagnoses, services: [{ ...emg, region: 'upper-extremity', label: 'NCS right upper extremity' }] },
        'electrodiagnostics.entrapmentSuspected',
      ),
    ).toBe(true);
    expect(value({ diagnoses, services: [esi] }, 'radiculopathy.diagnosed')).toBeUndefined();
  });
  it('weakness is a limb symptom for electrodiagnosis, not a neuropathic-pain symptom', () => {
    const symptoms = [{ kind: 'weakness', region: 'lower-extremity', text: 'weakness of the left leg' }];
    expect(value({ symptoms, services: [emg] }, 'electrodiagnostics.limbSymptoms')).toBe(true);
    const exam = [{ finding: 'sensory-deficit', dermatome: 'L5' }];
    expect(value({ symptoms, exam, services: [gabapentin] }, 'painConditions.neuropathicPain')).toBeUndefined();
    expect(
      value(
        { symptoms: [{ kind: 'numbness', text: 'numbness of the foot' }], exam, services: [gabapentin] },
        'painConditions.neuropathicPain',
      ),
    ).toBe(true);
  });
});
