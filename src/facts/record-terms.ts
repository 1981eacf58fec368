// What the record's own words state (vocab/record-terms.yaml): a documentation flag of the
// project's additions derived from the fields the shared format has — diagnoses, notes, every
// item's `text`, services' `purpose`, `specialty` and labels — so that no criterion depends on an
// addition alone. A phrase under a negation cue ("not a surgical candidate") states the opposite.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Request } from '../request/schema.js';
import { EXAM_FINDINGS, RED_FLAGS, WORK_STATUSES, type Region } from '../request/vocabulary.js';
import { regionsInText } from '../request/regions.js';
import { regionConcerns } from './record.js';
import { known, unknown, type Fact } from './types.js';

const VOCAB_FILE = join(fileURLToPath(new URL('../../', import.meta.url)), 'vocab', 'record-terms.yaml');

/** A list of phrases as every vocabulary of record words writes them (lower case). */
export const phraseList = z.array(
  z
    .string()
    .min(1)
    .regex(/^[^A-Z]*$/, { error: 'write phrases in lower case' }),
);
const termSchema = z.strictObject({
  description: z.string().min(1),
  phrases: phraseList.min(1),
  against: phraseList,
  with: phraseList.optional(),
  despiteNegation: phraseList.optional(),
});
const rootKey = z.string().regex(/^(C[2-8]|T(1[0-2]|[1-9])|L[1-5]|S[12])$/, { error: 'expected a root such as C6 or L5' });
const vocabSchema = z.strictObject({
  negation: z.strictObject({ window: z.number().int().min(1).max(12), cues: phraseList.min(1), listCues: phraseList, after: phraseList }),
  terms: z.record(z.string(), termSchema),
  territories: z.strictObject({ peripheral: phraseList, roots: z.record(rootKey, phraseList.min(1)) }),
  outcomes: z.strictObject({
    failed: phraseList.min(1),
    partial: phraseList.min(1),
    intention: phraseList,
    unstated: phraseList,
    helped: phraseList.min(1),
    notStarted: phraseList.min(1),
    given: phraseList.min(1),
  }),
  redFlags: z.partialRecord(z.enum(RED_FLAGS), phraseList.min(1)),
  examTests: z.partialRecord(z.enum(EXAM_FINDINGS), phraseList.min(1)),
  workStatus: z.partialRecord(z.enum(WORK_STATUSES).exclude(['unknown']), phraseList.min(1)),
});

export const TERM_IDS = [
  'surgeryPlanned',
  'invasiveProcedurePlanned',
  'newNeurologicDeficit',
  'significantChange',
  'acuteFlare',
  'cannotUseOrdinaryTransport',
  'anxiety',
  'maximumMedicalImprovement',
  'priorFailedReturnToWork',
  'painScores',
  'treatmentAgreement',
  'cures',
  'riskScreening',
  'treatmentGoals',
] as const;
export type TermId = (typeof TERM_IDS)[number];

/** `any` tests every phrase at once; `phrases` (global) find where each occurs, read only when `any` matched. */
interface CompiledTerm {
  any: RegExp;
  phrases: RegExp[];
  against: RegExp;
  with?: RegExp;
  despiteNegation?: RegExp;
}
interface Vocabulary {
  window: number;
  cues: RegExp;
  listCues: RegExp;
  after: RegExp;
  terms: Record<TermId, CompiledTerm>;
  peripheral: RegExp;
  roots: [string, RegExp[]][];
  outcomes: { failed: RegExp; partial: RegExp; helped: RegExp[]; intention: RegExp; unstated: RegExp; notStarted: RegExp; given: RegExp[] };
  redFlags: [string, RegExp, RegExp[]][];
  examTests: [(typeof EXAM_FINDINGS)[number], RegExp][];
  workStatus: [WorkStatusWord, RegExp[]][];
}
type WorkStatusWord = Exclude<(typeof WORK_STATUSES)[number], 'unknown'>;

/** A phrase as a regular expression: word boundaries where the phrase has word characters, `*` = any word ending (leading: any word beginning). */
function phraseRegex(phrase: string): RegExp {
  // a leading `*` (any word beginning: "*neuropath*") is no start boundary, not a `\w*` that
  // would be retried at every letter of a long word (quadratic time)
  const body = phrase
    .replace(/^\*/, '')
    .split('*')
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\w*')
    .replace(/ /g, '\\s+');
  const start = /^\w/.test(phrase) ? '(?<!\\w)' : '';
  const end = /\w\*?$/.test(phrase) ? '(?!\\w)' : '';
  return new RegExp(`${start}${body}${end}`, 'g');
}

