// The normalized record (src/facts/record.ts): one reading per request of each item's regions,
// spine, side, levels and outcome, and the one region match with its options.
import { describe, it, expect } from 'vitest';
import { normalizedRecord, regionConcerns, symptomRegion, treatmentOutcome } from '../../src/facts/record.js';
import type { Request } from '../../src/request/schema.js';

const request = (extra: Partial<Request>): Request => ({
  format: 'imr-precheck/request@1',
  id: 'r',
  services: [{ id: 's', kind: 'imaging' }],
  ...extra,
});

describe('normalizedRecord', () => {
  const r = request({
    symptoms: [
      { kind: 'numbness', dermatome: 'L5' },
      { kind: 'pain', text: 'neck pain for two years' },
    ],
    exam: [
      { finding: 'sensory-deficit', text: 'decreased sensation of the thumb' },
      { finding: 'facet-tenderness', level: 'L4-5', side: 'left' },
    ],
    studies: [{ type: 'mri', findings: [{ kind: 'disc-protrusion', level: 'C5-6' }] }],
    treatments: [
      { kind: 'physical-therapy', region: 'lumbar', outcome: 'partial' },
      { kind: 'injection', levels: 'L4-S1', text: 'no relief' },
      { kind: 'chiropractic', outcome: 'unknown' },
      { kind: 'acupuncture', sessionsAuthorized: 6 },
    ],
  });
  const record = normalizedRecord(r);

  it('is computed once per request', () => {
    expect(normalizedRecord(r)).toBe(record);
    expect(normalizedRecord(request({}))).not.toBe(record);
  });
  it('places each item: stated region, else the regions its words name; spine from region, levels or roots', () => {
    expect(record.symptoms.map((s) => [s.regions, s.spine, s.levels])).toEqual([
      [[], 'lumbar', ['L5']],
      [['cervical'], undefined, []],
    ]);
    expect(record.exam.map((e) => [e.spine, e.levels, e.side, e.path])).toEqual([
      ['cervical', ['C6'], undefined, 'exam[0]'],
      ['lumbar', ['L4-5'], 'left', 'exam[1]'],
    ]);
    expect(record.studies[0]!.spine).toBe('cervical');
    expect(record.studies[0]!.levels).toEqual(['C5-6']);
    expect(record.treatments[1]!.levels).toEqual(['L4-5', 'L5-S1']);
    expect(record.treatments[1]!.spine).toBe('lumbar');
  });
  it('reads one outcome status per treatment, partial and unknown kept distinct', () => {
    expect(record.treatments.map((t) => t.outcome)).toEqual(['partial', 'failed', 'unknown', 'not-started']);
  });
});

describe('treatmentOutcome', () => {
  it.each([
    [{ text: 'to improve function' }, 'given'],
    [{ text: 'for relief of pain' }, 'given'],
    [{ text: 'improved function' }, 'helped'],
    [{ text: 'temporary relief' }, 'partial'],
    [{ outcome: 'unknown', text: 'did not help' }, 'failed'],
    [{ outcome: 'unknown' }, 'unknown'],
    // whether the care began at all, from the words when the fields do not say
    [{ text: 'has not started physical therapy yet' }, 'not-started'],
    [{ outcome: 'unknown', text: 'therapy being arranged' }, 'not-started'],
    [{ sessionsAuthorized: 6 }, 'not-started'],
    [{ sessionsAuthorized: 6, outcome: 'unknown', text: 'prior sessions completed (count not stated); 6 authorized' }, 'unknown'],
    [{ sessionsAuthorized: 6, text: 'six authorized, not completed' }, 'not-started'],
    [{ sessionsAuthorized: 6, text: 'six authorized, to be started next week' }, 'not-started'],
    [{ sessionsAuthorized: 6, text: 'started with four sessions remaining' }, 'given'],
    // "no prior" / "no previous" deny the care only when they name it: not another treatment, not a benefit
    [{ text: 'no previous physical therapy sessions noted' }, 'not-started'],
    [{ sessions: 12, text: 'no prior therapy before this injury' }, 'not-started'],
    [{ sessions: 12, text: '12 sessions; no prior surgery' }, 'given'],
    [{ text: 'no previous injections' }, 'given'],
    [{ text: 'no previous benefit' }, 'failed'],
    // a stated functional result means the authorized course was given
    [{ sessionsAuthorized: 6, functionImproved: false, text: 'approved for 6 sessions, no documented objective improvement' }, 'given'],
  ])('%j → %s', (item, status) => {
    expect(treatmentOutcome(item).status).toBe(status);
  });
});

describe('regionConcerns', () => {
  it('by default an item or service of unknown region concerns any', () => {
    expect(regionConcerns(['knee'], undefined)).toBe(true);
    expect(regionConcerns([], 'knee')).toBe(true);
    expect(regionConcerns(['knee'], 'shoulder')).toBe(false);
  });
  it('placed: both must be placed, an unplaced item counts only through its usual regions', () => {
    expect(regionConcerns(['knee'], undefined, { placed: true })).toBe(false);
    expect(regionConcerns([], 'knee', { placed: true })).toBe(false);
    expect(regionConcerns(['knee'], undefined, { placed: true, unplacedRegions: ['knee'] })).toBe(true);
  });
  it('sides: another stated side does not concern; bilateral matches either', () => {
    expect(regionConcerns(['knee'], 'knee', { sides: { service: 'left', item: 'right' } })).toBe(false);
    expect(regionConcerns(['knee'], 'knee', { sides: { service: 'left', item: 'bilateral' } })).toBe(true);
  });
  it('neurologic: a limb counts for the spine that supplies it', () => {
    expect(regionConcerns(['cervical'], 'hand')).toBe(false);
    expect(regionConcerns(['cervical'], 'hand', { neurologic: true })).toBe(true);
  });
});

describe('symptomRegion', () => {
  it('keeps a stated region over the one its kind names', () => {
    expect(symptomRegion({ kind: 'neck-pain', region: 'shoulder' })).toBe('shoulder');
  });
  it('reads the region a kind names, radiating pain from its spine', () => {
    expect(symptomRegion({ kind: 'low-back-pain' })).toBe('lumbar');
    expect(symptomRegion({ kind: 'radiating-arm-pain' })).toBe('cervical');
    expect(symptomRegion({ kind: 'radiating-leg-pain' })).toBe('lumbar');
    expect(symptomRegion({ kind: 'knee-pain' })).toBe('knee');
  });
  it('places no symptom whose kind names a region only inside another word', () => {
    expect(symptomRegion({ kind: 'joint-pain' })).toBeUndefined();
    expect(symptomRegion({ kind: 'warmth' })).toBeUndefined();
    expect(symptomRegion({ kind: 'chip-fracture-pain' })).toBeUndefined();
  });
});
