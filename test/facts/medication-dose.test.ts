import { describe, it, expect } from 'vitest';
import { value } from './harness.js';
import { morphineEquivalentOf, quantityWithUnit, strengthOfUnit, supplyDaysInText } from '../../src/facts/medication-dose.js';

const med = (s: Record<string, unknown>) => ({ id: 'med', kind: 'medication' as const, ...s });
const src = (name: string, directions: string, extra: Record<string, unknown> = {}) => ({ path: 'p', name, directions, ...extra });

describe('strength and supply as requests write them', () => {
  it.each([
    ['10/325 mg', 10],
    ['5/325mg', 5],
    ['80 mg', 80],
    ['Norco 10/325', 10],
    ['Ultram 50mg #30', 50],
    ['7.5/325 mg', 7.5],
  ])('%s', (text, mg) => expect(strengthOfUnit(text)).toEqual({ amount: mg, unit: 'mg' }));
  it('a patch in mcg/hr', () => expect(strengthOfUnit('Duragesic 25 mcg/hr')).toEqual({ amount: 25, unit: 'mcg/hr' }));
  it('days of supply', () => {
    expect(supplyDaysInText('#120 for 30 days')).toBe(30);
    expect(supplyDaysInText('30-day supply')).toBe(30);
    expect(supplyDaysInText('Norco 10/325 #60')).toBeUndefined();
  });
});

describe('morphineEquivalentOf', () => {
  it('OxyContin 80 mg four times a day is 480 mg MED (factor 1.5)', () => {
    expect(morphineEquivalentOf(src('OxyContin 80 mg', 'four times a day')).mg).toBe(480);
  });
  it('from the directions: Norco 5/325 1-2 tabs every 4-6 hrs = 60', () => {
    expect(morphineEquivalentOf(src('Norco', 'Norco 5/325mg #60, 1-2 tabs orally every 4-6 hrs', { strength: '5/325 mg' })).mg).toBe(60);
  });
  it('from quantity over days', () => {
    expect(
      morphineEquivalentOf(src('tramadol', 'Tramadol 50mg #120 for 30 days', { quantity: 120, unit: 'tablets', strength: '50 mg' })).mg,
    ).toBe(20);
  });
  it('methadone factor rises with the dose; fentanyl patch × 2.4; Tylenol #3 is 30 mg codeine', () => {
    expect(morphineEquivalentOf(src('methadone 10 mg', 'three times a day')).mg).toBe(240);
    expect(morphineEquivalentOf(src('Duragesic 25 mcg/hr', '')).mg).toBe(60);
    expect(morphineEquivalentOf(src('Tylenol #3', 'one every 6 hours')).mg).toBe(18);
  });
  it('not computable without directions or days: never assumed', () => {
    expect(morphineEquivalentOf(src('Norco', 'Norco 10/325 #90', { quantity: 90, strength: '10/325 mg' })).mg).toBeUndefined();
    expect(morphineEquivalentOf(src('Norco', 'four times a day')).mg).toBeUndefined();
  });
});

describe('medication.morphineEquivalentDaily', () => {
  it('computes the requested opioid from strength and directions', () => {
    expect(
      value(
        { services: [med({ name: 'OxyContin', strength: '80 mg', label: 'OxyContin 80 mg four times a day #120' })] },
        'medication.morphineEquivalentDaily',
      ),
    ).toBe(480);
  });
  it('adds a listed opioid the request does not renew; counts a renewed one once', () => {
    const medications = [
      { name: 'Norco 10/325 mg', text: 'one every 6 hours' },
      { name: 'OxyContin 20 mg', text: 'twice a day' },
    ];
    expect(
      value(
        {
          medications,
          services: [med({ name: 'Norco', strength: '10/325 mg', label: 'Norco 10/325 #120', text: 'one four times a day' })],
        },
        'medication.morphineEquivalentDaily',
      ),
    ).toBe(100);
  });
  it('is not documented when any opioid dose cannot be computed', () => {
    expect(
      value({ services: [med({ name: 'Norco', strength: '10/325 mg', quantity: 90 })] }, 'medication.morphineEquivalentDaily'),
    ).toBeUndefined();
    expect(
      value(
        { medications: [{ name: 'Percocet' }], services: [med({ name: 'Norco', label: 'Norco 10/325 four times a day' })] },
        'medication.morphineEquivalentDaily',
      ),
    ).toBeUndefined();
  });
});

