// Text and JSON reports of a test run. The text ends with the line `N passed, N failed`.
import type { TestReport, Figures, ItemRun } from './run.js';
import { FAMILIES } from './families.js';
import { reasonAgreementLines } from './reasons.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function describeGot(i: ItemRun): string {
  const g = i.got;
  if (!g) return 'no result (service not requested?)';
  const guideline = g.guideline ? ` [${g.guideline.source}${g.guideline.pages ? ` p${g.guideline.pages}` : ''}]` : '';
  return `${g.prediction}${g.dependsOn ? ` (follows ${g.dependsOn})` : ''}${guideline}`;
}

function describeExpected(i: ItemRun): string {
  const e = i.expected;
  const guideline = e.guideline ? ` [${e.guideline.source}${e.guideline.pages ? ` p${e.guideline.pages}` : ''}]` : '';
  return `${e.outcome}${e.dependsOn ? ` (follows ${e.dependsOn})` : ''}${guideline}`;
}

function decidingCriteria(i: ItemRun): string {
  const criteria = i.got?.criteria ?? [];
  const failing = criteria.filter((c) => c.status !== 'met' && !c.presumed);
  const shown = failing.length > 0 ? failing : criteria;
  return (
    shown
      .slice(0, 6)
      .map((c) => `${c.id}=${c.status}`)
      .join(', ') || 'none'
  );
}

export function itemDiff(i: ItemRun): string[] {
  const lines = [`  ✗ ${i.service} (${i.label}): expected ${describeExpected(i)}, got ${describeGot(i)}`];
  const c = i.comparison;
  if (c) {
    const wrong = [!c.outcome && 'outcome', c.dependsOn === false && 'dependsOn', c.guideline === false && 'guideline'].filter(Boolean);
    if (wrong.length > 0) lines.push(`      differs in: ${wrong.join(', ')}`);
    for (const d of c.criteria ?? []) lines.push(`      criterion ${d.id}: expected ${d.expected}, got ${d.got}`);
  }
  lines.push(`      deciding criteria: ${decidingCriteria(i)}`);
  return lines;
}

function figureLine(name: string, f: Figures): string {
  if (f.items === 0) return `  ${name.padEnd(20)} —`;
  return `  ${name.padEnd(20)} items ${String(f.items).padStart(4)}  coverage ${pct(f.coverage).padStart(6)}  accuracy ${pct(f.accuracy).padStart(6)}  balanced ${pct(f.balancedAccuracy).padStart(6)}  guideline ${f.guidelineCompared > 0 ? pct(f.guidelineAgreement).padStart(6) : '     —'}`;
}

export function renderTestText(
  report: TestReport,
  options: { verbose?: boolean; criteria?: boolean; unreadable?: number; appendix?: string } = {},
): string {
  const lines: string[] = [];
  for (const r of report.cases) {
    if (r.status === 'pass' && !options.verbose) continue;
    if (r.status === 'known' && !options.verbose) continue;
    lines.push(`${r.status.toUpperCase().padEnd(5)} ${r.caseId}`);
    for (const i of r.items) if (i.status === 'fail' || (options.verbose && i.status === 'known')) lines.push(...itemDiff(i));
  }
  const t = report.totals;
  const f = report.figures;
  lines.push('');
  lines.push(
    `Cases: ${t.cases} (${t.casesPassed} passed, ${t.casesFailed} failed). Items: ${t.items} (${t.passed} passed, ${t.failed} failed, ${t.known} known mismatches recorded in the baseline).`,
  );
  if (t.fixed > 0) lines.push(`${t.fixed} item(s) the baseline records as mismatches now pass: run with --update-baseline.`);
  lines.push('', 'Confusion matrix (rows: expected, columns: predicted):');
  lines.push(`  ${''.padEnd(12)}${'upheld'.padStart(10)}${'overturned'.padStart(12)}${'not-covered'.padStart(13)}`);
  for (const row of ['upheld', 'overturned'] as const) {
    const c = f.confusion[row];
    lines.push(
      `  ${row.padEnd(12)}${String(c.upheld).padStart(10)}${String(c.overturned).padStart(12)}${String(c['not-covered']).padStart(13)}`,
    );
  }
  lines.push('', 'Figures (accuracy and balanced accuracy over covered items):');
  lines.push(figureLine('all', f));
  lines.push(figureLine('real letters', report.figuresByKind.letter));
  lines.push(figureLine('rule tests', report.figuresByKind['rule-test']));
  for (const fam of FAMILIES) lines.push(figureLine(`letters: ${fam}`, report.figuresByFamily[fam]));
  if (report.reasons) lines.push(...reasonAgreementLines(report.reasons));
  if (options.criteria) {
    lines.push('', 'Criteria (met / unmet / not documented):');
    for (const c of report.criteria)
      lines.push(`  ${c.id.padEnd(48)} ${String(c.met).padStart(4)} ${String(c.unmet).padStart(4)} ${String(c.notDocumented).padStart(4)}`);
  }
  lines.push(
    '',
    report.unexercised.length > 0
      ? `Criteria no case exercises (${report.unexercised.length}): ${report.unexercised.join(', ')}`
      : 'Every criterion is exercised by at least one case.',
  );
  const unreadable = options.unreadable ?? 0;
  if (unreadable > 0) lines.push('', `${unreadable} test file(s) could not be read (see the errors above); each counts as a failure.`);
  if (options.appendix) lines.push(options.appendix.trimEnd());
  lines.push('', `${t.passed} passed, ${t.failed + unreadable} failed`);
  return `${lines.join('\n')}\n`;
}

