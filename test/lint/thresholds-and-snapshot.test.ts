// The toolkit that shows what moved: threshold mutations against the cases, and the snapshot of
// every item's prediction and criterion statuses.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadRulePack, DEFAULT_RULES_DIR, PROJECT_ROOT } from '../../src/rules/pack.js';
import { loadCases } from '../../src/cases/load.js';
import { runCases } from '../../src/cases/run.js';
import { thresholdMutations } from '../../src/lint/thresholds.js';
import { diffSnapshot, snapshotOf } from '../../src/cases/snapshot.js';

const pack = loadRulePack();
const chiroTests = loadCases([join(DEFAULT_RULES_DIR, 'mtus-cpmtg/manual-therapy-manipulation.test.yaml')], PROJECT_ROOT);
const report = runCases(chiroTests.cases, pack);

describe('threshold mutations', () => {
  const mutations = thresholdMutations(pack, chiroTests.cases, report).filter((m) => m.topic === 'manual-therapy-manipulation');

  it('shifts the 18-visit total one step each way, both leaves together, and the edge cases detect both', () => {
    const total = mutations.filter((m) => m.criterion === 'chiro.total-visits');
    expect(total.map((m) => m.to).sort()).toEqual([17, 19]);
    expect(total.every((m) => m.path.includes(' + '))).toBe(true);
    for (const m of total) expect(m.detectedBy, `18 → ${String(m.to)}`).toBeGreaterThan(0);
  });

  it('finds a threshold no case reaches when the edge cases are left out', () => {
    const withoutEdges = chiroTests.cases.filter((c) => !/edge|by one|over the 18/.test(c.id));
    const partial = thresholdMutations(pack, withoutEdges, runCases(withoutEdges, pack)).filter(
      (m) => m.criterion === 'chiro.total-visits',
    );
    expect(partial.some((m) => m.detectedBy === 0)).toBe(true);
  });

  it('swaps enumerated string values for the others the pack compares the same fact with', () => {
    const strings = thresholdMutations(pack, chiroTests.cases, report).filter((m) => typeof m.from === 'string');
    expect(strings.length).toBeGreaterThan(0);
    for (const m of strings) expect(m.to).not.toBe(m.from);
  });
});

describe('snapshot', () => {
  const snapshot = snapshotOf(report, pack.hash);

  it('records every item with its prediction and criterion statuses', () => {
    expect(Object.keys(snapshot.items)).toHaveLength(report.totals.items);
    const state = Object.values(snapshot.items)[0]!;
    expect(state).toMatch(/^(upheld|overturned|not-covered)/);
    expect(state).toContain('chiro.body-region=');
  });

  it('finds nothing moved against itself, and lists an item whose criterion changed', () => {
    expect(diffSnapshot(snapshot, report)).toMatchObject({ moved: [], added: 0, sameItems: true });
    const [key, state] = Object.entries(snapshot.items).find(([, s]) => s.includes('chiro.body-region=met'))!;
    const altered = { ...snapshot, items: { ...snapshot.items, [key]: state.replace('chiro.body-region=met', 'chiro.body-region=unmet') } };
    const diff = diffSnapshot(altered, report);
    expect(diff.moved).toHaveLength(1);
    expect(diff.moved[0]!.changed).toEqual(['chiro.body-region: unmet → met']);
  });

  it('counts items the snapshot does not record as added, not moved', () => {
    const [first] = Object.keys(snapshot.items);
    const rest = Object.fromEntries(Object.entries(snapshot.items).filter(([k]) => k !== first));
    expect(diffSnapshot({ ...snapshot, items: rest }, report)).toMatchObject({ moved: [], added: 1, sameItems: false });
  });
});
