// Measures `precheck draft` on the shared real letters (src/draft/measure.ts explains the
// matching rule) and prints the figures as a Markdown table for docs/draft.md.
// Usage: npx tsx scripts/measure-draft.ts [shared-dir]
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/rules/pack.js';
import { measureDrafts, SECTIONS } from '../src/draft/measure.js';

const SHARED = resolve(process.argv[2] ?? join(PROJECT_ROOT, '..', 'shared'));
const m = measureDrafts(join(PROJECT_ROOT, 'test', 'cases', 'imr-ca-2016'), join(SHARED, 'letters', 'imr-ca-2016'));
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${m.letters} letters with \`npx tsx scripts/measure-draft.ts\`.`,
  '',
  '| section | drafted | hand-encoded | matched | precision | recall |',
  '|---|---|---|---|---|---|',
  ...SECTIONS.map((s) => { const x = m.sections[s]; return `| ${s} | ${x.drafted} | ${x.hand} | ${x.matched} | ${pct(x.precision)} | ${pct(x.recall)} |`; }),
  '',
  `End to end (${m.endToEnd.items} items): draft-then-check agrees with the letter on ${m.endToEnd.draftAgrees} (${pct(m.endToEnd.draftAgrees / m.endToEnd.items)}); the hand-encoded requests on ${m.endToEnd.handAgrees} (${pct(m.endToEnd.handAgrees / m.endToEnd.items)}). Drafts that failed validation: ${m.endToEnd.draftInvalid}.`,
  '',
  `For scale: the same services with no clinical facts agree on ${m.endToEnd.servicesOnlyAgrees} (${pct(m.endToEnd.servicesOnlyAgrees / m.endToEnd.items)}); always answering "upheld" agrees on ${m.endToEnd.alwaysUpheld} (${pct(m.endToEnd.alwaysUpheld / m.endToEnd.items)}).`,
];
process.stdout.write(`${lines.join('\n')}\n`);
