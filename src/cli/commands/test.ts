// `precheck test [paths…]`: runs regression cases and rule tests, reports pass/fail per item
// and the figures; exit 1 on any failure or when no case ran.
import type { Command } from 'commander';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { rulePack } from '../../rules/pack.js';
import { loadCases } from '../../cases/load.js';
import { runCases, baselineOf, type Baseline, type TestReport } from '../../cases/run.js';
import { renderTestText, renderTestJson, renderSpecOnlyText } from '../../cases/report.js';
import { stripToSharedFormat } from '../../cases/shared-format.js';
import { matchesFilter } from '../../cases/glob.js';
import { printIssues } from '../io.js';
import { diffSnapshot, readSnapshot, renderSnapshotDiff, snapshotOf, writeSnapshot, type Snapshot } from '../../cases/snapshot.js';

export const DEFAULT_BASELINE = 'test/cases/baseline.json';
export const DEFAULT_SNAPSHOT = 'test/cases/snapshot.json';
const DEFAULT_PATHS = ['test/cases', 'rules'];

interface TestOptions {
  format: string;
  specOnly?: boolean;
  filter?: string;
  baseline: string | false;
  updateBaseline?: boolean;
  verbose?: boolean;
  criteria?: boolean;
  snapshot: string | false;
  updateSnapshot?: boolean;
  reasons?: string;
}

export function registerTest(program: Command): void {
  program
    .command('test')
    .description('run regression cases (imr-precheck/case@1) and rule tests (imr-precheck/rule-tests@1) and measure the rule pack')
    .argument('[paths...]', 'case files or directories (searched recursively)', DEFAULT_PATHS)
    .option('-f, --format <format>', 'text | json', 'text')
    .option('--filter <glob>', 'run only cases whose id (file path, #name) matches')
    .option('--baseline <file>', 'known mismatches: items listed here with the same result are reported, not failed', DEFAULT_BASELINE)
    .option('--no-baseline', 'ignore the baseline: every mismatch fails')
    .option('--update-baseline', 'write the current mismatches to the baseline file')
    .option('-v, --verbose', 'list passing cases and known mismatches too')
    .option('--criteria', 'list per-criterion counts (met / unmet / not documented)')
    .option(
      '--spec-only',
      'also decide every case with the fields the shared request format does not define removed, and print the figures both ways',
    )
    .option(
      '--snapshot <file>',
      "every item's prediction and criterion statuses as last reviewed: items that moved fail the run",
      DEFAULT_SNAPSHOT,
    )
    .option('--no-snapshot', 'do not compare with the snapshot')
    .option('--reasons <file>', "the reviewers' decisive reasons per letter item, for reason agreement (default: test/cases/reasons.yaml)")
    .option('--update-snapshot', 'record the current predictions and criterion statuses in the snapshot file')
    .action((paths: string[], opts: TestOptions) => {
      process.exitCode = runTest(paths, opts);
    });
}

function readBaseline(file: string | false): Baseline {
  if (!file || !existsSync(file)) return {};
  const data = JSON.parse(readFileSync(file, 'utf8')) as { items?: Baseline };
  return data.items ?? {};
}

/** A reasons file that cannot be read fails the run: its figures would silently vanish. */
function reasonsUnreadable(report: TestReport, format: string): boolean {
  if (!report.reasons || !('problems' in report.reasons)) return false;
  // the text report prints them in its reason-agreement section
  if (format === 'json') printIssues(report.reasons.problems);
  return true;
}

