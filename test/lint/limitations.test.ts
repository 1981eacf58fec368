// Limitations per family: every topic's not-encoded guideline statements, counted where lint and
// the README report them.
import { describe, it, expect } from 'vitest';
import { loadRulePack } from '../../src/rules/pack.js';
import { coverageByFamily, listLimitations, topicFamily } from '../../src/lint/limitations.js';
import { FAMILIES } from '../../src/cases/families.js';

const pack = loadRulePack();

describe('limitations per family', () => {
  it('counts every topic, criterion and limitation once, in one family', () => {
    const families = coverageByFamily(pack);
    expect(families.map((f) => f.family)).toEqual([...FAMILIES]);
    expect(families.reduce((n, f) => n + f.topics, 0)).toBe(pack.topics.length);
    expect(families.reduce((n, f) => n + f.criteria, 0)).toBe(pack.criteria.size);
    const stated = pack.topics.reduce((n, t) => n + (t.spec.limitations?.length ?? 0), 0);
    expect(families.reduce((n, f) => n + f.limitations, 0)).toBe(stated);
    expect(stated).toBeGreaterThan(0);
  });

  it('lists each limitation with the topic that states it', () => {
    const esi = pack.topics.find((t) => t.id === 'epidural-steroid-injections')!;
    expect(topicFamily(esi)).toBe('injections');
    const listed = listLimitations(pack).filter((l) => l.topic === esi.id);
    expect(listed.map((l) => l.text)).toEqual(esi.spec.limitations ?? []);
    for (const l of listed) expect(l.file).toBe(esi.file);
  });
});
