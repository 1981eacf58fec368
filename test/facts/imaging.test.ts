import { describe, it, expect } from 'vitest';
import { factHarness } from './harness.js';
import type { Request } from '../../src/request/schema.js';

const { factsFor, value } = factHarness({ decisionDate: '2016-06-01' });

type Service = Request['services'][number];
const svc = (s: Partial<Service>): Service => ({ id: 'img', kind: 'imaging', ...s });

describe('imaging.requestDate and imaging.symptomWeeksAtRequest', () => {
  it('uses the service date when given', () => {
    const req = { injury: { date: '2016-03-01' }, services: [svc({ modality: 'mri', region: 'lumbar', date: '2016-03-29' })] };
    expect(value(req, 'imaging.requestDate')).toBe('2016-03-29');
    expect(value(req, 'imaging.symptomWeeksAtRequest')).toBe(4);
  });
  it('falls back to the latest dated entry of the record, not the decision date', () => {
    const req = {
      injury: { date: '2016-03-01' },
      exam: [{ finding: 'sensory-deficit' as const, date: '2016-03-15' }],
      services: [svc({ modality: 'mri', region: 'lumbar' })],
    };
    expect(value(req, 'imaging.requestDate')).toBe('2016-03-15');
    expect(value(req, 'imaging.symptomWeeksAtRequest')).toBe(2);
  });
  it('takes a longer symptom duration recorded for the region', () => {
    const req = {
      injury: { date: '2016-05-01' },
      symptoms: [{ kind: 'numbness', region: 'wrist' as const, durationMonths: 24 }],
      services: [svc({ modality: 'mri', region: 'wrist', date: '2016-05-15' })],
    };
    expect(value(req, 'imaging.symptomWeeksAtRequest')).toBe(104.4);
  });
  it('is not documented without an injury date or duration', () => {
    expect(value({ services: [svc({ modality: 'mri', region: 'lumbar' })] }, 'imaging.symptomWeeksAtRequest')).toBeUndefined();
  });
});

describe('imaging.redFlag and imaging.fractureConcern', () => {
  const req = (redFlags?: Request['documentation'] extends infer D ? (D extends { redFlags?: infer R } ? R : never) : never) => ({
    ...(redFlags ? { documentation: { redFlags } } : {}),
    services: [svc({ modality: 'mri', region: 'lumbar' })],
  });
  it('is true for serious red flags, not for trauma alone', () => {
    expect(value(req(['cauda-equina']), 'imaging.redFlag')).toBe(true);
    expect(value(req(['trauma']), 'imaging.redFlag')).toBe(false);
    expect(value(req(['trauma']), 'imaging.fractureConcern')).toBe(true);
  });
  it('is false when red flags are listed as none, undefined when not stated', () => {
    expect(value(req([]), 'imaging.redFlag')).toBe(false);
    expect(value(req([]), 'imaging.fractureConcern')).toBe(false);
    expect(value(req(), 'imaging.redFlag')).toBeUndefined();
  });
});

describe('imaging.priorStudies', () => {
  const studies: Request['studies'] = [
    { type: 'xray', region: 'lumbar', date: '2016-02-01' },
    { type: 'mri', region: 'knee', side: 'left', date: '2016-02-01' },
    { type: 'ct', region: 'cervical', date: '2016-02-01' },
  ];
  it('counts an earlier MRI or CT of the same region and side before an MRI', () => {
    expect(value({ studies, services: [svc({ modality: 'mri', region: 'knee', side: 'left' })] }, 'imaging.priorStudies')).toHaveLength(1);
    expect(value({ studies, services: [svc({ modality: 'mri', region: 'cervical' })] }, 'imaging.priorStudies')).toHaveLength(1);
  });
  it('does not count radiographs before an MRI, or the other side', () => {
    expect(value({ studies, services: [svc({ modality: 'mri', region: 'lumbar' })] }, 'imaging.priorStudies')).toEqual([]);
    expect(value({ studies, services: [svc({ modality: 'mri', region: 'knee', side: 'right' })] }, 'imaging.priorStudies')).toEqual([]);
  });
  it('counts earlier radiographs before new radiographs', () => {
    expect(value({ studies, services: [svc({ modality: 'xray', region: 'lumbar' })] }, 'imaging.priorStudies')).toHaveLength(1);
  });
});