/** Whether any phrase of a list occurs: one alternation (each phrase keeps its own word boundaries); never matches for an empty list. */
export function anyPhrase(phrases: readonly string[]): RegExp {
  return new RegExp(phrases.map((p) => phraseRegex(p).source).join('|') || '(?!)');
}

/** Parses and validates the vocabulary; throws with the file and path of the first problem. */
export function compileVocabulary(text: string, file = VOCAB_FILE): Vocabulary {
  const parsed = vocabSchema.safeParse(parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const { negation, terms, territories, outcomes, redFlags, examTests, workStatus } = parsed.data;
  const missing = TERM_IDS.filter((t) => !(t in terms));
  const extra = Object.keys(terms).filter((t) => !(TERM_IDS as readonly string[]).includes(t));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `${file}: terms: ${missing.length > 0 ? `missing ${missing.join(', ')}` : ''}${extra.length > 0 ? ` unknown ${extra.join(', ')} (expected one of ${TERM_IDS.join(', ')})` : ''}`,
    );
  }
  const compiled = Object.fromEntries(
    Object.entries(terms).map(([id, t]) => [
      id,
      {
        any: anyPhrase(t.phrases),
        phrases: t.phrases.map(phraseRegex),
        against: anyPhrase(t.against),
        ...(t.with ? { with: anyPhrase(t.with) } : {}),
        ...(t.despiteNegation ? { despiteNegation: anyPhrase(t.despiteNegation) } : {}),
      },
    ]),
  ) as Record<TermId, CompiledTerm>;
  return {
    window: negation.window,
    cues: anyPhrase(negation.cues),
    listCues: anyPhrase(negation.listCues),
    after: anyPhrase(negation.after),
    terms: compiled,
    peripheral: anyPhrase(territories.peripheral),
    roots: Object.entries(territories.roots).map(([root, phrases]) => [root, phrases.map(phraseRegex)]),
    outcomes: {
      failed: anyPhrase(outcomes.failed),
      partial: anyPhrase(outcomes.partial),
      helped: outcomes.helped.map(phraseRegex),
      // an intention word ending the text before the phrase (never matches when the list is empty)
      intention: new RegExp(`(?:${outcomes.intention.map((c) => phraseRegex(c).source).join('|') || '(?!)'})\\s*$`),
      unstated: anyPhrase(outcomes.unstated),
      notStarted: anyPhrase(outcomes.notStarted),
      given: outcomes.given.map(phraseRegex),
    },
    redFlags: Object.entries(redFlags).map(([flag, phrases]) => [flag, anyPhrase(phrases), phrases.map(phraseRegex)]),
    examTests: Object.entries(examTests).map(([finding, phrases]) => [finding as (typeof EXAM_FINDINGS)[number], anyPhrase(phrases)]),
    workStatus: Object.entries(workStatus).map(([status, phrases]) => [status as WorkStatusWord, phrases.map(phraseRegex)]),
  };
}

let vocabulary: Vocabulary | undefined;
function vocab(): Vocabulary {
  vocabulary ??= compileVocabulary(readFileSync(VOCAB_FILE, 'utf8'));
  return vocabulary;
}

/**
 * Nerve roots of the skin territory a text names ("numbness of the thumb and index finger" →
 * C6, C7); none when it names a peripheral-nerve distribution (median, ulnar, carpal tunnel).
 */
export function territoryRoots(text: string | undefined): string[] {
  if (!text) return [];
  const v = vocab();
  const lower = text.toLowerCase();
  if (v.peripheral.test(lower)) return [];
  return v.roots.filter(([, res]) => res.some((re) => test(re, lower))).map(([root]) => root);
}

/** How a treatment worked, as its text says (vocab `outcomes`); undefined when the text says nothing of it. */
export function outcomeInText(text: string | undefined): 'failed' | 'partial' | 'helped' | undefined {
  if (!text) return undefined;
  const v = vocab();
  const lower = text.toLowerCase();
  if (v.outcomes.failed.test(lower)) return 'failed';
  if (v.outcomes.partial.test(lower)) return 'partial';
  const helped = v.outcomes.helped
    .flatMap((re) => indexes(re, lower))
    .filter((at) => !v.outcomes.intention.test(lower.slice(0, at)))
    // "no documentation of improvement", "improvement not documented": the record is silent on the result, the care did not fail
    .filter((at) => !test(v.outcomes.unstated, lastClause(lower.slice(0, at))) && !test(v.outcomes.unstated, firstClause(lower.slice(at))));
  if (helped.length === 0) return undefined;
  return helped.some((at) => !negated(lower.slice(0, at), v)) ? 'helped' : 'failed';
}

