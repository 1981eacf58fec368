import { describe, it, expect } from 'vitest';
import { fact } from './support.js';

const ppi = { id: 'ppi', kind: 'medication' as const, name: 'Omeprazole', strength: '20 mg', quantity: 30 };
const nsaid = { id: 'nsaid', kind: 'medication' as const, name: 'Naproxen', strength: '550 mg', quantity: 60 };

describe('NSAID use', () => {
  it('nsaid.inUse: listed, requested, neither, no list', () => {
    expect(fact({ medications: [{ name: 'Naprosyn' }], services: [ppi] }, 'nsaid.inUse')).toBe(true);
    expect(fact({ services: [ppi, nsaid] }, 'nsaid.inUse')).toBe(true);
    expect(fact({ medications: [{ name: 'Norco' }], services: [ppi] }, 'nsaid.inUse')).toBe(false);
    expect(fact({ services: [ppi] }, 'nsaid.inUse')).toBeUndefined();
  });

  it('nsaid.inUse ignores topical NSAIDs', () => {
    expect(fact({ medications: [{ name: 'Voltaren gel', route: 'topical' }], services: [ppi] }, 'nsaid.inUse')).toBe(false);
  });

  it('nsaid.count: distinct NSAIDs; not documented below two without a list', () => {
    expect(fact({ medications: [{ name: 'ketoprofen' }, { name: 'ibuprofen' }], services: [ppi] }, 'nsaid.count')).toBe(2);
    expect(fact({ medications: [{ name: 'Motrin' }, { name: 'ibuprofen' }], services: [ppi] }, 'nsaid.count')).toBe(1);
    expect(fact({ services: [ppi, nsaid] }, 'nsaid.count')).toBeUndefined();
  });

  it('nsaid.benefit and nsaid.oralFailed', () => {
    expect(fact({ medications: [{ name: 'Naproxen', outcome: 'improved' }], services: [ppi] }, 'nsaid.benefit')).toBe(true);
    expect(fact({ medications: [{ name: 'Naproxen', functionImproved: false }], services: [ppi] }, 'nsaid.benefit')).toBe(false);
    expect(fact({ medications: [{ name: 'Naproxen' }], services: [ppi] }, 'nsaid.benefit')).toBeUndefined();
    expect(fact({ treatments: [{ kind: 'nsaid', outcome: 'failed' }], services: [ppi] }, 'nsaid.oralFailed')).toBe(true);
    expect(fact({ treatments: [{ kind: 'nsaid', outcome: 'improved' }], services: [ppi] }, 'nsaid.oralFailed')).toBe(false);
    expect(fact({ treatments: [{ kind: 'nsaid' }], services: [ppi] }, 'nsaid.oralFailed')).toBeUndefined();
  });
});

describe('GI risk factors', () => {
  it('gi.ulcerHistory: never false', () => {
    expect(fact({ diagnoses: ['history of peptic ulcer disease'], services: [ppi] }, 'gi.ulcerHistory')).toBe(true);
    expect(fact({ diagnoses: ['lumbar strain'], services: [ppi] }, 'gi.ulcerHistory')).toBeUndefined();
  });

  it('gi.dyspepsia: reported, denied, not recorded', () => {
    expect(fact({ symptoms: [{ kind: 'abdominal-pain', text: 'epigastric pain' }], services: [ppi] }, 'gi.dyspepsia')).toBe(true);
    expect(fact({ symptoms: [{ kind: 'heartburn', result: 'negative' }], services: [ppi] }, 'gi.dyspepsia')).toBe(false);
    expect(fact({ services: [ppi] }, 'gi.dyspepsia')).toBeUndefined();
  });

  it('gi.riskMedication: aspirin, steroid or anticoagulant on the list', () => {
    expect(fact({ medications: [{ name: 'aspirin 81 mg' }], services: [ppi] }, 'gi.riskMedication')).toBe(true);
    expect(fact({ medications: [{ name: 'warfarin' }], services: [ppi] }, 'gi.riskMedication')).toBe(true);
    expect(fact({ medications: [{ name: 'naproxen' }], services: [ppi] }, 'gi.riskMedication')).toBe(false);
    expect(fact({ services: [ppi] }, 'gi.riskMedication')).toBeUndefined();
  });
});
