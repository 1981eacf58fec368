import { describe, it, expect } from 'vitest';
import { value } from './harness.js';
import { proceduresIn } from '../../src/facts/surgical-indication.js';

const surgery = (label: string, region: string, extra: Record<string, unknown> = {}) => ({
  services: [{ id: 'op', kind: 'surgery', region, label }],
  ...extra,
});

describe('surgicalIndication.procedures / procedureNamed', () => {
  it('names definite procedures and sets "possible" ones apart', () => {
    expect(proceduresIn('left shoulder arthroscopy with bankart repair, possible biceps tenodesis')).toEqual({
      definite: ['bankart-repair'],
      contingent: ['biceps-tenodesis'],
    });
    expect(proceduresIn('open carpal tunnel release with orif of the distal radius').definite).toEqual([
      'carpal-tunnel-release',
      'fracture-fixation',
    ]);
  });
  it('is true for a named procedure, false for a bare arthroscopy', () => {
    expect(value(surgery('Right knee arthroscopy, medial meniscectomy', 'knee'), 'surgicalIndication.procedureNamed')).toBe(true);
    expect(value(surgery('Arthroscopy of the left knee', 'knee'), 'surgicalIndication.procedureNamed')).toBe(false);
    expect(value({ services: [{ id: 'op', kind: 'surgery', region: 'knee' }] }, 'surgicalIndication.procedureNamed')).toBeUndefined();
  });
});

describe('surgicalIndication.redFlag', () => {
  it('is true for a fracture of the region or a serious red flag, undocumented otherwise', () => {
    expect(
      value(
        surgery('carpal tunnel release', 'wrist', { diagnoses: [{ text: 'fracture of left distal radius', region: 'wrist' }] }),
        'surgicalIndication.redFlag',
      ),
    ).toBe(true);
    expect(
      value(
        surgery('carpal tunnel release', 'wrist', { documentation: { redFlags: ['progressive-neurologic-deficit'] } }),
        'surgicalIndication.redFlag',
      ),
    ).toBe(true);
    expect(
      value(
        surgery('carpal tunnel release', 'wrist', { diagnoses: [{ text: 'fracture of the femur', region: 'leg' }] }),
        'surgicalIndication.redFlag',
      ),
    ).toBeUndefined();
  });
});

describe('surgicalIndication.clinicalEvidence', () => {
  it('is true for a positive specific sign in the region, false when negative, undocumented otherwise', () => {
    expect(
      value(
        surgery('meniscectomy', 'knee', { exam: [{ finding: 'meniscal-sign', result: 'positive' }] }),
        'surgicalIndication.clinicalEvidence',
      ),
    ).toBe(true);
    expect(
      value(
        surgery('meniscectomy', 'knee', { exam: [{ finding: 'meniscal-sign', result: 'negative', region: 'knee' }] }),
        'surgicalIndication.clinicalEvidence',
      ),
    ).toBe(false);
    expect(
      value(
        surgery('meniscectomy', 'knee', { exam: [{ finding: 'joint-tenderness', region: 'knee' }] }),
        'surgicalIndication.clinicalEvidence',
      ),
    ).toBeUndefined();
  });
});

describe('surgicalIndication.imagingEvidence', () => {
  it('is true for an abnormal study of the region, false for a normal one, undocumented without findings', () => {
    expect(
      value(
        surgery('meniscectomy', 'knee', { studies: [{ type: 'mri', region: 'knee', findings: [{ kind: 'meniscal-tear' }] }] }),
        'surgicalIndication.imagingEvidence',
      ),
    ).toBe(true);
    expect(
      value(
        surgery('meniscectomy', 'knee', { studies: [{ type: 'mri', region: 'knee', findings: [{ kind: 'normal' }] }] }),
        'surgicalIndication.imagingEvidence',
      ),
    ).toBe(false);
    expect(
      value(
        surgery('bankart repair', 'shoulder', { studies: [{ type: 'other', region: 'shoulder', text: 'imaging' }] }),
        'surgicalIndication.imagingEvidence',
      ),
    ).toBeUndefined();
    expect(
      value(
        surgery('meniscectomy', 'knee', {
          studies: [{ type: 'mri', region: 'knee', officialReport: false, findings: [{ kind: 'meniscal-tear' }] }],
        }),
        'surgicalIndication.imagingEvidence',
      ),
    ).toBeUndefined();
  });
  it('reads the region of a study that gives none from its own words', () => {
    const nerveStudy = (text: string) => ({ studies: [{ type: 'emg-ncv', findings: [{ kind: 'neuropathy', text }] }] });
    expect(
      value(
        surgery('carpal tunnel release', 'wrist', nerveStudy('moderate median neuropathy at the right wrist')),
        'surgicalIndication.imagingEvidence',
      ),
    ).toBe(true);
    // the study's words name another region: not a study of the wrist
    expect(
      value(surgery('carpal tunnel release', 'wrist', nerveStudy('peroneal neuropathy at the knee')), 'surgicalIndication.imagingEvidence'),
    ).toBeUndefined();
    // no region and no region words: not placed
    expect(
      value(surgery('carpal tunnel release', 'wrist', nerveStudy('neuropathy')), 'surgicalIndication.imagingEvidence'),
    ).toBeUndefined();
  });
});