export function runTest(paths: string[], opts: TestOptions): number {
  if (opts.format !== 'text' && opts.format !== 'json') {
    process.stderr.write(`precheck test: unknown --format "${opts.format}"; expected text or json\n`);
    return 2;
  }
  const pack = rulePack();
  const loaded = loadCases(paths);
  if (loaded.problems.length > 0) printIssues(loaded.problems);
  const cases = opts.filter ? loaded.cases.filter((c) => matchesFilter(c.id, opts.filter!)) : loaded.cases;
  if (cases.length === 0) {
    process.stderr.write(`precheck test: no case ran (${paths.join(', ')}${opts.filter ? `, filter ${opts.filter}` : ''})\n`);
    return 1;
  }
  const tty = process.stderr.isTTY === true && opts.format === 'text';
  const progress = tty
    ? (done: number, total: number): void => {
        const width = 30;
        const filled = Math.round((done / total) * width);
        process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
      }
    : undefined;
  const report = runCases(cases, pack, readBaseline(opts.baseline), {
    ...(progress ? { onProgress: progress } : {}),
    ...(opts.reasons ? { reasonsFile: opts.reasons } : {}),
  });
  const unreadable = new Set(loaded.problems.map((p) => p.file)).size;
  const reasonsFailed = reasonsUnreadable(report, opts.format);
  let snapshot: Snapshot | undefined;
  try {
    snapshot = opts.snapshot && !opts.updateSnapshot ? readSnapshot(opts.snapshot) : undefined;
  } catch (err) {
    process.stderr.write(`precheck test: ${(err as Error).message}\n`);
    return 2;
  }
  const diff = snapshot ? diffSnapshot(snapshot, report) : undefined;
  // the exit code stays the normal run's: the spec-only figures measure, they do not gate
  let stripped = 0;
  const specOnly = opts.specOnly
    ? runCases(
        cases,
        pack,
        {},
        {
          transform: (r) => {
            const s = stripToSharedFormat(r);
            stripped += s.stripped.length;
            return s.request;
          },
        },
      )
    : undefined;
  if (opts.format === 'json') {
    const out = JSON.parse(specOnly ? renderTestJson(report, { specOnly, stripped }) : renderTestJson(report)) as Record<string, unknown>;
    if (diff) out.snapshot = diff;
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const text = renderTestText(report, {
      ...opts,
      unreadable,
      ...(specOnly ? { appendix: renderSpecOnlyText(report, specOnly, stripped) } : {}),
    });
    // The snapshot section goes just above the closing "N passed, N failed" line.
    const cut = text.lastIndexOf('\n', text.length - 2) + 1;
    process.stdout.write(text.slice(0, cut) + (diff && snapshot ? renderSnapshotDiff(diff, snapshot, report) : '') + text.slice(cut));
  }
  if (opts.updateSnapshot && opts.snapshot) {
    // A partial run (a filter, other paths) updates its own items and keeps the others.
    const partial = opts.filter !== undefined || paths.join() !== DEFAULT_PATHS.join();
    const fresh = snapshotOf(report, pack.hash);
    const kept = partial ? readSnapshot(opts.snapshot) : undefined;
    if (kept) fresh.items = Object.fromEntries(Object.entries({ ...kept.items, ...fresh.items }).sort(([a], [b]) => a.localeCompare(b)));
    if (kept) fresh.figures = kept.figures;
    writeSnapshot(opts.snapshot, fresh);
    process.stderr.write(`snapshot: ${report.totals.items} item(s) written to ${opts.snapshot}\n`);
  }
  if (opts.updateBaseline && opts.baseline) {
    const items = baselineOf(report);
    writeFileSync(
      opts.baseline,
      `${JSON.stringify({ note: 'Items whose prediction disagrees with the letter, as of the rule pack hash below. precheck test reports them as known mismatches instead of failures; accuracy figures still count them as wrong.', rulePack: pack.hash, items }, null, 2)}\n`,
    );
    process.stderr.write(`baseline: ${Object.keys(items).length} known mismatch(es) written to ${opts.baseline}\n`);
    return loaded.problems.length > 0 ? 1 : 0;
  }
  return report.totals.failed > 0 || loaded.problems.length > 0 || reasonsFailed || (diff?.moved.length ?? 0) > 0 ? 1 : 0;
}
