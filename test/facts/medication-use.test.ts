import { describe, it, expect } from 'vitest';
import { value } from './harness.js';
import { outcomeOf } from '../../src/facts/medication-use.js';
import { unitsPerDayInDirections } from '../../src/facts/medication-dose.js';

const med = (s: Record<string, unknown>) => ({ id: 'med', kind: 'medication' as const, ...s });

describe('unitsPerDayInDirections', () => {
  it.each([
    ['Lorzone 750mg one by mouth three times a day #45', 3],
    ['Pantoprazole 40mg, one by mouth, twice a day #60', 2],
    ['Norco 5/325mg #60, 1-2 tabs orally every 4-6 hrs as needed', 12],
    ['apply to affected area 4 times a day', 4],
    ['1 tablet at bedtime', 1],
    ['TID', 3],
  ])('%s', (text, n) => expect(unitsPerDayInDirections(text)).toBe(n));

  it('finds none without a frequency', () => {
    expect(unitsPerDayInDirections('1 tablet by mouth as needed')).toBeUndefined();
    expect(unitsPerDayInDirections('Flexeril 10mg #60')).toBeUndefined();
    expect(unitsPerDayInDirections('12 hours on 12 hours off')).toBeUndefined();
  });
});

describe('medication identity', () => {
  it('ingredients and categories from the names, and the stated class', () => {
    expect(value({ services: [med({ name: 'Norflex', label: 'Norflex 100mg #60' })] }, 'medicationUse.ingredients')).toEqual([
      'orphenadrine',
    ]);
    expect(value({ services: [med({ name: 'Xyzzy', drugClass: 'muscle-relaxant' })] }, 'medicationUse.categories')).toEqual([
      'muscle-relaxant',
    ]);
    expect(value({ services: [med({ name: 'Xyzzy' })] }, 'medicationUse.categories')).toEqual([]);
  });

  it('form: topical by route or words, kit, injection, else oral', () => {
    expect(value({ services: [med({ name: 'Lidoderm patch' })] }, 'medicationUse.form')).toBe('topical');
    expect(value({ services: [med({ name: 'Ketoprofen 20%', route: 'topical' })] }, 'medicationUse.form')).toBe('topical');
    expect(value({ services: [med({ name: 'Tabradol' })] }, 'medicationUse.form')).toBe('compounded-oral');
    expect(value({ services: [med({ name: 'Toradol', route: 'injection' })] }, 'medicationUse.form')).toBe('injection');
    expect(value({ services: [med({ name: 'Naproxen', route: 'oral' })] }, 'medicationUse.form')).toBe('oral');
  });
});

describe('medicationUse.quantity and medicationUse.strengthStated', () => {
  it('reads quantity or the label count; undocumented otherwise', () => {
    expect(value({ services: [med({ name: 'Motrin', quantity: 40 })] }, 'medicationUse.quantity')).toBe(40);
    expect(value({ services: [med({ name: 'Motrin', label: 'Motrin 600mg #40' })] }, 'medicationUse.quantity')).toBe(40);
    expect(value({ services: [med({ name: 'Pepcid', label: 'Pepcid 20mg' })] }, 'medicationUse.quantity')).toBeUndefined();
  });

  it('strength from the field or the name; never false', () => {
    expect(value({ services: [med({ name: 'Pepcid', strength: '20 mg' })] }, 'medicationUse.strengthStated')).toBe(true);
    expect(value({ services: [med({ name: 'Fioricet', label: 'Fioricet 50/325/40 mg #120' })] }, 'medicationUse.strengthStated')).toBe(
      true,
    );
    expect(value({ services: [med({ name: 'Fioricet', label: 'Fioricet #120' })] }, 'medicationUse.strengthStated')).toBeUndefined();
    expect(value({ services: [med({ name: 'Norco', label: 'Norco 10/325 #90' })] }, 'medicationUse.strengthStated')).toBe(true);
    expect(value({ services: [med({ name: 'Tabradol', label: 'Tabradol 1mg/ml 250ml' })] }, 'medicationUse.strengthStated')).toBe(true);
    expect(value({ services: [med({ name: 'Duragesic', text: '25 mcg/hr every 72 hours' })] }, 'medicationUse.strengthStated')).toBe(true);
    expect(value({ services: [med({ name: 'Tylenol #3', quantity: 60 })] }, 'medicationUse.strengthStated')).toBe(true);
    expect(value({ services: [med({ name: 'Norco', label: 'Norco #90, DOS 11/18/16' })] }, 'medicationUse.strengthStated')).toBeUndefined();
  });
});

