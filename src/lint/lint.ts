// Rule-pack checks beyond loading (which already validates every rule file by its schema,
// resolves every citation, and rejects unknown facts, operators, kinds and duplicate ids):
// field order, tests beside each rule, criteria exercised both ways by the cases, catalog
// entries in use, and editor schema references.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { writeFileSync } from 'node:fs';
import { parseDocument, isMap, isScalar, isSeq } from 'yaml';
import type { InputIssue } from '../request/issues.js';
import { listRuleFiles, walk, locateIssues, PROJECT_ROOT, type RulePack } from '../rules/pack.js';
import type { Mutation } from './thresholds.js';
import type { TestReport } from '../cases/run.js';
import { factNamespaceProblems } from '../facts/registry.js';

export const TOPIC_FIELD_ORDER = [
  'id',
  'title',
  'question',
  'appliesTo',
  'guideline',
  'editions',
  'mtusSilent',
  'statement',
  'criteria',
  'limitations',
  'notes',
];
export const CRITERION_FIELD_ORDER = [
  'id',
  'text',
  'citation',
  'editions',
  'when',
  'condition',
  'presumed',
  'unmetMeans',
  'unmet',
  'notDocumented',
  'toOverturn',
  'notes',
];

const issue = (file: string, path: string, code: string, message: string): InputIssue => ({ file, path, code, message });

function keysOf(node: unknown): string[] {
  return isMap(node) ? node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')) : [];
}

function orderProblems(file: string, keys: string[], order: string[], path: string): InputIssue[] {
  const known = keys.filter((k) => order.includes(k));
  const expected = [...known].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return known.join() === expected.join()
    ? []
    : [issue(file, path, 'field-order', `fields should come in the order ${expected.join(', ')}`)];
}

function sortMap(node: unknown, order: string[]): void {
  if (!isMap(node)) return;
  const rank = (key: string): number => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  node.items.sort((a, b) => rank(isScalar(a.key) ? String(a.key.value) : '') - rank(isScalar(b.key) ? String(b.key.value) : ''));
}

/**
 * Fixed field order in topics and criteria (Sigma-style), so every rule file reads the same way.
 * With `fix`, rewrites the files in that order (comments move with their fields).
 */
export function checkFieldOrder(rulesDir: string, fix = false): InputIssue[] {
  const out: InputIssue[] = [];
  for (const file of listRuleFiles(rulesDir)) {
    const name = relative(PROJECT_ROOT, file);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const problems = orderProblems(name, keysOf(doc.contents), TOPIC_FIELD_ORDER, '');
    const criteria = doc.get('criteria', true);
    const items: unknown[] = isSeq(criteria) ? criteria.items : [];
    items.forEach((c, i) => problems.push(...orderProblems(name, keysOf(c), CRITERION_FIELD_ORDER, `criteria[${i}]`)));
    if (fix && problems.length > 0) {
      sortMap(doc.contents, TOPIC_FIELD_ORDER);
      for (const c of items) sortMap(c, CRITERION_FIELD_ORDER);
      writeFileSync(file, doc.toString({ lineWidth: 100, flowCollectionPadding: false }));
      continue;
    }
    out.push(...problems);
  }
  return out;
}

/** Every rule file has its RuleTester-style tests beside it. */
export function checkTestsBeside(rulesDir: string): InputIssue[] {
  return listRuleFiles(rulesDir)
    .filter((f) => !existsSync(f.replace(/\.yaml$/, '.test.yaml')))
    .map((f) => issue(relative(PROJECT_ROOT, f), '', 'no-tests', `no tests beside the rule: add ${basename(f, '.yaml')}.test.yaml`));
}

/** Every criterion is met in at least one case and not met (unmet, not documented or not stated) in another. */
export function checkCriteriaExercised(pack: RulePack, report: TestReport): InputIssue[] {
  const out: InputIssue[] = [];
  for (const c of report.criteria) {
    const { topic } = pack.criteria.get(c.id)!;
    const index = topic.criteria.findIndex((x) => x.id === c.id);
    if (c.met === 0)
      out.push(issue(topic.file, `criteria[${index}]`, 'never-met', `criterion ${c.id} is met in no case; add a case that meets it`));
    if (c.unmet + c.notDocumented + c.notStated === 0)
      out.push(
        issue(
          topic.file,
          `criteria[${index}]`,
          'never-failed',
          `criterion ${c.id} fails in no case; add a case where it is unmet or not documented`,
        ),
      );
  }
  return out;
}

