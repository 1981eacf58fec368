// Care already given: the kind (vocab `treatments`), sessions, outcome ("failed", "no relief",
// "improved"), levels, relief % and its duration for injections; and surgeries.
import type { Treatment } from '../request/schema.js';
import { INJECTION_SERVICE_KINDS } from '../request/vocabulary.js';
import type { z } from 'zod';
import type { surgerySchema } from '../request/schema.js';
type Surgery = z.infer<typeof surgerySchema>;
import { assertionOf } from './assertion.js';
import { withEvidence, type DraftContext } from './context.js';
import type { Sentence } from './source.js';
import { coursesIn, datesIn, durationsIn, levelsIn, nearest, regionsIn, reliefPercentIn, sidesIn } from './values.js';

type Outcome = NonNullable<Treatment['outcome']>;

function clauseAround(text: string, offset: number, at: number, nextAt: number): { start: number; end: number } {
  const rel = at - offset;
  const before = Math.max(text.lastIndexOf(',', rel), text.lastIndexOf(';', rel));
  const afterRel = text.slice(rel).search(/[;,]/);
  const end = Math.min(afterRel < 0 ? text.length : rel + afterRel, nextAt - offset);
  return { start: offset + before + 1, end: offset + Math.max(end, rel) };
}

/** Whether a fact sentence lists care already given. */
export function isTreatmentList(v: DraftContext['v'], s: Sentence): boolean {
  return v.givenSection.is(s.section) || (v.treatmentGiven.has(s.text) && v.careWord.has(s.text));
}

// "has not yet had physical therapy", "no previous physical therapy sessions": none given yet
const NOT_YET =
  /(?<![A-Za-z])(?:(?:has|have|had|did|does)\s(?:not|never)\s(?:yet\s)?(?:had|started|done|attended|received|undergone|tried|begun|completed|participated in)|not\s(?:yet\s)?(?:started|attended|begun)|no\s(?:previous|prior)|never\s(?:had|attended|tried|received))(?![A-Za-z])/i;
const OUTCOME_STATEMENT =
  /(?<![A-Za-z])(?:(?:has|have|had)\s+(?:not\s+)?helped|helped|did\s+not\s+help|(?:has|have|had)\s+failed|(?:was|were)\s+(?:not\s+)?(?:helpful|beneficial|effective)|without\s+(?:any\s+)?(?:relief|benefit|improvement)|(?:provided|gave|with)\s+(?:no|some|good|significant|partial|temporary|minimal)\s+(?:relief|benefit|improvement))(?![A-Za-z])/i;
const GENERIC_MEDICATION_AFTER = /^\s*(?:therapy\s+)?(?:list|including|includes|such as|consisting of|:)(?![A-Za-z])/i;
const DEVICES = new Set(['brace', 'tens']);
const VISIT_THERAPIES = new Set([
  'physical-therapy',
  'occupational-therapy',
  'chiropractic',
  'acupuncture',
  'massage',
  'psychological-services',
  'work-hardening',
]);

/** A visit therapy the sentence says was not given yet, or undefined. */
function notYetGiven(ctx: DraftContext, s: Sentence, m: { key: string; start: number }): { start: number; end: number } | undefined {
  if (!VISIT_THERAPIES.has(m.key)) return undefined;
  const from = Math.max(s.start, m.start - 60);
  const head = ctx.source.text.slice(from, m.start);
  const hit = NOT_YET.exec(head);
  if (!hit) return undefined;
  const between = head.slice(hit.index + hit[0].length);
  if ((between.match(/[A-Za-z0-9]+/g) ?? []).length > 4 || /[.;,]/.test(between)) return undefined;
  return { start: from + hit.index, end: from + hit.index + hit[0].length };
}

/** The words of a benefit from where its outcome word is to the end of its clause (at most 100 characters). */
function benefitWords(text: string, from: number, sentenceEnd: number): string {
  const tail = text.slice(from, Math.min(sentenceEnd, from + 100));
  const cut = tail.search(/[;.]|,\s(?:but|however)\b/);
  return (cut < 0 ? tail : tail.slice(0, cut)).replace(/\s+/g, ' ').trim();
}