describe('surgicalIndication.ctsNerveConduction', () => {
  it('is true for median neuropathy, false for a normal study, undocumented without one', () => {
    expect(
      value(
        surgery('carpal tunnel release', 'wrist', {
          studies: [
            { type: 'emg-ncv', region: 'upper-extremity', findings: [{ kind: 'neuropathy', text: 'median neuropathy at the wrist' }] },
          ],
        }),
        'surgicalIndication.ctsNerveConduction',
      ),
    ).toBe(true);
    expect(
      value(
        surgery('carpal tunnel release', 'wrist', {
          studies: [{ type: 'emg-ncv', region: 'upper-extremity', findings: [{ kind: 'normal' }] }],
        }),
        'surgicalIndication.ctsNerveConduction',
      ),
    ).toBe(false);
    expect(value(surgery('carpal tunnel release', 'wrist'), 'surgicalIndication.ctsNerveConduction')).toBeUndefined();
  });
});

describe('shoulder instability facts', () => {
  it('apprehension: positive, negative, untested', () => {
    expect(
      value(
        surgery('bankart repair', 'shoulder', { exam: [{ finding: 'joint-instability', region: 'shoulder', text: 'apprehension' }] }),
        'surgicalIndication.apprehension',
      ),
    ).toBe(true);
    expect(
      value(
        surgery('bankart repair', 'shoulder', { exam: [{ finding: 'joint-instability', result: 'negative', region: 'shoulder' }] }),
        'surgicalIndication.apprehension',
      ),
    ).toBe(false);
    expect(value(surgery('bankart repair', 'shoulder'), 'surgicalIndication.apprehension')).toBeUndefined();
  });
  it('recurrent dislocation: stated or not documented', () => {
    expect(
      value(
        surgery('bankart repair', 'shoulder', { diagnoses: ['recurrent dislocation of the left shoulder'] }),
        'surgicalIndication.recurrentDislocation',
      ),
    ).toBe(true);
    expect(
      value(
        surgery('bankart repair', 'shoulder', { symptoms: [{ kind: 'instability', text: 'three dislocations since the injury' }] }),
        'surgicalIndication.recurrentDislocation',
      ),
    ).toBe(true);
    expect(
      value(
        surgery('bankart repair', 'shoulder', {
          diagnoses: ['dislocation, shoulder'],
          symptoms: [{ kind: 'apprehension', text: 'multiple events of apprehension' }],
        }),
        'surgicalIndication.recurrentDislocation',
      ),
    ).toBeUndefined();
  });
  it('labral tear on imaging', () => {
    expect(
      value(
        surgery('biceps tenodesis', 'shoulder', {
          studies: [{ type: 'mri-arthrogram', region: 'shoulder', findings: [{ kind: 'labral-tear', text: 'type II SLAP' }] }],
        }),
        'surgicalIndication.labralTear',
      ),
    ).toBe(true);
    expect(
      value(
        surgery('biceps tenodesis', 'shoulder', { studies: [{ type: 'mri', region: 'shoulder', findings: [{ kind: 'tendon-tear' }] }] }),
        'surgicalIndication.labralTear',
      ),
    ).toBe(false);
    expect(value(surgery('biceps tenodesis', 'shoulder'), 'surgicalIndication.labralTear')).toBeUndefined();
  });
  it('injection failed', () => {
    expect(
      value(
        surgery('biceps tenodesis', 'shoulder', { treatments: [{ kind: 'injection', region: 'shoulder', outcome: 'failed' }] }),
        'surgicalIndication.injectionFailed',
      ),
    ).toBe(true);
    expect(
      value(
        surgery('biceps tenodesis', 'shoulder', { treatments: [{ kind: 'injection', region: 'shoulder', outcome: 'improved' }] }),
        'surgicalIndication.injectionFailed',
      ),
    ).toBe(false);
    expect(value(surgery('biceps tenodesis', 'shoulder'), 'surgicalIndication.injectionFailed')).toBeUndefined();
  });
});

describe('surgicalIndication.mechanicalSymptoms', () => {
  it('is true for locking or giving way, false when denied, undocumented otherwise', () => {
    expect(
      value(
        surgery('meniscectomy', 'knee', { symptoms: [{ kind: 'locking-catching', region: 'knee' }] }),
        'surgicalIndication.mechanicalSymptoms',
      ),
    ).toBe(true);
    expect(
      value(
        surgery('meniscectomy', 'knee', { symptoms: [{ kind: 'locking', result: 'negative' }] }),
        'surgicalIndication.mechanicalSymptoms',
      ),
    ).toBe(false);
    expect(
      value(
        surgery('meniscectomy', 'knee', { symptoms: [{ kind: 'joint-pain', region: 'knee' }] }),
        'surgicalIndication.mechanicalSymptoms',
      ),
    ).toBeUndefined();
  });
});