/**
 * Whether a treatment's words say it was never begun ("has not started physical therapy", "no
 * therapy done": not-started) or was given ("sessions completed, count not stated": given);
 * undefined when they say neither. A `given` phrase under a negation cue ("not completed") is not read.
 */
export function careGivenInText(text: string | undefined): 'not-started' | 'given' | undefined {
  if (!text) return undefined;
  const v = vocab();
  const lower = text.toLowerCase();
  if (v.outcomes.notStarted.test(lower)) return 'not-started';
  const given = v.outcomes.given.flatMap((re) => indexes(re, lower));
  return given.some((at) => !negated(lower.slice(0, at), v) && !deniedAfter(lower.slice(at), v)) ? 'given' : undefined;
}

/**
 * The exam finding of the shared vocabulary that a finding recorded as `other` names by its test
 * ("McMurray's test" → meniscal-sign; vocab `examTests`), and whether its words negate it
 * ("Lachman negative", "no instability on anterior drawer"); undefined when it names none or several.
 */
export function namedExamTest(text: string | undefined): { finding: (typeof EXAM_FINDINGS)[number]; negated: boolean } | undefined {
  if (!text) return undefined;
  const v = vocab();
  const lower = text.toLowerCase();
  const named = v.examTests.filter(([, re]) => test(re, lower));
  if (named.length !== 1) return undefined;
  const [finding, re] = named[0]!;
  const at = lower.search(re);
  // the clause that names the test: "McMurray positive, otherwise normal" is not negated
  const clause = lower.slice(lower.slice(0, at).search(/[^,;.]*$/), at + lower.slice(at).search(/[,;.]|$/));
  const denied =
    negated(lower.slice(0, at), v) || deniedAfter(lower.slice(at), v) || /\b(negative|normal|intact|unremarkable)\b/.test(clause);
  return { finding, negated: denied };
}

/**
 * Whether a text states what `re` matches: true when a match stands under no negation cue
 * ("pain radiating to the foot"), false when every match is negated ("denies radiating pain",
 * "non-radiating"), undefined when nothing matches.
 */
export function statedInWords(text: string | undefined, re: RegExp): boolean | undefined {
  if (!text) return undefined;
  const lower = text.toLowerCase();
  const hits = indexes(new RegExp(re.source, 'g'), lower);
  if (hits.length === 0) return undefined;
  const v = vocab();
  return hits.some((at) => !negated(lower.slice(0, at), v) && !deniedAfter(lower.slice(at), v));
}

/**
 * The work status the record's words state (vocab `workStatus`: "TTD", "off work", "modified
 * duty"), for a record whose patient.workStatus is not given: the one status stated (a duty
 * named beside "working" is that duty); undefined when none, or when different ones are stated.
 */
export function workStatusInWords(request: Request): Fact<WorkStatusWord> {
  const v = vocab();
  const found = new Map<WorkStatusWord, string>();
  for (const { entry, clause } of clausesOf(request, 'clauses')) {
    if (entry.path.startsWith('services[')) continue; // the request's words are not the record's
    for (const [status, res] of v.workStatus) {
      const hits = res.flatMap((re) => indexes(re, clause));
      if (hits.some((at) => !negated(clause.slice(0, at), v) && !deniedAfter(clause.slice(at), v)) && !found.has(status))
        found.set(status, `${entry.path}: "${clause.trim()}"`);
    }
  }
  if (found.has('working') && (found.has('full-duty') || found.has('modified-duty'))) found.delete('working');
  if (found.size !== 1) return unknown(found.size > 1 ? [...found.entries()].map(([s, e]) => `${e} (${s})`) : []);
  const [[status, evidence]] = [...found.entries()] as [[WorkStatusWord, string]];
  return known(status, [`${evidence} (${status})`]);
}

/** Flags of a body region (a wrist fracture is no red flag for a neck MRI); a cancer history is the worker's. */
const REGIONAL_FLAGS: ReadonlySet<string> = new Set(['trauma', 'infection', 'fracture-suspected', 'progressive-neurologic-deficit']);
/** A fracture or injury the words place in the past is no red flag now. */
const PAST = /\b(history|healed|old|prior|previous|remote|childhood|years ago)\b/;

