// `precheck lint`: checks the rule pack, its catalog, its compiled cache and its tests; exit 1 on any problem.
import type { Command } from 'commander';
import { loadRulePack, verifyPackCache, DEFAULT_RULES_DIR, PROJECT_ROOT } from '../../rules/pack.js';
import { InputError, formatIssue, type InputIssue } from '../../request/issues.js';
import { loadCases } from '../../cases/load.js';
import { runCases } from '../../cases/run.js';
import { thresholdMutations, type Mutation } from '../../lint/thresholds.js';
import { coverageByFamily, listLimitations } from '../../lint/limitations.js';
import {
  collapseRepeats,
  checkPinnedThresholds,
  checkCatalogUsed,
  checkAdviceWritten,
  checkFactNamespaces,
  checkCriteriaExercised,
  checkFieldOrder,
  checkSchemaReferences,
  checkTestsBeside,
  sharedServices,
} from '../../lint/lint.js';
import { join } from 'node:path';

export function registerLint(program: Command): void {
  program
    .command('lint')
    .description(
      'check rule files, the compiled rule-pack cache, citations, catalog use, field order, tests beside each rule, and that every criterion is both met and failed by some case',
    )
    .option('-f, --format <format>', 'text | json', 'text')
    .option('--fix', 'rewrite rule files whose fields are out of order')
    .option('--thresholds', 'list every threshold mutation no case detects (numbers shifted one step, enumerated values swapped)')
    .option('--limitations', 'list every guideline statement a topic records as not encoded, with its topic')
    .action((opts: { format: string; fix?: boolean; thresholds?: boolean; limitations?: boolean }) => {
      process.exitCode = runLint(opts.format, opts.fix === true, opts.thresholds === true, opts.limitations === true);
    });
}

export function runLint(format: string, fix = false, listThresholds = false, showLimitations = false): number {
  const problems: InputIssue[] = [];
  let pack;
  try {
    pack = loadRulePack();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    problems.push(...err.issues);
  }
  if (pack) problems.push(...verifyPackCache());
  problems.push(
    ...checkFieldOrder(DEFAULT_RULES_DIR, fix),
    ...checkTestsBeside(DEFAULT_RULES_DIR),
    ...checkSchemaReferences(PROJECT_ROOT),
    ...checkFactNamespaces(),
  );
  let stats = '';
  let mutations: Mutation[] = [];
  let shared: string[] = [];
  if (pack) {
    const loaded = loadCases([join(PROJECT_ROOT, 'test/cases'), DEFAULT_RULES_DIR], PROJECT_ROOT);
    problems.push(...loaded.problems);
    const report = runCases(loaded.cases, pack);
    mutations = thresholdMutations(pack, loaded.cases, report);
    problems.push(
      ...checkCriteriaExercised(pack, report),
      ...checkCatalogUsed(pack),
      ...checkAdviceWritten(pack),
      ...checkPinnedThresholds(pack, mutations),
    );
    shared = sharedServices(report);
    const undetected = mutations.filter((m) => m.detectedBy === 0);
    stats =
      `${pack.topics.length} topics, ${pack.criteria.size} criteria, ${pack.catalog.allRefs().length} catalog sections, ${loaded.cases.length} cases; ` +
      `threshold mutations: ${undetected.length} of ${mutations.length} undetected (pinned topics: ${pack.pinnedThresholds.join(', ') || 'none'})`;
  }
  const shown = collapseRepeats(problems);
  const families = pack ? coverageByFamily(pack) : [];
  const limitations = pack && showLimitations ? listLimitations(pack) : [];
  const undetected = listThresholds ? mutations.filter((m) => m.detectedBy === 0) : [];
  if (format === 'json')
    process.stdout.write(
      `${JSON.stringify({ problems: shown, stats, families, sharedServices: shared, ...(listThresholds ? { undetectedThresholds: undetected } : {}), ...(showLimitations ? { limitations } : {}) }, null, 2)}\n`,
    );
  else {
    if (shared.length > 0)
      process.stdout.write(`Services in the cases that two or more topics decide:\n${shared.map((s) => `  ${s}\n`).join('')}`);
    for (const l of limitations) process.stdout.write(`limitation: ${l.file} (${l.family}): ${l.text}\n`);
    if (families.length > 0)
      process.stdout.write(
        `Criteria and limitations (guideline statements not encoded) per family: ${families.map((f) => `${f.family} ${f.criteria}/${f.limitations}`).join(', ')}; --limitations lists them\n`,
      );
    for (const m of undetected)
      process.stdout.write(
        `undetected: ${m.criterion} ${m.path}: ${m.fact} ${m.operator} ${JSON.stringify(m.from)} → ${JSON.stringify(m.to)}\n`,
      );
    for (const p of shown) process.stdout.write(`${formatIssue(p)}\n`);
    process.stdout.write(
      `${problems.length === 0 ? 'lint: no problems' : `lint: ${shown.length} problem(s)`}${stats ? ` (${stats})` : ''}\n`,
    );
  }
  return problems.length === 0 ? 0 : 1;
}
