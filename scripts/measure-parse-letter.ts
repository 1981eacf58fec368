// Measures `precheck parse-letter` on every shared letter: parses ../shared/letters/seeds and
// ../shared/letters/imr-ca-2016, compares the 2016 letters with items.csv (items per letter,
// outcome and first cited source per item, label as written) and, where a hand-encoded case
// exists in test/cases/imr-ca-2016, the guessed service kinds. Prints the figures and writes
// docs/parse-letter.md.  Run: npx tsx scripts/measure-parse-letter.ts [shared-dir]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { loadCatalog, DEFAULT_GUIDELINES_DIR, PROJECT_ROOT } from '../src/rules/pack.js';
import { parseLetterText, type ParsedLetter } from '../src/letters/parse.js';
import { buildCaseSkeleton } from '../src/letters/skeleton.js';

const SHARED = resolve(process.argv[2] ?? join(PROJECT_ROOT, '..', 'shared'));
const LETTERS_2016 = join(SHARED, 'letters', 'imr-ca-2016');
const SEEDS = join(SHARED, 'letters', 'seeds');
const CASES = join(PROJECT_ROOT, 'test', 'cases', 'imr-ca-2016');
const OUT = join(PROJECT_ROOT, 'docs', 'parse-letter.md');

/** RFC 4180 CSV → rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * The source a csv citation names, by the table in test/cases/README.md, read independently of
 * the parser: the MTUS title, ODG, DHCS, or OTHER; null when the reviewer cited nothing.
 */
function csvSource(citations: string): string | null {
  const first = citations.split('; ')[0]!.trim();
  if (first === '') return null;
  if (/^MTUS Chronic Pain/i.test(first)) return 'MTUS-CPMTG';
  if (/^MTUS Postsurgical/i.test(first)) return 'MTUS-PSTG';
  if (/^MTUS Acupuncture/i.test(first)) return 'MTUS-AMTG';
  if (/^MTUS Opioid/i.test(first)) return 'MTUS-OTG';
  if (/^MTUS /i.test(first)) return 'MTUS-ACOEM';
  if (/Official Disability Guidelines|\bODG\b/.test(first)) return 'ODG';
  if (/DHCS|Health Care Services|Medi-Cal/i.test(first)) return 'DHCS';
  return 'OTHER';
}

const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);
const { catalog } = loadCatalog(DEFAULT_GUIDELINES_DIR, []);

interface Row {
  letter: string;
  item: string;
  label: string;
  outcome: string;
  source: string | null;
}
const rows: Row[] = parseCsv(readFileSync(join(LETTERS_2016, 'items.csv'), 'utf8'))
  .slice(1)
  .map((r) => ({ letter: r[0]!, item: r[1]!, label: r[2]!, outcome: r[3]!.toLowerCase(), source: csvSource(r[4]!) }));
const byLetter = new Map<string, Row[]>();
for (const r of rows) byLetter.set(r.letter, [...(byLetter.get(r.letter) ?? []), r]);

/** Hand-encoded kinds, by letter and label. */
const handKinds = new Map<string, string>();
if (existsSync(CASES)) {
  for (const f of readdirSync(CASES).filter((x) => x.endsWith('.case.yaml'))) {
    const c = parse(readFileSync(join(CASES, f), 'utf8')) as {
      request: { id: string; services: { id: string; kind: string; label?: string }[] };
      expected: { service: string; label?: string }[];
    };
    for (const e of c.expected) {
      const s = c.request.services.find((x) => x.id === e.service);
      if (s) handKinds.set(`${c.request.id}|${e.label ?? s.label}`, s.kind);
    }
  }
}