/** Red flags the record's words name (not negated), each with the text that names it; regional flags only where the words concern `regions`. */
export function redFlagsInWords(request: Request, regions: readonly Region[] = []): { flag: string; evidence: string }[] {
  const v = vocab();
  const out: { flag: string; evidence: string }[] = [];
  for (const c of clausesOf(request, 'sentences')) {
    const { entry, clause } = c;
    if (entry.path.startsWith('services[')) continue; // the request's own words are not findings
    for (const [flag, any, res] of v.redFlags) {
      if (!any.test(clause)) continue;
      // a regional flag needs words that place it in the service's region (an unplaced fracture is not enough)
      if (REGIONAL_FLAGS.has(flag) && (PAST.test(clause) || !placedIn(c, regions, flag === 'progressive-neurologic-deficit'))) continue;
      const hits = res.flatMap((re) => indexes(re, clause));
      if (hits.some((at) => !negated(clause.slice(0, at), v) && !deniedAfter(clause.slice(at), v)) && !out.some((o) => o.flag === flag)) {
        out.push({ flag, evidence: `${entry.path}: "${clause.trim()}"` });
      }
    }
  }
  return out;
}

/** One piece of the record's own words, with where it is and the body region it concerns, if known. */
export interface RecordText {
  text: string;
  path: string;
  region?: Region;
}

const words = (kind: string | undefined): string => (kind ? kind.replace(/-/g, ' ') : '');

/** Every free-text place of the request, each item prefixed by its kind so "new" in an exam note meets "motor weakness". */
export function recordTexts(request: Request): RecordText[] {
  const out: RecordText[] = [];
  const add = (text: string | undefined, path: string, region?: Region): void => {
    if (text && text.trim() !== '') out.push(region ? { text: text.toLowerCase(), path, region } : { text: text.toLowerCase(), path });
  };
  (request.diagnoses ?? []).forEach((d, i) =>
    typeof d === 'string' ? add(d, `diagnoses[${i}]`) : add(d.text, `diagnoses[${i}]`, d.region),
  );
  request.symptoms?.forEach((s, i) => s.text && add(`${words(s.kind)}: ${s.text}`, `symptoms[${i}].text`, s.region));
  request.exam?.forEach((e, i) => e.text && add(`${words(e.finding)}: ${e.text}`, `exam[${i}].text`, e.region));
  request.studies?.forEach((s, i) => {
    add(s.text, `studies[${i}].text`, s.region);
    s.findings?.forEach((f, j) => add(f.text, `studies[${i}].findings[${j}].text`, f.region ?? s.region));
  });
  request.treatments?.forEach((t, i) => add(t.text, `treatments[${i}].text`, t.region));
  request.surgeries?.forEach((s, i) => add(s.text, `surgeries[${i}].text`, s.region));
  request.medications?.forEach((m, i) => add(m.text, `medications[${i}].text`, m.region));
  add(request.documentation?.notes, 'documentation.notes');
  add(request.injury?.text, 'injury.text');
  request.services.forEach((s, i) => {
    for (const field of ['label', 'text', 'purpose', 'specialty'] as const) add(s[field], `services[${i}].${field}`, s.region);
  });
  return out;
}

export interface TermOptions {
  /** Only text that concerns one of these regions (or names none) counts. */
  regions?: readonly Region[];
  /** Region matching for neurologic words (a limb's numbness bears on the spine that supplies it). */
  neurologic?: boolean;
}

/**
 * What the record's words state of a term: true (a phrase, not negated), false (an `against`
 * phrase or a negated phrase, and no plain statement), or undefined (the words say nothing).
 */
export function termInRecord(request: Request, term: TermId, options: TermOptions = {}): Fact<boolean> {
  let answers = termAnswers.get(request);
  if (!answers) termAnswers.set(request, (answers = new Map<string, Fact<boolean>>()));
  const key = `${term}|${options.regions?.join(',') ?? '*'}|${options.neurologic === true}`;
  let answer = answers.get(key);
  if (!answer) answers.set(key, (answer = readTerm(request, term, options)));
  return answer;
}

/** Answers of termInRecord per request: each term is read once per request and set of regions. */
const termAnswers = new WeakMap<Request, Map<string, Fact<boolean>>>();

