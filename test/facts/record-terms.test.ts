// Documentation flags of the project's additions, derived from the shared format's own words.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { value, fact } from '../helpers.js';
import { compileVocabulary } from '../../src/facts/record-terms.js';

const mri = (region: string, extra: Record<string, unknown> = {}) => ({
  services: [{ id: 's', kind: 'imaging', modality: 'mri', region, ...extra }],
});

describe('surgery planned, from the shared format alone', () => {
  it('reads the notes, diagnoses and purpose', () => {
    expect(
      value({ ...mri('knee'), documentation: { notes: 'He is a surgical candidate for the left knee.' } }, 'documentation.surgeryPlanned'),
    ).toBe(true);
    expect(value({ ...mri('lumbar'), diagnoses: ['lumbar stenosis, considering surgery'] }, 'documentation.surgeryPlanned')).toBe(true);
    expect(value(mri('shoulder', { purpose: 'pre-operative planning' }), 'documentation.surgeryPlanned')).toBe(true);
  });
  it('a negated or refused surgery is not surgery planned', () => {
    expect(
      value({ ...mri('knee'), documentation: { notes: 'Not a surgical candidate at this time.' } }, 'documentation.surgeryPlanned'),
    ).toBe(false);
    expect(value({ ...mri('knee'), documentation: { notes: 'The patient declines surgery.' } }, 'documentation.surgeryPlanned')).toBe(
      false,
    );
    expect(value({ ...mri('knee'), documentation: { notes: 'He would not consider surgery.' } }, 'documentation.surgeryPlanned')).toBe(
      false,
    );
  });
  it('a list negated at its head ("fails to document X, Y, and Z"; "…; of Z") is negated throughout', () => {
    expect(
      value(
        {
          ...mri('knee'),
          documentation: { notes: 'The physician fails to document therapy, a home program, and that surgery is recommended.' },
        },
        'documentation.surgeryPlanned',
      ),
    ).toBe(false);
    expect(
      value(
        { ...mri('knee'), documentation: { notes: 'Lack of documentation of therapy; of a surgical consultation' } },
        'documentation.surgeryPlanned',
      ),
    ).toBe(false);
    expect(
      value(
        { ...mri('knee'), documentation: { notes: 'Fails to document therapy. He is a surgical candidate.' } },
        'documentation.surgeryPlanned',
      ),
    ).toBe(true);
  });
  it('words about another region do not count', () => {
    expect(
      value(
        { ...mri('knee'), documentation: { notes: 'Lumbar spine: surgery recommended by the spine surgeon.' } },
        'documentation.surgeryPlanned',
      ),
    ).toBeUndefined();
  });
  it('a surgical consultation not itself disputed (requested: false) counts', () => {
    const services = [
      { id: 's', kind: 'imaging', modality: 'mri', region: 'knee' },
      { id: 'c', kind: 'consultation', region: 'knee', specialty: 'orthopedic surgery', requested: false },
    ];
    expect(value({ services }, 'documentation.surgeryPlanned')).toBe(true);
  });
  it('the explicit flag still decides when given, and silence stays undocumented', () => {
    expect(
      value({ ...mri('knee'), documentation: { surgeryPlanned: false, notes: 'surgical candidate' } }, 'documentation.surgeryPlanned'),
    ).toBe(false);
    expect(value(mri('knee'), 'documentation.surgeryPlanned')).toBeUndefined();
  });
});

describe('a procedure "contemplated" or "being considered" is a planned procedure', () => {
  it('an injection contemplated for the region is planned; one not contemplated, or for another region, is not', () => {
    expect(
      value(
        { ...mri('shoulder'), documentation: { notes: 'A glenohumeral cortisone injection is contemplated; imaging first.' } },
        'documentation.invasiveProcedurePlanned',
      ),
    ).toBe(true);
    expect(
      value(
        { ...mri('knee'), documentation: { notes: 'The surgeon is contemplating an injection of the knee.' } },
        'documentation.invasiveProcedurePlanned',
      ),
    ).toBe(true);
    expect(
      value(
        { ...mri('shoulder'), documentation: { notes: 'No injection is contemplated at present.' } },
        'documentation.invasiveProcedurePlanned',
      ),
    ).toBe(false);
    expect(
      value(
        { ...mri('shoulder'), documentation: { notes: 'A lumbar epidural injection is being considered.' } },
        'documentation.invasiveProcedurePlanned',
      ),
    ).toBeUndefined();
  });
  it('surgery contemplated or being considered is surgery planned', () => {
    expect(
      value(
        { ...mri('hip'), documentation: { notes: 'Revision surgery is being considered for the hip.' } },
        'documentation.surgeryPlanned',
      ),
    ).toBe(true);
    expect(
      value({ ...mri('knee'), documentation: { notes: 'She is contemplating surgery on the knee.' } }, 'documentation.surgeryPlanned'),
    ).toBe(true);
  });
});

