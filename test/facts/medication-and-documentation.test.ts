import { describe, it, expect } from 'vitest';
import { value } from '../helpers.js';
import { drugClassOfName } from '../../src/facts/drugs.js';

describe('drug classes', () => {
  it.each([
    ['Norco 10/325', 'opioid'],
    ['Ultram ER', 'opioid'],
    ['Medrol dosepak', 'oral-corticosteroid'],
    ['Flexeril 10mg', 'muscle-relaxant'],
    ['Naproxen 550', 'nsaid'],
    ['Gabapentin 300', 'neuropathic'],
    ['Lidoderm patch', 'topical'],
    ['Voltaren gel', 'topical'],
    ['Viagra', undefined],
  ])('%s → %s', (name, cls) => expect(drugClassOfName(name)).toBe(cls));
});

describe('medication facts', () => {
  const norco = [{ id: 's', kind: 'medication', name: 'Norco', quantity: 60 }];
  it('recognizes an opioid by name and ongoing use', () => {
    expect(value({ services: norco }, 'medication.isOpioid')).toBe(true);
    expect(value({ services: norco, medications: [{ name: 'hydrocodone', opioid: true }] }, 'medication.opioidOngoing')).toBe(true);
    expect(value({ services: norco, medications: [{ name: 'ibuprofen' }] }, 'medication.opioidOngoing')).toBe(false);
    expect(value({ services: norco }, 'medication.opioidOngoing')).toBeUndefined();
  });
  it('sums morphine equivalents without counting the requested drug twice', () => {
    const medications = [
      { name: 'Norco', opioid: true, morphineEquivalentDaily: 30 },
      { name: 'OxyContin', opioid: true, morphineEquivalentDaily: 60 },
    ];
    expect(
      value(
        { services: [{ id: 's', kind: 'medication', name: 'Norco', morphineEquivalentDaily: 30 }], medications },
        'medication.morphineEquivalentDaily',
      ),
    ).toBe(90);
    expect(
      value(
        { services: [{ id: 's', kind: 'medication', name: 'Morphine ER', morphineEquivalentDaily: 45 }], medications },
        'medication.morphineEquivalentDaily',
      ),
    ).toBe(135);
  });
  it('reads the 4 As flags as stated', () => {
    expect(
      value({ services: norco, documentation: { opioidMonitoring: { analgesia: true } } }, 'medication.opioidMonitoring.analgesia'),
    ).toBe(true);
    expect(value({ services: norco }, 'medication.opioidMonitoring.analgesia')).toBeUndefined();
  });
});

describe('documentation facts', () => {
  it('treats a surgical consultation in the request as surgery being considered', () => {
    const services = [
      { id: 's', kind: 'imaging', modality: 'mri', region: 'hip' },
      { id: 'c', kind: 'consultation', region: 'hip', purpose: 'evaluation for total hip arthroplasty' },
    ];
    expect(value({ services }, 'documentation.surgeryPlanned')).toBe(true);
    expect(value({ services: [services[0]] }, 'documentation.surgeryPlanned')).toBeUndefined();
  });
  it('derives a new neurologic deficit from the red flag', () => {
    expect(value({ documentation: { redFlags: ['progressive-neurologic-deficit'] } }, 'documentation.newNeurologicDeficit')).toBe(true);
  });
  it('reads work status', () => {
    expect(value({ patient: { workStatus: 'modified-duty' } }, 'documentation.patientWorking')).toBe(true);
    expect(value({ patient: { workStatus: 'off-work' } }, 'documentation.patientWorking')).toBe(false);
    expect(value({ patient: { workStatus: 'unknown' } }, 'documentation.patientWorking')).toBeUndefined();
  });
});

describe('service and time facts', () => {
  it('normalizes levels and counts them', () => {
    expect(value({ services: [{ id: 's', kind: 'medial-branch-block', levels: 'L3-S1' }] }, 'service.levels')).toHaveLength(3);
    expect(value({ services: [{ id: 's', kind: 'medial-branch-block' }] }, 'service.levels')).toBeUndefined();
  });
  it('finds region and modality in a label', () => {
    const services = [{ id: 's', kind: 'imaging', label: 'MRI of the right shoulder without contrast' }];
    expect(value({ services }, 'service.region')).toBe('shoulder');
    expect(value({ services }, 'service.modality')).toBe('mri');
  });
  it('counts visits from a label', () => {
    expect(value({ services: [{ id: 's', kind: 'physical-therapy', label: 'PT 2x6 lumbar' }] }, 'service.visits')).toBe(12);
  });
  it('measures months since injury and symptom duration', () => {
    expect(value({ injury: { date: '2015-06-01' } }, 'time.monthsSinceInjury')).toBe(12);
    expect(
      value({ injury: { date: '2015-06-01' }, symptoms: [{ kind: 'low-back-pain', durationMonths: 4 }] }, 'time.symptomDurationMonths'),
    ).toBe(4);
    expect(value({ injury: { date: '2015-06-01' } }, 'time.symptomDurationMonths')).toBe(12);
  });
  it('counts a duration stated at a dated visit forward to the decision date, as the time since injury is', () => {
    const d = value(
      { injury: { date: '2015-06-01' }, symptoms: [{ kind: 'low-back-pain', durationMonths: 1, date: '2016-03-01' }] },
      'time.symptomDurationMonths',
    ) as number;
    expect(d).toBeGreaterThan(3.9);
    expect(d).toBeLessThan(4.1);
  });
});