/** Care already given in a sentence; `continuesList` when it goes on a list opened by the sentence before ("Treatment included: …; …"). */
export function treatmentsIn(ctx: DraftContext, s: Sentence, continuesList = false): Treatment[] {
  const { v, source } = ctx;
  const mentions = v.treatments.find(s.text, s.start);
  if (mentions.length === 0) return [];
  const none = mentions.map((m) => notYetGiven(ctx, s, m));
  if (none.some(Boolean)) {
    return mentions.flatMap((m, i) => {
      const n = none[i];
      return n ? [withEvidence({ kind: m.key as Treatment['kind'], sessions: 0 }, source, [m, n])] : [];
    });
  }
  // "He uses a splint for the thumb", "continues to wear a left thumb splint": a device in use
  const deviceUse = v.deviceUse.has(s.text);
  // "reports that chiropractic treatments have helped": a course with its outcome
  const withOutcome = OUTCOME_STATEMENT.test(s.text);
  const listed = continuesList || isTreatmentList(v, s);
  if (!listed && !withOutcome && !(deviceUse && mentions.some((m) => DEVICES.has(m.key)))) return [];
  const onlyDevices = !listed && !withOutcome;
  const outcomes = v.treatmentOutcome.find(s.text, s.start);
  const sentenceOutcome = new Set(outcomes.map((o) => o.key)).size === 1 ? outcomes[0] : undefined;
  const specific = mentions.some((m) => INJECTION_SERVICE_KINDS.has(m.key) && m.key !== 'injection');
  const out: Treatment[] = [];
  mentions.forEach((m, i) => {
    if (m.key === 'injection' && specific) return;
    if (onlyDevices && !DEVICES.has(m.key)) return;
    // "anti-inflammatory medication", "medication therapy including Robaxin", "medication list":
    // the drugs or their class are the care, the word "medication" is not a care of its own
    if (m.key === 'other' && /^medications?$/i.test(m.text)) {
      const previous = mentions[i - 1];
      if (previous && /^[\s-]*$/.test(source.text.slice(previous.end, m.start))) return;
      if (GENERIC_MEDICATION_AFTER.test(source.text.slice(m.end, Math.min(s.end, m.end + 30)))) return;
    }
    // "rest" is care only as a word of its own ("medications and rest"), not "at rest", "the rest of"
    if (
      /^rest$/i.test(m.text) &&
      (/(?:\bat|\bthe)\s+$/i.test(source.text.slice(Math.max(s.start, m.start - 5), m.start)) ||
        /^\s+of\b/i.test(source.text.slice(m.end, m.end + 4)))
    )
      return;
    const a = assertionOf(v, s, m.start, m.end);
    // "no relief from physical therapy" negates the relief, not the therapy
    const negatesOutcome = a.trigger && a.trigger.end <= m.start && v.treatmentOutcome.has(source.text.slice(a.trigger.start, m.start));
    if ((a.negated && !negatesOutcome) || a.uncertain) return;
    const next = mentions[i + 1]?.start ?? s.end;
    const clause = clauseAround(s.text, s.start, m.start, next);
    const clauseText = source.text.slice(clause.start, clause.end);
    const windowText = source.text.slice(Math.max(s.start, m.start - 40), next);
    const windowStart = Math.max(s.start, m.start - 40);
    const outcome = v.treatmentOutcome.find(clauseText, clause.start)[0] ?? sentenceOutcome;
    const course = nearest(
      coursesIn(windowText, windowStart).filter((c) => c.value.total !== undefined),
      m.start,
    );
    const item: Treatment = { kind: m.key as Treatment['kind'], outcome: (outcome?.key ?? 'unknown') as Outcome };
    if (course && course.value.total !== undefined) item.sessions = course.value.total;
    let extra: Array<{ start: number; end: number } | undefined> = [outcome, course];
    if (INJECTION_SERVICE_KINDS.has(m.key)) {
      const tail = source.text.slice(m.start, s.end);
      // "a prior L4-5 epidural steroid injection": the level may come just before the name
      const levelFrom = Math.max(s.start, m.start - 20);
      const levels = levelsIn(source.text.slice(levelFrom, s.end), levelFrom).filter((l) => l.start < next + 40);
      if (levels.length > 0) item.levels = levels.map((l) => l.value);
      const relief = reliefPercentIn(tail, m.start)[0];
      if (relief) item.reliefPercent = relief.value;
      const lasting = relief ? durationsIn(source.text.slice(relief.end, s.end), relief.end)[0] : undefined;
      if (lasting) item.reliefWeeks = Math.round(((lasting.value * 52) / 12) * 10) / 10;
      const side = nearest(sidesIn(clauseText, clause.start), m.start);
      if (side) item.side = side.value;
      const date = nearest(datesIn(s.text, s.start, ctx.noteDate), m.end);
      if (date) item.date = date.value;
      extra = [...extra, ...levels, relief, lasting, side, date];
    }
    if (m.key === 'other' || m.key === 'passive-modality' || m.key === 'injection' || m.key === 'brace') item.text = m.text;
    // "improved range of motion of the lumbar spine and decreased tenderness": the words of a
    // benefit, so that what improved (function, or only pain) can be judged from them
    else if (outcome && (outcome.key === 'improved' || outcome.key === 'partial')) {
      const words = benefitWords(source.text, outcome.start, s.end);
      // the outcome word alone ("have helped") says nothing more
      if (words.length > outcome.end - outcome.start) item.text = words;
    }
    out.push(withEvidence(item, source, [m, ...extra]));
  });
  return out;
}

