// Renames fact ids everywhere they are written, from the mapping in scripts/fact-renames.json
// (old id → new id), and writes the renamed-facts table in docs/facts-renamed.md.
//
//   npx tsx scripts/rename-facts.ts            rewrite the files, print what changed
//   npx tsx scripts/rename-facts.ts --check    change nothing; exit 1 if an old id is still written
//
// Re-runnable and idempotent: a new id is never an old one, so a second run finds nothing to do.
// Run it again after merging a branch written with the old ids. Whole ids only: `service.levels`
// never rewrites `service.levelsX`, `x.service.levels` or `service.levels.more`. Old ids that also
// name something else — a request-format path (`patient.age`, listed in the mapping) or a
// criterion (`antiemetic.indication`, found in rules/) — are rewritten only where they name a fact:
// `fact: x`, `{{x}}`, `id: 'x'`, `get('x')`, `"fact": "x"`, and a whole quoted string in a test.
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const MAPPING = 'scripts/fact-renames.json';
const TABLE = 'docs/facts-renamed.md';
/** Where fact ids are written. */
const ROOTS = ['rules', 'src', 'test', 'docs', 'README.md', 'vocab', 'web', 'bench'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);
/** Files that write old ids on purpose: the table, and the script's own test. */
const SKIP_FILES = new Set([TABLE, 'test/facts/rename-facts.test.ts']);
const EXTENSIONS = /\.(ts|js|mjs|json|ya?ml|md|html|css)$/;
const ID = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;

export interface Mapping {
  renames: Record<string, string>;
  requestPaths: string[];
  deleted: Record<string, string>;
  /** New ids that several old ids become on purpose (two facts for one idea made one), with why. */
  merged?: Record<string, string>;
}

export function loadMapping(): Mapping {
  const m = JSON.parse(readFileSync(join(ROOT, MAPPING), 'utf8')) as Mapping;
  const problems: string[] = [];
  const olds = new Set(Object.keys(m.renames));
  const seen = new Map<string, string>();
  for (const [from, to] of Object.entries(m.renames)) {
    if (!ID.test(from) || !ID.test(to)) problems.push(`${from} → ${to}: ids are dotted camelCase words`);
    if (olds.has(to)) problems.push(`${from} → ${to}: the new id is also an old id (a chain would make a second run rename again)`);
    if (seen.has(to) && m.merged?.[to] === undefined)
      problems.push(`${from} and ${seen.get(to)} both become ${to} (list it under merged if on purpose)`);
    seen.set(to, from);
  }
  for (const p of m.requestPaths) if (!olds.has(p)) problems.push(`requestPaths: ${p} is not renamed`);
  for (const d of Object.keys(m.deleted)) if (olds.has(d)) problems.push(`${d} is both renamed and deleted`);
  for (const to of Object.keys(m.merged ?? {})) if (![...seen.keys()].includes(to)) problems.push(`merged: no old id becomes ${to}`);
  if (problems.length) throw new Error(`${MAPPING}:\n  ${problems.join('\n  ')}`);
  return m;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole id: no id character (or dot) before it, none after it, and no `.word` continuing it. */
const whole = (alternatives: string): string => `(?<![A-Za-z0-9_$.\\-])(${alternatives})(?![A-Za-z0-9_$\\-]|\\.[A-Za-z0-9_])`;

/** Criterion ids of the rule files (`id:` keys in rules/, test files aside). */
function criterionIds(): Set<string> {
  const ids = new Set<string>();
  for (const file of files().filter((f) => f.startsWith('rules/') && /\.ya?ml$/.test(f) && !/\.test\.ya?ml$/.test(f))) {
    for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/^[ \t]*(?:- +)?id:[ \t]*['"]?([A-Za-z0-9_.-]+)/gm)) ids.add(m[1]!);
  }
  return ids;
}

export type Rewriters = { plain: RegExp | null; factOnly: RegExp | null; testQuoted: RegExp | null };

/** The patterns of a mapping; `criteria`: the criterion ids of the pack (an old id among them is rewritten only where it names a fact). */
export function rewriters(m: Mapping, criteria: ReadonlySet<string> = criterionIds()): Rewriters {
  const byLength = (ids: string[]): string =>
    ids
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|');
  const ambiguous = new Set([...m.requestPaths, ...Object.keys(m.renames).filter((id) => criteria.has(id))]);
  const plainIds = Object.keys(m.renames).filter((id) => !ambiguous.has(id));
  const amb = byLength([...ambiguous]);
  return {
    plain: plainIds.length ? new RegExp(whole(byLength(plainIds)), 'g') : null,
    // the fact contexts: fact: x / "fact": "x" / {{x}} / id: 'x' / get('x') / get<T>('x')
    factOnly: amb
      ? new RegExp(`((?:\\bfact"?:\\s*["']?)|(?:\\{\\{\\s*)|(?:\\bid:\\s*['"\`])|(?:\\bget(?:<[^>()]*>)?\\(\\s*['"\`]))${whole(amb)}`, 'g')
      : null,
    testQuoted: amb ? new RegExp(`(['"\`])(${amb})(?=\\1)`, 'g') : null,
  };
}

function files(): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    const abs = join(ROOT, p);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const e of readdirSync(abs)) if (!SKIP_DIRS.has(e)) walk(join(p, e));
    } else if (EXTENSIONS.test(p) && !SKIP_FILES.has(p)) out.push(p);
  };
  for (const r of ROOTS) walk(r);
  return out.sort();
}