describe('imaging.nerveCompromise', () => {
  const mri = svc({ modality: 'mri', region: 'lumbar' });
  it('is true for a sensory, motor or reflex finding that names its root or level in the imaged spine', () => {
    expect(value({ exam: [{ finding: 'sensory-deficit', dermatome: 'L5' }], services: [mri] }, 'imaging.nerveCompromise')).toBe(true);
    expect(value({ exam: [{ finding: 'reflex-change', root: 'S1' }], services: [mri] }, 'imaging.nerveCompromise')).toBe(true);
    expect(value({ exam: [{ finding: 'motor-weakness', level: 'L4-5' }], services: [mri] }, 'imaging.nerveCompromise')).toBe(true);
    expect(
      value(
        { exam: [{ finding: 'sensory-deficit', text: 'decreased sensation in the L5 dermatome' }], services: [mri] },
        'imaging.nerveCompromise',
      ),
    ).toBe(true);
  });
  it('is false when the positive findings name no root (the examination is less clear)', () => {
    expect(value({ exam: [{ finding: 'motor-weakness', region: 'lower-extremity' }], services: [mri] }, 'imaging.nerveCompromise')).toBe(
      false,
    );
    expect(value({ exam: [{ finding: 'motor-weakness', text: '4/5 strength' }], services: [mri] }, 'imaging.nerveCompromise')).toBe(false);
  });
  it('is false when the neurologic examination is normal; a straight-leg raise alone does not count', () => {
    const exam: Request['exam'] = [
      { finding: 'straight-leg-raise', result: 'positive' },
      { finding: 'sensory-deficit', result: 'negative' },
    ];
    expect(value({ exam, services: [mri] }, 'imaging.nerveCompromise')).toBe(false);
  });
  it('ignores findings of another spine or a peripheral nerve distribution', () => {
    const exam: Request['exam'] = [
      { finding: 'sensory-deficit', dermatome: 'C6' },
      { finding: 'sensory-deficit', region: 'hand', text: 'median distribution' },
    ];
    expect(value({ exam, services: [mri] }, 'imaging.nerveCompromise')).toBeUndefined();
    expect(value({ exam, services: [svc({ modality: 'mri', region: 'cervical' })] }, 'imaging.nerveCompromise')).toBe(true);
  });
  it('is false for sensory loss alone beside a suspected entrapment of the same limb, not when weakness or a reflex names the root', () => {
    const cervical = svc({ modality: 'mri', region: 'cervical' });
    const sensory: Request['exam'] = [
      { finding: 'sensory-deficit', dermatome: 'C6' },
      { finding: 'phalen-sign', result: 'positive', region: 'wrist' },
    ];
    expect(value({ exam: sensory, services: [cervical] }, 'imaging.nerveCompromise')).toBe(false);
    expect(
      value(
        { exam: [{ finding: 'sensory-deficit', dermatome: 'C6' }], diagnoses: ['carpal tunnel syndrome'], services: [cervical] },
        'imaging.nerveCompromise',
      ),
    ).toBe(false);
    expect(value({ exam: [...sensory, { finding: 'reflex-change', root: 'C6' }], services: [cervical] }, 'imaging.nerveCompromise')).toBe(
      true,
    );
    // an upper-limb entrapment does not bear on a lumbar root
    expect(
      value(
        {
          exam: [
            { finding: 'sensory-deficit', dermatome: 'L5' },
            { finding: 'tinel-sign', result: 'positive', region: 'wrist' },
          ],
          services: [mri],
        },
        'imaging.nerveCompromise',
      ),
    ).toBe(true);
  });
  it('keeps a dermatomal sensory loss beside diabetes or a polyneuropathy: it does not mimic one root', () => {
    const exam: Request['exam'] = [{ finding: 'sensory-deficit', result: 'positive', dermatome: 'L5', side: 'left' }];
    const radicular = { symptoms: [{ kind: 'low-back-pain', text: 'low back pain radiating to the left foot' }], exam, services: [mri] };
    expect(value({ ...radicular, diagnoses: ['type 2 diabetes mellitus', 'lumbar disc herniation'] }, 'imaging.nerveCompromise')).toBe(
      true,
    );
    expect(value({ exam, diagnoses: ['peripheral neuropathy'], services: [mri] }, 'imaging.nerveCompromise')).toBe(true);
    // a peroneal neuropathy can mimic L5
    expect(value({ exam, diagnoses: ['left peroneal neuropathy'], services: [mri] }, 'imaging.nerveCompromise')).toBe(false);
  });
});

