// Normalizes the text of an IMR letter as a PDF-to-text tool gives it: line endings, form
// feeds, non-breaking spaces, typographic quotes and ligatures, trailing spaces, and the
// double-spaced layout of older extractions (every line followed by an empty one).

/** Marks the section that lists the disputed items; every Final Determination letter has it. */
export const ITEMS_HEADING = /^[ \t]*IMR ISSUES,? DECISIONS,? AND RATIONALES[ \t]*$/im;

const CHARACTER_FIXES: ReadonlyArray<[RegExp, string]> = [
  [/\r\n?/g, '\n'],
  [/\f/g, '\n'],
  [/[\u00a0\u2007\u202f]/g, ' '],
  [/\u00ad/g, ''],
  [/[\u2018\u2019\u201b\u2032]/g, "'"],
  [/[\u201c\u201d\u201f\u2033]/g, '"'],
  [/\ufb00/g, 'ff'],
  [/\ufb01/g, 'fi'],
  [/\ufb02/g, 'fl'],
  [/\ufb03/g, 'ffi'],
  [/\ufb04/g, 'ffl'],
  [/\t/g, ' '],
];

/**
 * True when at least 80 % of the text lines are followed by an empty line: the layout some
 * extractions give, where real paragraph breaks are the lines holding only spaces.
 */
export function isDoubleSpaced(lines: readonly string[]): boolean {
  let textLines = 0;
  let followedByEmpty = 0;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    textLines++;
    if (lines[i + 1] === '') followedByEmpty++;
  });
  return textLines >= 10 && followedByEmpty >= 0.8 * textLines;
}

/** Drops the one empty line that follows each line of a double-spaced text. */
function undouble(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]!);
    if (lines[i + 1] === '') i++;
  }
  return out;
}

export function normalizeText(raw: string): string {
  let text = raw.replace(/^\ufeff/, '');
  for (const [re, to] of CHARACTER_FIXES) text = text.replace(re, to);
  let lines = text.split('\n');
  if (isDoubleSpaced(lines)) lines = undouble(lines);
  const out: string[] = [];
  for (const line of lines.map((l) => l.replace(/\s+$/, ''))) {
    if (line === '' && (out.length === 0 || out.at(-1) === '')) continue;
    out.push(line);
  }
  while (out.at(-1) === '') out.pop();
  return `${out.join('\n')}\n`;
}

/** Joins wrapped lines into one line with single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Joins wrapped lines into paragraphs (separated by blank lines in the text). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map(oneLine)
    .filter((p) => p !== '');
}
