// Runs test cases through the engine and measures the results: per item pass/fail (or a
// mismatch the baseline already records), confusion matrix, accuracy, balanced accuracy,
// guideline agreement, coverage, per family, and per-criterion coverage.
import { checkRequest } from '../api.js';
import type { RulePack } from '../rules/pack.js';
import type { ServiceResult, Prediction } from '../engine/result.js';
import { compareItem, type ItemComparison } from './compare.js';
import { familyOf, FAMILIES, type Family } from './families.js';
import type { TestCase } from './load.js';
import type { Expectation } from './schema.js';
import { defaultReasonAgreement, type ReasonAgreement } from './reasons.js';
import type { InputIssue } from '../request/issues.js';
import type { Request } from '../request/schema.js';

export interface ItemRun {
  caseId: string;
  kind: TestCase['kind'];
  service: string;
  label: string;
  family: Family;
  expected: Expectation;
  got: ServiceResult | undefined;
  comparison: ItemComparison | undefined;
  /** pass | fail | known (a mismatch the baseline records) */
  status: 'pass' | 'fail' | 'known';
  signature: string;
}

export interface CaseRun {
  caseId: string;
  file: string;
  kind: TestCase['kind'];
  items: ItemRun[];
  status: 'pass' | 'fail' | 'known';
}

export interface Figures {
  items: number;
  covered: number;
  coverage: number;
  correct: number;
  /** correct / covered */
  accuracy: number;
  /** mean of per-class recall (upheld, overturned) over covered items */
  balancedAccuracy: number;
  /** correct / all items, not-covered counted as wrong */
  accuracyAllItems: number;
  guidelineCompared: number;
  guidelineAgreed: number;
  guidelineAgreement: number;
  confusion: Record<'upheld' | 'overturned' | 'not-covered', Record<Prediction, number>>;
}

export interface CriterionCoverage {
  id: string;
  topic: string;
  met: number;
  unmet: number;
  notDocumented: number;
  notStated: number;
}

export interface TestReport {
  cases: CaseRun[];
  totals: {
    cases: number;
    casesPassed: number;
    casesFailed: number;
    items: number;
    passed: number;
    failed: number;
    known: number;
    fixed: number;
  };
  figures: Figures;
  figuresByKind: Record<'letter' | 'rule-test', Figures>;
  /** Real-letter items only, per service family. */
  figuresByFamily: Record<Family, Figures>;
  criteria: CriterionCoverage[];
  unexercised: string[];
  /** Reviewer's reasons vs failing criteria (test/cases/reasons.yaml); absent without letters or file. */
  reasons?: ReasonAgreement | { file: string; problems: InputIssue[] };
}

export type Baseline = Record<string, string>;

export const itemKey = (caseId: string, service: string): string => `${caseId}::${service}`;

function signature(got: ServiceResult | undefined, c: ItemComparison | undefined): string {
  if (!got) return 'missing';
  const parts: string[] = [got.prediction];
  if (c?.dependsOn === false) parts.push(`dependsOn=${got.dependsOn}`);
  if (c?.guideline === false) parts.push(`guideline=${got.guideline?.source ?? 'none'}:${got.guideline?.pages ?? ''}`);
  if (c?.criteria && c.criteria.length > 0) parts.push(`criteria=${c.criteria.map((d) => `${d.id}:${d.got}`).join(',')}`);
  return parts.join('|');
}

export interface RunOptions {
  onProgress?: (done: number, total: number) => void;
  /** The reviewers' reasons file (default test/cases/reasons.yaml); a file named here must exist. */
  reasonsFile?: string;
  /** Rewrites each request before it is decided (e.g. `stripToSharedFormat` for --spec-only). */
  transform?: (request: Request) => Request;
}