describe('medicationUse.daysSupply', () => {
  it('quantity over the directions', () => {
    expect(
      value(
        { services: [med({ name: 'Lorzone', quantity: 45, label: 'Lorzone 750mg one by mouth three times a day #45' })] },
        'medicationUse.daysSupply',
      ),
    ).toBe(15);
  });
  it('at the labeled maximum when the directions are not stated', () => {
    expect(value({ services: [med({ name: 'Flexeril', strength: '10 mg', quantity: 90 })] }, 'medicationUse.daysSupply')).toBe(30);
  });
  it('not documented for grams, or without a quantity', () => {
    expect(
      value({ services: [med({ name: 'Voltaren gel', quantity: 60, unit: 'grams', route: 'topical' })] }, 'medicationUse.daysSupply'),
    ).toBeUndefined();
    expect(value({ services: [med({ name: 'Flexeril', strength: '10 mg' })] }, 'medicationUse.daysSupply')).toBeUndefined();
  });
});

describe('medicationUse.continuing, medicationUse.benefit and medicationUse.courseDays', () => {
  const request = (medications?: unknown[], extra: Record<string, unknown> = {}) =>
    ({
      ...(medications ? { medications } : {}),
      ...extra,
      services: [med({ name: 'Naproxen', strength: '550 mg', quantity: 60, label: 'Naproxen 550mg one by mouth twice a day #60' })],
    }) as never;

  it('continuing: on the medication list (brand or generic), not on it, or no list', () => {
    expect(value(request([{ name: 'Naprosyn' }]), 'medicationUse.continuing')).toBe(true);
    expect(value(request([{ name: 'ibuprofen' }]), 'medicationUse.continuing')).toBe(false);
    expect(value(request(), 'medicationUse.continuing')).toBeUndefined();
  });

  it('continuing: a treatment naming the drug, or a request to continue it', () => {
    expect(value(request(undefined, { treatments: [{ kind: 'nsaid', text: 'naproxen for two weeks' }] }), 'medicationUse.continuing')).toBe(
      true,
    );
    expect(value({ services: [med({ name: 'Naproxen', label: 'Continue naproxen 550mg #60' })] }, 'medicationUse.continuing')).toBe(true);
  });

  it('benefit: function first, then pain relief, then the record-level flag', () => {
    expect(value(request([{ name: 'Naproxen', outcome: 'improved' }]), 'medicationUse.benefit')).toBe(true);
    expect(value(request([{ name: 'Naproxen', outcome: 'improved', functionImproved: false }]), 'medicationUse.benefit')).toBe(false);
    expect(value(request([{ name: 'Naproxen', outcome: 'failed' }]), 'medicationUse.benefit')).toBe(false);
    expect(value(request([{ name: 'Naproxen' }], { documentation: { functionalImprovement: false } }), 'medicationUse.benefit')).toBe(
      false,
    );
    expect(value(request([{ name: 'Naproxen' }]), 'medicationUse.benefit')).toBeUndefined();
  });

  it('painAndFunctionBenefit: both documented, relief alone unknown, function not improved false', () => {
    const fact = 'medicationUse.painAndFunctionBenefit';
    expect(value(request([{ name: 'Naproxen', outcome: 'improved', functionImproved: true }]), fact)).toBe(true);
    expect(
      value(
        request(undefined, {
          treatments: [{ kind: 'nsaid', text: 'naproxen', outcome: 'partial' }],
          documentation: { functionalImprovement: true },
        }),
        fact,
      ),
    ).toBe(true);
    expect(value(request([{ name: 'Naproxen', outcome: 'improved' }]), fact)).toBeUndefined();
    expect(value(request([{ name: 'Naproxen', functionImproved: true }]), fact)).toBeUndefined();
    expect(value(request([{ name: 'Naproxen', outcome: 'improved' }], { documentation: { functionalImprovement: false } }), fact)).toBe(
      false,
    );
    expect(value(request([{ name: 'Naproxen', outcome: 'failed' }]), fact)).toBe(false);
  });

  it('course: prior use plus the supply; the supply alone for a first prescription', () => {
    expect(value(request([{ name: 'Naproxen', durationMonths: 1 }]), 'medicationUse.courseDays')).toBe(60);
    expect(value(request([{ name: 'ibuprofen' }]), 'medicationUse.courseDays')).toBe(30);
    expect(value(request([{ name: 'Naproxen' }]), 'medicationUse.courseDays')).toBeUndefined();
    expect(value(request(), 'medicationUse.courseDays')).toBeUndefined();
  });
});

