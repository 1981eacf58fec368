import { describe, it, expect } from 'vitest';
import { factHarness } from './harness.js';
import type { Request } from '../../src/request/schema.js';

const { value, fact } = factHarness({ decisionDate: '2016-06-01' });

type Service = Request['services'][number];
const edx = (s: Partial<Service>): Service => ({ id: 'edx', kind: 'electrodiagnostics', ...s });
const ue = edx({ region: 'upper-extremity', label: 'EMG/NCV of the bilateral upper extremities' });
const le = edx({ region: 'lower-extremity', label: 'EMG/NCS of the right lower extremity' });

describe('electrodiagnostics.limbs and components', () => {
  it('reads the limb from the region and the studies from the label', () => {
    expect(value({ services: [ue] }, 'electrodiagnostics.limbs')).toEqual(['upper']);
    expect(value({ services: [edx({ label: 'EMG/NCV of the hip, lumbar' })] }, 'electrodiagnostics.limbs')).toEqual(['lower']);
    expect(value({ services: [ue] }, 'electrodiagnostics.components')).toEqual(['emg', 'ncs']);
    expect(
      value({ services: [edx({ region: 'upper-extremity', label: 'Surface EMG of the arm' })] }, 'electrodiagnostics.components'),
    ).toEqual(['surface-emg']);
  });
  it('prefers the label to the text, and is not documented when no study is named', () => {
    expect(
      value(
        { services: [edx({ region: 'upper-extremity', label: 'EMG of the right upper extremity', text: 'NCS authorized separately' })] },
        'electrodiagnostics.components',
      ),
    ).toEqual(['emg']);
    expect(
      value({ services: [edx({ region: 'upper-extremity', label: 'electrodiagnostic studies' })] }, 'electrodiagnostics.components'),
    ).toBeUndefined();
    expect(value({ services: [edx({ label: 'EMG' })] }, 'electrodiagnostics.limbs')).toBeUndefined();
  });
  it('names evoked potentials, EEG and sensory threshold tests, so they never pass as EMG/NCS', () => {
    expect(
      value({ services: [edx({ region: 'lower-extremity', label: 'SSEP of the lower extremities' })] }, 'electrodiagnostics.components'),
    ).toEqual(['ssep']);
    expect(
      value(
        { services: [edx({ region: 'upper-extremity', label: 'Somatosensory evoked potentials, EMG/NCV' })] },
        'electrodiagnostics.components',
      ),
    ).toEqual(['emg', 'ncs', 'ssep']);
    expect(
      value(
        { services: [edx({ region: 'upper-extremity', label: 'Current perception threshold testing' })] },
        'electrodiagnostics.components',
      ),
    ).toEqual(['sensory-threshold']);
    expect(value({ services: [edx({ region: 'lower-extremity', label: 'EMG with H-reflex' })] }, 'electrodiagnostics.components')).toEqual([
      'emg',
    ]);
  });
});

describe('electrodiagnostics.limbSymptoms and limbSigns', () => {
  it('true, false, undocumented', () => {
    expect(value({ symptoms: [{ kind: 'numbness', region: 'hand' }], services: [ue] }, 'electrodiagnostics.limbSymptoms')).toBe(true);
    expect(
      value({ symptoms: [{ kind: 'numbness', region: 'hand', result: 'negative' }], services: [ue] }, 'electrodiagnostics.limbSymptoms'),
    ).toBe(false);
    expect(value({ symptoms: [{ kind: 'radiating-leg-pain' }], services: [ue] }, 'electrodiagnostics.limbSymptoms')).toBeUndefined();
    expect(value({ exam: [{ finding: 'tinel-sign', region: 'wrist' }], services: [ue] }, 'electrodiagnostics.limbSigns')).toBe(true);
    expect(
      value(
        { exam: [{ finding: 'sensory-deficit', result: 'negative', region: 'upper-extremity' }], services: [ue] },
        'electrodiagnostics.limbSigns',
      ),
    ).toBe(false);
    expect(value({ exam: [{ finding: 'straight-leg-raise' }], services: [ue] }, 'electrodiagnostics.limbSigns')).toBeUndefined();
  });
});

