// Plain-text report a physician can read in twenty seconds: per service the verdict, the
// failing criteria first with their evidence, the citation, and what to add.
import type { RequestResult } from '../engine/result.js';
import type { Catalog } from '../guidelines/catalog.js';
import { formatCitation } from './citation.js';
import { STATUS_WORD, VERDICT, sourceLabel, summaryCounts, viewService } from './view.js';

export interface TextOptions {
  color?: boolean;
}

const ANSI = { red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', bold: '\x1b[1m', dim: '\x1b[2m', reset: '\x1b[0m' };

export function renderText(result: RequestResult, catalog: Catalog, options: TextOptions = {}): string {
  const paint = (code: keyof typeof ANSI, s: string): string => (options.color ? `${ANSI[code]}${s}${ANSI.reset}` : s);
  const counts = summaryCounts(result);
  const lines: string[] = [];
  lines.push(
    paint('bold', `${result.request}`) +
      `  decision date ${result.decisionDate}  ·  ${result.services.length} service(s): ${counts.upheld} upheld, ${counts.overturned} overturned, ${counts['not-covered']} not covered`,
  );
  const from = sourceLabel(result);
  if (from) lines.push(`  from ${from}`);
  for (const n of result.notices) lines.push(paint('dim', `  note: ${n}`));
  for (const s of result.services) {
    const v = viewService(s);
    const mark = s.prediction === 'upheld' ? paint('red', '✗') : s.prediction === 'overturned' ? paint('green', '✓') : paint('yellow', '?');
    lines.push('');
    lines.push(`${mark} ${paint('bold', VERDICT[s.prediction])}`);
    lines.push(`  ${s.label}  [${s.id}, ${s.kind}]`);
    if (s.dependsOn) lines.push(`  Follows its primary: ${s.dependsOn}`);
    if (s.guideline) lines.push(`  Guideline: ${formatCitation(s.guideline, catalog)}`);
    if (v.failing.length > 0) {
      lines.push('  Failing:');
      for (const c of v.failing) {
        lines.push(`    ${paint('red', '✗')} ${STATUS_WORD[c.status]}: ${c.text}`);
        if (c.evidence.length > 0) lines.push(paint('dim', `        ${c.evidence.slice(0, 3).join('; ')}`));
        if (c.citation.ref !== s.guideline?.ref) lines.push(paint('dim', `        per ${formatCitation(c.citation, catalog)}`));
      }
    }
    if (s.prediction === 'overturned' && v.met.length > 0) {
      lines.push('  Documented:');
      for (const c of v.met) lines.push(`    ${paint('green', '✓')} ${c.text}`);
    } else if (v.met.length > 0) lines.push(`  Met: ${v.met.length} of ${s.criteria.length} criteria`);
    for (const c of v.presumed) lines.push(paint('dim', `  Not stated, presumed: ${c.text}`));
    if (v.advice.kind === 'document') {
      lines.push('  To overturn, document:');
      for (const item of v.advice.items) lines.push(`    • ${item}`);
    } else if (v.advice.kind === 'not-recommended') {
      lines.push(`  No documentation can overturn this: ${v.advice.reason}`);
    }
    if (s.prediction === 'not-covered') lines.push(`  ${s.rationale}`);
    for (const n of s.notices) lines.push(paint('dim', `  note: ${n}`));
  }
  return `${lines.join('\n')}\n`;
}
