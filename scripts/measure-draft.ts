// Measures `precheck draft` on the shared real letters (src/draft/measure.ts explains the
// matching rule) and prints the figures as a Markdown table for docs/draft.md.
// Usage: npx tsx scripts/measure-draft.ts [shared-dir]
//        npx tsx scripts/measure-draft.ts --dump <section> [shared-dir]   (the unmatched items, letter by letter)
//        npx tsx scripts/measure-draft.ts --items hand|independent [shared-dir]   (the items whose outcome
//          the draft or the encoding gets wrong, with the criteria whose status differs)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/rules/pack.js';
import { itemDisagreements, measureDrafts, sectionErrors, SECTIONS, type Section } from '../src/draft/measure.js';

const args = process.argv.slice(2);
const dumpAt = args.indexOf('--dump');
const dump = dumpAt >= 0 ? args.splice(dumpAt, 2)[1] : undefined;
const itemsAt = args.indexOf('--items');
const items = itemsAt >= 0 ? args.splice(itemsAt, 2)[1] : undefined;
const SHARED = resolve(args[0] ?? join(PROJECT_ROOT, '..', 'shared'));
const CASES = join(PROJECT_ROOT, 'test', 'cases', 'imr-ca-2016');
if (dump !== undefined) {
  if (!(SECTIONS as readonly string[]).includes(dump)) {
    process.stderr.write(`--dump: unknown section "${dump}"; one of ${SECTIONS.join(', ')}\n`);
    process.exit(2);
  }
  for (const e of sectionErrors(CASES, join(SHARED, 'letters', 'imr-ca-2016'), dump as Section)) {
    process.stdout.write(
      `## ${e.letter}\n${e.missed.map((m) => `  - missed ${m}`).join('\n')}${e.missed.length > 0 && e.extra.length > 0 ? '\n' : ''}${e.extra.map((x) => `  + extra  ${x}`).join('\n')}\n`,
    );
  }
  process.exit(0);
}
if (items !== undefined) {
  if (items !== 'hand' && items !== 'independent') {
    process.stderr.write(`--items: "${items}" is not one of hand, independent\n`);
    process.exit(2);
  }
  const dir = items === 'hand' ? CASES : join(SHARED, 'letters', 'imr-ca-2016', 'independent');
  for (const d of itemDisagreements(dir, join(SHARED, 'letters', 'imr-ca-2016'))) {
    process.stdout.write(
      `## ${d.letter} ${d.service}: letter ${d.expected}, encoded ${d.hand}, draft ${d.draft}\n  ${d.label}\n${d.criteria.map((c) => `  - ${c}`).join('\n')}\n`,
    );
  }
  process.exit(0);
}
const m = measureDrafts(CASES, join(SHARED, 'letters', 'imr-ca-2016'));
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${m.letters} letters with \`npx tsx scripts/measure-draft.ts\`.`,
  '',
  '| section | drafted | hand-encoded | matched | precision | recall |',
  '|---|---|---|---|---|---|',
  ...SECTIONS.map((s) => {
    const x = m.sections[s];
    return `| ${s} | ${x.drafted} | ${x.hand} | ${x.matched} | ${pct(x.precision)} | ${pct(x.recall)} |`;
  }),
  '',
  `End to end (${m.endToEnd.items} items): draft-then-check agrees with the letter on ${m.endToEnd.draftAgrees} (${pct(m.endToEnd.draftAgrees / m.endToEnd.items)}); the hand-encoded requests on ${m.endToEnd.handAgrees} (${pct(m.endToEnd.handAgrees / m.endToEnd.items)}). Drafts that failed validation: ${m.endToEnd.draftInvalid}.`,
  '',
  `For scale: the same services with no clinical facts agree on ${m.endToEnd.servicesOnlyAgrees} (${pct(m.endToEnd.servicesOnlyAgrees / m.endToEnd.items)}); always answering "upheld" agrees on ${m.endToEnd.alwaysUpheld} (${pct(m.endToEnd.alwaysUpheld / m.endToEnd.items)}).`,
];
// the same drafts against the encodings made by people who never read the rules (a second
// opinion on what the summaries say, encoded to the shared format)
const INDEPENDENT = join(SHARED, 'letters', 'imr-ca-2016', 'independent');
if (existsSync(INDEPENDENT)) {
  const i = measureDrafts(INDEPENDENT, join(SHARED, 'letters', 'imr-ca-2016'));
  lines.push(
    '',
    `Against the independent encodings (${i.letters} letters):`,
    '',
    '| section | drafted | encoded | matched | precision | recall |',
    '|---|---|---|---|---|---|',
    ...SECTIONS.map((s) => {
      const x = i.sections[s];
      return `| ${s} | ${x.drafted} | ${x.hand} | ${x.matched} | ${pct(x.precision)} | ${pct(x.recall)} |`;
    }),
    '',
    `End to end (${i.endToEnd.items} items): draft-then-check ${i.endToEnd.draftAgrees} (${pct(i.endToEnd.draftAgrees / i.endToEnd.items)}); the independent encodings ${i.endToEnd.handAgrees} (${pct(i.endToEnd.handAgrees / i.endToEnd.items)}); services only ${i.endToEnd.servicesOnlyAgrees} (${pct(i.endToEnd.servicesOnlyAgrees / i.endToEnd.items)}).`,
  );
}
process.stdout.write(`${lines.join('\n')}\n`);
