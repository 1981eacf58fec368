import { describe, it, expect } from 'vitest';
import { value } from './harness-other.js';

const consult = (service: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ services: [{ id: 'c', kind: 'consultation', ...service }], ...extra });

describe('consult.visitType', () => {
  it('follow-ups, re-exams and therapy evaluations are office visits; specialist consults are referrals', () => {
    expect(value(consult({ label: 'Follow up office visit times 2' }), 'consult.visitType')).toBe('office-visit');
    expect(value(consult({ specialty: 'chiropractic', label: 'Re-exam with chiropractor for the lumbar spine flare-up' }), 'consult.visitType')).toBe('office-visit');
    expect(value(consult({ specialty: 'physical therapy', label: 'Physical therapy evaluation, cervical spine' }), 'consult.visitType')).toBe('office-visit');
    expect(value(consult({ label: 'Referral to an orthopedic spine surgeon' }), 'consult.visitType')).toBe('referral');
  });
});

describe('consult.specialtyNamed', () => {
  it('reads the specialty field or the label; "unspecified" is false; silence is not documented', () => {
    expect(value(consult({ specialty: 'neurosurgery' }), 'consult.specialtyNamed')).toBe(true);
    expect(value(consult({ label: 'Consult with hip replacement specialist' }), 'consult.specialtyNamed')).toBe(true);
    expect(value(consult({ label: 'Referral to a named orthopedic spine surgeon' }), 'consult.specialtyNamed')).toBe(true);
    expect(value(consult({ specialty: 'unspecified', label: 'Follow up office visit times 2' }), 'consult.specialtyNamed')).toBe(false);
    expect(value(consult({ label: 'Consultation' }), 'consult.specialtyNamed')).toBeUndefined();
  });
});

describe('consult.question', () => {
  it('reads purpose, else the question the label asks; a body part alone is not a question', () => {
    expect(value(consult({ purpose: 'evaluation for total hip arthroplasty' }), 'consult.question')).toBe('evaluation for total hip arthroplasty');
    expect(value(consult({ label: 'Orthopedic spine surgery evaluation' }), 'consult.question')).toBe('spine surgery evaluation');
    expect(value(consult({ label: 'Consult with hip replacement specialist to evaluate for a total hip arthroplasty' }), 'consult.question')).toMatch(/evaluate for a total hip arthroplasty/);
    expect(value(consult({ label: 'Medication management consultation' }), 'consult.question')).toMatch(/^medication management/);
    expect(value(consult({ label: 'Neurosurgeon evaluation for the Low back/Pelvis' }), 'consult.question')).toBeUndefined();
    expect(value(consult({ label: 'Specialist consultation' }), 'consult.question')).toBeUndefined();
  });
});

describe('consult.priorTherapy / therapyBenefit', () => {
  const reexam = { specialty: 'chiropractic', region: 'lumbar', label: 'Re-exam with chiropractor' };
  it('a therapy provider with an earlier course: its outcome decides', () => {
    expect(value(consult(reexam, { treatments: [{ kind: 'chiropractic', outcome: 'improved' }] }), 'consult.therapyBenefit')).toBe(true);
    expect(value(consult(reexam, { treatments: [{ kind: 'chiropractic', outcome: 'failed' }] }), 'consult.therapyBenefit')).toBe(false);
    expect(value(consult(reexam, { treatments: [{ kind: 'chiropractic' }] }), 'consult.therapyBenefit')).toBeUndefined();
    expect(value(consult(reexam, { treatments: [{ kind: 'chiropractic' }] }), 'consult.priorTherapy')).toBe(true);
    expect(value(consult(reexam), 'consult.priorTherapy')).toBe(false);
    expect(value(consult({ specialty: 'orthopedics' }), 'consult.priorTherapy')).toBeUndefined();
  });
});