export function runCases(cases: readonly TestCase[], pack: RulePack, baseline: Baseline = {}, options: RunOptions = {}): TestReport {
  const runs: CaseRun[] = [];
  let fixed = 0;
  const { onProgress, transform, reasonsFile } = options;
  cases.forEach((tc, n) => {
    const result = checkRequest(transform ? transform(tc.request) : tc.request, { pack });
    const items = tc.expected.map((e): ItemRun => {
      const got = result.services.find((s) => s.id === e.service);
      const comparison = got ? compareItem(e, got) : undefined;
      const sig = signature(got, comparison);
      const key = itemKey(tc.id, e.service);
      const passed = comparison?.pass === true;
      if (passed && baseline[key] !== undefined) fixed++;
      const status = passed ? 'pass' : baseline[key] === sig ? 'known' : 'fail';
      const service = tc.request.services.find((s) => s.id === e.service);
      return {
        caseId: tc.id,
        kind: tc.kind,
        service: e.service,
        label: service?.label ?? e.label ?? e.service,
        family: familyOf(service?.kind ?? 'other'),
        expected: e,
        got,
        comparison,
        status,
        signature: sig,
      };
    });
    const status = items.some((i) => i.status === 'fail') ? 'fail' : items.some((i) => i.status === 'known') ? 'known' : 'pass';
    runs.push({ caseId: tc.id, file: tc.file, kind: tc.kind, items, status });
    onProgress?.(n + 1, cases.length);
  });
  const all = runs.flatMap((r) => r.items);
  const byKind = (k: TestCase['kind']): ItemRun[] => all.filter((i) => i.kind === k);
  const figuresByFamily = Object.fromEntries(FAMILIES.map((f) => [f, figures(byKind('letter').filter((i) => i.family === f))])) as Record<
    Family,
    Figures
  >;
  const { criteria, unexercised } = criterionCoverage(all, pack);
  const reasons = byKind('letter').length > 0 ? defaultReasonAgreement(all, new Set(pack.criteria.keys()), reasonsFile) : undefined;
  return {
    cases: runs,
    totals: {
      cases: runs.length,
      casesPassed: runs.filter((r) => r.status !== 'fail').length,
      casesFailed: runs.filter((r) => r.status === 'fail').length,
      items: all.length,
      passed: all.filter((i) => i.status === 'pass').length,
      failed: all.filter((i) => i.status === 'fail').length,
      known: all.filter((i) => i.status === 'known').length,
      fixed,
    },
    figures: figures(all),
    figuresByKind: { letter: figures(byKind('letter')), 'rule-test': figures(byKind('rule-test')) },
    figuresByFamily,
    criteria,
    unexercised,
    ...(reasons ? { reasons } : {}),
  };
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function figures(items: readonly ItemRun[]): Figures {
  const confusion: Figures['confusion'] = {
    upheld: { upheld: 0, overturned: 0, 'not-covered': 0 },
    overturned: { upheld: 0, overturned: 0, 'not-covered': 0 },
    'not-covered': { upheld: 0, overturned: 0, 'not-covered': 0 },
  };
  let guidelineCompared = 0;
  let guidelineAgreed = 0;
  for (const i of items) {
    const predicted = i.got?.prediction ?? 'not-covered';
    confusion[i.expected.outcome][predicted]++;
    if (i.comparison?.guideline !== undefined && predicted !== 'not-covered') {
      guidelineCompared++;
      if (i.comparison.guideline) guidelineAgreed++;
    }
  }
  const covered = items.filter((i) => (i.got?.prediction ?? 'not-covered') !== 'not-covered').length;
  const correct = confusion.upheld.upheld + confusion.overturned.overturned + confusion['not-covered']['not-covered'];
  const coveredCorrect = confusion.upheld.upheld + confusion.overturned.overturned;
  const recalls = (['upheld', 'overturned'] as const)
    .map((k) => ({ n: confusion[k].upheld + confusion[k].overturned, hit: confusion[k][k] }))
    .filter((r) => r.n > 0)
    .map((r) => r.hit / r.n);
  return {
    items: items.length,
    covered,
    coverage: ratio(covered, items.length),
    correct: coveredCorrect,
    accuracy: ratio(coveredCorrect, covered),
    balancedAccuracy: recalls.length === 0 ? 0 : recalls.reduce((a, b) => a + b, 0) / recalls.length,
    accuracyAllItems: ratio(correct, items.length),
    guidelineCompared,
    guidelineAgreed,
    guidelineAgreement: ratio(guidelineAgreed, guidelineCompared),
    confusion,
  };
}

/** How often each criterion was met / unmet / not documented, counting only services it decided itself. */
function criterionCoverage(items: readonly ItemRun[], pack: RulePack): { criteria: CriterionCoverage[]; unexercised: string[] } {
  const counts = new Map<string, CriterionCoverage>();
  for (const [id, { topic }] of pack.criteria) counts.set(id, { id, topic: topic.id, met: 0, unmet: 0, notDocumented: 0, notStated: 0 });
  for (const i of items) {
    if (!i.got || i.got.dependsOn) continue;
    for (const c of i.got.criteria) {
      const entry = counts.get(c.id);
      if (!entry) continue;
      if (c.status === 'met') entry.met++;
      else if (c.status === 'unmet') entry.unmet++;
      else if (c.status === 'not-stated') entry.notStated++;
      else entry.notDocumented++;
    }
  }
  const criteria = [...counts.values()];
  return { criteria, unexercised: criteria.filter((c) => c.met + c.unmet + c.notDocumented + c.notStated === 0).map((c) => c.id) };
}

/** Baseline entries for the items that currently disagree (what `--update-baseline` writes). */
export function baselineOf(report: TestReport): Baseline {
  const out: Baseline = {};
  for (const r of report.cases) for (const i of r.items) if (i.status !== 'pass') out[itemKey(i.caseId, i.service)] = i.signature;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