describe('other flags from the record words', () => {
  it('new neurologic deficit: a change word with a neurologic subject, in exam text or notes', () => {
    expect(
      value(
        { ...mri('lumbar'), exam: [{ finding: 'motor-weakness', result: 'positive', text: 'new EHL weakness since last visit' }] },
        'documentation.newNeurologicDeficit',
      ),
    ).toBe(true);
    expect(
      value(
        { ...mri('cervical'), documentation: { notes: 'progressive numbness of the right hand' } },
        'documentation.newNeurologicDeficit',
      ),
    ).toBe(true);
    expect(
      value({ ...mri('cervical'), documentation: { notes: 'new job, neck pain' } }, 'documentation.newNeurologicDeficit'),
    ).toBeUndefined();
    expect(
      value({ ...mri('cervical'), documentation: { notes: 'no new neurologic deficits' } }, 'documentation.newNeurologicDeficit'),
    ).toBe(false);
  });
  it('significant change follows a new deficit', () => {
    const f = fact(
      { ...mri('lumbar'), symptoms: [{ kind: 'numbness', text: 'worsening numbness of the left foot' }] },
      'documentation.significantChange',
    );
    expect(f.value).toBe(true);
    expect(f.evidence.join(' ')).toContain('symptoms[0].text');
  });
  it('flare, MMI, return to work', () => {
    expect(value({ ...mri('lumbar'), documentation: { notes: 'acute exacerbation of low back pain' } }, 'documentation.acuteFlare')).toBe(
      true,
    );
    expect(
      value(
        { ...mri('lumbar'), documentation: { notes: 'permanent and stationary since June' } },
        'documentation.maximumMedicalImprovement',
      ),
    ).toBe(true);
    expect(
      value(
        { ...mri('lumbar'), documentation: { notes: 'she tried to return to work but could not' } },
        'documentation.priorFailedReturnToWork',
      ),
    ).toBe(true);
  });
  it('opioid monitoring additions: CURES, agreement, risk screening, pain scores', () => {
    const norco = [{ id: 's', kind: 'medication', name: 'Norco', quantity: 60 }];
    const notes = 'CURES report consistent. Opioid agreement on file. Pain 8/10 without medication, 4/10 with medication.';
    expect(value({ services: norco, documentation: { notes } }, 'medication.opioidMonitoring.cures')).toBe(true);
    expect(value({ services: norco, documentation: { notes } }, 'medication.opioidMonitoring.treatmentAgreement')).toBe(true);
    expect(value({ services: norco, documentation: { notes } }, 'medication.opioidMonitoring.painScores')).toBe(true);
    expect(value({ services: norco, documentation: { notes } }, 'medication.opioidMonitoring.riskScreening')).toBeUndefined();
  });
});

describe('risk screening named as "screening for addiction" or "screening for risk"', () => {
  it('states it when done, and its absence when the words deny it', () => {
    const tramadol = [{ id: 's', kind: 'medication', name: 'tramadol', quantity: 60 }];
    const read = (notes: string) => value({ services: tramadol, documentation: { notes } }, 'medication.opioidMonitoring.riskScreening');
    expect(read('She underwent screening for addiction before the first prescription.')).toBe(true);
    expect(read('Screening for the risk of misuse was done at intake.')).toBe(true);
    expect(read('There is no documented screening for addiction or adverse-event risk.')).toBe(false);
    expect(read('He was screened for hepatitis.')).toBeUndefined();
  });
});

describe('the vocabulary file', () => {
  const text = readFileSync(join(import.meta.dirname, '../../vocab/record-terms.yaml'), 'utf8');
  it('compiles', () => expect(() => compileVocabulary(text)).not.toThrow());
  it('names the file and path of a problem', () => {
    expect(() => compileVocabulary(text.replace('phrases: [flare,', 'phrasez: [flare,'), 'v.yaml')).toThrow(/v\.yaml: terms\.acuteFlare/);
    expect(() => compileVocabulary(text.replace('  cures:\n', '  curez:\n'), 'v.yaml')).toThrow(/missing cures.*unknown curez/);
  });
});