describe('quantityWithUnit: the quantity as requests write it', () => {
  it.each([
    ['Voltaren gel apply to affected area 4 times a day, #60 grams with 1 refill', 60, 'g'],
    ['Ketoprofen 20% in cream base 240g', 240, 'g'],
    ['Flurbiprofen 20%/lidocaine 5% cream 106.32 g', 106.32, 'g'],
    ['Tabradol 1mg/ml 250ml', 250, 'ml'],
    ['Lidoderm 5% patch, 12 hours on 12 hours off, #30 patches', 30, 'patches'],
    ['Terocin patches qty: 2 boxes', 2, 'box'],
    ['Norco 10/325mg 90 tablets', 90, 'tablets'],
  ])('%s', (text, amount, unit) => expect(quantityWithUnit(text)).toEqual({ amount, unit }));
  it('a count without a unit', () => expect(quantityWithUnit('Flexeril 10mg #60')).toEqual({ amount: 60 }));
  it('strengths are not quantities', () => {
    expect(quantityWithUnit('Ketoprofen 20% cream')).toBeUndefined();
    expect(quantityWithUnit('Norco 10/325 mg')).toBeUndefined();
    expect(quantityWithUnit('Tabradol 1 mg/ml')).toBeUndefined();
    expect(quantityWithUnit('Lidoderm 5% patch')).toBeUndefined();
    expect(quantityWithUnit('Tramadol 50mg x 30 days')).toBeUndefined();
  });
});

describe('medicationUse.quantity reads the stated amount with its unit', () => {
  it('from quantity, else label, name or text', () => {
    expect(value({ services: [med({ name: 'LidoPro cream', quantity: 121, unit: 'g' })] }, 'medicationUse.quantity')).toBe(121);
    expect(value({ services: [med({ name: 'Compound cream', label: 'Compound cream 106.32 g' })] }, 'medicationUse.quantity')).toBe(106.32);
    expect(value({ services: [med({ name: 'Voltaren gel', text: 'apply 4 times a day, #60 grams' })] }, 'medicationUse.quantity')).toBe(60);
    expect(value({ services: [med({ name: 'Ketoprofen 20% in cream base 240g' })] }, 'medicationUse.quantity')).toBe(240);
    expect(value({ services: [med({ name: 'Pepcid', label: 'Pepcid 20mg' })] }, 'medicationUse.quantity')).toBeUndefined();
  });
});

describe('medicationUse.refills reads the refills the request asks for', () => {
  it('in words or digits; none when the request names none; a dispensed refill is not a request for more', () => {
    expect(
      value({ services: [med({ name: 'Voltaren gel', label: 'Voltaren gel, #60 grams with 1 refill' })] }, 'medicationUse.refills'),
    ).toBe(1);
    expect(
      value({ services: [med({ name: 'Pantoprazole', label: 'Pantoprazole 40mg #60 with one refill' })] }, 'medicationUse.refills'),
    ).toBe(1);
    expect(value({ services: [med({ name: 'Ibuprofen', label: 'Ibuprofen 600mg #90, 2 refills' })] }, 'medicationUse.refills')).toBe(2);
    expect(value({ services: [med({ name: 'Norco', text: 'refills x 3' })] }, 'medicationUse.refills')).toBe(3);
    expect(
      value({ services: [med({ name: 'Fioricet', label: 'Fioricet #120', text: 'noted to be a refill' })] }, 'medicationUse.refills'),
    ).toBe(0);
    expect(value({ services: [med({ name: 'Lidoderm patch', label: 'Lidoderm 5% patch #30' })] }, 'medicationUse.refills')).toBe(0);
  });
});
