import { describe, it, expect } from 'vitest';
import { value } from '../helpers.js';

describe('conservative care', () => {
  it('is unresponsive when active care and first-line medication both failed', () => {
    expect(value({ treatments: [{ kind: 'physical-therapy', outcome: 'failed' }, { kind: 'muscle-relaxant', outcome: 'partial' }] }, 'conservativeCare.unresponsive')).toBe(true);
  });
  it('is not unresponsive when the worker improved', () => {
    expect(value({ treatments: [{ kind: 'physical-therapy', outcome: 'improved' }, { kind: 'nsaid', outcome: 'failed' }] }, 'conservativeCare.unresponsive')).toBe(false);
  });
  it('is not documented with physical therapy alone or outcomes not stated', () => {
    expect(value({ treatments: [{ kind: 'physical-therapy', outcome: 'failed' }] }, 'conservativeCare.unresponsive')).toBeUndefined();
    expect(value({ treatments: [{ kind: 'physical-therapy' }, { kind: 'nsaid' }] }, 'conservativeCare.unresponsive')).toBeUndefined();
  });
  it('counts a current NSAID from the medication list as medication tried', () => {
    expect(value({ medications: [{ name: 'naproxen', drugClass: 'nsaid', outcome: 'failed' }] }, 'conservativeCare.medication')).toBe('failed');
    expect(value({}, 'conservativeCare.medication')).toBe('none');
  });
  it('gives failed-group facts as true / false / not documented', () => {
    expect(value({ treatments: [{ kind: 'nsaid', outcome: 'failed' }] }, 'conservativeCare.medicationFailed')).toBe(true);
    expect(value({ treatments: [{ kind: 'nsaid', outcome: 'improved' }] }, 'conservativeCare.medicationFailed')).toBe(false);
    expect(value({ treatments: [{ kind: 'nsaid' }] }, 'conservativeCare.medicationFailed')).toBeUndefined();
  });
  it('measures weeks from stated durations, then dates, then the injury date', () => {
    expect(value({ treatments: [{ kind: 'physical-therapy', durationWeeks: 6 }] }, 'conservativeCare.weeks')).toBe(6);
    expect(value({ treatments: [{ kind: 'physical-therapy', date: '2016-04-01' }] }, 'conservativeCare.weeks')).toBeCloseTo(8.7, 0);
    expect(value({ injury: { date: '2016-01-01' }, treatments: [{ kind: 'nsaid' }] }, 'conservativeCare.weeks')).toBe(22);
    expect(value({}, 'conservativeCare.weeks')).toBeUndefined();
  });
});