describe('imaging.plainFilms', () => {
  it('reported, mentioned, or not documented', () => {
    const films = (officialReport?: boolean): Request['studies'] => [
      { type: 'xray', region: 'foot', ...(officialReport === undefined ? {} : { officialReport }) },
    ];
    expect(value({ studies: films(), services: [svc({ modality: 'mri', region: 'foot' })] }, 'imaging.plainFilms')).toBe('reported');
    expect(value({ studies: films(false), services: [svc({ modality: 'mri', region: 'foot' })] }, 'imaging.plainFilms')).toBe('mentioned');
    expect(value({ studies: films(), services: [svc({ modality: 'mri', region: 'elbow' })] }, 'imaging.plainFilms')).toBeUndefined();
  });
});

describe('imaging.suspectedConditions', () => {
  it('reads the purpose and the diagnoses of the region', () => {
    const req = {
      diagnoses: [
        { text: 'possible cubital tunnel syndrome', region: 'elbow' as const },
        { text: 'knee meniscal tear', region: 'knee' as const },
      ],
      services: [svc({ modality: 'mri', region: 'elbow', purpose: 'rule out ligament tear' })],
    };
    expect(value(req, 'imaging.suspectedConditions')).toEqual(['ligament-tear', 'nerve-entrapment']);
  });
  it('is not documented when nothing is named', () => {
    expect(
      value({ diagnoses: ['hip strain'], services: [svc({ modality: 'mri', region: 'hip' })] }, 'imaging.suspectedConditions'),
    ).toBeUndefined();
  });
  it('names an entrapment and CRPS with the nerve vocabulary (vocab/nerve-words.yaml)', () => {
    const elbow = svc({ modality: 'mri', region: 'elbow' });
    expect(value({ diagnoses: [{ text: 'ulnar neuritis', region: 'elbow' }], services: [elbow] }, 'imaging.suspectedConditions')).toEqual([
      'nerve-entrapment',
    ]);
    const foot = svc({ modality: 'bone-scan', region: 'foot' });
    expect(
      value({ diagnoses: [{ text: 'RSD of the right foot', region: 'foot' }], services: [foot] }, 'imaging.suspectedConditions'),
    ).toEqual(['crps']);
  });
});

describe('imaging.kneeDerangementSigns', () => {
  const knee = svc({ modality: 'mri', region: 'knee' });
  it('is true for a meniscal sign or locking', () => {
    expect(value({ exam: [{ finding: 'meniscal-sign', region: 'knee' }], services: [knee] }, 'imaging.kneeDerangementSigns')).toBe(true);
    expect(value({ symptoms: [{ kind: 'locking' }], services: [knee] }, 'imaging.kneeDerangementSigns')).toBe(true);
  });
  it('is false when the tests were negative, undefined when not done', () => {
    expect(
      value(
        { exam: [{ finding: 'joint-instability', result: 'negative', region: 'knee' }], services: [knee] },
        'imaging.kneeDerangementSigns',
      ),
    ).toBe(false);
    expect(
      value({ exam: [{ finding: 'joint-tenderness', region: 'knee' }], services: [knee] }, 'imaging.kneeDerangementSigns'),
    ).toBeUndefined();
  });
});

describe('imaging.headNeurologicSigns', () => {
  const ct = svc({ modality: 'ct', region: 'head' });
  it('true, false, undocumented', () => {
    expect(value({ exam: [{ finding: 'other', text: 'altered mental status' }], services: [ct] }, 'imaging.headNeurologicSigns')).toBe(
      true,
    );
    expect(
      value(
        { exam: [{ finding: 'other', result: 'negative', text: 'focal neurologic deficits' }], services: [ct] },
        'imaging.headNeurologicSigns',
      ),
    ).toBe(false);
    expect(value({ symptoms: [{ kind: 'headache' }], services: [ct] }, 'imaging.headNeurologicSigns')).toBeUndefined();
  });
});

describe('imaging.crpsSignCategories', () => {
  const scan = svc({ modality: 'bone-scan', region: 'foot' });
  it('counts Budapest sign categories of the region', () => {
    const exam: Request['exam'] = [
      { finding: 'swelling', region: 'foot' },
      { finding: 'other', region: 'foot', text: 'redness and discoloration' },
      { finding: 'other', region: 'foot', text: 'hypersensitive to touch' },
    ];
    expect(value({ exam, services: [scan] }, 'imaging.crpsSignCategories')).toBe(3);
    expect(value({ exam: [{ finding: 'joint-tenderness', region: 'foot' }], services: [scan] }, 'imaging.crpsSignCategories')).toBe(0);
    expect(value({ services: [scan] }, 'imaging.crpsSignCategories')).toBeUndefined();
  });
});