/** Every catalog section is cited by some rule (an unused entry is either dead or a missing rule). */
export function checkCatalogUsed(pack: RulePack): InputIssue[] {
  const used = new Set<string>();
  for (const t of pack.topics) {
    for (const g of t.guideline) used.add(g.ref);
    for (const c of t.criteria) for (const ref of c.citations) used.add(ref);
  }
  return pack.catalog
    .allRefs()
    .filter((ref) => !used.has(ref))
    .map((ref) => {
      const [source, key] = ref.split('#');
      return issue(
        `guidelines/${source!.toLowerCase()}.yaml`,
        `sections.${key}`,
        'unused-citation',
        `catalog entry ${ref} is cited by no rule`,
      );
    });
}

/**
 * A criterion that can be not documented says what to document (`toOverturn`): an upheld service
 * always gives the physician something to act on, or the statement that nothing can overturn it.
 */
export function checkAdviceWritten(pack: RulePack): InputIssue[] {
  return pack.topics.flatMap((t) =>
    t.spec.criteria.flatMap((c, i) =>
      c.notDocumented !== undefined && c.toOverturn === undefined
        ? [
            issue(
              t.file,
              `criteria[${i}].toOverturn`,
              'missing-advice',
              `criterion ${c.id} can be not documented but has no toOverturn: say what to document`,
            ),
          ]
        : [],
    ),
  );
}

/** Every fact id starts with the camelCase name of the file under src/facts/ that defines it. */
export function checkFactNamespaces(): InputIssue[] {
  return factNamespaceProblems().map((p) => issue(p.file, p.id, 'fact-namespace', p.message));
}

/** YAML files in examples/, rules/ and test/cases/ name their JSON Schema for editors. */
export function checkSchemaReferences(root: string): InputIssue[] {
  const dirs = ['examples', 'rules', 'test/cases', 'guidelines'].map((d) => join(root, d)).filter(existsSync);
  const out: InputIssue[] = [];
  for (const dir of dirs) {
    for (const file of walk(dir).filter((f) => /\.ya?ml$/.test(f))) {
      const head = readFileSync(file, 'utf8').split('\n', 3).join('\n');
      if (!/# yaml-language-server: \$schema=\S+/.test(head))
        out.push(
          issue(
            relative(root, file),
            '',
            'no-schema-reference',
            'first line should be "# yaml-language-server: $schema=<path to schemas/…json>"',
          ),
        );
    }
  }
  return out;
}

/**
 * One line per distinct problem: the same message in the same file (one bad citation used by
 * eight criteria) is reported once, at its first place, with the count of the others.
 */
export function collapseRepeats(issues: readonly InputIssue[]): InputIssue[] {
  const groups = new Map<string, InputIssue[]>();
  for (const i of issues) {
    const key = `${i.file}\u0000${i.code}\u0000${i.message}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return [...groups.values()].map(([first, ...rest]) =>
    rest.length === 0
      ? first!
      : {
          ...first!,
          message: `${first!.message} (also at ${rest.length} more place${rest.length === 1 ? '' : 's'} in this file: ${rest
            .slice(0, 3)
            .map((r) => (r.line !== undefined ? `line ${r.line}` : r.path))
            .join(', ')}${rest.length > 3 ? ', …' : ''})`,
        },
  );
}

/** Undetected threshold mutations in the topics the pack pins, located at their leaf. */
export function checkPinnedThresholds(pack: RulePack, mutations: readonly Mutation[]): InputIssue[] {
  const pinned = new Set(pack.pinnedThresholds);
  const out: InputIssue[] = [];
  for (const m of mutations) {
    if (m.detectedBy > 0 || !pinned.has(m.topic)) continue;
    const { topic } = pack.criteria.get(m.criterion)!;
    const index = topic.criteria.findIndex((c) => c.id === m.criterion);
    const first = m.path.split(' + ')[0]!;
    out.push(
      issue(
        topic.file,
        `criteria[${index}].${first}.value`,
        'undetected-threshold',
        `${m.criterion}: changing ${m.fact} ${m.operator} ${JSON.stringify(m.from)} to ${JSON.stringify(m.to)} changes no case; add a rule test at the edge of this threshold`,
      ),
    );
  }
  return locateIssues(out);
}

/**
 * Services in the cases that more than one topic decides. Some pairs are by design (a TENS unit is
 * judged by the electrical-stimulation and the TENS topics); any other pair means two topics claim
 * the same procedure or indication, and one of them is judging a neighbour's service.
 */
export function sharedServices(report: TestReport): string[] {
  const seen = new Map<string, string[]>();
  for (const item of report.cases.flatMap((c) => c.items)) {
    const topics = item.got?.topics ?? [];
    if (topics.length < 2) continue;
    const key = topics.join(' + ');
    seen.set(key, [...(seen.get(key) ?? []), `${item.caseId}::${item.service}`]);
  }
  return [...seen].map(([topics, items]) => `${topics}: ${items.length} service(s), e.g. ${items.slice(0, 3).join(', ')}`);
}
