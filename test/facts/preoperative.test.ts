import { describe, it, expect } from 'vitest';
import { value } from './harness-other.js';
import { preopTestsIn } from '../../src/facts/preoperative.js';

const hernia = { id: 'op', kind: 'surgery', requested: false, region: 'abdomen', text: 'open umbilical hernia repair with mesh' };
const knee = { id: 'op', kind: 'surgery', requested: false, region: 'knee', text: 'knee arthroscopy with partial meniscectomy' };
const test = (label: string) => ({ id: 't', kind: 'preoperative-testing', for: 'op', label });
const req = (label: string, extra: Record<string, unknown> = {}, primary: Record<string, unknown> = hernia) => ({ services: [primary, test(label)], ...extra });

describe('preop.tests', () => {
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
    expect(value(req('Pre-op'), 'preop.tests', 't')).toBeUndefined();
  });
});

describe('preop.isPreoperative and preop.forSurgery', () => {
  it('recognizes pre-operative testing and its surgery', () => {
    expect(value(req('CBC'), 'preop.isPreoperative', 't')).toBe(true);
    expect(value({ services: [{ id: 'l', kind: 'laboratory', label: 'CBC' }] }, 'preop.isPreoperative')).toBe(false);
    expect(value(req('CBC'), 'preop.forSurgery', 't')).toBe(true);
    expect(value({ documentation: { surgeryPlanned: false }, services: [{ id: 't', kind: 'preoperative-testing', label: 'CBC' }] }, 'preop.forSurgery')).toBe(false);
    expect(value({ services: [{ id: 't', kind: 'preoperative-testing', label: 'CBC' }] }, 'preop.forSurgery')).toBeUndefined();
  });
});

describe('per-test indications', () => {
  it('chronic disease: diagnosed or not documented', () => {
    expect(value(req('CMP', { diagnoses: ['hypertension'] }), 'preop.chronicDisease', 't')).toBe(true);
    expect(value(req('CMP', { diagnoses: ['umbilical hernia'] }), 'preop.chronicDisease', 't')).toBeUndefined();
  });
  it('electrolyte medication: listed, list without one, no list', () => {
    expect(value(req('CMP', { medications: [{ name: 'lisinopril' }] }), 'preop.electrolyteMedication', 't')).toBe(true);
    expect(value(req('CMP', { medications: [{ name: 'ibuprofen' }] }), 'preop.electrolyteMedication', 't')).toBe(true);
    expect(value(req('CMP', { medications: [{ name: 'gabapentin' }] }), 'preop.electrolyteMedication', 't')).toBe(false);
    expect(value(req('CMP'), 'preop.electrolyteMedication', 't')).toBeUndefined();
  });
  it('anemia risk', () => {
    expect(value(req('CBC', { diagnoses: ['chronic kidney disease stage 3'] }), 'preop.anemiaRisk', 't')).toBe(true);
    expect(value(req('CBC', { diagnoses: ['hypertension'] }), 'preop.anemiaRisk', 't')).toBeUndefined();
  });
  it('blood loss anticipated: major procedure true, minor false, undescribed unknown', () => {
    expect(value(req('CBC', {}, { id: 'op', kind: 'surgery', requested: false, region: 'hip', text: 'total hip arthroplasty' }), 'preop.bloodLossAnticipated', 't')).toBe(true);
    expect(value(req('CBC'), 'preop.bloodLossAnticipated', 't')).toBe(false);
    expect(value({ services: [{ id: 't', kind: 'preoperative-testing', label: 'CBC' }] }, 'preop.bloodLossAnticipated')).toBeUndefined();
  });
  it('bleeding risk and anticoagulants', () => {
    expect(value(req('PT/PTT', { diagnoses: ['von Willebrand disease'] }), 'preop.bleedingRisk', 't')).toBe(true);
    expect(value(req('PT/PTT'), 'preop.bleedingRisk', 't')).toBeUndefined();
    expect(value(req('PT/PTT', { medications: [{ name: 'warfarin 5 mg' }] }), 'preop.anticoagulant', 't')).toBe(true);
    expect(value(req('PT/PTT', { medications: [{ name: 'atenolol' }] }), 'preop.anticoagulant', 't')).toBe(false);
    expect(value(req('PT/PTT'), 'preop.anticoagulant', 't')).toBeUndefined();
  });
  it('implant or urologic procedure', () => {
    expect(value(req('Urinalysis'), 'preop.implantOrUrologic', 't')).toBe(true);
    expect(value(req('Urinalysis', {}, knee), 'preop.implantOrUrologic', 't')).toBe(false);
    expect(value({ services: [{ id: 't', kind: 'preoperative-testing', label: 'Urinalysis' }] }, 'preop.implantOrUrologic')).toBeUndefined();
  });
  it('pulmonary risk: lung disease, age over 60 or abdominal surgery', () => {
    expect(value(req('Chest x-ray', {}, knee), 'preop.pulmonaryRisk', 't')).toBeUndefined();
    expect(value(req('Chest x-ray', { diagnoses: ['COPD'] }, knee), 'preop.pulmonaryRisk', 't')).toBe(true);
    expect(value(req('Chest x-ray', { patient: { age: 66 } }, knee), 'preop.pulmonaryRisk', 't')).toBe(true);
    expect(value(req('Chest x-ray'), 'preop.pulmonaryRisk', 't')).toBe(true);
  });
  it('cardiac risk', () => {
    expect(value(req('EKG', { diagnoses: ['coronary artery disease'] }), 'preop.cardiacRisk', 't')).toBe(true);
    expect(value(req('EKG', { symptoms: [{ kind: 'palpitations' }] }), 'preop.cardiacRisk', 't')).toBe(true);
    expect(value(req('EKG', { diagnoses: ['umbilical hernia'] }), 'preop.cardiacRisk', 't')).toBeUndefined();
  });
});