describe('imaging.ctUnavailable', () => {
  it('reads the request only; never false', () => {
    expect(
      value({ services: [svc({ modality: 'xray', region: 'head', text: 'CT not available locally' })] }, 'imaging.ctUnavailable'),
    ).toBe(true);
    expect(value({ services: [svc({ modality: 'xray', region: 'head' })] }, 'imaging.ctUnavailable')).toBeUndefined();
  });
});

describe('imaging.daysFromInjuryToRequest', () => {
  it('counts days from the injury to the request', () => {
    expect(
      factsFor({ injury: { date: '2016-05-01' }, services: [svc({ modality: 'ct', region: 'head', date: '2016-05-03' })] }).get(
        'imaging.daysFromInjuryToRequest',
      ).value,
    ).toBe(2);
    expect(value({ services: [svc({ modality: 'ct', region: 'head' })] }, 'imaging.daysFromInjuryToRequest')).toBeUndefined();
  });
});

describe('imaging.priorStudies leaves out the requested study itself', () => {
  it('does not count a same-day study of the requested type on a dated (retrospective) request', () => {
    const studies: Request['studies'] = [
      { type: 'ct', region: 'cervical', date: '2016-11-18' },
      { type: 'xray', region: 'cervical', date: '2016-11-18' },
    ];
    expect(value({ studies, services: [svc({ modality: 'ct', region: 'cervical', date: '2016-11-18' })] }, 'imaging.priorStudies')).toEqual(
      [],
    );
    expect(
      value({ studies, services: [svc({ modality: 'mri', region: 'cervical', date: '2016-11-18' })] }, 'imaging.priorStudies'),
    ).toHaveLength(1);
  });
});

describe('imaging.technique and imaging.mriUnavailable', () => {
  it('reads special techniques from the label, none for an ordinary study', () => {
    expect(
      value({ services: [svc({ modality: 'ct', region: 'lumbar', label: 'CT myelogram of the lumbar spine' })] }, 'imaging.technique'),
    ).toEqual(['myelography']);
    expect(
      value({ services: [svc({ modality: 'mri', region: 'lumbar', label: 'MRI lumbar spine without contrast' })] }, 'imaging.technique'),
    ).toEqual([]);
    expect(
      value(
        { services: [svc({ modality: 'mri', region: 'lumbar', label: 'MRI lumbar spine with and without contrast' })] },
        'imaging.technique',
      ),
    ).toEqual(['contrast']);
    expect(value({ services: [svc({ modality: 'mri-arthrogram', region: 'shoulder' })] }, 'imaging.technique')).toEqual(['arthrography']);
  });
  it('is true only when the record says MRI cannot be done', () => {
    expect(
      value({ services: [svc({ modality: 'ct', region: 'lumbar', text: 'MRI contraindicated (pacemaker)' })] }, 'imaging.mriUnavailable'),
    ).toBe(true);
    expect(value({ services: [svc({ modality: 'ct', region: 'lumbar' })] }, 'imaging.mriUnavailable')).toBeUndefined();
  });
});

describe('imaging.eventSincePrior', () => {
  it('lists a surgery of the region or a new injury after the latest earlier study', () => {
    const base = {
      studies: [{ type: 'mri' as const, region: 'lumbar' as const, date: '2015-01-01' }],
      services: [svc({ modality: 'mri', region: 'lumbar', date: '2016-06-01' })],
    };
    expect(
      value({ ...base, surgeries: [{ kind: 'discectomy', levels: 'L4-5', date: '2015-06-01' }] }, 'imaging.eventSincePrior'),
    ).toHaveLength(1);
    expect(value({ ...base, injury: { date: '2016-01-10' } }, 'imaging.eventSincePrior')).toHaveLength(1);
    expect(
      value(
        { ...base, injury: { date: '2014-01-10' }, surgeries: [{ kind: 'arthroscopy', region: 'knee' as const, date: '2015-06-01' }] },
        'imaging.eventSincePrior',
      ),
    ).toBeUndefined();
  });
});

describe('imaging.boneFragility and imaging.regionSurgeries', () => {
  it('names osteoporosis and systemic corticosteroids, nothing when neither is recorded', () => {
    const service = svc({ modality: 'xray', region: 'lumbar' });
    expect(
      value({ diagnoses: ['osteoporosis'], medications: [{ name: 'prednisone' }], services: [service] }, 'imaging.boneFragility'),
    ).toEqual(['osteoporosis', 'corticosteroids']);
    expect(value({ diagnoses: ['lumbar strain'], services: [service] }, 'imaging.boneFragility')).toBeUndefined();
  });
  it('lists surgeries of the region by region or levels', () => {
    const service = svc({ modality: 'xray', region: 'lumbar', date: '2016-06-01' });
    expect(
      value(
        {
          surgeries: [
            { kind: 'fusion', levels: 'L4-5', date: '2015-01-01' },
            { kind: 'arthroscopy', region: 'knee' as const },
          ],
          services: [service],
        },
        'imaging.regionSurgeries',
      ),
    ).toEqual(['fusion']);
    expect(
      value({ surgeries: [{ kind: 'arthroscopy', region: 'knee' as const }], services: [service] }, 'imaging.regionSurgeries'),
    ).toBeUndefined();
  });
});

