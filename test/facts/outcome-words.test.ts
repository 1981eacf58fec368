// A treatment's outcome written only in its words (`text`, outcome absent or unknown) is read as
// well as the `outcome` field: every fact that asks how earlier care worked goes through the one
// reader (record.ts treatmentOutcome), so a record written to the shared format by someone who
// put "did not help" in the text is decided as one that set `outcome: failed`.
import { describe, it, expect } from 'vitest';
import { value } from './harness.js';

const tens = { id: 'svc', kind: 'durable-medical-equipment', label: 'H-wave unit rental' };
const pt = { id: 'svc', kind: 'physical-therapy', region: 'lumbar', quantity: 6 };
const reexam = { id: 'svc', kind: 'consultation', specialty: 'chiropractic', region: 'lumbar', label: 'Re-exam with chiropractor' };
const steroid = { id: 'svc', kind: 'injection', region: 'knee', date: '2017-01-10', label: 'Cortisone injection, right knee' };
const visco = { id: 'svc', kind: 'injection', region: 'knee', label: 'Synvisc injection' };

describe('outcomes stated in words', () => {
  it('physicalMedicine.tensFailed', () => {
    const tensWith = (text: string, outcome?: string) =>
      value({ treatments: [{ kind: 'tens', text, ...(outcome ? { outcome } : {}) }], services: [tens] }, 'physicalMedicine.tensFailed');
    expect(tensWith('TENS unit did not help')).toBe(true);
    expect(tensWith('TENS trial, no relief', 'unknown')).toBe(true);
    expect(tensWith('TENS helped with the pain')).toBe(false);
    expect(tensWith('TENS unit at home')).toBeUndefined();
  });

  it('physicalMedicine.therapyFunctionImproved: a course its words call failed is no improvement', () => {
    const treatments = [{ kind: 'physical-therapy', sessions: 12, text: 'twelve sessions without improvement' }];
    expect(value({ treatments, services: [pt] }, 'physicalMedicine.therapyFunctionImproved')).toBe(false);
    expect(
      value({ treatments: [{ kind: 'physical-therapy', sessions: 12 }], services: [pt] }, 'physicalMedicine.therapyFunctionImproved'),
    ).toBeUndefined();
  });

  it('physicalMedicine.therapyFunctionImproved: an authorized course whose words report a result is not pending', () => {
    const treatments = [{ kind: 'physical-therapy', sessionsAuthorized: 6, text: 'six authorized visits; no improvement' }];
    expect(value({ treatments, services: [pt] }, 'physicalMedicine.therapyFunctionImproved')).toBe(false);
  });

  it('consultation.therapyBenefit', () => {
    const withText = (text: string) =>
      value({ treatments: [{ kind: 'chiropractic', text }], services: [reexam] }, 'consultation.therapyBenefit');
    expect(withText('chiropractic treatments have helped')).toBe(true);
    expect(withText('chiropractic care did not help')).toBe(false);
    expect(withText('chiropractic care')).toBeUndefined();
  });

  it('injectionProducts.priorSteroidResponse', () => {
    const withText = (text: string) =>
      value(
        { treatments: [{ kind: 'injection', region: 'knee', date: '2016-06-01', text }], services: [steroid] },
        'injectionProducts.priorSteroidResponse',
      );
    expect(withText('cortisone injection, no relief')).toBe('none');
    expect(withText('cortisone injection with temporary relief')).toBe('partial');
    expect(withText('cortisone injection helped')).toBe('improved');
    expect(withText('cortisone injection')).toBeUndefined();
  });

  it('injectionProducts.priorViscosupplementReliefWeeks: a series its words call failed gave no relief', () => {
    const treatments = [{ kind: 'injection', region: 'knee', date: '2016-06-01', text: 'Synvisc series, no relief' }];
    expect(value({ treatments, services: [visco] }, 'injectionProducts.priorViscosupplementReliefWeeks')).toBe(0);
  });
});

describe('whether care was begun, in words', () => {
  it('a course whose words say it never began is no earlier course (as sessions: 0 is)', () => {
    for (const text of ['has not had physical therapy', 'physical therapy not yet started', 'physical therapy being arranged']) {
      expect(value({ treatments: [{ kind: 'physical-therapy', text }], services: [pt] }, 'physicalMedicine.hadPriorTherapy')).toBe(false);
    }
    expect(
      value({ treatments: [{ kind: 'physical-therapy', text: 'physical therapy' }], services: [pt] }, 'physicalMedicine.hadPriorTherapy'),
    ).toBe(true);
  });
});