describe('procedure vocabulary: variants are told apart', () => {
  it('a SLAP repair is not an instability (Bankart) repair, and a subacromial decompression is not a spinal one', () => {
    expect(proceduresIn('right shoulder arthroscopic slap repair').definite).toEqual(['slap-repair']);
    expect(proceduresIn('arthroscopic anterior labral repair (bankart)').definite).toEqual(['bankart-repair']);
    expect(proceduresIn('arthroscopic subacromial decompression').definite).toEqual(['subacromial-decompression']);
    expect(proceduresIn('repair of the rotator cuff and biceps tenodesis').definite).toEqual(['biceps-tenodesis', 'rotator-cuff-repair']);
  });
});

describe('surgicalIndication.redFlag from the bone and from a fixation', () => {
  it('reads a distal radius fracture as a wrist fracture, and an ORIF of the region as one', () => {
    expect(
      value(surgery('carpal tunnel release', 'wrist', { diagnoses: ['fracture of left distal radius'] }), 'surgicalIndication.redFlag'),
    ).toBe(true);
    expect(
      value(
        surgery('carpal tunnel release', 'wrist', { surgeries: [{ kind: 'orif', region: 'wrist', text: 'ORIF left distal radius' }] }),
        'surgicalIndication.redFlag',
      ),
    ).toBe(true);
    expect(
      value(surgery('carpal tunnel release', 'wrist', { diagnoses: ['fracture of the clavicle'] }), 'surgicalIndication.redFlag'),
    ).toBeUndefined();
    expect(
      value(
        surgery('open reduction of the tuberosity', 'shoulder', { diagnoses: ['displaced fracture of the greater tuberosity'] }),
        'surgicalIndication.redFlag',
      ),
    ).toBe(true);
  });
});

describe('surgicalIndication.cuffTear / cuffWeakness', () => {
  it('tells full-thickness from partial-thickness tears; a tear of unstated thickness is not documented', () => {
    const mri = (text: string) => ({ studies: [{ type: 'mri', region: 'shoulder', findings: [{ kind: 'tendon-tear', text }] }] });
    expect(
      value(surgery('rotator cuff repair', 'shoulder', mri('full-thickness supraspinatus tear, retracted')), 'surgicalIndication.cuffTear'),
    ).toBe('full-thickness');
    expect(
      value(surgery('rotator cuff repair', 'shoulder', mri('partial-thickness bursal-sided tear')), 'surgicalIndication.cuffTear'),
    ).toBe('partial-thickness');
    expect(value(surgery('rotator cuff repair', 'shoulder', mri('supraspinatus tear')), 'surgicalIndication.cuffTear')).toBeUndefined();
    expect(
      value(surgery('rotator cuff repair', 'shoulder', { diagnoses: ['complete rotator cuff tear'] }), 'surgicalIndication.cuffTear'),
    ).toBe('full-thickness');
  });
  it('weakness is a positive drop-arm or Jobe sign; 5/5 strength is false', () => {
    expect(
      value(
        surgery('rotator cuff repair', 'shoulder', { exam: [{ finding: 'rotator-cuff-weakness', text: 'drop arm' }] }),
        'surgicalIndication.cuffWeakness',
      ),
    ).toBe(true);
    expect(
      value(
        surgery('rotator cuff repair', 'shoulder', {
          exam: [{ finding: 'motor-weakness', result: 'negative', region: 'shoulder', text: '5/5' }],
        }),
        'surgicalIndication.cuffWeakness',
      ),
    ).toBe(false);
    expect(value(surgery('rotator cuff repair', 'shoulder'), 'surgicalIndication.cuffWeakness')).toBeUndefined();
  });
});

describe('surgicalIndication.kneeInstability', () => {
  it('is a positive ligament test or giving way; negative tests are false', () => {
    expect(
      value(
        surgery('acl reconstruction', 'knee', { exam: [{ finding: 'joint-instability', region: 'knee', text: 'Lachman' }] }),
        'surgicalIndication.kneeInstability',
      ),
    ).toBe(true);
    expect(
      value(
        surgery('acl reconstruction', 'knee', { symptoms: [{ kind: 'giving way', region: 'knee' }] }),
        'surgicalIndication.kneeInstability',
      ),
    ).toBe(true);
    expect(
      value(
        surgery('acl reconstruction', 'knee', { exam: [{ finding: 'joint-instability', result: 'negative', region: 'knee' }] }),
        'surgicalIndication.kneeInstability',
      ),
    ).toBe(false);
    expect(value(surgery('acl reconstruction', 'knee'), 'surgicalIndication.kneeInstability')).toBeUndefined();
  });
});
