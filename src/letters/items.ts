// Splits the items section of a letter into its disputed items. Each item is a heading that
// ends with its outcome ("MRI of the lumbar spine: Upheld"), then the claims administrator's
// guideline, the MAXIMUS (expert reviewer's) guideline, and the decision rationale. Headings
// may wrap over several lines, may hold colons of their own ("Pre-op labs: CBC: Overturned"),
// and may put the outcome on the next line.
import { oneLine } from './text.js';

export type Outcome = 'upheld' | 'overturned';

export interface LetterItem {
  /** 1-based position in the letter. */
  index: number;
  /** The part of the request IMR decided, as written: the heading, or X in "… the original request, X is: Upheld". */
  label: string;
  /** The whole heading as written (without the outcome), when it differs from the label. */
  heading: string;
  /** When the claims administrator certified part of the request: the original request, as written. */
  originalRequest?: string;
  outcome: Outcome;
  claimsAdministratorGuideline: string;
  /** The expert reviewer's citation line, after "MAXIMUS guideline:". */
  maximusGuideline: string;
  rationale: string;
}

const OUTCOME_AT_END = /^(.*?):?\s*\b(Upheld|Overturned)\.?\s*$/i;
const OUTCOME_ALONE = /^\s*(Upheld|Overturned)\.?\s*$/i;
const BODY_LABEL = /^\s*(Claims Administrator guideline|MAXIMUS guideline|Decision rationale)\s*:/i;
const SENTENCE_END = /[.!?]["')\]]*$/;
const MAX_HEADING_LINES = 8;

interface Marker {
  headingEnd: number;
  outcomeLine: number;
  headingTail: string;
  outcome: Outcome;
}

function outcomeOf(word: string): Outcome {
  return word.toLowerCase() === 'overturned' ? 'overturned' : 'upheld';
}

/** An outcome marker counts only when an item body (a guideline or rationale label) follows it closely. */
function bodyFollows(lines: readonly string[], from: number): boolean {
  let seen = 0;
  for (let i = from; i < lines.length && seen < 6; i++) {
    if (lines[i]!.trim() === '') continue;
    if (BODY_LABEL.test(lines[i]!)) return true;
    seen++;
  }
  return false;
}

function findMarkers(lines: readonly string[]): Marker[] {
  const markers: Marker[] = [];
  lines.forEach((line, i) => {
    if (BODY_LABEL.test(line)) return;
    const alone = OUTCOME_ALONE.exec(line);
    if (alone) {
      // "… is:" / "heading:" on the line before, the outcome alone on this one
      let prev = i - 1;
      while (prev >= 0 && lines[prev]!.trim() === '') prev--;
      if (prev < 0 || !/:\s*$/.test(lines[prev]!) || BODY_LABEL.test(lines[prev]!)) return;
      if (!bodyFollows(lines, i + 1)) return;
      markers.push({ headingEnd: prev, outcomeLine: i, headingTail: lines[prev]!.replace(/:\s*$/, ''), outcome: outcomeOf(alone[1]!) });
      return;
    }
    const m = OUTCOME_AT_END.exec(line);
    if (!m || !/:\s*(Upheld|Overturned)\.?\s*$/i.test(line)) return;
    if (!bodyFollows(lines, i + 1)) return;
    markers.push({ headingEnd: i, outcomeLine: i, headingTail: m[1]!, outcome: outcomeOf(m[2]!) });
  });
  return markers;
}

/**
 * The first line of a heading: walking back from its last line, the heading stops after a
 * blank line, a line that ends a sentence (the previous rationale), a body label, or the
 * previous item's outcome line.
 */
function headingStart(lines: readonly string[], marker: Marker, floor: number): number {
  let start = marker.headingEnd;
  for (let k = marker.headingEnd - 1; k >= floor && marker.headingEnd - k < MAX_HEADING_LINES; k--) {
    const line = lines[k]!;
    if (line.trim() === '' || SENTENCE_END.test(line.trim()) || BODY_LABEL.test(line)) break;
    start = k;
  }
  return start;
}

const REMAINING_PORTION = /\bThe remaining IMR eligible portion of the original request,?\s+(.+?)\s*,?\s*(?:\bis)?\s*$/i;
const ORIGINAL_IS_ELIGIBLE = /(?:^|[.;]\s+)The original request,\s+(.+?)\s*,?\s*(?:\bis)?\s*$/i;
const ORIGINAL_REQUEST = /^(.+?)\s+was the original request\b/i;

/** The decided part of a heading, and the original request when the heading says part was authorized. */
export function splitHeading(heading: string): { label: string; originalRequest?: string } {
  const text = oneLine(heading);
  const original = ORIGINAL_REQUEST.exec(text)?.[1];
  const decided = REMAINING_PORTION.exec(text)?.[1] ?? ORIGINAL_IS_ELIGIBLE.exec(text)?.[1];
  if (decided) return { label: decided, ...(original ? { originalRequest: original } : {}) };
  return { label: text };
}

/** The text of each body part (claims administrator guideline, MAXIMUS guideline, rationale). */
function splitBody(body: string): Pick<LetterItem, 'claimsAdministratorGuideline' | 'maximusGuideline' | 'rationale'> {
  const parts = { claimsAdministratorGuideline: '', maximusGuideline: '', rationale: '' };
  const re = /(Claims Administrator guideline|MAXIMUS guideline|Decision rationale)\s*:/gi;
  const found = [...body.matchAll(re)];
  found.forEach((m, i) => {
    const text = oneLine(body.slice(m.index + m[0].length, found[i + 1]?.index ?? body.length));
    const key = m[1]!.toLowerCase();
    const field = key.startsWith('claims') ? 'claimsAdministratorGuideline' : key.startsWith('maximus') ? 'maximusGuideline' : 'rationale';
    if (parts[field] === '') parts[field] = text;
  });
  return parts;
}

/** The disputed items of an items section (sections.ts `itemsSection`), in letter order. */
export function splitItems(section: string): LetterItem[] {
  const lines = section.split('\n');
  const markers = findMarkers(lines);
  const starts: number[] = [];
  markers.forEach((marker, i) => {
    const floor = i === 0 ? 0 : markers[i - 1]!.outcomeLine + 1;
    starts.push(headingStart(lines, marker, floor));
  });
  return markers.map((marker, i) => {
    const headingLines = [...lines.slice(starts[i], marker.headingEnd), marker.headingTail];
    const heading = oneLine(headingLines.join(' ')).replace(/:$/, '');
    const { label, originalRequest } = splitHeading(heading);
    const bodyEnd = i + 1 < markers.length ? starts[i + 1]! : lines.length;
    const body = lines.slice(marker.outcomeLine + 1, bodyEnd).join('\n');
    return {
      index: i + 1,
      label,
      heading,
      ...(originalRequest ? { originalRequest } : {}),
      outcome: marker.outcome,
      ...splitBody(body),
    };
  });
}
