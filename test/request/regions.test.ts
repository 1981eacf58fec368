// Three questions of one table of limb parts (src/request/regions.ts): whether two regions name one
// place (drafting's restatements), whether a finding bears on a service (the facts), and which limb
// a region belongs to (the electrodiagnostic facts).
import { describe, it, expect } from 'vitest';
import { limbsOfRegion, regionsOverlap, samePlace } from '../../src/request/regions.js';

describe('samePlace and regionsOverlap', () => {
  it('a limb and one of its parts are one place, and bear on each other', () => {
    expect(samePlace('lower-extremity', 'leg')).toBe(true);
    expect(samePlace('hand', 'upper-extremity')).toBe(true);
    expect(regionsOverlap('lower-extremity', 'knee')).toBe(true);
  });
  it('the supplying spine and a neighbouring joint bear on a region but are another place', () => {
    expect(samePlace('lower-extremity', 'lumbar')).toBe(false);
    expect(regionsOverlap('lower-extremity', 'lumbar')).toBe(true);
    expect(regionsOverlap('cervical', 'upper-extremity')).toBe(true);
    expect(samePlace('wrist', 'hand')).toBe(false);
    expect(regionsOverlap('wrist', 'hand')).toBe(true);
  });
  it('other regions are neither', () => {
    expect(samePlace('knee', 'shoulder')).toBe(false);
    expect(regionsOverlap('knee', 'shoulder')).toBe(false);
    expect(regionsOverlap('lumbar', 'upper-extremity')).toBe(false);
  });
});

describe('limbsOfRegion', () => {
  it('a limb, its parts, its spine and the regions beside them', () => {
    for (const r of ['upper-extremity', 'shoulder', 'forearm', 'hand', 'cervical'] as const)
      expect(limbsOfRegion(r)).toEqual(['upper-extremity']);
    for (const r of ['lower-extremity', 'pelvis', 'leg', 'foot', 'lumbar', 'sacroiliac'] as const)
      expect(limbsOfRegion(r)).toEqual(['lower-extremity']);
  });
  it('the thoracic spine, the head and the trunk belong to no limb', () => {
    for (const r of ['thoracic', 'head', 'chest', 'abdomen', 'other'] as const) expect(limbsOfRegion(r)).toEqual([]);
  });
});
