// CSV for claims staff: one row per service (request, file, service, prediction, guideline,
// failing criteria), and one row per request that could not be read. RFC 4180 quoting; a cell
// that a spreadsheet would run as a formula is prefixed with an apostrophe.
import type { RequestResult } from '../engine/result.js';
import type { InputIssue } from '../request/issues.js';
import { STATUS_WORD } from './view.js';

export const CSV_HEADER = [
  'request',
  'file',
  'line',
  'service',
  'kind',
  'label',
  'prediction',
  'guideline',
  'failing_criteria',
  'error',
] as const;

export interface SourceRef {
  file: string;
  line?: number;
}

function cell(value: string | number | undefined | null): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const row = (values: (string | number | undefined | null)[]): string => `${values.map(cell).join(',')}\r\n`;

export function csvHeader(): string {
  return row([...CSV_HEADER]);
}

export function csvRows(result: RequestResult, source: SourceRef): string {
  return result.services
    .map((s) => {
      const guideline = s.guideline
        ? `${s.guideline.source}: ${[s.guideline.section, s.guideline.topic].filter(Boolean).join(' — ')}${s.guideline.pages ? `, p. ${s.guideline.pages}` : ''}`
        : '';
      const failing = s.criteria
        .filter((c) => c.status !== 'met' && !c.presumed)
        .map((c) => `${c.id} (${STATUS_WORD[c.status]})`)
        .join('; ');
      return row([result.request, source.file, source.line, s.id, s.kind, s.label, s.prediction, guideline, failing, '']);
    })
    .join('');
}

export function csvErrorRow(requestId: string | null, source: SourceRef, issues: readonly InputIssue[]): string {
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return row([requestId ?? '', source.file, source.line, '', '', '', 'invalid', '', '', message]);
}
