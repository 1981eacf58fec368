// `precheck lint`: checks the rule pack, its catalog, its compiled cache and its tests; exit 1 on any problem.
import type { Command } from 'commander';
import { loadRulePack, verifyPackCache, DEFAULT_RULES_DIR, PROJECT_ROOT } from '../../rules/pack.js';
import { InputError, formatIssue, type InputIssue } from '../../request/issues.js';
import { loadCases } from '../../cases/load.js';
import { runCases } from '../../cases/run.js';
import { checkCatalogUsed, checkCriteriaExercised, checkFieldOrder, checkSchemaReferences, checkTestsBeside } from '../../lint/lint.js';
import { join } from 'node:path';

export function registerLint(program: Command): void {
  program
    .command('lint')
    .description('check rule files, the compiled rule-pack cache, citations, catalog use, field order, tests beside each rule, and that every criterion is both met and failed by some case')
    .option('-f, --format <format>', 'text | json', 'text')
    .option('--fix', 'rewrite rule files whose fields are out of order')
    .action((opts: { format: string; fix?: boolean }) => { process.exitCode = runLint(opts.format, opts.fix === true); });
}

export function runLint(format: string, fix = false): number {
  const problems: InputIssue[] = [];
  let pack;
  try {
    pack = loadRulePack();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    problems.push(...err.issues);
  }
  if (pack) problems.push(...verifyPackCache());
  problems.push(...checkFieldOrder(DEFAULT_RULES_DIR, fix), ...checkTestsBeside(DEFAULT_RULES_DIR), ...checkSchemaReferences(PROJECT_ROOT));
  let stats = '';
  if (pack) {
    const loaded = loadCases([join(PROJECT_ROOT, 'test/cases'), DEFAULT_RULES_DIR], PROJECT_ROOT);
    problems.push(...loaded.problems);
    const report = runCases(loaded.cases, pack);
    problems.push(...checkCriteriaExercised(pack, report), ...checkCatalogUsed(pack));
    stats = `${pack.topics.length} topics, ${pack.criteria.size} criteria, ${pack.catalog.allRefs().length} catalog sections, ${loaded.cases.length} cases`;
  }
  if (format === 'json') process.stdout.write(`${JSON.stringify({ problems, stats }, null, 2)}\n`);
  else {
    for (const p of problems) process.stdout.write(`${formatIssue(p)}\n`);
    process.stdout.write(`${problems.length === 0 ? 'lint: no problems' : `lint: ${problems.length} problem(s)`}${stats ? ` (${stats})` : ''}\n`);
  }
  return problems.length === 0 ? 0 : 1;
}
