import { describe, it, expect } from 'vitest';
import { value } from '../helpers.js';
import { drugClassOfName } from '../../src/facts/drugs.js';

describe('drug classes', () => {
  it.each([
    ['Norco 10/325', 'opioid'], ['Ultram ER', 'opioid'], ['Medrol dosepak', 'oral-corticosteroid'], ['Flexeril 10mg', 'muscle-relaxant'],
    ['Naproxen 550', 'nsaid'], ['Gabapentin 300', 'neuropathic'], ['Lidoderm patch', 'topical'], ['Voltaren gel', 'topical'], ['Viagra', undefined],
  ])('%s → %s', (name, cls) => expect(drugClassOfName(name)).toBe(cls));
});

describe('medication facts', () => {
  const norco = [{ id: 's', kind: 'medication', name: 'Norco', quantity: 60 }];
  it('recognizes an opioid by name and ongoing use', () => {
    expect(value({ services: norco }, 'service.isOpioid')).toBe(true);
    expect(value({ services: norco, medications: [{ name: 'hydrocodone', opioid: true }] }, 'opioid.ongoing')).toBe(true);
    expect(value({ services: norco, medications: [{ name: 'ibuprofen' }] }, 'opioid.ongoing')).toBe(false);
    expect(value({ services: norco }, 'opioid.ongoing')).toBeUndefined();
  });
  it('sums morphine equivalents without counting the requested drug twice', () => {
    const medications = [{ name: 'Norco', opioid: true, morphineEquivalentDaily: 30 }, { name: 'OxyContin', opioid: true, morphineEquivalentDaily: 60 }];
    expect(value({ services: [{ id: 's', kind: 'medication', name: 'Norco', morphineEquivalentDaily: 30 }], medications }, 'opioid.morphineEquivalentDaily')).toBe(90);
    expect(value({ services: [{ id: 's', kind: 'medication', name: 'Morphine ER', morphineEquivalentDaily: 45 }], medications }, 'opioid.morphineEquivalentDaily')).toBe(135);
  });
  it('reads the 4 As flags as stated', () => {
    expect(value({ services: norco, documentation: { opioidMonitoring: { analgesia: true } } }, 'opioid.monitoring.analgesia')).toBe(true);
    expect(value({ services: norco }, 'opioid.monitoring.analgesia')).toBeUndefined();
  });
});

describe('documentation facts', () => {
  it('reads red flags as present, absent (empty list) or not documented', () => {
    expect(value({ documentation: { redFlags: ['trauma'] } }, 'redFlags.present')).toBe(true);
    expect(value({ documentation: { redFlags: [] } }, 'redFlags.present')).toBe(false);
    expect(value({}, 'redFlags.present')).toBeUndefined();
  });
  it('treats a surgical consultation in the request as surgery being considered', () => {
    const services = [{ id: 's', kind: 'imaging', modality: 'mri', region: 'hip' }, { id: 'c', kind: 'consultation', region: 'hip', purpose: 'evaluation for total hip arthroplasty' }];
    expect(value({ services }, 'documentation.surgeryPlanned')).toBe(true);
    expect(value({ services: [services[0]] }, 'documentation.surgeryPlanned')).toBeUndefined();
  });
  it('derives a new neurologic deficit from the red flag', () => {
    expect(value({ documentation: { redFlags: ['progressive-neurologic-deficit'] } }, 'documentation.newNeurologicDeficit')).toBe(true);
  });
  it('reads work status', () => {
    expect(value({ patient: { workStatus: 'modified-duty' } }, 'patient.working')).toBe(true);
    expect(value({ patient: { workStatus: 'off-work' } }, 'patient.working')).toBe(false);
    expect(value({ patient: { workStatus: 'unknown' } }, 'patient.working')).toBeUndefined();
  });
});

describe('service and time facts', () => {
  it('normalizes levels and counts them', () => {
    expect(value({ services: [{ id: 's', kind: 'medial-branch-block', levels: 'L3-S1' }] }, 'service.levelCount')).toBe(3);
    expect(value({ services: [{ id: 's', kind: 'medial-branch-block' }] }, 'service.levelCount')).toBeUndefined();
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
    expect(value({ injury: { date: '2015-06-01' } }, 'injury.monthsSince')).toBe(12);
    expect(value({ injury: { date: '2015-06-01' }, symptoms: [{ kind: 'low-back-pain', durationMonths: 4 }] }, 'symptoms.durationMonths')).toBe(4);
    expect(value({ injury: { date: '2015-06-01' } }, 'symptoms.durationMonths')).toBe(12);
  });
  it('counts a duration stated at a dated visit forward to the decision date, as the time since injury is', () => {
    const d = value({ injury: { date: '2015-06-01' }, symptoms: [{ kind: 'low-back-pain', durationMonths: 1, date: '2016-03-01' }] }, 'symptoms.durationMonths') as number;
    expect(d).toBeGreaterThan(3.9);
    expect(d).toBeLessThan(4.1);
  });
});
