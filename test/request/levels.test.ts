import { describe, it, expect } from 'vitest';
import { parseLevels, parseLevelToken, levelConsistentWithRoot, spineRegionOf } from '../../src/request/levels.js';

describe('parseLevels', () => {
  it.each([
    ['L4-5', ['L4-5']],
    ['L4-L5', ['L4-5']],
    ['l5-s1', ['L5-S1']],
    ['L3-S1', ['L3-4', 'L4-5', 'L5-S1']],
    ['C5-7', ['C5-6', 'C6-7']],
    ['C7-T1', ['C7-T1']],
    ['T12-L1', ['T12-L1']],
    ['L5', ['L5']],
    ['L4-5, L5-S1', ['L4-5', 'L5-S1']],
  ])('%s → %j', (input, levels) => {
    expect(parseLevels(input)).toEqual({ ok: true, levels });
  });

  it('accepts a list and removes repeats', () => {
    expect(parseLevels(['L4-5', 'L4-L5', 'L5-S1'])).toEqual({ ok: true, levels: ['L4-5', 'L5-S1'] });
  });

  it.each(['L6-7', 'L5-L3', 'S1-L5', 'X4-5', 'L4-', '', 'L3-S2'])('rejects %j', (input) => {
    const parsed = parseLevels(input);
    expect(parsed.ok).toBe(false);
  });

  it('names the offending text', () => {
    const parsed = parseLevelToken('L6-7');
    expect(parsed.ok ? '' : parsed.message).toContain('"L6-7"');
  });
});

describe('levelConsistentWithRoot', () => {
  it('matches the traversing and the exiting root of a segment', () => {
    expect(levelConsistentWithRoot('L4-5', 'L5')).toBe(true);
    expect(levelConsistentWithRoot('L4-5', 'L4')).toBe(true);
    expect(levelConsistentWithRoot('L5-S1', 'S1')).toBe(true);
    expect(levelConsistentWithRoot('L2-3', 'L5')).toBe(false);
    expect(levelConsistentWithRoot('C7-T1', 'C8')).toBe(true);
  });
  it('knows the spine region of a level', () => {
    expect(spineRegionOf('C5-6')).toBe('cervical');
    expect(spineRegionOf('T12-L1')).toBe('thoracic');
    expect(spineRegionOf('L5-S1')).toBe('lumbar');
  });
});