describe('pre-operative facts read the test\'s own words and the medications', () => {
  const test = (label: string, text: string, extra: Record<string, unknown> = {}) => ({ services: [{ id: 't', kind: 'preoperative-testing', label, text }], ...extra });
  it('a surgery named in the test\'s text is the planned surgery', () => {
    expect(value(test('Pre-op urinalysis', 'urinalysis before umbilical hernia repair with mesh'), 'preop.forSurgery')).toBe(true);
    expect(value(test('Pre-op urinalysis', 'urinalysis before umbilical hernia repair with mesh'), 'preop.implantOrUrologic')).toBe(true);
    expect(value(test('Pre-op chest x-ray', 'chest x-ray before umbilical hernia repair'), 'preop.pulmonaryRisk')).toBe(true);
    expect(value(test('Pre-op labs', 'labs'), 'preop.forSurgery')).toBeUndefined();
  });
  it('NSAIDs, taken or requested, predispose to renal failure', () => {
    expect(value(test('Pre-op CMP', 'CMP', { medications: [{ name: 'meloxicam 15 mg' }] }), 'preop.electrolyteMedication')).toBe(true);
    expect(value({ services: [{ id: 't', kind: 'preoperative-testing', label: 'Pre-op CMP' }, { id: 'm', kind: 'medication', name: 'Motrin', drugClass: 'nsaid' }] }, 'preop.electrolyteMedication', 't')).toBe(true);
    expect(value(test('Pre-op CMP', 'CMP', { medications: [{ name: 'acetaminophen' }] }), 'preop.electrolyteMedication')).toBe(false);
  });
  it('procedure risk: arthroscopy low, open orthopedic intermediate, vascular high, unnamed unknown', () => {
    expect(value(test('Pre-op EKG', 'EKG before right knee arthroscopic meniscectomy'), 'preop.procedureRisk')).toBe('low');
    expect(value(test('Pre-op EKG', 'EKG before right total knee arthroplasty'), 'preop.procedureRisk')).toBe('intermediate');
    expect(value(test('Pre-op EKG', 'EKG before aortic aneurysm repair'), 'preop.procedureRisk')).toBe('high');
    expect(value(test('Pre-op EKG', 'EKG'), 'preop.procedureRisk')).toBeUndefined();
  });
});
