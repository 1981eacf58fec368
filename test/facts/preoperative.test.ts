import { describe, it, expect } from 'vitest';
import { value } from './harness.js';
import { preopTestsIn } from '../../src/facts/preoperative.js';

const hernia = { id: 'op', kind: 'surgery', requested: false, region: 'abdomen', text: 'open umbilical hernia repair with mesh' };
const knee = { id: 'op', kind: 'surgery', requested: false, region: 'knee', text: 'knee arthroscopy with partial meniscectomy' };
const test = (label: string) => ({ id: 't', kind: 'preoperative-testing', for: 'op', label });
const req = (label: string, extra: Record<string, unknown> = {}, primary: Record<string, unknown> = hernia) => ({
  services: [primary, test(label)],
  ...extra,
});

describe('preoperative.tests', () => {
  it.each([
    ['Pre-op labs: CBC', ['cbc']],
    ['comprehensive metabolic panel (CMP)', ['metabolic-panel']],
    ['prothrombin time / partial thromboplastin time (PT/PTT)', ['coagulation']],
    ['Pre-op urinalysis', ['urinalysis']],
    ['Pre-op chest x-ray', ['chest-xray']],
    ['Pre-op EKG', ['ekg']],
    ['Pre-op labs', ['unspecified']],
    ['Pre-op clearance', ['clearance']],
  ])('%s', (label, tests) => {
    expect(preopTestsIn(label.toLowerCase())).toEqual(tests);
  });
  it('is not documented when no test is named', () => {
    expect(value(req('Pre-op'), 'preoperative.tests', 't')).toBeUndefined();
  });
});

describe('preoperative.isPreoperative and preoperative.forSurgery', () => {
  it('recognizes pre-operative testing and its surgery', () => {
    expect(value(req('CBC'), 'preoperative.isPreoperative', 't')).toBe(true);
    expect(value({ services: [{ id: 'l', kind: 'laboratory', label: 'CBC' }] }, 'preoperative.isPreoperative')).toBe(false);
    expect(value(req('CBC'), 'preoperative.forSurgery', 't')).toBe(true);
    expect(
      value(
        { documentation: { surgeryPlanned: false }, services: [{ id: 't', kind: 'preoperative-testing', label: 'CBC' }] },
        'preoperative.forSurgery',
      ),
    ).toBe(false);
    expect(value({ services: [{ id: 't', kind: 'preoperative-testing', label: 'CBC' }] }, 'preoperative.forSurgery')).toBeUndefined();
  });
});

