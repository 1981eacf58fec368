import { describe, it, expect } from 'vitest';
import { value } from './harness.js';

const norco = { id: 'norco', kind: 'medication' as const, name: 'Norco', strength: '10/325 mg', quantity: 90 };
const withNotes = (notes: string) => ({ documentation: { notes }, services: [norco] });

describe('opioid monitoring from shared-format fields', () => {
  it('the flag decides when stated', () => {
    expect(
      value(
        { documentation: { opioidMonitoring: { urineDrugScreen: false }, notes: 'urine drug screen 11/08/2016' }, services: [norco] },
        'medication.opioidMonitoring.urineDrugScreen',
      ),
    ).toBe(false);
  });
  it('urine drug screens as notes, treatments, studies or services', () => {
    expect(value(withNotes('urine toxicology screen performed 12-20-16'), 'medication.opioidMonitoring.urineDrugScreen')).toBe(true);
    expect(
      value(
        { treatments: [{ kind: 'other', text: 'medication management with urine drug screenings' }], services: [norco] },
        'medication.opioidMonitoring.urineDrugScreen',
      ),
    ).toBe(true);
    expect(
      value(
        { studies: [{ type: 'other', text: 'UDS consistent with prescribed medications' }], services: [norco] },
        'medication.opioidMonitoring.urineDrugScreen',
      ),
    ).toBe(true);
    expect(
      value(
        { services: [norco, { id: 'uds', kind: 'urine-drug-screen', requested: false, date: '2016-10-01' }] },
        'medication.opioidMonitoring.urineDrugScreen',
      ),
    ).toBe(true);
    expect(value(withNotes('no urine drug screen on file'), 'medication.opioidMonitoring.urineDrugScreen')).toBe(false);
    expect(value(withNotes('pain 7/10'), 'medication.opioidMonitoring.urineDrugScreen')).toBeUndefined();
  });
  it("CURES, risk screening, agreement and pain scores in the record's words; negated mentions are false", () => {
    expect(value(withNotes('CURES report reviewed and consistent'), 'medication.opioidMonitoring.cures')).toBe(true);
    expect(value(withNotes('CURES database not checked'), 'medication.opioidMonitoring.cures')).toBe(false);
    expect(value(withNotes('no documented CURES check'), 'medication.opioidMonitoring.cures')).toBe(false);
    expect(
      value(
        withNotes('the physician fails to document a screening evaluation and that CURES has been queried'),
        'medication.opioidMonitoring.cures',
      ),
    ).toBe(false);
    expect(
      value(
        withNotes('lack of documentation of failed therapy; of a CURES report and a urine drug screen'),
        'medication.opioidMonitoring.cures',
      ),
    ).toBe(false);
    expect(value(withNotes('no urine drug screen; CURES report reviewed'), 'medication.opioidMonitoring.cures')).toBe(true);
    expect(value(withNotes('Opioid Risk Tool score 2 (low risk)'), 'medication.opioidMonitoring.riskScreening')).toBe(true);
    expect(value(withNotes('screening for risk of addiction not completed'), 'medication.opioidMonitoring.riskScreening')).toBe(false);
    expect(value(withNotes('signed opioid agreement on file'), 'medication.opioidMonitoring.treatmentAgreement')).toBe(true);
    expect(value(withNotes('patient contracts for safety'), 'medication.opioidMonitoring.treatmentAgreement')).toBeUndefined();
    expect(value(withNotes('pain 8/10 without medications and 4/10 with medications'), 'medication.opioidMonitoring.painScores')).toBe(
      true,
    );
  });
  it("the 4 A's in the record's words, linked to the medication", () => {
    expect(value(withNotes('Norco reduces pain from 8/10 to 5/10'), 'medication.opioidMonitoring.analgesia')).toBe(true);
    expect(value(withNotes('able to do household chores with medications'), 'medication.opioidMonitoring.activities')).toBe(true);
    expect(value(withNotes('difficulty with ADLs'), 'medication.opioidMonitoring.activities')).toBeUndefined();
    expect(value(withNotes('denies side effects'), 'medication.opioidMonitoring.adverseEffects')).toBe(true);
    expect(value(withNotes('no aberrant drug behavior'), 'medication.opioidMonitoring.aberrantBehavior')).toBe(true);
    expect(value(withNotes('aberrant behavior not assessed'), 'medication.opioidMonitoring.aberrantBehavior')).toBe(false);
  });
});

describe('medication.opioidLongActing', () => {
  const opioid = (label: string, route?: 'oral' | 'transdermal') => ({
    services: [{ id: 'o', kind: 'medication' as const, name: label, label, ...(route ? { route } : {}) }],
  });
  it.each([
    ['Ultram ER 100mg #60', true],
    ['OxyContin 10 mg', true],
    ['Butrans 10 mcg/hr patch', true],
    ['Norco 10/325 #90', false],
    ['Tramadol 50mg #60', false],
  ])('%s', (label, expected) => {
    expect(value(opioid(label), 'medication.opioidLongActing')).toBe(expected);
  });
});

describe('medication.opioidFunctionImproved', () => {
  it("the opioid's own flag, else the record-level flag", () => {
    const norco = { id: 'n', kind: 'medication' as const, name: 'Norco 10/325' };
    expect(
      value({ medications: [{ name: 'Norco 10/325', functionImproved: true }], services: [norco] }, 'medication.opioidFunctionImproved'),
    ).toBe(true);
    expect(
      value(
        {
          medications: [{ name: 'Norco 10/325', functionImproved: false }],
          documentation: { functionalImprovement: true },
          services: [norco],
        },
        'medication.opioidFunctionImproved',
      ),
    ).toBe(false);
    expect(value({ documentation: { functionalImprovement: true }, services: [norco] }, 'medication.opioidFunctionImproved')).toBe(true);
    expect(value({ services: [norco] }, 'medication.opioidFunctionImproved')).toBeUndefined();
  });
});