// "Physical therapy 6 sessions was authorized by the Claims Administrator": the letter's statement
// of what utilization review already certified (a fact of the claim, not the reviewer's opinion)
const AUTHORIZED =
  /(?<![A-Za-z])(?:(?:was|were|been|being)\s(?:authorized|certified|approved)(?:\s(?:by|at|in)\s(?:the\s)?(?:claims\sadministrator|utilization\sreview|UR|prior\sreview|last\speer\sreview))|claims\sadministrator\s(?:authorized|certified|approved)|authorized\sto\sundergo)(?![A-Za-z])/i;
const COUNT = /(?:#\s?|(?<![A-Za-z])(?:times|x)\s?|\()(\d{1,2})(?![0-9])/i;

/** Sessions already authorized, from a sentence saying so, for each visit therapy it names. */
export function authorizedIn(ctx: DraftContext, s: Sentence): Treatment[] {
  const { v, source } = ctx;
  const said = AUTHORIZED.exec(s.text);
  if (!said) return [];
  const mentions = v.treatments.find(s.text, s.start).filter((m) => VISIT_THERAPIES.has(m.key) || m.key === 'passive-modality');
  const out: Treatment[] = [];
  mentions.forEach((m, i) => {
    const until = mentions[i + 1]?.start ?? s.end;
    const course = coursesIn(source.text.slice(s.start, until), s.start)
      .filter((c) => c.value.total !== undefined)
      .at(-1);
    const count = course ? undefined : COUNT.exec(source.text.slice(m.end, until));
    const n = course?.value.total ?? (count ? Number(count[1]) : undefined);
    if (n === undefined || n === 0) return;
    const countSpan = course ?? (count ? { start: m.end + count.index, end: m.end + count.index + count[0].length } : undefined);
    const item: Treatment = { kind: m.key as Treatment['kind'], sessionsAuthorized: n, outcome: 'unknown' };
    if (m.key === 'passive-modality') item.text = m.text;
    out.push(withEvidence(item, source, [m, countSpan, { start: s.start + said.index, end: s.start + said.index + said[0].length }]));
  });
  return out;
}

/** Merges treatments of the same kind: one per kind, keeping the most informative values. */
export function mergeTreatments(list: Treatment[]): Treatment[] {
  const byKind = new Map<string, Treatment>();
  const out: Treatment[] = [];
  for (const t of list) {
    // distinct injections (other levels or dates) stay separate
    const key =
      INJECTION_SERVICE_KINDS.has(t.kind) && (t.levels || t.date) ? `${t.kind}|${JSON.stringify(t.levels)}|${t.date ?? ''}` : t.kind;
    const have = byKind.get(key);
    if (!have) {
      byKind.set(key, t);
      out.push(t);
      continue;
    }
    if ((have.outcome === 'unknown' || have.outcome === undefined) && t.outcome && t.outcome !== 'unknown') {
      have.outcome = t.outcome;
      have.text ??= t.text;
    }
    have.sessions ??= t.sessions;
    have.sessionsAuthorized ??= t.sessionsAuthorized;
    have.reliefPercent ??= t.reliefPercent;
    have.reliefWeeks ??= t.reliefWeeks;
    (have.extensions as { evidence: unknown[] }).evidence.push(...(t.extensions as { evidence: unknown[] }).evidence);
  }
  return out;
}

export function surgeriesIn(ctx: DraftContext, s: Sentence): Surgery[] {
  const { v, source } = ctx;
  if (!v.surgeryCue.has(s.text)) return [];
  const out: Surgery[] = [];
  for (const m of v.surgeries.find(s.text, s.start)) {
    const a = assertionOf(v, s, m.start, m.end);
    if (a.negated || a.uncertain) continue;
    const tail = source.text.slice(Math.max(s.start, m.start - 60), Math.min(s.end, m.end + 60));
    const tailStart = Math.max(s.start, m.start - 60);
    const levels = levelsIn(tail, tailStart);
    const region = nearest(regionsIn(v, tail, tailStart), m.start);
    const side = nearest(sidesIn(tail, tailStart), m.start);
    const date = nearest(datesIn(s.text, s.start, ctx.noteDate), m.end);
    const item: Surgery = { kind: m.key };
    if (levels.length > 0) item.levels = levels.map((l) => l.value);
    if (region) item.region = region.value as Surgery['region'];
    if (side) item.side = side.value;
    if (date) item.date = date.value;
    item.text = m.text;
    out.push(withEvidence(item, source, [m, ...levels, region, side, date]));
  }
  return out;
}