describe('per-test indications', () => {
  it('chronic disease: diagnosed or not documented', () => {
    expect(value(req('CMP', { diagnoses: ['hypertension'] }), 'preoperative.chronicDisease', 't')).toBe(true);
    expect(value(req('CMP', { diagnoses: ['umbilical hernia'] }), 'preoperative.chronicDisease', 't')).toBeUndefined();
  });
  it('electrolyte medication: listed, list without one, no list', () => {
    expect(value(req('CMP', { medications: [{ name: 'lisinopril' }] }), 'preoperative.electrolyteMedication', 't')).toBe(true);
    expect(value(req('CMP', { medications: [{ name: 'ibuprofen' }] }), 'preoperative.electrolyteMedication', 't')).toBe(true);
    expect(value(req('CMP', { medications: [{ name: 'gabapentin' }] }), 'preoperative.electrolyteMedication', 't')).toBe(false);
    expect(value(req('CMP'), 'preoperative.electrolyteMedication', 't')).toBeUndefined();
  });
  it('anemia risk', () => {
    expect(value(req('CBC', { diagnoses: ['chronic kidney disease stage 3'] }), 'preoperative.anemiaRisk', 't')).toBe(true);
    expect(value(req('CBC', { diagnoses: ['hypertension'] }), 'preoperative.anemiaRisk', 't')).toBeUndefined();
  });
  it('blood loss anticipated: major procedure true, minor false, undescribed unknown', () => {
    expect(
      value(
        req('CBC', {}, { id: 'op', kind: 'surgery', requested: false, region: 'hip', text: 'total hip arthroplasty' }),
        'preoperative.bloodLossAnticipated',
        't',
      ),
    ).toBe(true);
    expect(value(req('CBC'), 'preoperative.bloodLossAnticipated', 't')).toBe(false);
    expect(
      value({ services: [{ id: 't', kind: 'preoperative-testing', label: 'CBC' }] }, 'preoperative.bloodLossAnticipated'),
    ).toBeUndefined();
  });
  it('bleeding risk and anticoagulants', () => {
    expect(value(req('PT/PTT', { diagnoses: ['von Willebrand disease'] }), 'preoperative.bleedingRisk', 't')).toBe(true);
    expect(value(req('PT/PTT'), 'preoperative.bleedingRisk', 't')).toBeUndefined();
    expect(value(req('PT/PTT', { medications: [{ name: 'warfarin 5 mg' }] }), 'preoperative.anticoagulant', 't')).toBe(true);
    expect(value(req('PT/PTT', { medications: [{ name: 'atenolol' }] }), 'preoperative.anticoagulant', 't')).toBe(false);
    expect(value(req('PT/PTT'), 'preoperative.anticoagulant', 't')).toBeUndefined();
  });
  it('implant or urologic procedure', () => {
    expect(value(req('Urinalysis'), 'preoperative.implantOrUrologic', 't')).toBe(true);
    expect(value(req('Urinalysis', {}, knee), 'preoperative.implantOrUrologic', 't')).toBe(false);
    expect(
      value({ services: [{ id: 't', kind: 'preoperative-testing', label: 'Urinalysis' }] }, 'preoperative.implantOrUrologic'),
    ).toBeUndefined();
  });
  it('pulmonary risk: lung disease, age over 60 or abdominal surgery', () => {
    expect(value(req('Chest x-ray', {}, knee), 'preoperative.pulmonaryRisk', 't')).toBeUndefined();
    expect(value(req('Chest x-ray', { diagnoses: ['COPD'] }, knee), 'preoperative.pulmonaryRisk', 't')).toBe(true);
    expect(value(req('Chest x-ray', { patient: { age: 66 } }, knee), 'preoperative.pulmonaryRisk', 't')).toBe(true);
    expect(value(req('Chest x-ray'), 'preoperative.pulmonaryRisk', 't')).toBe(true);
  });
  it('cardiac risk', () => {
    expect(value(req('EKG', { diagnoses: ['coronary artery disease'] }), 'preoperative.cardiacRisk', 't')).toBe(true);
    expect(value(req('EKG', { symptoms: [{ kind: 'palpitations' }] }), 'preoperative.cardiacRisk', 't')).toBe(true);
    expect(value(req('EKG', { diagnoses: ['umbilical hernia'] }), 'preoperative.cardiacRisk', 't')).toBeUndefined();
  });
});

describe("pre-operative facts read the test's own words and the medications", () => {
  const test = (label: string, text: string, extra: Record<string, unknown> = {}) => ({
    services: [{ id: 't', kind: 'preoperative-testing', label, text }],
    ...extra,
  });
  it("a surgery named in the test's text is the planned surgery", () => {
    expect(value(test('Pre-op urinalysis', 'urinalysis before umbilical hernia repair with mesh'), 'preoperative.forSurgery')).toBe(true);
    expect(value(test('Pre-op urinalysis', 'urinalysis before umbilical hernia repair with mesh'), 'preoperative.implantOrUrologic')).toBe(
      true,
    );
    expect(value(test('Pre-op chest x-ray', 'chest x-ray before umbilical hernia repair'), 'preoperative.pulmonaryRisk')).toBe(true);
    expect(value(test('Pre-op labs', 'labs'), 'preoperative.forSurgery')).toBeUndefined();
  });
  it('NSAIDs, taken or requested, predispose to renal failure', () => {
    expect(value(test('Pre-op CMP', 'CMP', { medications: [{ name: 'meloxicam 15 mg' }] }), 'preoperative.electrolyteMedication')).toBe(
      true,
    );
    expect(
      value(
        {
          services: [
            { id: 't', kind: 'preoperative-testing', label: 'Pre-op CMP' },
            { id: 'm', kind: 'medication', name: 'Motrin', drugClass: 'nsaid' },
          ],
        },
        'preoperative.electrolyteMedication',
        't',
      ),
    ).toBe(true);
    expect(value(test('Pre-op CMP', 'CMP', { medications: [{ name: 'acetaminophen' }] }), 'preoperative.electrolyteMedication')).toBe(
      false,
    );
  });
  it('procedure risk: arthroscopy low, open orthopedic intermediate, vascular high, unnamed unknown', () => {
    expect(value(test('Pre-op EKG', 'EKG before right knee arthroscopic meniscectomy'), 'preoperative.procedureRisk')).toBe('low');
    expect(value(test('Pre-op EKG', 'EKG before right total knee arthroplasty'), 'preoperative.procedureRisk')).toBe('intermediate');
    expect(value(test('Pre-op EKG', 'EKG before aortic aneurysm repair'), 'preoperative.procedureRisk')).toBe('high');
    expect(value(test('Pre-op EKG', 'EKG'), 'preoperative.procedureRisk')).toBeUndefined();
  });
});