/** The text with every old id rewritten; `file` (relative to the project) tells a test file from the rest. */
export function rewrite(text: string, file: string, m: Mapping, re: Rewriters): { text: string; count: number } {
  let count = 0;
  const to = (old: string): string => {
    count++;
    return m.renames[old]!;
  };
  let out = re.plain ? text.replace(re.plain, (id: string) => to(id)) : text;
  if (re.factOnly) out = out.replace(re.factOnly, (_all, before: string, id: string) => before + to(id));
  if (re.testQuoted && file.startsWith('test/') && !file.startsWith('test/cases/')) {
    out = out.replace(re.testQuoted, (_all, quote: string, id: string) => quote + to(id));
  }
  return { text: out, count };
}

function table(m: Mapping): string {
  const rows = Object.entries(m.renames)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([from, to]) => `| \`${from}\` | \`${to}\` |`);
  const deleted = Object.entries(m.deleted)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, why]) => `| \`${id}\` | ${why} |`);
  return [
    '<!-- generated by scripts/rename-facts.ts from scripts/fact-renames.json: do not edit by hand -->',
    '## Renamed',
    '',
    '| old id | new id |',
    '|---|---|',
    ...rows,
    '',
    '## Removed',
    '',
    'No rule, message, `when` or code read these facts.',
    '',
    '| id | why |',
    '|---|---|',
    ...deleted,
    '<!-- end of generated table -->',
  ].join('\n');
}

function writeTable(m: Mapping, check: boolean): boolean {
  const path = join(ROOT, TABLE);
  const current = readFileSync(path, 'utf8');
  const start = current.indexOf('<!-- generated by scripts/rename-facts.ts');
  const end = current.indexOf('<!-- end of generated table -->');
  if (start < 0 || end < 0) throw new Error(`${TABLE}: the generated-table markers are missing`);
  const next = current.slice(0, start) + table(m) + current.slice(end + '<!-- end of generated table -->'.length);
  if (next === current) return false;
  if (!check) writeFileSync(path, next);
  return true;
}

function main(): void {
  const check = process.argv.includes('--check');
  const m = loadMapping();
  const re = rewriters(m);
  let total = 0;
  for (const file of files()) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const r = rewrite(text, file, m, re);
    if (r.count === 0 || r.text === text) continue;
    total += r.count;
    console.log(`${check ? 'old ids in' : 'rewrote'} ${relative('.', join(ROOT, file))}: ${r.count}`);
    if (!check) writeFileSync(join(ROOT, file), r.text);
  }
  const tableChanged = writeTable(m, check);
  if (tableChanged) console.log(`${check ? 'out of date:' : 'wrote'} ${TABLE}`);
  console.log(`${total} old fact id${total === 1 ? '' : 's'} ${check ? 'still written' : 'rewritten'}`);
  if (check && (total > 0 || tableChanged)) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
