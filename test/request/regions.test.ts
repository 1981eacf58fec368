// Two questions of one table of limb parts (src/request/regions.ts): whether two regions name one
// place (drafting's restatements) and whether a finding bears on a service (the facts).
import { describe, it, expect } from 'vitest';
import { regionsOverlap, samePlace } from '../../src/request/regions.js';

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