describe('electrodiagnostics.limbSymptoms: radiating pain', () => {
  const sx = (symptoms: Request['symptoms'], service: Service) =>
    value({ symptoms, services: [service] }, 'electrodiagnostics.limbSymptoms');
  it('pain from a joint that stays proximal is referred pain, not a neurologic symptom of the limb', () => {
    expect(sx([{ kind: 'joint-pain', region: 'hip', text: 'right hip pain radiating down the leg' }], le)).toBeUndefined();
    expect(sx([{ kind: 'radiating-leg-pain', text: 'right hip pain that radiated down the leg' }], le)).toBeUndefined();
    expect(sx([{ kind: 'radiating-leg-pain', region: 'hip', text: 'hip pain radiating down the leg' }], le)).toBeUndefined();
    expect(sx([{ kind: 'joint-pain', region: 'shoulder', text: 'shoulder pain radiating to the elbow' }], ue)).toBeUndefined();
  });
  it('pain reaching only the limb girdle is referred pain', () => {
    expect(sx([{ kind: 'neck-pain', text: 'neck pain radiating to the shoulders' }], ue)).toBeUndefined();
    expect(sx([{ kind: 'radiating-arm-pain', text: 'neck pain radiating to the right shoulder' }], ue)).toBeUndefined();
    expect(sx([{ kind: 'low-back-pain', text: 'low back pain radiating to the buttock' }], le)).toBeUndefined();
  });
  it('pain radiating into the limb from the spine, to the distal limb, or in a dermatome is a neurologic symptom', () => {
    expect(sx([{ kind: 'low-back-pain', text: 'low back pain radiating down the left leg' }], le)).toBe(true);
    expect(sx([{ kind: 'radiating-leg-pain' }], le)).toBe(true);
    expect(sx([{ kind: 'radiating-arm-pain', region: 'forearm' }], ue)).toBe(true);
    expect(sx([{ kind: 'joint-pain', region: 'hip', text: 'hip pain radiating to the ankle and foot' }], le)).toBe(true);
    expect(sx([{ kind: 'neck-pain', text: 'neck pain radiating into the shoulders and hands' }], ue)).toBe(true);
    expect(sx([{ kind: 'radiating-leg-pain', region: 'hip', dermatome: 'L5' }], le)).toBe(true);
  });
  it('numbness, tingling or weakness is a neurologic symptom wherever the pain starts', () => {
    expect(sx([{ kind: 'joint-pain', region: 'shoulder', text: 'shoulder pain radiating to the arm with tingling' }], ue)).toBe(true);
    expect(sx([{ kind: 'numbness', region: 'upper-extremity', text: 'numbness to the left arm' }], ue)).toBe(true);
  });
  it('names the referred pain it set aside', () => {
    const f = fact(
      { symptoms: [{ kind: 'joint-pain', region: 'hip', text: 'hip pain radiating down the leg' }], services: [le] },
      'electrodiagnostics.limbSymptoms',
    );
    expect(f.value).toBeUndefined();
    expect(f.evidence.join(' ')).toMatch(/symptoms\[0\].*referred/);
  });
});

describe('electrodiagnostics: the side studied', () => {
  const right = edx({ region: 'upper-extremity', side: 'right', label: 'EMG/NCV of the right upper extremity' });
  it('symptoms, signs and entrapment findings of the other arm do not bear on a one-sided study', () => {
    expect(
      value({ symptoms: [{ kind: 'numbness', region: 'hand', side: 'left' }], services: [right] }, 'electrodiagnostics.limbSymptoms'),
    ).toBeUndefined();
    expect(
      value({ symptoms: [{ kind: 'numbness', region: 'hand', side: 'right' }], services: [right] }, 'electrodiagnostics.limbSymptoms'),
    ).toBe(true);
    expect(
      value({ symptoms: [{ kind: 'numbness', region: 'hand', side: 'bilateral' }], services: [right] }, 'electrodiagnostics.limbSymptoms'),
    ).toBe(true);
    expect(
      value({ exam: [{ finding: 'tinel-sign', region: 'wrist', side: 'left' }], services: [right] }, 'electrodiagnostics.limbSigns'),
    ).toBeUndefined();
    expect(value({ exam: [{ finding: 'tinel-sign', region: 'wrist' }], services: [right] }, 'electrodiagnostics.limbSigns')).toBe(true);
    expect(
      value(
        { diagnoses: [{ text: 'carpal tunnel syndrome', region: 'wrist', side: 'left' }], services: [right] },
        'electrodiagnostics.entrapmentSuspected',
      ),
    ).toBeUndefined();
    expect(
      value(
        { diagnoses: [{ text: 'carpal tunnel syndrome', region: 'wrist', side: 'right' }], services: [right] },
        'electrodiagnostics.entrapmentSuspected',
      ),
    ).toBe(true);
  });
});

describe('electrodiagnostics.motorDeficit', () => {
  it('true, false, undocumented', () => {
    expect(
      value(
        { exam: [{ finding: 'muscle-atrophy', region: 'hand', text: 'thenar atrophy' }], services: [ue] },
        'electrodiagnostics.motorDeficit',
      ),
    ).toBe(true);
    expect(
      value(
        { exam: [{ finding: 'grip-weakness', result: 'negative', region: 'hand' }], services: [ue] },
        'electrodiagnostics.motorDeficit',
      ),
    ).toBe(false);
    expect(value({ services: [ue] }, 'electrodiagnostics.motorDeficit')).toBeUndefined();
  });
});