describe('a phrase the clause goes on to deny', () => {
  it('"screening for risk of addiction not completed" is not risk screening', () => {
    const norco = [{ id: 's', kind: 'medication', name: 'Norco', quantity: 60 }];
    expect(
      value(
        { services: norco, documentation: { notes: 'screening for risk of addiction not completed' } },
        'medication.opioidMonitoring.riskScreening',
      ),
    ).toBe(false);
    expect(value({ services: norco, documentation: { notes: 'CURES report pending' } }, 'medication.opioidMonitoring.cures')).toBe(false);
  });
});

describe('aggravating factors are not flares or changes', () => {
  it('"exacerbated by walking" is no flare; "increased pain with reaching" is no significant change; "increased ADLs" is no new deficit', () => {
    expect(
      value(
        { ...mri('knee'), symptoms: [{ kind: 'joint-pain', text: 'intermittent, exacerbated by walking' }] },
        'documentation.acuteFlare',
      ),
    ).toBeUndefined();
    expect(
      value(
        { ...mri('shoulder'), symptoms: [{ kind: 'joint-pain', text: 'increased pain with above-shoulder reaching' }] },
        'documentation.significantChange',
      ),
    ).toBeUndefined();
    expect(
      value(
        { ...mri('cervical'), symptoms: [{ kind: 'numbness', text: 'numbness down both arms with increased ADLs' }] },
        'documentation.newNeurologicDeficit',
      ),
    ).toBeUndefined();
    expect(
      value(
        { ...mri('lumbar'), documentation: { notes: 'no discussion of the worker as a surgical candidate' } },
        'documentation.surgeryPlanned',
      ),
    ).toBe(false);
  });
});

describe('red flags from the record words (when no list is given)', () => {
  it('a fracture of the region counts; of another region, or healed, does not; an explicit list wins', () => {
    expect(value({ ...mri('lumbar'), diagnoses: ['L1 compression fracture'] }, 'imaging.redFlag')).toBe(true);
    expect(value({ ...mri('cervical'), diagnoses: ['right ulna fracture'] }, 'imaging.redFlag')).toBeUndefined();
    expect(value({ ...mri('hand'), diagnoses: ['fracture of the thumb (past history)'] }, 'imaging.redFlag')).toBeUndefined();
    expect(value({ ...mri('lumbar'), diagnoses: ['history of prostate cancer'] }, 'imaging.redFlag')).toBe(true);
    expect(value({ ...mri('lumbar'), diagnoses: ['L1 compression fracture'], documentation: { redFlags: [] } }, 'imaging.redFlag')).toBe(
      false,
    );
  });
});

describe('documentation.treatmentGoals: the goals of treatment, from the words', () => {
  const tens = { id: 'svc', kind: 'durable-medical-equipment', label: 'TENS unit rental' };
  const read = (extra: Record<string, unknown>) => value({ services: [tens], ...extra }, 'documentation.treatmentGoals');
  it('reads goals from the notes, the request and a course', () => {
    expect(read({ documentation: { notes: 'Short- and long-term goals: pain 4/10, walking 30 minutes.' } })).toBe(true);
    expect(read({ services: [{ ...tens, text: 'treatment goals: fewer medications and return to full duty' }] })).toBe(true);
    expect(
      read({ treatments: [{ kind: 'physical-therapy', sessions: 4, text: 'flexion 41 to 81 degrees, 60% of target goal' }] }),
    ).toBeUndefined(); // "goal" with no treatment, function or activity word in the clause
  });
  it('a record that says no goals were set states the opposite; silence is not documented', () => {
    expect(read({ documentation: { notes: 'No evidence of patient-specific short and long-term goals for the TENS unit.' } })).toBe(false);
    expect(read({ documentation: { notes: 'Clear treatment goals were neither stated nor formulated.' } })).toBe(false);
    expect(read({ documentation: { notes: 'Treatment goals are not stated.' } })).toBe(false);
  });
  it('goals not yet reached are goals stated', () => {
    expect(read({ documentation: { notes: 'Goals are not yet achieved: walking 30 minutes, pain 4/10.' } })).toBe(true);
    // the negation is of meeting the goals, not of the goals (vocab: despiteNegation)
    expect(read({ documentation: { notes: 'She has not met her goals of walking 30 minutes.' } })).toBe(true);
    expect(read({ documentation: { notes: 'Treatment goals were not met: pain 4/10, sitting one hour.' } })).toBe(true);
    expect(read({ documentation: { notes: 'Has not achieved treatment goals for the TENS unit.' } })).toBe(true);
    expect(read({ documentation: { notes: 'No treatment goals were set, and none were met.' } })).toBe(false);
    expect(read({ documentation: { notes: 'TENS trial recommended.' } })).toBeUndefined();
    expect(read({})).toBeUndefined();
  });
});
