import { describe, it, expect } from 'vitest';
import { itemTypeOf } from '../../src/facts/item-type.js';
import { value } from './harness.js';

describe('itemType.requested', () => {
  it.each([
    ['lumbar support', 'lumbar-support'],
    ['LSO back brace', 'lumbar-support'],
    ['cervical pillow', 'pillow'],
    ['wedge pillow', 'pillow'],
    ['associated surgical service: slingshot sling slingshot (abduction) sling', 'sling'],
    ['abduction pillow', 'sling'],
    ['cold therapy unit rental for one week', 'cold-therapy'],
    ['continuous-flow cryotherapy', 'cold-therapy'],
    ['wrist braces #2', 'wrist-splint'],
    ['thumb spica splint', 'wrist-splint'],
    ['elbow braces #2', 'elbow-brace'],
    ['counterforce strap for tennis elbow', 'elbow-strap'],
    ['bilateral hearing aids', 'hearing-aid'],
    ['1 knee scooter', 'mobility-aid'],
    ['large gloves', 'supplies'],
    ['hygiene wipes', 'supplies'],
    ['tens unit', 'tens'],
    ['gym membership', 'gym-membership'],
    ['jamar grip test', 'grip-strength-test'],
    ['range of motion of test', 'range-of-motion-test'],
    ['trigger points impedance imaging (tpii)', 'tpii'],
    ['localized intense neurostimulation therapy [following tpii]', 'hyperstimulation-analgesia'],
    ['electrocardiogram times 3', 'ekg'],
    ['neuroplasty, lumbar spine', 'adhesiolysis'],
    ['partial hospitalization day treatment', 'partial-hospitalization'],
  ])('%s → %s', (words, type) => {
    expect(itemTypeOf(words)).toBe(type);
  });

  it('is documented from the label, and not documented when the label names nothing known', () => {
    expect(value({ services: [{ id: 's', kind: 'durable-medical-equipment', label: 'Lumbar support' }] }, 'itemType.requested')).toBe(
      'lumbar-support',
    );
    expect(value({ services: [{ id: 's', kind: 'durable-medical-equipment', label: 'Device' }] }, 'itemType.requested')).toBeUndefined();
  });
});

describe('bathroom, bed and workstation items', () => {
  it.each([
    ['bedside commode', 'commode'],
    ['raised toilet seat', 'commode'],
    ['shower chair', 'bath-equipment'],
    ['tub transfer bench', 'bath-equipment'],
    ['semi-electric hospital bed', 'hospital-bed'],
    ['ergonomic chair', 'ergonomic-workstation'],
    ['sit-stand desk', 'ergonomic-workstation'],
    ['ergonomic cervical pillow', 'pillow'],
  ])('%s is %s', (words, type) => {
    expect(itemTypeOf(words)).toBe(type);
  });
});

describe('genetic tests', () => {
  it.each([
    ['genetic testing for opioid risk', 'genetic-test'],
    ['pharmacogenomic CYP450 panel', 'genetic-test'],
    ['cytokine DNA testing', 'cytokine-dna-test'],
    ['urine drug screen', 'urine-drug-screen'],
  ])('%s is %s', (words, type) => {
    expect(itemTypeOf(words)).toBe(type);
  });
});
