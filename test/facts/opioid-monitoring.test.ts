import { describe, it, expect } from 'vitest';
import { fact } from './support.js';

const norco = { id: 'norco', kind: 'medication' as const, name: 'Norco', strength: '10/325 mg', quantity: 90 };
const withNotes = (notes: string) => ({ documentation: { notes }, services: [norco] });

describe('opioid monitoring from shared-format fields', () => {
  it('the flag decides when stated', () => {
    expect(fact({ documentation: { opioidMonitoring: { urineDrugScreen: false }, notes: 'urine drug screen 11/08/2016' }, services: [norco] }, 'opioid.monitoring.urineDrugScreen')).toBe(false);
  });
  it('urine drug screens as notes, treatments, studies or services', () => {
    expect(fact(withNotes('urine toxicology screen performed 12-20-16'), 'opioid.monitoring.urineDrugScreen')).toBe(true);
    expect(fact({ treatments: [{ kind: 'other', text: 'medication management with urine drug screenings' }], services: [norco] }, 'opioid.monitoring.urineDrugScreen')).toBe(true);
    expect(fact({ studies: [{ type: 'other', text: 'UDS consistent with prescribed medications' }], services: [norco] }, 'opioid.monitoring.urineDrugScreen')).toBe(true);
    expect(fact({ services: [norco, { id: 'uds', kind: 'urine-drug-screen', requested: false, date: '2016-10-01' }] }, 'opioid.monitoring.urineDrugScreen')).toBe(true);
    expect(fact(withNotes('no urine drug screen on file'), 'opioid.monitoring.urineDrugScreen')).toBe(false);
    expect(fact(withNotes('pain 7/10'), 'opioid.monitoring.urineDrugScreen')).toBeUndefined();
  });
  it('CURES, risk screening, agreement and pain scores in the record\'s words; negated mentions are false', () => {
    expect(fact(withNotes('CURES report reviewed and consistent'), 'opioid.monitoring.cures')).toBe(true);
    expect(fact(withNotes('CURES database not checked'), 'opioid.monitoring.cures')).toBe(false);
    expect(fact(withNotes('no documented CURES check'), 'opioid.monitoring.cures')).toBe(false);
    expect(fact(withNotes('the physician fails to document a screening evaluation and that CURES has been queried'), 'opioid.monitoring.cures')).toBe(false);
    expect(fact(withNotes('lack of documentation of failed therapy; of a CURES report and a urine drug screen'), 'opioid.monitoring.cures')).toBe(false);
    expect(fact(withNotes('no urine drug screen; CURES report reviewed'), 'opioid.monitoring.cures')).toBe(true);
    expect(fact(withNotes('Opioid Risk Tool score 2 (low risk)'), 'opioid.monitoring.riskScreening')).toBe(true);
    expect(fact(withNotes('screening for risk of addiction not completed'), 'opioid.monitoring.riskScreening')).toBe(false);
    expect(fact(withNotes('signed opioid agreement on file'), 'opioid.monitoring.treatmentAgreement')).toBe(true);
    expect(fact(withNotes('patient contracts for safety'), 'opioid.monitoring.treatmentAgreement')).toBeUndefined();
    expect(fact(withNotes('pain 8/10 without medications and 4/10 with medications'), 'opioid.monitoring.painScores')).toBe(true);
  });
  it('the 4 A\'s in the record\'s words, linked to the medication', () => {
    expect(fact(withNotes('Norco reduces pain from 8/10 to 5/10'), 'opioid.monitoring.analgesia')).toBe(true);
    expect(fact(withNotes('able to do household chores with medications'), 'opioid.monitoring.activities')).toBe(true);
    expect(fact(withNotes('difficulty with ADLs'), 'opioid.monitoring.activities')).toBeUndefined();
    expect(fact(withNotes('denies side effects'), 'opioid.monitoring.adverseEffects')).toBe(true);
    expect(fact(withNotes('no aberrant drug behavior'), 'opioid.monitoring.aberrantBehavior')).toBe(true);
    expect(fact(withNotes('aberrant behavior not assessed'), 'opioid.monitoring.aberrantBehavior')).toBe(false);
  });
});

describe('opioid.longActing', () => {
  const opioid = (label: string, route?: 'oral' | 'transdermal') => ({ services: [{ id: 'o', kind: 'medication' as const, name: label, label, ...(route ? { route } : {}) }] });
  it.each([['Ultram ER 100mg #60', true], ['OxyContin 10 mg', true], ['Butrans 10 mcg/hr patch', true], ['Norco 10/325 #90', false], ['Tramadol 50mg #60', false]])('%s', (label, expected) => {
    expect(fact(opioid(label), 'opioid.longActing')).toBe(expected);
  });
});

describe('opioid.functionImproved', () => {
  it('the opioid\'s own flag, else the record-level flag', () => {
    const norco = { id: 'n', kind: 'medication' as const, name: 'Norco 10/325' };
    expect(fact({ medications: [{ name: 'Norco 10/325', functionImproved: true }], services: [norco] }, 'opioid.functionImproved')).toBe(true);
    expect(fact({ medications: [{ name: 'Norco 10/325', functionImproved: false }], documentation: { functionalImprovement: true }, services: [norco] }, 'opioid.functionImproved')).toBe(false);
    expect(fact({ documentation: { functionalImprovement: true }, services: [norco] }, 'opioid.functionImproved')).toBe(true);
    expect(fact({ services: [norco] }, 'opioid.functionImproved')).toBeUndefined();
  });
});
