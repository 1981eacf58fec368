// Numbers and durations written in words ("six weeks", "x 2 years", "for 3 months"; "since
// 2015" is a start, read by startSinceInText): the one parser for durations and number words in
// the record's text, so that every reader counts a month in weeks the same way.

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  eighteen: 18,
  twenty: 20,
  'twenty-four': 24,
  'twenty four': 24,
  thirty: 30,
  several: 3,
  few: 3,
  couple: 2,
  once: 1,
  twice: 2,
  thrice: 3,
};

/** A number written in digits ("12", "1.5") or as a word ("twelve"); undefined otherwise. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  return NUMBER_WORDS[t];
}

/** Weeks in a month, as the rest of the engine counts them. */
export const WEEKS_PER_MONTH = 4.35;
const MONTHS_PER: Readonly<Record<string, number>> = { day: 1 / 30.44, week: 1 / WEEKS_PER_MONTH, month: 1, year: 12 };

/**
 * The longest duration a text states, in months (and in weeks, unrounded by months): "for 2 years", "x6 weeks", "three months ago",
 * "over a year", "1.5 yrs". Undefined when the text states none. `notAgo` skips "three months ago"
 * (when, not how long: for the duration of a course of care).
 */
export function durationInText(
  text: string | undefined,
  options: { notAgo?: boolean } = {},
): { months: number; weeks: number; phrase: string } | undefined {
  if (!text) return undefined;
  // a number or word only where one starts (the lookbehind keeps a long run of digits or letters
  // from being retried at every position: linear time)
  const re = /((?<![\d.])\d+(?:\.\d+)?|(?<![a-z])[a-z]+)[\s-]*(day|week|wk|month|mo|year|yr)s?\b/gi;
  let best: { months: number; weeks: number; phrase: string } | undefined;
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(re)) {
    const n = parseNumber(m[1]!);
    if (n === undefined) continue;
    // "twice a week", "2 times a week", "every 2 weeks" say how often, not for how long
    const before = lower.slice(Math.max(0, m.index - 8), m.index);
    if (/\b(?:every|each)\s*$/.test(before) || (/^an?$/.test(m[1]!) && /(?:times|x|once|twice|thrice)\s*$/.test(before))) continue;
    // "PT three months ago" says when, not for how long
    if (options.notAgo && /^\s*ago\b/.test(lower.slice(m.index + m[0].length))) continue;
    const unit = m[2]!.startsWith('d')
      ? 'day'
      : m[2]!.startsWith('w')
        ? 'week'
        : m[2]!.startsWith('mo')
          ? 'month'
          : m[2]!.startsWith('y')
            ? 'year'
            : 'month';
    const exact = n * MONTHS_PER[unit]!;
    if (!best || exact * WEEKS_PER_MONTH > best.weeks)
      best = { months: Math.round(exact * 10) / 10, weeks: Math.round(exact * WEEKS_PER_MONTH * 10) / 10, phrase: m[0] };
  }
  return best;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number): string => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number): string => `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/**
 * The latest start a "since …" phrase allows, as YYYY-MM-DD, read as of `asOf` (YYYY-MM-DD):
 * "since 11-8-16", "since at least 2016" (its last day), "since October" (the end of the last
 * October up to asOf), "since Oct 2016". The latest start, so a duration measured from it is
 * never longer than the words say. Undefined when the text has none or it falls after asOf.
 */
export function startSinceInText(text: string | undefined, asOf: string): { start: string; phrase: string } | undefined {
  if (!text) return undefined;
  const m =
    /\bsince\s+(?:at\s+least\s+|about\s+|approximately\s+|around\s+)?(?:(\d{1,2})[-/](\d{1,2})[-/](\d{4}|\d{2})\b|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:,?\s+(\d{4}))?\b|(\d{4})\b)/i.exec(
      text,
    );
  if (!m) return undefined;
  const [asYear, asMonth] = asOf.split('-').map(Number) as [number, number];
  let start: string;
  if (m[1]) {
    const yy = Number(m[3]);
    const year = m[3]!.length === 4 ? yy : 2000 + yy > asYear ? 1900 + yy : 2000 + yy;
    const month = Number(m[1]);
    const day = Number(m[2]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    start = `${year}-${pad(month)}-${pad(day)}`;
  } else if (m[4]) {
    const month = MONTH_NAMES.indexOf(m[4].toLowerCase()) + 1;
    // "since may" without a year is too often the verb
    if (m[4].toLowerCase() === 'may' && !m[5]) return undefined;
    const year = m[5] ? Number(m[5]) : month <= asMonth ? asYear : asYear - 1;
    start = lastDayOf(year, month);
  } else {
    start = `${m[6]}-12-31`;
  }
  return start <= asOf ? { start, phrase: m[0] } : undefined;
}
