// The text being drafted: its sentences (with offsets), sections (a heading line such as
// "OBJECTIVE:" or "PLAN:"), and the evidence a drafted field carries: line, column and the
// quoted words, which are always an exact slice of the text.

/** Drafting reads at most this many characters (a long record is cut, and the draft says so). */
export const MAX_DRAFT_CHARS = 200_000;

/** Longest sentence read as one; longer runs are cut at a comma or space. */
export const MAX_SENTENCE_CHARS = 1500;

export interface Evidence {
  line: number;
  column: number;
  quote: string;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** The heading of the section the sentence is in, lower case ('' before any heading). */
  section: string;
}

export class SourceText {
  readonly text: string;
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    this.text = text;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** 1-based line and column of an offset. */
  locate(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  /** The evidence for the characters [start, end). */
  evidence(start: number, end: number): Evidence {
    return { ...this.locate(start), quote: this.text.slice(start, end) };
  }

  /** The offset of a 1-based line and column. */
  offsetOf(line: number, column: number): number {
    return (this.lineStarts[line - 1] ?? this.text.length) + column - 1;
  }
}

/** "SUBJECTIVE:", "Physical Examination:", "PLAN" alone on a line, … */
const HEADING = /^[ \t]*([A-Za-z][A-Za-z /&()-]{1,40}?)[ \t]*:[ \t]*(?=\S|$)/;
const KNOWN_HEADINGS =
  /^(subjective|objective|chief complaint|history of present illness|hpi|history|past medical history|physical exam(ination)?|exam(ination)?|assessment|diagnos[ie]s|impression|plan|treatment plan|request(s|ed)?|medications?|current medications|imaging|diagnostic studies|studies|work status|allergies|review of systems|ros|vital signs|vitals|treatment to date|prior treatment|procedures?|surgical history|past surgical history|social history|discussion|requested treatment|disputed items?|findings)$/i;

// a sentence ends at . ! ? followed by white space and a capital or digit, or at a blank line;
// abbreviations and decimals do not end one
const ABBREVIATION = /(?:\b(?:Dr|Mr|Mrs|Ms|vs|e\.g|i\.e|approx|etc|No|St|Jr|Sr|q|b\.i\.d|t\.i\.d|p\.r\.n|p\.o)|\b[A-Z])\.$/;

/** Whether the text before `at` (from the sentence start) ends inside a sentence: its last visible character ends none. */
function continuesSentence(text: string, sentenceStart: number, at: number): boolean {
  let j = at - 1;
  while (j >= sentenceStart && /\s/.test(text[j]!)) j--;
  return j >= sentenceStart && !/[.!?:;]/.test(text[j]!);
}

/** Splits text into sentences, keeping offsets; headings start a section. */
export function sentences(source: SourceText): Sentence[] {
  const text = source.text;
  const out: Sentence[] = [];
  let section = '';
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    // a run-on "sentence" (a table, a list without periods) is cut into bounded pieces, so
    // that the work per mention stays bounded and drafting stays linear in the text
    while (e - s > MAX_SENTENCE_CHARS) {
      const window = text.slice(s, s + MAX_SENTENCE_CHARS);
      const cut = Math.max(window.lastIndexOf(', '), window.lastIndexOf(' '));
      const piece = cut > MAX_SENTENCE_CHARS / 2 ? s + cut + 1 : s + MAX_SENTENCE_CHARS;
      out.push({ start: s, end: piece, text: text.slice(s, piece), section });
      s = piece;
      while (s < e && /\s/.test(text[s]!)) s++;
    }
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e), section });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const atLineStart = i === 0 || text[i - 1] === '\n';
    if (atLineStart) {
      const lineEnd = text.indexOf('\n', i);
      const line = text.slice(i, lineEnd < 0 ? text.length : lineEnd);
      const h = HEADING.exec(line);
      const bare = line.trim().replace(/:$/, '');
      // "… the following test was\nrequested: a MRI …": a lower-case word going on an unfinished sentence is no heading
      const isHeading =
        !(h && /^[a-z]/.test(h[1]!) && continuesSentence(text, start, i)) &&
        ((h && KNOWN_HEADINGS.test(h[1]!.trim())) || (KNOWN_HEADINGS.test(bare) && line.trim().length < 45));
      if (isHeading) {
        push(i);
        section = (h ? h[1]! : bare).trim().toLowerCase();
        if (h) {
          start = i + h[0].length;
          i = start - 1;
          continue;
        }
        start = lineEnd < 0 ? text.length : lineEnd;
        i = start - 1;
        continue;
      }
      if (line.trim() === '') {
        push(i);
        continue;
      }
      // a line in capitals ("CLINICAL CASE SUMMARY") is a heading of its own
      if (/^[ \t]*[A-Z][A-Z ,'&/()-]{6,}[ \t]*$/.test(line)) {
        push(i);
        start = lineEnd < 0 ? text.length : lineEnd;
        push(start);
        i = start - 1;
        continue;
      }
      // a list item line ("- ", "1. ", "• ") starts a sentence
      if (/^[ \t]*(?:[-•*]|\d{1,2}[.)])[ \t]+/.test(line)) push(i);
    }
    if (ch === ':' && text[i + 1] === '\n') {
      push(i + 1);
      continue;
    }
    if (ch === '.' || ch === '!' || ch === '?' || ch === ';') {
      const next = text[i + 1];
      // "…of the right hand.The diagnostic studies…": a lost space between two sentences
      if (
        ch === '.' &&
        next !== undefined &&
        /[a-z]{3}$/.test(text.slice(Math.max(0, i - 3), i)) &&
        /^[A-Z][a-z]{2}/.test(text.slice(i + 1, i + 4))
      ) {
        push(i + 1);
        continue;
      }
      // 'the work status as "unable to work." Treatment has …': the closing quote ends the sentence with it
      if (ch !== ';' && (next === '"' || next === '”') && /^\s+[A-Z]/.test(text.slice(i + 2, i + 5))) {
        push(i + 2);
        i++;
        continue;
      }
      if (next !== undefined && !/\s/.test(next)) continue;
      if (ch === '.' && ABBREVIATION.test(text.slice(Math.max(0, i - 8), i + 1))) continue;
      const after = text.slice(i + 1, i + 4).trimStart();
      if (after !== '' && !/^[A-Z0-9("'-]/.test(after) && ch !== ';') continue;
      push(i + 1);
    }
  }
  push(text.length);
  return out;
}

/** A clause: the part of a sentence between commas, semicolons, colons and "but". */
export interface Clause {
  start: number;
  end: number;
  text: string;
}

const CLAUSE_BREAK = /[,;:]|\b(?:but|however|although|and)\b/gi;

/** Splits a sentence into clauses (offsets are absolute). */
export function clauses(sentence: Sentence): Clause[] {
  const out: Clause[] = [];
  let last = 0;
  const push = (to: number): void => {
    const piece = sentence.text.slice(last, to);
    if (piece.trim() !== '') out.push({ start: sentence.start + last, end: sentence.start + to, text: piece });
  };
  CLAUSE_BREAK.lastIndex = 0;
  for (const m of sentence.text.matchAll(CLAUSE_BREAK)) {
    // a comma inside a number (1,200) or a level list does not break a clause
    if (m[0] === ',' && /\d/.test(sentence.text[m.index + 1] ?? '')) continue;
    push(m.index);
    last = m.index;
  }
  push(sentence.text.length);
  return out;
}
