// Visit counts from the way requests and letters write a course of therapy:
// "2x6", "2 times a week for 6 weeks", "three times weekly x 4 weeks", "12 sessions", "#8",
// "times 6", "(8)". Pure text → numbers; no guessing beyond what the words say.

import { NUMBER_WORDS } from '../util/durations.js';

export interface VisitCourse {
  visits?: number;
  visitsPerWeek?: number;
  weeks?: number;
}

/** Replaces number words with digits ("twice" → "2 times"). */
function digitize(text: string): string {
  let out = text.toLowerCase().replace(/\u00d7/g, 'x');
  out = out.replace(/\b(once|twice|thrice)\b/g, (w) => `${NUMBER_WORDS[w]} times`);
  out = out.replace(
    /\b(twenty[- ]four|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty)\b/g,
    (w) => String(NUMBER_WORDS[w]),
  );
  return out;
}

// Every number is matched from the start of its digit run, `(?<!\d)(\d+)`: an unanchored `(\d+)`
// is retried at each digit of a long run, quadratic time on a label of digits (the same matches).
const PER_WEEK = String.raw`(?<!\d)(\d+)(?:\s*-\s*\d+)?\s*(?:x|times?)\s*(?:(?:a|per|/|each)\s*)?(?:week|wk)(?:ly|s)?`;
// No two `\s*` may meet across an optional part: over a run of spaces they backtrack in polynomial time.
const WEEKS = String.raw`(?:(?:for|x|times|over|\*)\s*)?(\d+)\s*(?:weeks?|wks?)`;

// compiled once, not per call
const PER_WEEK_WEEKS = new RegExp(`${PER_WEEK}\\s*(?:,\\s*)?${WEEKS}`);
const PER_WEEK_ONLY = new RegExp(PER_WEEK);

/**
 * A count granted at an earlier review, as the words state it: "UR authorized 6 sessions", "6
 * authorized", "(2) authorized by the Claims Administrator", "9 visits were previously certified".
 * The one pattern for both readers: a course's count leaves it out (a granted count is not the
 * count requested), and authorizedPartInText reads it as the part of the request already granted.
 */
const AUTHORIZED_COUNT =
  /(?:authori[sz]ed|approved|certified)\s+(?:for\s+)?(\d+)\s*(?:[a-z]+\s+){0,2}(?:sessions|visits|treatments)|(?<!\d)(\d+)\)?\s*(?:(?:visits?|sessions?|treatments?)\s+)?(?:(?:were|was|have been|has been|already|previously)\s+)*(?:authori[sz]ed|approved|certified)\b/g;

/**
 * The part of this same request granted at utilization review, as the service's own words state it
 * ("12 requested, 9 authorized; remaining 3 in dispute", "(2) authorized by the Claims
 * Administrator", "6 already authorized"): the letter decides only the remainder, and the granted
 * visits count as visits already authorized. Numbers written as words are read too.
 */
export function authorizedPartInText(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = [...digitize(text).matchAll(AUTHORIZED_COUNT)][0];
  return m ? Number(m[1] ?? m[2]) : undefined;
}

export function parseVisitCourse(text: string | undefined): VisitCourse {
  if (!text) return {};
  const t = digitize(text).replace(AUTHORIZED_COUNT, ' ');
  const course: VisitCourse = {};

  const total =
    /\((\d+)\)/.exec(t) ??
    /(?<!\d)(\d+)\s*(?:additional\s+)?(?:[a-z]+\s+){0,3}(?:sessions|visits|treatments)\b/.exec(t) ??
    /#\s*(\d+)/.exec(t) ??
    /\b(?:x|times|qty:?)\s*(\d+)\s*(?:visits|sessions)?\s*$/.exec(t);

  const perWeekWeeks = PER_WEEK_WEEKS.exec(t);
  // "2x6" and "2 times 6" are the usual shorthand for 2 a week for 6 weeks
  const compact = /\b(\d+)\s*x\s*(\d+)\b(?!\s*(?:mg|ml|cm|mm))/.exec(t);
  const timesWeeks = /\b(\d+)\s*times\s*(\d+)\s*(?:weeks?|wks?)?\b/.exec(t);

  if (perWeekWeeks) {
    course.visitsPerWeek = Number(perWeekWeeks[1]);
    course.weeks = Number(perWeekWeeks[2]);
  } else if (compact) {
    course.visitsPerWeek = Number(compact[1]);
    course.weeks = Number(compact[2]);
  } else if (timesWeeks) {
    course.visitsPerWeek = Number(timesWeeks[1]);
    course.weeks = Number(timesWeeks[2]);
  } else {
    const perWeekOnly = PER_WEEK_ONLY.exec(t);
    if (perWeekOnly) course.visitsPerWeek = Number(perWeekOnly[1]);
    const weeksOnly = /(?:for|over|x)\s*(\d+)\s*(?:weeks?|wks?)/.exec(t);
    if (weeksOnly) course.weeks = Number(weeksOnly[1]);
  }

  if (total) course.visits = Number(total[1]);
  else if (course.visitsPerWeek !== undefined && course.weeks !== undefined) course.visits = course.visitsPerWeek * course.weeks;
  return course;
}

/** A count the text states for a service ("x 3", "#60", "three injections", "QTY: 2"). */
export function quantityInText(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const t = digitize(text);
  const m =
    /(?:\bx|\btimes|#|\bqty:?|\bquantity:?)\s*(\d+)\b/.exec(t) ??
    /\b(\d+)\s+(?:[a-z-]+\s+){0,3}(?:injections?|units?|blocks?|studies|views?|tablets?|capsules?)\b/.exec(t);
  return m ? Number(m[1]) : undefined;
}
