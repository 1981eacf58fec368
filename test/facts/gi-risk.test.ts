import { describe, it, expect } from 'vitest';
import { value } from './harness.js';

const ppi = { id: 'ppi', kind: 'medication' as const, name: 'Omeprazole', strength: '20 mg', quantity: 30 };
const nsaid = { id: 'nsaid', kind: 'medication' as const, name: 'Naproxen', strength: '550 mg', quantity: 60 };

describe('NSAID use', () => {
  it('giRisk.nsaidInUse: listed, requested, neither, no list', () => {
    expect(value({ medications: [{ name: 'Naprosyn' }], services: [ppi] }, 'giRisk.nsaidInUse')).toBe(true);
    expect(value({ services: [ppi, nsaid] }, 'giRisk.nsaidInUse')).toBe(true);
    expect(value({ medications: [{ name: 'Norco' }], services: [ppi] }, 'giRisk.nsaidInUse')).toBe(false);
    expect(value({ services: [ppi] }, 'giRisk.nsaidInUse')).toBeUndefined();
  });

  it('giRisk.nsaidInUse ignores topical NSAIDs', () => {
    expect(value({ medications: [{ name: 'Voltaren gel', route: 'topical' }], services: [ppi] }, 'giRisk.nsaidInUse')).toBe(false);
  });

  it('giRisk.nsaidCount: distinct NSAIDs; not documented below two without a list', () => {
    expect(value({ medications: [{ name: 'ketoprofen' }, { name: 'ibuprofen' }], services: [ppi] }, 'giRisk.nsaidCount')).toBe(2);
    expect(value({ medications: [{ name: 'Motrin' }, { name: 'ibuprofen' }], services: [ppi] }, 'giRisk.nsaidCount')).toBe(1);
    expect(value({ services: [ppi, nsaid] }, 'giRisk.nsaidCount')).toBeUndefined();
  });

  it('giRisk.nsaidCount: a requested NSAID adds to one taken; requested ones alone are alternatives', () => {
    const celecoxib = { id: 'celecoxib', kind: 'medication' as const, name: 'Celecoxib', strength: '200 mg', quantity: 90 };
    expect(value({ medications: [{ name: 'ibuprofen' }], services: [ppi, nsaid] }, 'giRisk.nsaidCount')).toBe(2);
    expect(value({ medications: [{ name: 'Norco' }], services: [ppi, nsaid, celecoxib] }, 'giRisk.nsaidCount')).toBe(1);
    expect(value({ services: [ppi, nsaid, celecoxib] }, 'giRisk.nsaidCount')).toBeUndefined();
  });

  it('giRisk.oralNsaidPrecluded: oral intolerance, unless an oral NSAID is taken all the same', () => {
    const swallowing = { kind: 'difficulty-swallowing', text: 'unable to swallow pills' };
    expect(value({ symptoms: [swallowing], medications: [{ name: 'gabapentin' }], services: [ppi] }, 'giRisk.oralNsaidPrecluded')).toBe(
      true,
    );
    expect(
      value(
        { symptoms: [swallowing], medications: [{ name: 'ibuprofen suspension', route: 'oral' }], services: [ppi] },
        'giRisk.oralNsaidPrecluded',
      ),
    ).toBe(false);
    expect(value({ symptoms: [swallowing], services: [ppi] }, 'giRisk.oralNsaidPrecluded')).toBe(true);
    expect(value({ services: [ppi] }, 'giRisk.oralNsaidPrecluded')).toBeUndefined();
  });

  it('giRisk.nsaidBenefit and giRisk.oralNsaidFailed', () => {
    expect(value({ medications: [{ name: 'Naproxen', outcome: 'improved' }], services: [ppi] }, 'giRisk.nsaidBenefit')).toBe(true);
    expect(value({ medications: [{ name: 'Naproxen', functionImproved: false }], services: [ppi] }, 'giRisk.nsaidBenefit')).toBe(false);
    expect(value({ medications: [{ name: 'Naproxen' }], services: [ppi] }, 'giRisk.nsaidBenefit')).toBeUndefined();
    expect(value({ treatments: [{ kind: 'nsaid', outcome: 'failed' }], services: [ppi] }, 'giRisk.oralNsaidFailed')).toBe(true);
    expect(value({ treatments: [{ kind: 'nsaid', outcome: 'improved' }], services: [ppi] }, 'giRisk.oralNsaidFailed')).toBe(false);
    expect(value({ treatments: [{ kind: 'nsaid' }], services: [ppi] }, 'giRisk.oralNsaidFailed')).toBeUndefined();
  });
});

describe('GI risk factors', () => {
  it('giRisk.ulcerHistory: never false', () => {
    expect(value({ diagnoses: ['history of peptic ulcer disease'], services: [ppi] }, 'giRisk.ulcerHistory')).toBe(true);
    expect(value({ diagnoses: ['lumbar strain'], services: [ppi] }, 'giRisk.ulcerHistory')).toBeUndefined();
  });

  it('giRisk.dyspepsia: reported, denied, not recorded', () => {
    expect(value({ symptoms: [{ kind: 'abdominal-pain', text: 'epigastric pain' }], services: [ppi] }, 'giRisk.dyspepsia')).toBe(true);
    expect(value({ symptoms: [{ kind: 'heartburn', result: 'negative' }], services: [ppi] }, 'giRisk.dyspepsia')).toBe(false);
    expect(value({ services: [ppi] }, 'giRisk.dyspepsia')).toBeUndefined();
  });

  it('giRisk.acidDisorder: reflux, esophagitis, ulcer; not venous reflux, not denied; never false', () => {
    expect(value({ diagnoses: ['GERD'], services: [ppi] }, 'giRisk.acidDisorder')).toBe(true);
    expect(
      value({ diagnoses: [{ text: 'Gastro-esophageal reflux disease', icd10: 'K21.9' }], services: [ppi] }, 'giRisk.acidDisorder'),
    ).toBe(true);
    expect(value({ diagnoses: ['gastric ulcer'], services: [ppi] }, 'giRisk.acidDisorder')).toBe(true);
    expect(value({ symptoms: [{ kind: 'heartburn' }], services: [ppi] }, 'giRisk.acidDisorder')).toBe(true);
    expect(value({ symptoms: [{ kind: 'heartburn', result: 'negative' }], services: [ppi] }, 'giRisk.acidDisorder')).toBeUndefined();
    expect(value({ diagnoses: ['venous reflux, left leg'], services: [ppi] }, 'giRisk.acidDisorder')).toBeUndefined();
    expect(value({ diagnoses: ['lumbar strain'], services: [ppi] }, 'giRisk.acidDisorder')).toBeUndefined();
  });

  it('giRisk.riskMedication: aspirin, steroid or anticoagulant on the list', () => {
    expect(value({ medications: [{ name: 'aspirin 81 mg' }], services: [ppi] }, 'giRisk.riskMedication')).toBe(true);
    expect(value({ medications: [{ name: 'warfarin' }], services: [ppi] }, 'giRisk.riskMedication')).toBe(true);
    expect(value({ medications: [{ name: 'naproxen' }], services: [ppi] }, 'giRisk.riskMedication')).toBe(false);
    expect(value({ services: [ppi] }, 'giRisk.riskMedication')).toBeUndefined();
  });
});
