import { describe, it, expect } from 'vitest';
import { value } from './harness.js';

const consult = (service: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  services: [{ id: 'c', kind: 'consultation', ...service }],
  ...extra,
});

describe('consultation.visitType', () => {
  it('follow-ups, re-exams and therapy evaluations are office visits; specialist consults are referrals', () => {
    expect(value(consult({ label: 'Follow up office visit times 2' }), 'consultation.visitType')).toBe('office-visit');
    expect(
      value(
        consult({ specialty: 'chiropractic', label: 'Re-exam with chiropractor for the lumbar spine flare-up' }),
        'consultation.visitType',
      ),
    ).toBe('office-visit');
    expect(
      value(consult({ specialty: 'physical therapy', label: 'Physical therapy evaluation, cervical spine' }), 'consultation.visitType'),
    ).toBe('office-visit');
    expect(value(consult({ label: 'Referral to an orthopedic spine surgeon' }), 'consultation.visitType')).toBe('referral');
  });
});

describe('consultation.specialtyNamed', () => {
  it('reads the specialty field or the label; "unspecified" is false; silence is not documented', () => {
    expect(value(consult({ specialty: 'neurosurgery' }), 'consultation.specialtyNamed')).toBe(true);
    expect(value(consult({ label: 'Consult with hip replacement specialist' }), 'consultation.specialtyNamed')).toBe(true);
    expect(value(consult({ label: 'Referral to a named orthopedic spine surgeon' }), 'consultation.specialtyNamed')).toBe(true);
    expect(value(consult({ specialty: 'unspecified', label: 'Follow up office visit times 2' }), 'consultation.specialtyNamed')).toBe(
      false,
    );
    expect(value(consult({ label: 'Consultation' }), 'consultation.specialtyNamed')).toBeUndefined();
  });
});

describe('consultation.question', () => {
  it('reads purpose, else the question the label asks; a body part alone is not a question', () => {
    expect(value(consult({ purpose: 'evaluation for total hip arthroplasty' }), 'consultation.question')).toBe(
      'evaluation for total hip arthroplasty',
    );
    expect(value(consult({ label: 'Orthopedic spine surgery evaluation' }), 'consultation.question')).toBe('spine surgery evaluation');
    expect(
      value(
        consult({ label: 'Consult with hip replacement specialist to evaluate for a total hip arthroplasty' }),
        'consultation.question',
      ),
    ).toMatch(/evaluate for a total hip arthroplasty/);
    expect(value(consult({ label: 'Medication management consultation' }), 'consultation.question')).toMatch(/^medication management/);
    expect(value(consult({ label: 'Neurosurgeon evaluation for the Low back/Pelvis' }), 'consultation.question')).toBeUndefined();
    expect(value(consult({ label: 'Specialist consultation' }), 'consultation.question')).toBeUndefined();
  });
});

describe('consultation.priorTherapy / therapyBenefit', () => {
  const reexam = { specialty: 'chiropractic', region: 'lumbar', label: 'Re-exam with chiropractor' };
  it('a therapy provider with an earlier course: its outcome decides', () => {
    expect(value(consult(reexam, { treatments: [{ kind: 'chiropractic', outcome: 'improved' }] }), 'consultation.therapyBenefit')).toBe(
      true,
    );
    expect(value(consult(reexam, { treatments: [{ kind: 'chiropractic', outcome: 'failed' }] }), 'consultation.therapyBenefit')).toBe(
      false,
    );
    expect(value(consult(reexam, { treatments: [{ kind: 'chiropractic' }] }), 'consultation.therapyBenefit')).toBeUndefined();
    expect(value(consult(reexam, { treatments: [{ kind: 'chiropractic' }] }), 'consultation.priorTherapy')).toBe(true);
    expect(value(consult(reexam), 'consultation.priorTherapy')).toBe(false);
    expect(value(consult({ specialty: 'orthopedics' }), 'consultation.priorTherapy')).toBeUndefined();
  });
});