const t = {
  letters: 0,
  failed: [] as string[],
  items: 0,
  csvItems: 0,
  countAgree: 0,
  compared: 0,
  outcomeAgree: 0,
  sourceAgree: 0,
  labelAgree: 0,
  kindGuessed: 0,
  kindCompared: 0,
  kindAgree: 0,
  refs: 0,
  cited: 0,
  headerComplete: 0,
  summaries: 0,
  associated: 0,
  dependsOn: 0,
};
const mismatches: string[] = [];
for (const f of readdirSync(LETTERS_2016)
  .filter((x) => x.endsWith('.txt'))
  .sort()) {
  const id = f.replace(/\.txt$/, '');
  t.letters++;
  let letter: ParsedLetter;
  try {
    letter = parseLetterText(readFileSync(join(LETTERS_2016, f), 'utf8'), catalog);
  } catch (err) {
    t.failed.push(`${id}: ${(err as Error).message}`);
    continue;
  }
  const skeleton = buildCaseSkeleton(letter, { fallbackId: id });
  const expected = byLetter.get(id) ?? [];
  t.items += letter.items.length;
  t.csvItems += expected.length;
  if (letter.items.length === expected.length) t.countAgree++;
  else mismatches.push(`${id}: ${letter.items.length} items found, items.csv has ${expected.length}`);
  if (letter.header.caseNumber === id && letter.header.decisionDate && letter.header.dateOfInjury) t.headerComplete++;
  if (letter.summary !== '') t.summaries++;
  expected.forEach((row, i) => {
    const item = letter.items[i];
    if (!item) return;
    t.compared++;
    if (item.outcome === row.outcome) t.outcomeAgree++;
    else mismatches.push(`${id} #${row.item}: outcome ${item.outcome}, items.csv ${row.outcome}`);
    const source = item.citations[0]?.source ?? null;
    if (source === row.source) t.sourceAgree++;
    else mismatches.push(`${id} #${row.item}: source ${source}, items.csv ${row.source}`);
    if (item.label === row.label) t.labelAgree++;
    else mismatches.push(`${id} #${row.item}: label "${item.label}", items.csv "${row.label}"`);
  });
  letter.items.forEach((item, i) => {
    if (item.guess.kind !== 'other') t.kindGuessed++;
    if (item.citations[0]) {
      t.cited++;
      if (item.citations[0].ref) t.refs++;
    }
    if (skeleton.request.services[i]!.for !== undefined) t.associated++;
    if (skeleton.expected[i]!.dependsOn !== undefined) t.dependsOn++;
    const hand = handKinds.get(`${id}|${item.label}`);
    if (hand !== undefined) {
      t.kindCompared++;
      if (hand === item.guess.kind) t.kindAgree++;
      else mismatches.push(`${id}: kind of "${item.label}" guessed ${item.guess.kind}, hand-encoded ${hand}`);
    }
  });
}

// Seeds: no csv. What a reader finds in them (item count and outcomes, in letter order), to
// compare with; the parser's findings are listed in full as well.
const SEEDS_READ: Record<string, string[]> = {
  '000_f22448475d8fce90.txt': ['upheld', 'upheld', 'upheld', 'upheld', 'upheld', 'upheld'],
  '001_5b4dca91092a81f1.txt': ['upheld'],
  '002_7dc7a3174c2fbe3d.txt': ['upheld', 'upheld'],
  '003_b862b4705b552a9d.txt': ['upheld', 'upheld'],
  '004_07a1284434190ced.txt': ['upheld', 'upheld', 'upheld', 'upheld', 'upheld'],
};
const seedLines: string[] = [];
let seedItems = 0;
let seedAgree = 0;
for (const f of existsSync(SEEDS)
  ? readdirSync(SEEDS)
      .filter((x) => x.endsWith('.txt'))
      .sort()
  : []) {
  try {
    const letter = parseLetterText(readFileSync(join(SEEDS, f), 'utf8'), catalog);
    const skeleton = buildCaseSkeleton(letter, { fallbackId: f.replace(/\.txt$/, '') });
    seedItems += letter.items.length;
    if (JSON.stringify(letter.items.map((it) => it.outcome)) === JSON.stringify(SEEDS_READ[f])) seedAgree++;
    const items = letter.items.map((it, i) => {
      const c = it.citations[0];
      const cite = c ? `${c.source}${c.pages ? ` p. ${c.pages}` : ''}${c.ref ? ` → ${c.ref}` : ''}` : 'no citation';
      const svc = skeleton.request.services[i]!;
      const dep = skeleton.expected[i]!.dependsOn
        ? `, dependsOn ${skeleton.expected[i]!.dependsOn}`
        : typeof svc.for === 'string'
          ? `, for ${svc.for}`
          : '';
      return `${it.label} — ${it.outcome}; ${cite}; ${svc.kind}${dep}`;
    });
    seedLines.push(`| ${f} | ${letter.items.length} | ${items.join('<br>')} |`);
  } catch (err) {
    seedLines.push(`| ${f} | error | ${(err as Error).message} |`);
  }
}

const figures = [
  ['letters parsed', `${t.letters - t.failed.length} / ${t.letters}`],
  ['items found / in items.csv', `${t.items} / ${t.csvItems}`],
  ['item count agrees (letters)', `${t.countAgree} / ${t.letters} (${pct(t.countAgree, t.letters)})`],
  ['outcome agrees (items)', `${t.outcomeAgree} / ${t.compared} (${pct(t.outcomeAgree, t.compared)})`],
  ['first cited source agrees (items)', `${t.sourceAgree} / ${t.compared} (${pct(t.sourceAgree, t.compared)})`],
  ['label agrees exactly with item_text', `${t.labelAgree} / ${t.compared} (${pct(t.labelAgree, t.compared)})`],
  ['kind guessed (not `other`)', `${t.kindGuessed} / ${t.items} (${pct(t.kindGuessed, t.items)})`],
  ['kind agrees with the hand-encoded case', `${t.kindAgree} / ${t.kindCompared} (${pct(t.kindAgree, t.kindCompared)})`],
  ['first citation mapped to a catalog ref', `${t.refs} / ${t.cited} (${pct(t.refs, t.cited)})`],
  ['header complete (case number, decision date, date of injury)', `${t.headerComplete} / ${t.letters}`],
  ['clinical summary found', `${t.summaries} / ${t.letters}`],
  ['items given `for:` / `dependsOn`', `${t.associated} / ${t.dependsOn}`],
];