function readTerm(request: Request, term: TermId, options: TermOptions): Fact<boolean> {
  const v = vocab();
  const t = v.terms[term];
  const found: string[] = [];
  const denied: string[] = [];
  for (const c of clausesOf(request, 'clauses')) {
    const { entry, clause } = c;
    const against = t.against.test(clause);
    if (!against && !t.any.test(clause)) continue; // the term's words are not in this clause
    if (options.regions && !concerns(c, options.regions, options.neurologic === true)) continue;
    if (against) {
      denied.push(`${entry.path}: "${clause.trim()}"`);
      continue;
    }
    if (t.with && !t.with.test(clause)) continue;
    // the negation is of something else the clause says of the term ("has not met her goals")
    if (t.despiteNegation?.test(clause)) {
      found.push(`${entry.path}: "${clause.trim()}"`);
      continue;
    }
    const hits = t.phrases.flatMap((re) => indexes(re, clause));
    if (hits.some((at) => !negated(clause.slice(0, at), v) && !deniedAfter(clause.slice(at), v)))
      found.push(`${entry.path}: "${clause.trim()}"`);
    else denied.push(`${entry.path}: "${clause.trim()}"`);
  }
  if (found.length > 0) return known(true, unique(found));
  if (denied.length > 0) return known(false, unique(denied));
  return unknown();
}

/** One clause of the record's words, with its item's region, else the regions the clause names (read once). */
interface Clause {
  entry: RecordText;
  clause: string;
  named?: readonly Region[];
}

const regionsNamed = (c: Clause): readonly Region[] => (c.entry.region ? [c.entry.region] : (c.named ??= regionsInText(c.clause)));

/**
 * The record's words split into clauses once per request: `sentences` at sentence ends (red
 * flags), `clauses` also at ", but" / ", however" (terms). Clauses without a word are dropped
 * (no word, no phrase; keeps long punctuation runs cheap).
 */
const SPLITS = { sentences: /[.;!?\n]+/, clauses: /[.;!?\n]+|,\s*(?:but|however)\s/ } as const;
const clauseCache = new WeakMap<Request, Partial<Record<keyof typeof SPLITS, Clause[]>>>();

function clausesOf(request: Request, split: keyof typeof SPLITS): Clause[] {
  let cached = clauseCache.get(request);
  if (!cached) clauseCache.set(request, (cached = {}));
  return (cached[split] ??= recordTexts(request).flatMap((entry) =>
    continuedLists(entry.text.split(SPLITS[split]).filter((clause) => /[a-z]{2}/i.test(clause))).map((clause) => ({ entry, clause })),
  ));
}

/**
 * A clause continuing the previous one's list ("lack of documentation of X; of a CURES report")
 * keeps the end of the list's head (bounded, so a long chain of such clauses stays linear).
 */
const LIST_CONTINUATION = /^\s*(?:of|and|or|nor)\s/i;
const LIST_HEAD_CHARS = 200;
function continuedLists(clauses: string[]): string[] {
  const out: string[] = [];
  let head = '';
  for (const clause of clauses) {
    if (out.length > 0 && LIST_CONTINUATION.test(clause)) out.push(`${head}; ${clause}`);
    else {
      head = clause.slice(-LIST_HEAD_CHARS);
      out.push(clause);
    }
  }
  return out;
}

function placedIn(c: Clause, regions: readonly Region[], neurologic: boolean): boolean {
  const named = regionsNamed(c);
  return named.length > 0 && regions.length > 0 && named.some((n) => regionConcerns(regions, n, { neurologic }));
}

function concerns(c: Clause, regions: readonly Region[], neurologic: boolean): boolean {
  const named = regionsNamed(c);
  return named.length === 0 || named.some((n) => regionConcerns(regions, n, { neurologic }));
}

/** The words after the last comma or semicolon: the clause a phrase at the end of `before` belongs to. */
const lastClause = (before: string): string => before.split(/[,;]/).pop() ?? '';
/** The words before the first comma or semicolon: the clause a phrase at the start of `from` belongs to. */
const firstClause = (from: string): string => from.split(/[,;]/)[0] ?? '';

function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

function indexes(re: RegExp, text: string): number[] {
  re.lastIndex = 0;
  return [...text.matchAll(re)].map((m) => m.index);
}

/**
 * Whether a negation cue stands within the window of words before the phrase, after the last comma;
 * a list cue ("fails to document X, Y, and Z") negates the whole list after it, commas and all.
 */
function negated(before: string, v: Vocabulary): boolean {
  if (test(v.listCues, before)) return true;
  const tail = (before.split(',').pop() ?? '').trim().split(/\s+/).slice(-v.window).join(' ');
  return test(v.cues, tail);
}

/** Whether the phrase's own clause goes on to deny or defer it ("… not completed", "… is pending"), before the next comma. */
function deniedAfter(from: string, v: Vocabulary): boolean {
  return test(v.after, from.split(',')[0] ?? '');
}

const unique = (xs: string[]): string[] => [...new Set(xs)];
