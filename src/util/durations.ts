// Numbers and durations written in words ("six weeks", "x 2 years", "for 3 months", "since
// 2015" is not one): the one parser for durations and number words in the record's text
// (request/visits.ts, facts/dme.ts and facts/care-setting.ts read their numbers here).

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

const MONTHS_PER: Readonly<Record<string, number>> = { day: 1 / 30.44, week: 1 / 4.35, month: 1, year: 12 };

/**
 * The longest duration a text states, in months: "for 2 years", "x6 weeks", "three months ago",
 * "over a year", "1.5 yrs". Undefined when the text states none.
 */
export function durationInText(text: string | undefined): { months: number; phrase: string } | undefined {
  if (!text) return undefined;
  // a number or word only where one starts (the lookbehind keeps a long run of digits or letters
  // from being retried at every position: linear time)
  const re = /((?<![\d.])\d+(?:\.\d+)?|(?<![a-z])[a-z]+)[\s-]*(day|week|wk|month|mo|year|yr)s?\b/gi;
  let best: { months: number; phrase: string } | undefined;
  for (const m of text.toLowerCase().matchAll(re)) {
    const n = parseNumber(m[1]!);
    if (n === undefined) continue;
    const unit = m[2]!.startsWith('d')
      ? 'day'
      : m[2]!.startsWith('w')
        ? 'week'
        : m[2]!.startsWith('mo')
          ? 'month'
          : m[2]!.startsWith('y')
            ? 'year'
            : 'month';
    const months = Math.round(n * MONTHS_PER[unit]! * 10) / 10;
    if (!best || months > best.months) best = { months, phrase: m[0] };
  }
  return best;
}
