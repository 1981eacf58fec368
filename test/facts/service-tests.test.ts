import { describe, it, expect } from 'vitest';
import { value } from './harness.js';

const uds = { id: 'u', kind: 'urine-drug-screen', label: 'Urine drug screen' };

describe('serviceTests.udtOpioidTreatment', () => {
  it('is true on an opioid or when one is requested, false when the list has none, unknown without a list', () => {
    expect(value({ medications: [{ name: 'Norco 10/325' }], services: [uds] }, 'serviceTests.udtOpioidTreatment')).toBe(true);
    expect(
      value(
        { services: [uds, { id: 'm', kind: 'medication', name: 'Tramadol 50 mg', quantity: 60 }] },
        'serviceTests.udtOpioidTreatment',
        'u',
      ),
    ).toBe(true);
    expect(value({ medications: [{ name: 'naproxen', drugClass: 'nsaid' }], services: [uds] }, 'serviceTests.udtOpioidTreatment')).toBe(
      false,
    );
    expect(value({ services: [uds] }, 'serviceTests.udtOpioidTreatment')).toBeUndefined();
  });
});

describe('serviceTests.udtHighRisk', () => {
  it('is true above 80 mg MED or with a substance use disorder, not documented otherwise', () => {
    expect(
      value(
        { medications: [{ name: 'oxycodone', opioid: true, morphineEquivalentDaily: 90 }], services: [uds] },
        'serviceTests.udtHighRisk',
      ),
    ).toBe(true);
    expect(value({ diagnoses: ['opioid use disorder'], services: [uds] }, 'serviceTests.udtHighRisk')).toBe(true);
    expect(
      value(
        { medications: [{ name: 'oxycodone', opioid: true, morphineEquivalentDaily: 30 }], services: [uds] },
        'serviceTests.udtHighRisk',
      ),
    ).toBeUndefined();
  });
});

describe('electrocardiogram facts', () => {
  const ekg = { id: 'e', kind: 'other', label: 'Electrocardiogram' };
  it('clinical indication', () => {
    expect(value({ symptoms: [{ kind: 'palpitations' }], services: [ekg] }, 'serviceTests.ekgClinicalIndication')).toBe(true);
    expect(
      value({ symptoms: [{ kind: 'palpitations', result: 'negative' }], services: [ekg] }, 'serviceTests.ekgClinicalIndication'),
    ).toBeUndefined();
  });
  it('prior tracing', () => {
    expect(
      value(
        {
          studies: [{ type: 'other', text: 'electrocardiogram', findings: [{ kind: 'other', text: 'normal sinus rhythm' }] }],
          services: [ekg],
        },
        'serviceTests.ekgPriorTracing',
      ),
    ).toBe(true);
    expect(value({ services: [ekg] }, 'serviceTests.ekgPriorTracing')).toBeUndefined();
  });
});

describe('serviceTests.partOfEvaluation', () => {
  it('is true for a test requested for a consultation, false for one on its own', () => {
    expect(
      value(
        {
          services: [
            { id: 'c', kind: 'consultation', specialty: 'orthopedics' },
            { id: 'g', kind: 'other', label: 'Jamar grip test', for: 'c' },
          ],
        },
        'serviceTests.partOfEvaluation',
        'g',
      ),
    ).toBe(true);
    expect(value({ services: [{ id: 'g', kind: 'other', label: 'Jamar grip test' }] }, 'serviceTests.partOfEvaluation')).toBe(false);
  });
});

describe('serviceTests.udtScreensPerYear', () => {
  it('counts dated earlier screens in the past year plus the request', () => {
    expect(
      value(
        {
          treatments: [
            { kind: 'other', text: 'urine drug screen', date: '2016-10-01' },
            { kind: 'other', text: 'UDS', date: '2015-06-01' },
          ],
          services: [uds],
        },
        'serviceTests.udtScreensPerYear',
      ),
    ).toBe(2);
    expect(value({ services: [{ ...uds, quantity: 3 }] }, 'serviceTests.udtScreensPerYear')).toBe(3);
    expect(value({ services: [uds] }, 'serviceTests.udtScreensPerYear')).toBe(1);
  });
});
