// The committed snapshot of every item's prediction and criterion statuses: `precheck test`
// compares a run with it and lists what moved, so a rule change that keeps every expectation
// (a threshold edit no letter reaches) still shows up for review.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { z } from 'zod';
import { itemKey, type Figures, type ItemRun, type TestReport } from './run.js';

export const SNAPSHOT_FORMAT = 'imr-precheck/snapshot@1';

/** One item as recorded: `upheld` then `criterion=status` pairs in evaluation order. */
export type ItemState = string;

const headlineSchema = z.strictObject({
  items: z.number(),
  coverage: z.number(),
  accuracy: z.number(),
  balancedAccuracy: z.number(),
  guidelineAgreement: z.number(),
});
const snapshotSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  note: z.string().optional(),
  rulePack: z.string(),
  figures: z.record(z.string(), headlineSchema),
  items: z.record(z.string(), z.string()),
});

export type Snapshot = z.infer<typeof snapshotSchema>;
type Headline = z.infer<typeof headlineSchema>;

export function itemState(item: ItemRun): ItemState {
  const got = item.got;
  if (!got) return 'missing';
  const head = got.dependsOn ? `${got.prediction}<${got.dependsOn}` : got.prediction;
  return [head, ...got.criteria.map((c) => `${c.id}=${c.presumed ? 'presumed' : c.status}`)].join(' ');
}

const headline = (f: Figures): Headline => ({
  items: f.items,
  coverage: round(f.coverage),
  accuracy: round(f.accuracy),
  balancedAccuracy: round(f.balancedAccuracy),
  guidelineAgreement: round(f.guidelineAgreement),
});
const round = (x: number): number => Math.round(x * 10000) / 10000;

export function snapshotOf(report: TestReport, rulePackHash: string): Snapshot {
  const items: Record<string, ItemState> = {};
  for (const run of report.cases) for (const item of run.items) items[itemKey(item.caseId, item.service)] = itemState(item);
  return {
    format: SNAPSHOT_FORMAT,
    note: "Every item's prediction and criterion statuses as last reviewed. precheck test lists what moved; precheck test --update-snapshot records a reviewed change.",
    rulePack: rulePackHash,
    figures: {
      all: headline(report.figures),
      'real letters': headline(report.figuresByKind.letter),
      'rule tests': headline(report.figuresByKind['rule-test']),
    },
    items: Object.fromEntries(Object.entries(items).sort(([a], [b]) => a.localeCompare(b))),
  };
}

export interface MovedItem {
  key: string;
  before: ItemState;
  after: ItemState;
  /** The criteria whose status changed, `id: before → after`. */
  changed: string[];
  /** Evidence of the changed criteria in the new run (the fact values that decided them). */
  evidence: string[];
}

export interface SnapshotDiff {
  /** Items run now and recorded in the snapshot. */
  compared: number;
  moved: MovedItem[];
  /** Items run now that the snapshot does not record. */
  added: number;
  /** Whether the run covered exactly the snapshot's items (figure deltas are meaningful). */
  sameItems: boolean;
}

function statuses(state: ItemState): Map<string, string> {
  const [, ...pairs] = state.split(' ');
  return new Map(
    pairs.map((p) => {
      const i = p.lastIndexOf('=');
      return [p.slice(0, i), p.slice(i + 1)] as const;
    }),
  );
}

export function diffSnapshot(snapshot: Snapshot, report: TestReport): SnapshotDiff {
  const moved: MovedItem[] = [];
  let compared = 0;
  let added = 0;
  const seen = new Set<string>();
  for (const run of report.cases) {
    for (const item of run.items) {
      const key = itemKey(item.caseId, item.service);
      seen.add(key);
      const before = snapshot.items[key];
      if (before === undefined) {
        added++;
        continue;
      }
      compared++;
      const after = itemState(item);
      if (before === after) continue;
      const was = statuses(before);
      const now = statuses(after);
      const ids = [...new Set([...was.keys(), ...now.keys()])];
      const changed = ids
        .filter((id) => was.get(id) !== now.get(id))
        .map((id) => `${id}: ${was.get(id) ?? 'not evaluated'} → ${now.get(id) ?? 'not evaluated'}`);
      const changedIds = new Set(ids.filter((id) => was.get(id) !== now.get(id)));
      const evidence = (item.got?.criteria ?? []).filter((c) => changedIds.has(c.id)).flatMap((c) => c.evidence);
      moved.push({ key, before, after, changed, evidence });
    }
  }
  const sameItems = added === 0 && Object.keys(snapshot.items).every((k) => seen.has(k));
  return { compared, moved, added, sameItems };
}

/** Reads a snapshot; undefined when the file does not exist. Throws a one-line error when it is malformed. */
export function readSnapshot(file: string): Snapshot | undefined {
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`, { cause: err });
  }
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success)
    throw new Error(
      `${file}: not an ${SNAPSHOT_FORMAT} file (${parsed.error.issues[0]?.path.join('.') || 'top level'}: ${parsed.error.issues[0]?.message})`,
    );
  return parsed.data;
}

export function writeSnapshot(file: string, snapshot: Snapshot): void {
  writeFileSync(file, `${JSON.stringify(snapshot, null, 1)}\n`);
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const delta = (now: number, then: number): string => {
  const d = (now - then) * 100;
  return Math.abs(d) < 0.05 ? '±0.0' : `${d > 0 ? '+' : ''}${d.toFixed(1)}`;
};

/** Text lines for the test report: moved items with their changed criteria, and figure deltas. */
export function renderSnapshotDiff(diff: SnapshotDiff, snapshot: Snapshot, report: TestReport): string {
  if (diff.compared === 0) return '';
  const lines: string[] = [];
  if (diff.moved.length > 0) {
    lines.push(`Moved since the snapshot (${diff.moved.length} of ${diff.compared} items):`);
    for (const m of diff.moved) {
      const [was] = m.before.split(' ');
      const [now] = m.after.split(' ');
      lines.push(`  ~ ${m.key}: ${was} → ${now}`);
      for (const c of m.changed) lines.push(`      ${c}`);
      if (m.evidence.length > 0) lines.push(`      facts: ${m.evidence.slice(0, 4).join('; ')}${m.evidence.length > 4 ? '; …' : ''}`);
    }
    lines.push('Review the moves; if they are intended, record them with: precheck test --update-snapshot');
  } else {
    lines.push(`Snapshot: no item moved (${diff.compared} items compared).`);
  }
  if (diff.added > 0) lines.push(`Snapshot: ${diff.added} item(s) not recorded yet (new cases); --update-snapshot records them.`);
  if (diff.sameItems) {
    const now: Record<string, Figures> = {
      all: report.figures,
      'real letters': report.figuresByKind.letter,
      'rule tests': report.figuresByKind['rule-test'],
    };
    const changed = Object.entries(now).filter(([name, f]) => {
      const then = snapshot.figures[name];
      return (
        then &&
        (round(f.accuracy) !== then.accuracy || round(f.balancedAccuracy) !== then.balancedAccuracy || round(f.coverage) !== then.coverage)
      );
    });
    for (const [name, f] of changed) {
      const then = snapshot.figures[name]!;
      lines.push(
        `Figures vs snapshot, ${name}: coverage ${pct(f.coverage)} (${delta(f.coverage, then.coverage)}), accuracy ${pct(f.accuracy)} (${delta(f.accuracy, then.accuracy)}), balanced ${pct(f.balancedAccuracy)} (${delta(f.balancedAccuracy, then.balancedAccuracy)})`,
      );
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