describe('spec-only records (no medication outcome fields)', () => {
  const naproxen = { id: 'med', kind: 'medication' as const, name: 'Naproxen', strength: '550 mg', quantity: 60 };

  it('a class-level treatment with no drug named records the class history', () => {
    expect(value({ treatments: [{ kind: 'nsaid', outcome: 'improved' }], services: [naproxen] }, 'medicationUse.continuing')).toBe(true);
    expect(value({ treatments: [{ kind: 'nsaid', outcome: 'improved' }], services: [naproxen] }, 'medicationUse.benefit')).toBe(true);
    expect(
      value({ treatments: [{ kind: 'nsaid', text: 'ibuprofen', outcome: 'improved' }], services: [naproxen] }, 'medicationUse.benefit'),
    ).toBeUndefined();
  });

  it('a record stating no functional improvement outweighs pain relief alone', () => {
    expect(
      value(
        { treatments: [{ kind: 'nsaid', outcome: 'improved' }], documentation: { functionalImprovement: false }, services: [naproxen] },
        'medicationUse.benefit',
      ),
    ).toBe(false);
    expect(
      value(
        { medications: [{ name: 'Naproxen' }], documentation: { functionalImprovement: true }, services: [naproxen] },
        'medicationUse.benefit',
      ),
    ).toBe(true);
  });
});

describe("outcomeOf a medication's words (the one outcome reader)", () => {
  it.each([
    ['Naprosyn 550 mg bid with improvement in pain', 'improved'],
    ['acid reflux improved with Pantoprazole', 'improved'],
    ['used for several months without mention of pain or functional improvement', 'failed'],
    ['no quantifiable objective functional improvement or symptom reduction', 'failed'],
    ['did not help', 'failed'],
    ['continue', undefined],
    [undefined, undefined],
  ])('%s', (text, outcome) => {
    expect(outcomeOf({ text })).toBe(outcome);
  });

  it("reads the outcome from a medication entry's text when no outcome is given", () => {
    const naproxen = { id: 'med', kind: 'medication' as const, name: 'Naproxen', strength: '550 mg', quantity: 60 };
    expect(
      value({ medications: [{ name: 'Naproxen', text: 'with improvement in pain' }], services: [naproxen] }, 'medicationUse.benefit'),
    ).toBe(true);
    expect(value({ medications: [{ name: 'Naproxen', text: 'without relief' }], services: [naproxen] }, 'medicationUse.benefit')).toBe(
      false,
    );
  });
});

describe('outcomeOf reads results, not intentions', () => {
  it.each(['to help with sleep', 'for relief of pain', 'to improve function', 'to reduce inflammation'])('%s', (text) => {
    expect(outcomeOf({ text })).toBeUndefined();
  });
});
