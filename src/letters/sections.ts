// The parts of a Final Determination letter: the header block (case number and dates), the
// clinical case summary, and the section of disputed items. Works on normalized text
// (text.ts), in both layouts seen so far: the 2016-2017 letters, whose header is a block of
// labels followed by a block of values, and the older letters, which have no header.
import { isValidDate } from '../request/schema.js';
import { ITEMS_HEADING, paragraphs } from './text.js';

export interface LetterHeader {
  caseNumber?: string;
  dateAssigned?: string;
  decisionDate?: string;
  priority?: string;
  dateOfInjury?: string;
  urDenialDate?: string;
  applicationReceived?: string;
}

const HEADER_LABELS: ReadonlyArray<[keyof LetterHeader, string]> = [
  ['caseNumber', 'Case Number'],
  ['dateAssigned', 'Date Assigned'],
  ['decisionDate', 'Decision Date'],
  ['priority', 'Priority'],
  ['dateOfInjury', 'Date of Injury'],
  ['urDenialDate', 'UR Denial Date'],
  ['applicationReceived', 'Application\\s+Received'],
];
const DATE_FIELDS: ReadonlySet<keyof LetterHeader> = new Set([
  'dateAssigned',
  'decisionDate',
  'dateOfInjury',
  'urDenialDate',
  'applicationReceived',
]);
const LABEL_RE = new RegExp(`(${HEADER_LABELS.map(([, l]) => l).join('|')})\\s*:`, 'gi');
const CASE_NUMBER = /\bCM\d{2}-\d{4,8}\b/;
const START_OF_BODY = /HOW THE IMR FINAL DETERMINATION WAS MADE|CLINICAL CASE SUMMARY/i;

/** Whether the text is an IMR Final Determination letter: it has the items section and at least one rationale. */
export function isImrLetter(text: string): boolean {
  return ITEMS_HEADING.test(text) && /Decision rationale\s*:/i.test(text);
}

/** MM/DD/YYYY (or M/D/YY, or MM-DD-YYYY) → YYYY-MM-DD; undefined when it is not a valid date. */
export function isoDate(text: string | undefined): string | undefined {
  const m = /\b(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})\b/.exec(text ?? '');
  if (!m) return undefined;
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  const iso = `${year}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  return isValidDate(iso) ? iso : undefined;
}

/**
 * Reads the header fields. A label's value is the text after it on the same line (a table read
 * row by row), or, when several labels come in a row with nothing after them, the values that
 * follow the block, in the same order (a table read column by column).
 */
export function parseHeader(text: string): LetterHeader {
  const end = text.search(START_OF_BODY);
  const head = end >= 0 ? text.slice(0, end) : text.slice(0, 2000);
  const header: LetterHeader = {};
  const pending: (keyof LetterHeader)[] = [];
  const assign = (between: string): void => {
    const trimmed = between.trim();
    if (trimmed === '' || pending.length === 0) return;
    let values = trimmed.split(/\s*\n\s*/).filter((v) => v !== '');
    if (values.length < pending.length) values = trimmed.split(/\s+/);
    if (pending.length === 1) values = [values.join(' ')];
    for (const value of values) {
      const field = pending.shift();
      if (field === undefined) break;
      header[field] = value;
    }
  };
  let last = 0;
  for (const m of head.matchAll(LABEL_RE)) {
    assign(head.slice(last, m.index));
    const label = m[1]!.replace(/\s+/g, ' ').toLowerCase();
    const field = HEADER_LABELS.find(([, l]) => l.replace('\\s+', ' ').toLowerCase() === label)?.[0];
    if (field) pending.push(field);
    last = m.index + m[0].length;
  }
  assign(head.slice(last));

  const out: LetterHeader = {};
  const caseNumber = CASE_NUMBER.exec(header.caseNumber ?? '')?.[0] ?? CASE_NUMBER.exec(head)?.[0];
  if (caseNumber) out.caseNumber = caseNumber;
  for (const [field] of HEADER_LABELS) {
    if (field === 'caseNumber') continue;
    const value = header[field];
    if (value === undefined) continue;
    if (DATE_FIELDS.has(field)) {
      const iso = isoDate(value);
      if (iso) out[field] = iso;
    } else out[field] = value.trim();
  }
  return out;
}

const SUMMARY_HEADING = /^[ \t]*CLINICAL CASE SUMMARY[ \t]*$/im;
const SUMMARY_LEAD =
  /^\s*The expert reviewer developed the following clinical case summary based on a\s+review of the\s+case file,?\s+including all medical records:?\s*/i;

/** The clinical case summary, as paragraphs of joined lines; '' when the letter has none. */
export function clinicalSummary(text: string): string {
  const start = SUMMARY_HEADING.exec(text);
  if (!start) return '';
  const rest = text.slice(start.index + start[0].length);
  const end = rest.search(ITEMS_HEADING);
  const body = (end >= 0 ? rest.slice(0, end) : rest).replace(SUMMARY_LEAD, '');
  return paragraphs(body).join('\n\n');
}

const ITEMS_LEAD = /^\s*The Final Determination was based on decisions for the disputed items\/services set forth below:?[ \t]*\n?/i;

/** The text of the items section: everything after its heading and lead-in sentence. */
export function itemsSection(text: string): string {
  const start = ITEMS_HEADING.exec(text);
  if (!start) return '';
  return text
    .slice(start.index + start[0].length)
    .replace(/^\n/, '')
    .replace(ITEMS_LEAD, '');
}