describe('electrodiagnostics.entrapmentSuspected', () => {
  it('is true for Tinel/Phalen or a carpal tunnel diagnosis', () => {
    expect(value({ exam: [{ finding: 'phalen-sign', region: 'wrist' }], services: [ue] }, 'electrodiagnostics.entrapmentSuspected')).toBe(
      true,
    );
    expect(value({ diagnoses: ['rule out carpal tunnel syndrome'], services: [ue] }, 'electrodiagnostics.entrapmentSuspected')).toBe(true);
  });
  it('is false when Tinel and Phalen are negative, or a leg picture is radicular', () => {
    expect(
      value(
        { exam: [{ finding: 'tinel-sign', result: 'negative', region: 'wrist' }], services: [ue] },
        'electrodiagnostics.entrapmentSuspected',
      ),
    ).toBe(false);
    expect(value({ symptoms: [{ kind: 'radiating-leg-pain' }], services: [le] }, 'electrodiagnostics.entrapmentSuspected')).toBe(false);
  });
  it('is not documented otherwise', () => {
    expect(
      value({ symptoms: [{ kind: 'numbness', region: 'hand' }], services: [ue] }, 'electrodiagnostics.entrapmentSuspected'),
    ).toBeUndefined();
  });
});

describe('electrodiagnostics.radiculopathySuspected and radiculopathyObvious', () => {
  it('suspected: true, false, undocumented', () => {
    expect(
      value(
        { exam: [{ finding: 'other', region: 'cervical', text: 'positive Spurling test' }], services: [ue] },
        'electrodiagnostics.radiculopathySuspected',
      ),
    ).toBe(true);
    expect(
      value(
        {
          symptoms: [{ kind: 'numbness', region: 'leg', result: 'negative' }],
          exam: [{ finding: 'straight-leg-raise', result: 'negative' }],
          services: [le],
        },
        'electrodiagnostics.radiculopathySuspected',
      ),
    ).toBe(false);
    expect(value({ services: [le] }, 'electrodiagnostics.radiculopathySuspected')).toBeUndefined();
  });
  it('obvious only with a deficit and corresponding imaging', () => {
    const exam: Request['exam'] = [{ finding: 'sensory-deficit', dermatome: 'L5', side: 'left' }];
    const studies: Request['studies'] = [
      { type: 'mri', region: 'lumbar', officialReport: true, findings: [{ kind: 'foraminal-stenosis', level: 'L5-S1' }] },
    ];
    expect(value({ exam, studies, services: [le] }, 'electrodiagnostics.radiculopathyObvious')).toBe(true);
    expect(value({ exam, services: [le] }, 'electrodiagnostics.radiculopathyObvious')).toBe(false);
    expect(
      value({ exam, studies: [{ ...studies[0]!, officialReport: false }], services: [le] }, 'electrodiagnostics.radiculopathyObvious'),
    ).toBe(false);
  });
});

describe('electrodiagnostics.priorStudies', () => {
  it('counts an earlier study of the same limb only', () => {
    const studies: Request['studies'] = [{ type: 'emg-ncv', region: 'upper-extremity', date: '2016-01-10' }];
    expect(value({ studies, services: [ue] }, 'electrodiagnostics.priorStudies')).toHaveLength(1);
    expect(value({ studies, services: [le] }, 'electrodiagnostics.priorStudies')).toEqual([]);
  });
  it('places a study that names no region by the nerve its neuropathy is named for (one list of the nerves of each limb)', () => {
    const studies = (text: string): Request['studies'] => [
      { type: 'emg-ncv', date: '2016-01-10', findings: [{ kind: 'neuropathy', text }] },
    ];
    expect(value({ studies: studies('right sciatic neuropathy'), services: [le] }, 'electrodiagnostics.priorStudies')).toHaveLength(1);
    expect(value({ studies: studies('right sciatic neuropathy'), services: [ue] }, 'electrodiagnostics.priorStudies')).toEqual([]);
    expect(value({ studies: studies('ulnar neuropathy at the elbow'), services: [ue] }, 'electrodiagnostics.priorStudies')).toHaveLength(1);
  });
});

describe('electrodiagnostics.eventSincePrior', () => {
  it('lists a surgery of the limb after the latest earlier study', () => {
    const base = {
      studies: [{ type: 'emg-ncv' as const, region: 'upper-extremity' as const, date: '2015-03-01' }],
      services: [edx({ region: 'upper-extremity', label: 'NCS', date: '2016-04-01' })],
    };
    expect(
      value({ ...base, surgeries: [{ kind: 'carpal-tunnel-release', date: '2015-06-01' }] }, 'electrodiagnostics.eventSincePrior'),
    ).toHaveLength(1);
    expect(
      value(
        { ...base, surgeries: [{ kind: 'arthroscopy', region: 'knee' as const, date: '2015-06-01' }] },
        'electrodiagnostics.eventSincePrior',
      ),
    ).toBeUndefined();
  });
});