const md = `# \`precheck parse-letter\`: measured on the shared letters

\`precheck parse-letter <letter.txt|.pdf> [--format yaml|json] [--out file]\` turns an IMR Final
Determination letter into an \`imr-precheck/case@1\` skeleton: one service per disputed item (label as
written, guessed \`kind\` and details, \`for:\` when the item serves a primary procedure), the expected
outcome and first MAXIMUS citation of each item (source, section, topic, pages as printed; the catalog
reference and the other citations under \`extensions\`), decision date and date of injury from the header,
and the clinical case summary as \`request.documentation.notes\` for the author to encode.

Written by \`npx tsx scripts/measure-parse-letter.ts\` (do not edit by hand).

## Real letters, December 2016 – February 2017 (\`letters/imr-ca-2016\`, against \`items.csv\`)

| figure | value |
|---|---|
${figures.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}

- The cited source of \`items.csv\` is derived from its first \`guidelines_cited\` entry by the table in
  \`test/cases/README.md\`, independently of the parser (null when the reviewer cited nothing).
- Kinds are compared with the hand-encoded cases in \`test/cases/imr-ca-2016\` (where one exists for the
  letter). The kind rules were written while reading these same letters, so this is an in-sample figure;
  expect less on unseen letters.
${t.failed.length > 0 ? `\nLetters that failed to parse:\n\n${t.failed.map((x) => `- ${x}`).join('\n')}\n` : ''}
### Disagreements

${mismatches.length === 0 ? 'None.' : mismatches.map((m) => `- ${m}`).join('\n')}

## Known failure modes

- **Headings.** A heading starts after the previous rationale's last sentence: a wrapped heading whose
  first line ends in a period, or a rationale whose last line has no closing period, moves the boundary.
  An outcome counts only when an item body (a guideline or rationale label) follows within six lines.
- **PDF layout.** PDF text is rebuilt from item positions; letters laid out in columns or with headers and
  footers on every page were not available to test. A scanned (image-only) letter has no text and fails
  as "not an IMR Final Determination letter".
- **Citations.** Sources follow the README table literally: a Non-MTUS citation that does not name ODG
  (e.g. "Low Back (Hyperstimulation analgesia)") is \`OTHER\`. ODG chapter/topic splitting is heuristic
  for free-form citations ("MRI shoulder" becomes a topic without chapter). Catalog references are only as
  good as the catalog: most 2016 sections have no catalog entry yet.
- **Kinds.** Guesses from the label alone: "manual therapy", "TENS unit", "PT/OT" and "X evaluation"
  are ambiguous (see the disagreements above); compounded drugs with unknown names are caught only as
  "Name (unknown quantity)" or "Name #N". Quantities are those the request normalizer reads (a range
  "2-3 times a week" counts its lower bound).
- **Associated items.** \`for:\` comes from the label (parts of a procedure, "Associated surgical service",
  pre-op, post-op) or from rationale phrases; \`dependsOn\` only from rationale phrases that decide the item
  by its primary. When several procedures are disputed, the primary is the nearest preceding one of the
  hinted kind. A primary the letter does not dispute becomes a \`requested: false\` service to describe.

## Seed letters (\`letters/seeds\`, no csv: items as found)

${seedItems} items in ${seedLines.length} letters; item count and outcomes agree with a reading of the letters for
${seedAgree} of ${Object.keys(SEEDS_READ).length} (16 items, all upheld, by reading). Each item: label — outcome; first MAXIMUS citation (→ catalog
ref); guessed kind, and the primary it depends on.

| letter | items | found |
|---|---|---|
${seedLines.join('\n')}
`;

writeFileSync(OUT, md);
process.stdout.write(
  `${figures.map(([k, v]) => `${k}: ${v}`).join('\n')}\nseeds: ${seedItems} items in ${seedLines.length} letters, count and outcomes as read: ${seedAgree} / ${Object.keys(SEEDS_READ).length}\n${mismatches.length} disagreement(s); written to ${OUT}\n`,
);
