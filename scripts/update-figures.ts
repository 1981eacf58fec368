// Measures the figures the README reports and writes them between its figure markers:
// tests, real-letter suite (coverage, accuracy, balanced accuracy, guideline agreement, per
// family), rule tests, parse-letter, benchmark. Run after `npm run build` (and `npm run bench`
// for fresh benchmark numbers): npx tsx scripts/update-figures.ts
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ReasonAgreement } from '../src/cases/reasons.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli/precheck.js');
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

interface Figures {
  items: number;
  covered: number;
  coverage: number;
  correct: number;
  accuracy: number;
  balancedAccuracy: number;
  guidelineCompared: number;
  guidelineAgreed: number;
  guidelineAgreement: number;
  confusion: Record<string, Record<string, number>>;
}

function suite(paths: string[]): {
  totals: Record<string, number>;
  figures: Figures;
  figuresByKind: Record<string, Figures>;
  figuresByFamily: Record<string, Figures>;
  criteria: unknown[];
  unexercised: string[];
  reasons: ReasonAgreement | { problems: unknown[] } | null;
  specOnly: { strippedFields: number; figures: Figures; moved: unknown[] };
} {
  const r = spawnSync(process.execPath, [CLI, 'test', ...paths, '--format', 'json', '--no-baseline', '--spec-only'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return JSON.parse(r.stdout);
}

function vitestCount(): { tests: number; files: number } {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/vitest'), ['run', '--reporter=json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const json = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as {
    numTotalTests: number;
    numPassedTests: number;
    testResults: unknown[];
  };
  return { tests: json.numPassedTests, files: json.testResults.length };
}

const row = (name: string, f: Figures): string =>
  `| ${name} | ${f.items} | ${pct(f.coverage)} | ${f.covered ? pct(f.accuracy) : '—'} | ${f.covered ? pct(f.balancedAccuracy) : '—'} | ${f.guidelineCompared ? `${pct(f.guidelineAgreement)} (${f.guidelineAgreed}/${f.guidelineCompared})` : '—'} |`;

const letters = suite(['test/cases/imr-ca-2016']);
const seeds = suite(['test/cases/seeds']);
const rules = suite(['rules']);
const v = vitestCount();
const f = letters.figures;
const c = f.confusion;
const lines: string[] = [];
lines.push(`Measured ${new Date().toISOString().slice(0, 10)} with \`npx tsx scripts/update-figures.ts\`.`, '');
lines.push(
  `- **Tests:** ${v.tests} vitest tests in ${v.files} files, all passing; ${rules.totals.items} rule-test expectations in ${rules.totals.cases} RuleTester-style cases beside the rules (${rules.totals.passed} pass); \`precheck lint\` clean.`,
);
lines.push(
  `- **Seed letters:** ${seeds.totals.items} disputed items in 5 letters: ${seeds.totals.passed} reproduced (outcome, dependency and the letter's guideline source and pages).`,
);
lines.push(
  `- **Real letters** (\`test/cases/imr-ca-2016\`, ${letters.totals.cases} letters, ${f.items} items, ${c.upheld!.upheld! + c.upheld!.overturned! + c.upheld!['not-covered']!} upheld / ${c.overturned!.upheld! + c.overturned!.overturned! + c.overturned!['not-covered']!} overturned by the reviewers): coverage ${pct(f.coverage)}, accuracy ${pct(f.accuracy)} and balanced accuracy ${pct(f.balancedAccuracy)} on the covered items; ${pct(f.correct / f.items)} of all items predicted as the letter decided (not-covered counts as wrong); guideline source agreement ${pct(f.guidelineAgreement)}.`,
  '',
);
lines.push(
  '| family (real letters) | items | coverage | accuracy | balanced accuracy | guideline agreement |',
  '|---|---|---|---|---|---|',
);
lines.push(row('all', f));
for (const [fam, ff] of Object.entries(letters.figuresByFamily)) lines.push(row(fam, ff));
lines.push(
  '',
  `Confusion matrix, real letters (rows: the letter; columns: the prediction): upheld → ${c.upheld!.upheld} upheld / ${c.upheld!.overturned} overturned / ${c.upheld!['not-covered']} not covered; overturned → ${c.overturned!.upheld} / ${c.overturned!.overturned} / ${c.overturned!['not-covered']}.`,
);
const INDEPENDENT = join(ROOT, '..', 'shared', 'letters', 'imr-ca-2016', 'independent');
if (existsSync(INDEPENDENT)) {
  const ind = suite([INDEPENDENT]);
  const fi = ind.figures;
  const ci = fi.confusion;
  const ri = ind.reasons && !('problems' in ind.reasons) ? ind.reasons : undefined;
  lines.push(
    '',
    `- **Independent encodings** (\`../shared/letters/imr-ca-2016/independent\`: ${ind.totals.cases} visible letters, ${fi.items} items, encoded to the shared format by people who never read the rules): coverage ${pct(fi.coverage)}, accuracy ${pct(fi.accuracy)}, balanced accuracy ${pct(fi.balancedAccuracy)}, guideline source agreement ${pct(fi.guidelineAgreement)}; overturned items predicted overturned ${ci.overturned!.overturned} of ${ci.overturned!.upheld! + ci.overturned!.overturned! + ci.overturned!['not-covered']!}; upheld items predicted overturned ${ci.upheld!.overturned}${ri ? `; reason agreement: every decisive reason on ${pct(ri.shares.every)}, misleading on ${pct(ri.shares.misleading)}` : ''}. These letters informed the rules too: held-out letters will do worse.`,
  );
}
const lint = JSON.parse(
  spawnSync(process.execPath, [CLI, 'lint', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout,
) as { families: { family: string; topics: number; criteria: number; limitations: number }[] };
lines.push(
  '',
  '| family (rule pack) | topics | criteria | limitations: guideline statements not encoded (`precheck lint --limitations`) |',
  '|---|---|---|---|',
);
for (const fam of lint.families) lines.push(`| ${fam.family} | ${fam.topics} | ${fam.criteria} | ${fam.limitations} |`);
const ra = letters.reasons;
if (ra && !('problems' in ra)) {
  lines.push(
    '',
    `- **Reason agreement** (real letters, \`test/cases/reasons.yaml\`; the ${ra.evaluated} items the reviewer upheld that the engine predicts upheld and decides itself): the failing criteria include every decisive reason of the reviewer on ${pct(ra.shares.every)}, some on ${pct(ra.shares.some)}, none on ${pct(ra.shares.none)}; every reason a criterion states on ${pct(ra.coveredOnly.share)}; a failing criterion the reviewer finds met (misleading) on ${ra.misleadingItems.length} items (${pct(ra.shares.misleading)}); ${ra.uncoveredReasons.evaluated} of their reasons have no criterion.`,
  );
}
const s = letters.specOnly;
lines.push(
  '',
  `- **Spec-only** (\`precheck test --spec-only\`: the ${s.strippedFields} fields the shared request format does not define removed from the real-letter cases): coverage ${pct(s.figures.coverage)}, accuracy ${pct(s.figures.accuracy)}, balanced accuracy ${pct(s.figures.balancedAccuracy)}; ${s.moved.length} item(s) decided differently from the normal run. The gap is what a request written only to the shared format loses.`,
);
if (existsSync(join(ROOT, 'docs/parse-letter.md'))) {
  const doc = readFileSync(join(ROOT, 'docs/parse-letter.md'), 'utf8');
  const get = (label: string): string => new RegExp(`\\|\\s*${label}[^|]*\\|\\s*([^|]+)\\|`, 'i').exec(doc)?.[1]?.trim() ?? '?';
  lines.push(
    '',
    `- **parse-letter** over the ${get('letters parsed')} shared letters (docs/parse-letter.md): item count agrees for ${get('item count agrees')} letters, outcome for ${get('outcome agrees')} items, first cited source for ${get('first cited source agrees')} items (in-sample: the parser was written against these letters).`,
  );
}
if (existsSync(join(ROOT, 'bench/results.json'))) {
  const b = JSON.parse(readFileSync(join(ROOT, 'bench/results.json'), 'utf8'));
  lines.push(
    `- **Benchmark** (\`npm run bench\`, ${b.requests} generated requests, ${b.date.slice(0, 10)}, 2-core machine): engine API ${b.engineApi.requestsPerSecond} req/s warm (${b.engineApi.firstPassRequestsPerSecond} req/s on the first pass in a fresh process, which is what a one-pass CLI run sees); \`check - --format jsonl\` ${b.cliStreamJsonl.requestsPerSecond} req/s (the faster of two runs: ${b.cliStreamJsonl.eachRunRequestsPerSecond.join(' and ')}), peak RSS ${b.cliStreamJsonl.peakRssMb} MB (${b.cliStreamJsonl.peakRssMbAtTenth} MB at a tenth of the batch); ${b.baselineComparison.ratio}× the hand-written predicate on the same input (${b.baselineComparison.decisionOnly.ratio}× on the decision step alone, which also builds evidence and explanations); json-rules-engine's async engine ${b.jsonRulesEngineAsync.requestsPerSecond} req/s on the decision step; one-request CLI ${b.cliOneRequest.medianMs} ms (node -e 0: ${b.cliOneRequest.nodeBareMs} ms).`,
  );
  const sc = b.serveCheck;
  if (sc)
    lines.push(
      `- **\`precheck serve\`** (\`bench/serve.ts\`): \`POST /v1/check\` with the README example at ${sc.concurrency} concurrent keep-alive clients on the same 2-core machine: ${sc.requestsPerSecond} req/s, p50 ${sc.latencyMs.p50} ms, p99 ${sc.latencyMs.p99} ms, ${sc.errors} errors (load average ${sc.machine.loadAverageAtStart} at the start).`,
    );
}
const readme = join(ROOT, 'README.md');
const text = readFileSync(readme, 'utf8');
const start = '<!-- figures:start -->';
const end = '<!-- figures:end -->';
const updated = `${text.slice(0, text.indexOf(start) + start.length)}\n${lines.join('\n')}\n${text.slice(text.indexOf(end))}`;
writeFileSync(readme, updated);
process.stdout.write(`${lines.join('\n')}\n`);
