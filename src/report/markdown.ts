// A Markdown determination a claims examiner can attach to a file: request summary, verdict
// table, criteria with citations, what to add. Same content as the text report.
import type { Request } from '../request/schema.js';
import type { RequestResult } from '../engine/result.js';
import type { Catalog } from '../guidelines/catalog.js';
import { formatCitation } from './citation.js';
import { STATUS_WORD, VERDICT, sourceLabel, viewService } from './view.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function requestSummary(request: Request | undefined): string[] {
  if (!request) return [];
  const out: string[] = [];
  const p = request.patient;
  if (p)
    out.push(
      `- **Patient:** ${[p.age !== undefined ? `${p.age} years` : '', p.sex ?? '', p.workStatus ? `work status ${p.workStatus}` : ''].filter(Boolean).join(', ')}`,
    );
  if (request.injury)
    out.push(
      `- **Injury:** ${[request.injury.date, request.injury.mechanism, request.injury.regions?.join(', ')].filter(Boolean).join('; ')}`,
    );
  if (request.diagnoses?.length)
    out.push(
      `- **Diagnoses:** ${request.diagnoses.map((d) => (typeof d === 'string' ? d : `${d.text}${d.icd10 ? ` (${d.icd10})` : ''}`)).join('; ')}`,
    );
  return out;
}

export function renderMarkdown(result: RequestResult, catalog: Catalog, request?: Request): string {
  const lines: string[] = [];
  lines.push(`# IMR pre-check: ${result.request}`, '');
  lines.push(`- **Decision date applied:** ${result.decisionDate}`);
  const from = sourceLabel(result);
  if (from) lines.push(`- **From:** \`${from}\``);
  lines.push(...requestSummary(request));
  lines.push(`- **Rule pack:** ${result.rulePack.version} (${result.rulePack.hash.slice(0, 19)}…)`);
  for (const n of result.notices) lines.push(`- _Note: ${n}_`);
  lines.push('', '| Service | Prediction | Guideline | Failing criteria |', '|---|---|---|---|');
  for (const s of result.services) {
    const failing = s.criteria.filter((c) => c.status === 'unmet' || c.status === 'not-documented').length;
    lines.push(`| ${cell(s.label)} | **${s.prediction}** | ${cell(formatCitation(s.guideline, catalog))} | ${failing} |`);
  }
  for (const s of result.services) {
    const v = viewService(s);
    lines.push(
      '',
      `## ${s.label}`,
      '',
      `**${VERDICT[s.prediction]}**${s.dependsOn ? ` — follows its primary service \`${s.dependsOn}\`` : ''}`,
      '',
    );
    if (s.guideline) lines.push(`Guideline: ${formatCitation(s.guideline, catalog)}`, '');
    lines.push(s.rationale, '');
    if (s.criteria.length > 0) {
      lines.push('| Criterion | Status | Evidence | Citation |', '|---|---|---|---|');
      for (const c of [...v.failing, ...v.presumed, ...v.met]) {
        lines.push(
          `| ${cell(c.text)} | ${STATUS_WORD[c.status]} | ${cell(c.evidence.slice(0, 3).join('; ') || '—')} | ${cell(formatCitation(c.citation, catalog))} |`,
        );
      }
      lines.push('');
    }
    if (v.advice.kind === 'document') {
      lines.push('**To overturn, document:**', '', ...v.advice.items.map((i) => `- ${i}`), '');
    } else if (v.advice.kind === 'not-recommended') {
      lines.push(`**No documentation can overturn this:** ${v.advice.reason}`, '');
    }
    for (const n of s.notices) lines.push(`_Note: ${n}_`, '');
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
