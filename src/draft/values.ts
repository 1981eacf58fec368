// Small extractors of values from a span of text: sides, regions, spinal levels and roots,
// dermatomes and finger territories, dates (absolute and relative to the note date),
// durations, visit courses ("2x6", "twice a week for 4 weeks"), counts and pain scores.
// Each returns what it found with its offsets, so the caller can quote it.
import { isValidDate } from '../request/schema.js';
import { parseLevels, ROOTS } from '../request/levels.js';
import type { CompiledVocabulary } from './vocab.js';
import { NUMBER_WORDS } from '../util/durations.js';

export interface Found<T> {
  value: T;
  start: number;
  end: number;
}

const at = <T>(value: T, m: RegExpExecArray | RegExpMatchArray, offset: number): Found<T> => ({
  value,
  start: offset + m.index!,
  end: offset + m.index! + m[0].length,
});

// ---- sides
const SIDE = /(?<![A-Za-z])(right|left|bilateral|bilaterally|both)(?![A-Za-z])/gi;
export type SideValue = 'left' | 'right' | 'bilateral';

export function sidesIn(text: string, offset = 0): Found<SideValue>[] {
  return [...text.matchAll(SIDE)].map((m) => {
    const w = m[1]!.toLowerCase();
    return at<SideValue>(w === 'right' || w === 'left' ? w : 'bilateral', m, offset);
  });
}

/** The side of a mention: the nearest side word in the span, preferring one before it. */
export function nearestSide(text: string, offset: number, mentionStart: number): Found<SideValue> | undefined {
  return nearest(sidesIn(text, offset), mentionStart);
}

export function nearest<T>(found: readonly Found<T>[], to: number): Found<T> | undefined {
  let best: Found<T> | undefined;
  let bestDistance = Infinity;
  for (const f of found) {
    const d = f.end <= to ? to - f.end : f.start - to + 0.5; // ties go to the one before
    if (d >= 0 && d < bestDistance) {
      best = f;
      bestDistance = d;
    }
  }
  return best;
}

// ---- regions
export function regionsIn(v: CompiledVocabulary, text: string, offset = 0): Found<string>[] {
  return v.regions.find(text, offset).map((m) => ({ value: m.key, start: m.start, end: m.end }));
}

// ---- spinal levels and roots
const LEVEL = /(?<![A-Za-z0-9])([CTL])(\d{1,2})\s?(?:-|–|\/|to|through)\s?([CTLS]?)(\d{1,2})(?![0-9])/g;

/** Spinal levels ("L4-5", "L5-S1", "L4/L5", "C5 through C7"), written as the format writes them. */
export function levelsIn(text: string, offset = 0): Found<string>[] {
  const out: Found<string>[] = [];
  for (const m of text.matchAll(LEVEL)) {
    const [, a, n1, bLetter, n2] = m;
    const b = bLetter === '' ? a! : bLetter!;
    const written = b === a ? `${a}${n1}-${n2}` : `${a}${n1}-${b}${n2}`;
    if (parseLevels(written).ok) out.push(at(written, m, offset));
  }
  return out;
}

/** True when a level is one motion segment (a study finding's `level`). */
export function isSingleSegment(level: string): boolean {
  const parsed = parseLevels(level);
  return parsed.ok && parsed.levels.length === 1;
}

const ROOT = /(?<![A-Za-z0-9-])([CTLS])(\d{1,2})(?![0-9-])/g;

/** Root names ("L5", "S1", "C6") that are not part of a level. */
export function rootsIn(text: string, offset = 0): Found<string>[] {
  return [...text.matchAll(ROOT)].map((m) => at(`${m[1]}${m[2]}`, m, offset)).filter((f) => ROOTS.includes(f.value));
}

const DERMATOME_CUE = /dermatom|distribution|root|radiculopathy|nerve/i;

/** A dermatome: a root named with a dermatome cue, or a finger territory. */
export function dermatomeIn(v: CompiledVocabulary, text: string, offset = 0): Found<string> | undefined {
  if (DERMATOME_CUE.test(text)) {
    const root = rootsIn(text, offset)[0];
    if (root) return root;
  }
  const finger = v.fingers.find(text, offset)[0];
  return finger ? { value: finger.key, start: finger.start, end: finger.end } : undefined;
}

// ---- dates
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NUMERIC_DATE = /(?<![0-9/-])(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?![0-9/-])/g;
const NAMED_DATE =
  /(?<![A-Za-z])(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:\s(\d{1,2})(?:st|nd|rd|th)?,?)?\s(\d{4})(?![0-9])/g;