describe('imaging.nonMusculoskeletalQuestion', () => {
  it('is true for an abdominal study or an organ question, undefined otherwise', () => {
    expect(value({ services: [svc({ modality: 'ct', regions: ['abdomen', 'pelvis'] })] }, 'imaging.nonMusculoskeletalQuestion')).toBe(true);
    expect(
      value({ services: [svc({ modality: 'ct', region: 'pelvis', purpose: 'inguinal hernia' })] }, 'imaging.nonMusculoskeletalQuestion'),
    ).toBe(true);
    expect(value({ services: [svc({ modality: 'mri', region: 'hip' })] }, 'imaging.nonMusculoskeletalQuestion')).toBeUndefined();
  });
});

describe('imaging.headCtRiskFactors', () => {
  it('reads ODG risk criteria from symptoms, exam and diagnoses', () => {
    const service = svc({ modality: 'ct', region: 'head' });
    expect(
      value(
        { symptoms: [{ kind: 'loss-of-consciousness' }], diagnoses: ['forehead laceration'], services: [service] },
        'imaging.headCtRiskFactors',
      ),
    ).toEqual(['disturbed-consciousness', 'trauma-above-clavicles']);
    expect(value({ symptoms: [{ kind: 'headache' }], services: [service] }, 'imaging.headCtRiskFactors')).toBeUndefined();
  });
});

describe('imaging.procedurePlanning', () => {
  it('reads the study request naming the procedure it plans, not a post-operative study', () => {
    expect(
      value({ services: [svc({ modality: 'mri', region: 'lumbar', purpose: 'pre-operative planning' })] }, 'imaging.procedurePlanning'),
    ).toBe(true);
    expect(
      value({ services: [svc({ modality: 'mri', region: 'lumbar', text: 'prior to epidural injection' })] }, 'imaging.procedurePlanning'),
    ).toBe(true);
    expect(
      value({ services: [svc({ modality: 'mri', region: 'lumbar', text: 'post-operative pain' })] }, 'imaging.procedurePlanning'),
    ).toBeUndefined();
  });
});

describe('imaging.localFindings', () => {
  it('reads effusion, swelling, tenderness or instability of the region and side', () => {
    const service = svc({ modality: 'mri', region: 'ankle', side: 'right' });
    expect(
      value(
        { exam: [{ finding: 'swelling', result: 'positive', region: 'ankle', side: 'right' }], services: [service] },
        'imaging.localFindings',
      ),
    ).toBe(true);
    expect(
      value(
        { exam: [{ finding: 'joint-tenderness', result: 'negative', region: 'ankle', side: 'right' }], services: [service] },
        'imaging.localFindings',
      ),
    ).toBe(false);
    expect(
      value(
        { exam: [{ finding: 'swelling', result: 'positive', region: 'knee', side: 'right' }], services: [service] },
        'imaging.localFindings',
      ),
    ).toBeUndefined();
  });
});

describe('imaging.procedurePlanning names the procedure with its qualifiers', () => {
  it('reads "before a subacromial injection" and "for possible rotator cuff repair"', () => {
    expect(
      value(
        { services: [svc({ modality: 'mri', region: 'shoulder', purpose: 'anatomy before a subacromial injection' })] },
        'imaging.procedurePlanning',
      ),
    ).toBe(true);
    expect(
      value(
        { services: [svc({ modality: 'mri', region: 'shoulder', text: 'for possible rotator cuff repair' })] },
        'imaging.procedurePlanning',
      ),
    ).toBe(true);
    expect(
      value(
        { services: [svc({ modality: 'mri', region: 'shoulder', purpose: 'rule out rotator cuff tear' })] },
        'imaging.procedurePlanning',
      ),
    ).toBeUndefined();
    expect(
      value(
        { services: [svc({ modality: 'mri', region: 'lumbar', purpose: 'evaluation for failed back surgery' })] },
        'imaging.procedurePlanning',
      ),
    ).toBeUndefined();
  });
});