export function renderTestJson(report: TestReport, spec?: { specOnly: TestReport; stripped: number }): string {
  const slim = {
    ...(spec
      ? {
          specOnly: {
            strippedFields: spec.stripped,
            figures: spec.specOnly.figures,
            figuresByKind: spec.specOnly.figuresByKind,
            moved: movedItems(report, spec.specOnly),
          },
        }
      : {}),
    totals: report.totals,
    figures: report.figures,
    figuresByKind: report.figuresByKind,
    figuresByFamily: report.figuresByFamily,
    criteria: report.criteria,
    unexercised: report.unexercised,
    reasons: report.reasons ?? null,
    cases: report.cases.map((r) => ({
      case: r.caseId,
      file: r.file,
      kind: r.kind,
      status: r.status,
      items: r.items.map((i) => ({
        service: i.service,
        label: i.label,
        family: i.family,
        status: i.status,
        expected: i.expected,
        got: i.got
          ? {
              prediction: i.got.prediction,
              dependsOn: i.got.dependsOn,
              guideline: i.got.guideline,
              failing: i.got.criteria.filter((c) => c.status !== 'met' && !c.presumed).map((c) => ({ id: c.id, status: c.status })),
            }
          : null,
        comparison: i.comparison ?? null,
      })),
    })),
  };
  return `${JSON.stringify(slim, null, 2)}\n`;
}

/** Items whose prediction differs between two runs of the same cases (normal → spec-only). */
export function movedItems(
  before: TestReport,
  after: TestReport,
): { key: string; expected: string; before: string; after: string; deciding: string }[] {
  const prior = new Map<string, ItemRun>(
    before.cases.flatMap((r) => r.items.map((i): [string, ItemRun] => [`${i.caseId}::${i.service}`, i])),
  );
  const out: { key: string; expected: string; before: string; after: string; deciding: string }[] = [];
  for (const r of after.cases) {
    for (const i of r.items) {
      const key = `${i.caseId}::${i.service}`;
      const was = prior.get(key);
      const a = i.got?.prediction ?? 'missing';
      const b = was?.got?.prediction ?? 'missing';
      if (a !== b) out.push({ key, expected: i.expected.outcome, before: b, after: a, deciding: decidingCriteria(i) });
    }
  }
  return out;
}

/** The `--spec-only` section: figures both ways and the items a shared-format request decides differently. */
export function renderSpecOnlyText(normal: TestReport, specOnly: TestReport, stripped: number): string {
  const lines = [
    '',
    `Spec-only run: every field the shared request format does not define removed (${stripped} field(s) in all), then decided again.`,
  ];
  lines.push('Figures (normal, then spec-only):');
  lines.push(figureLine('real letters', normal.figuresByKind.letter));
  lines.push(figureLine('real letters (spec)', specOnly.figuresByKind.letter));
  lines.push(figureLine('all', normal.figures));
  lines.push(figureLine('all (spec-only)', specOnly.figures));
  const c = specOnly.figures.confusion;
  lines.push(
    `  spec-only confusion: upheld→overturned ${c.upheld.overturned}, overturned→upheld ${c.overturned.upheld}, not-covered ${c.upheld['not-covered'] + c.overturned['not-covered']}`,
  );
  const moved = movedItems(normal, specOnly);
  lines.push(
    '',
    moved.length === 0
      ? 'No item is decided differently without the additions.'
      : `Items decided differently without the additions (${moved.length}):`,
  );
  for (const m of moved) lines.push(`  ${m.key}: ${m.before} → ${m.after} (letter: ${m.expected}); ${m.deciding}`);
  return `${lines.join('\n')}\n`;
}