const ISO_DATE = /(?<![0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])/g;
const RELATIVE =
  /(?<![A-Za-z0-9])(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\s(day|week|month|year)s?\sago(?![A-Za-z])/gi;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Dates in a text as YYYY-MM-DD (or YYYY-MM when the day is not given); relative ones need the note date. */
export function datesIn(text: string, offset = 0, noteDate?: string): Found<string>[] {
  const out: Found<string>[] = [];
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
    const iso = `${year}-${pad(Number(m[1]))}-${pad(Number(m[2]))}`;
    if (isValidDate(iso)) out.push(at(iso, m, offset));
  }
  for (const m of text.matchAll(NAMED_DATE)) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
    const iso = m[2] ? `${m[3]}-${pad(month)}-${pad(Number(m[2]))}` : `${m[3]}-${pad(month)}`;
    if (isValidDate(iso)) out.push(at(iso, m, offset));
  }
  for (const m of text.matchAll(ISO_DATE)) if (isValidDate(m[0])) out.push(at(m[0], m, offset));
  if (noteDate && isValidDate(noteDate) && noteDate.length === 10) {
    for (const m of text.matchAll(RELATIVE)) {
      const n = NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
      const d = new Date(`${noteDate}T00:00:00Z`);
      const unit = m[2]!.toLowerCase();
      if (unit === 'day') d.setUTCDate(d.getUTCDate() - n);
      else if (unit === 'week') d.setUTCDate(d.getUTCDate() - 7 * n);
      else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() - n);
      else d.setUTCFullYear(d.getUTCFullYear() - n);
      const iso = d.toISOString().slice(0, 10);
      if (isValidDate(iso)) out.push(at(iso, m, offset));
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// ---- durations
const DURATION =
  /(?<![A-Za-z0-9])(\d{1,3}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)\s(day|week|month|year)s?(?![A-Za-z])/gi;
const MONTHS_PER: Record<string, number> = { day: 1 / 30, week: 12 / 52, month: 1, year: 12 };

/** Durations, in months ("6 weeks" → 1.4, "two years" → 24). */
export function durationsIn(text: string, offset = 0): Found<number>[] {
  return [...text.matchAll(DURATION)].map((m) => {
    const n = NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
    return at(Math.round(n * MONTHS_PER[m[2]!.toLowerCase()]! * 10) / 10, m, offset);
  });
}

// ---- visit courses and counts
export interface Course {
  visitsPerWeek?: number;
  weeks?: number;
  total?: number;
}
const TIMES: Record<string, number> = { once: 1, twice: 2, 'three times': 3, 'four times': 4, 'five times': 5 };
const COURSE_X = /(?<![A-Za-z0-9])(\d{1,2})\s?[xX×]\s?(\d{1,2})(?![0-9])(?:\s?weeks?)?/g;
const COURSE_WORDS =
  /(?<![A-Za-z])(once|twice|three times|four times|five times|\d{1,2} times)\s(?:a|per|each)\sweek(?:\s(?:for|x|times)\s(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\sweeks?)?/gi;
const SESSIONS =
  /(?<![A-Za-z0-9])(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s(?:\(\d{1,3}\)\s)?(?:additional\s|more\s|prior\s|previous\s|completed\s)?(sessions?|visits?|treatments?)(?![A-Za-z])/gi;

/** Visit courses: "2x6", "2 x 4 weeks", "twice a week for 4 weeks", "12 sessions". */
export function coursesIn(text: string, offset = 0): Found<Course>[] {
  const out: Found<Course>[] = [];
  for (const m of text.matchAll(COURSE_X)) {
    const perWeek = Number(m[1]);
    const weeks = Number(m[2]);
    out.push(at({ visitsPerWeek: perWeek, weeks, total: perWeek * weeks }, m, offset));
  }
  for (const m of text.matchAll(COURSE_WORDS)) {
    const w = m[1]!.toLowerCase();
    const perWeek = TIMES[w] ?? Number(w.split(' ')[0]);
    const weeks = m[2] ? (NUMBER_WORDS[m[2].toLowerCase()] ?? Number(m[2])) : undefined;
    out.push(at({ visitsPerWeek: perWeek, ...(weeks ? { weeks, total: perWeek * weeks } : {}) }, m, offset));
  }
  for (const m of text.matchAll(SESSIONS)) {
    const n = NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
    out.push(at({ total: n }, m, offset));
  }
  return out.sort((a, b) => a.start - b.start);
}

// ---- pain scores (VAS 0-10)
const SCORE =
  /(?<![0-9./])(\d{1,2}(?:\.\d)?)(?:\s?(?:-|to)\s?(\d{1,2}(?:\.\d)?))?\s?(?:\/\s?10|out of 10|over 10|on a (?:scale of )?(?:0-|1-)?10(?:-point)? (?:pain )?scale)(?![0-9])/gi;
const VAS = /(?<![A-Za-z])(?:VAS|pain (?:level|score|rating)|rated)\s(?:of\s|is\s|was\s|at\s)?(\d{1,2}(?:\.\d)?)(?![0-9./])/gi;

/** Pain scores on a 0-10 scale; a range ("6-8/10") gives its upper bound. */
export function scoresIn(text: string, offset = 0): Found<number>[] {
  const out: Found<number>[] = [];
  for (const m of text.matchAll(SCORE)) {
    const n = Math.max(Number(m[1]), m[2] ? Number(m[2]) : 0);
    if (n <= 10) out.push(at(n, m, offset));
  }
  if (out.length === 0) {
    for (const m of text.matchAll(VAS)) {
      const n = Number(m[1]);
      if (n <= 10) out.push(at(n, m, offset));
    }
  }
  return out;
}

// ---- relief after an injection
const RELIEF = /(?<![0-9])(\d{1,3})\s?(?:%|percent)(?:\s(?:pain\s)?(?:relief|improvement|reduction|decrease|better))?/gi;

export function reliefPercentIn(text: string, offset = 0): Found<number>[] {
  return [...text.matchAll(RELIEF)].map((m) => at(Number(m[1]), m, offset)).filter((f) => f.value <= 100);
}

// ---- medication strength, directions, quantity
const STRENGTH = /(?<![A-Za-z0-9])(\d{1,4}(?:\.\d{1,2})?(?:\/\d{1,4}(?:\.\d{1,2})?)?)\s?(mg|mcg|g|ml|%)(?![A-Za-z])/gi;
const QUANTITY =
  /(?:#\s?(\d{1,4})(?![0-9])|(?<![A-Za-z])(?:quantity|qty|number)\s?(?:of\s)?:?\s?(\d{1,4})(?![0-9])|(?<![0-9])(\d{1,4})\s(?:tablets|tabs|capsules|caps|pills|patches)(?![A-Za-z]))/gi;
const DIRECTIONS =
  /(?<![A-Za-z])(?:(?:one|two|1|2)\s(?:tablet|tab|capsule|cap|patch)s?\s)?(?:by mouth\s|po\s|orally\s)?(?:every\s\d{1,2}(?:-\d{1,2})?\shours?|q\.?\s?\d{1,2}(?:-\d{1,2})?h(?:rs?)?|once daily|twice daily|three times (?:a )?daily|(?:once|twice|three times) a day|daily|nightly|at bedtime|qhs|qd|bid|tid|qid|b\.i\.d\.|t\.i\.d\.|as needed|prn)(?:\s(?:as needed|prn))?/gi;

export function strengthIn(text: string, offset = 0): Found<string> | undefined {
  const m = STRENGTH.exec(text);
  STRENGTH.lastIndex = 0;
  return m ? at(`${m[1]} ${m[2]!.toLowerCase()}`, m, offset) : undefined;
}

export function quantityIn(text: string, offset = 0): Found<number> | undefined {
  const m = QUANTITY.exec(text);
  QUANTITY.lastIndex = 0;
  return m ? at(Number(m[1] ?? m[2] ?? m[3]), m, offset) : undefined;
}

export function directionsIn(text: string, offset = 0): Found<string> | undefined {
  const m = DIRECTIONS.exec(text);
  DIRECTIONS.lastIndex = 0;
  return m ? at(m[0], m, offset) : undefined;
}

// ---- age and sex
const AGE = /(?<![0-9])(\d{1,3})[- ](?:year|yr)s?[- ]old(?:\s(male|female|man|woman|gentleman|lady))?/i;
export function ageIn(text: string, offset = 0): { age?: Found<number>; sex?: Found<'male' | 'female'> } {
  const m = AGE.exec(text);
  if (!m) return {};
  const age = Number(m[1]);
  const out: { age?: Found<number>; sex?: Found<'male' | 'female'> } = {};
  if (age <= 120) out.age = at(age, m, offset);
  if (m[2]) out.sex = at(/^(male|man|gentleman)$/i.test(m[2]) ? 'male' : 'female', m, offset);
  return out;
}
