// Imaging and electrodiagnostic studies that were done (a result, a date), with their region,
// side, date, findings (kind, level, side, size) and whether a formal report is in the record
// ("per the progress note", "the report was not provided" → officialReport: false). A sentence
// that is not the record (the plan, a letter's rationale) is read only for studies it says were done.
import type { Study } from '../request/schema.js';
import { assertionOf } from './assertion.js';
import { withEvidence, type DraftContext } from './context.js';
import type { Sentence } from './source.js';
import type { PhraseMatch } from './vocab.js';
import { datesIn, isSingleSegment, levelsIn, nearest, regionsIn, rootsIn, sidesIn } from './values.js';

type Finding = NonNullable<Study['findings']>[number];
const SIZE = /(?<![0-9.])(\d{1,2}(?:\.\d{1,2})?)\s?(?:mm|millimeters?)(?![A-Za-z])/gi;
const PURPOSE_AFTER =
  /^[^.;]{0,60}?\b(?:to rule out|r\/o|to evaluate|to assess|to see|is recommended|was recommended|is requested|was requested|is pending)\b/i;
const NORMAL_RESULT = /^(?:(?:was|were)\s)?(?:negative|unremarkable|normal|within normal limits)$/i;
const EMG_ONLY = new Set(['radiculopathy', 'neuropathy']);
// "No MRI report was available", "the x-ray report was not provided": a study whose report is missing
const REPORT_AFTER = /^\s(?:(?:scan|study|studies)\s)?reports?\b/i;
// A sentence that is not itself the record (the plan, a reviewer's rationale) still reports a study done
// when it says what the study showed; a conditional, the guideline's wording or the request's
// (vocab notTheRecord) says nothing of the record.
const REPORTED_DONE =
  /\b(?:reveal|revealed|reveals|show|shows|showed|demonstrated|demonstrates|(?:was|were)\s(?:negative|normal|unremarkable|obtained|performed|done)|(?:was|were)\snoted\sto\sbe|does\snot\sindicate|did\snot\sshow)\b/i;

/**
 * How a sentence is read: `record` is a fact sentence of the record; `reported` is a sentence that
 * is not (the plan, the reviewer's rationale) but may report a study done ("Recent x-rays reveal
 * spondylosis"): it needs a result verb, and a study already drafted is not drafted again.
 */
export type StudyReading = 'record' | 'reported';

/** The studies a fact sentence reports; `previous` lets a later sentence add findings to the same study. */
export function studiesIn(ctx: DraftContext, s: Sentence, previous: Study[], reading: StudyReading = 'record'): Study[] {
  const { v, source } = ctx;
  const mentions = v.studies.find(s.text, s.start);
  if (mentions.length === 0) return [];
  const dates = datesIn(s.text, s.start, ctx.noteDate);
  // done: a result or a date, or a result written before the study ("a normal cervical MRI")
  const resultFirst = (m: PhraseMatch): boolean => resultBefore(ctx, s, regionsBefore(ctx, s, m.start)[0]?.start ?? m.start) !== undefined;
  const reportMissing = (m: PhraseMatch): boolean =>
    REPORT_AFTER.test(source.text.slice(m.end, m.end + 20)) && /\b(?:no|not)\b/i.test(s.text);
  if (reading === 'reported') {
    if (v.notTheRecordStudy.has(s.text) || !(REPORTED_DONE.test(s.text) || mentions.some(resultFirst))) return [];
  } else if (
    !v.studyDone.has(s.text) &&
    !v.treatmentGiven.has(s.text) &&
    dates.length === 0 &&
    !mentions.some(resultFirst) &&
    !mentions.some(reportMissing)
  )
    return [];
  const out: Study[] = [];
  const typesSeen = new Set<string>();
  mentions.forEach((m, i) => {
    // "No MRI report was available": the report is missing, not the study
    const missing = reportMissing(m);
    if (!isStudyDone(ctx, s, m, missing)) return;
    const until = mentions[i + 1]?.start ?? s.end;
    // "MRI and x-rays of the lumbar spine": the span of a study runs to the next one of another kind
    const span = source.text.slice(m.start, until);
    const regionSpan = source.text.slice(m.start, s.end);
    const date = nearest(dates, m.end);
    // "lumbar x-ray", "cervical spine x rays", "lumbar spine and left shoulder x-rays": regions just before
    // a cardiac or hearing study is not of the musculoskeletal region the sentence names
    const named = m.key === 'other' ? [] : regionsBefore(ctx, s, m.start);
    const region = m.key === 'other' ? undefined : studyRegion(ctx, s, m, named, regionSpan);
    // "an x-ray of the left ankle, right elbow, left foot, and right wrist": one study per region
    const listed = m.key === 'other' ? [] : named.length > 0 ? named : listedAfter(ctx, m, regionSpan);
    if (listed.length >= 2 && new Set(listed.map((r) => r.value)).size === listed.length) {
      out.push(...studiesPerRegion(ctx, s, m, listed, date, previous, typesSeen));
      return;
    }
    const side = studySide(ctx, s, m, named[0], until);
    const absent = v.reportAbsent.find(s.text, s.start)[0] ?? (missing ? reportWord(source.text, m.end) : undefined);
    const present = absent ? undefined : v.reportPresent.find(s.text, s.start)[0];
    const findings = findingsIn(ctx, s, m.key, m.end, until);
    // "a negative hip x-ray": the result written before the study and its region
    const normalBefore = findings.length === 0 ? resultBefore(ctx, s, named[0]?.start ?? m.start) : undefined;
    if (normalBefore) findings.push({ item: withEvidence({ kind: 'normal' }, source, [normalBefore]) });
    const type = m.key as Study['type'];
    // studies of kind `other` are told apart by their name ("Holter monitor, echocardiogram …")
    const key = `${type}|${region?.value ?? ''}|${type === 'other' ? m.text.toLowerCase() : ''}`;
    if (typesSeen.has(key)) return;
    typesSeen.add(key);
    // the same study again ("The MRI also showed …"): add to it
    // a later sentence without a date ("The CT report showed …") speaks of the last study of that type
    // (never one of another region: "Cervical spine x rays showed …" after a lumbar x-ray is a study of its own)
    // ("An x-ray of the tibia/fibula indicated …" after an x-ray of the femur is another study)
    const same = (p: Study): boolean => p.type === type && (!region || !p.region || p.region === region.value) && sameName(p, m);
    if (reading === 'reported' && previous.some(same)) return;
    const earlier = date || isIndefinite(ctx, s, named[0]?.start ?? m.start) ? undefined : [...previous].reverse().find(same);
    if (earlier && !date) {
      addToStudy(earlier, findings, absent !== undefined);
      return;
    }
    const study: Study = { type };
    if (region) study.region = region.value as Study['region'];
    if (side) study.side = side.value;
    if (date) study.date = date.value;
    if (absent) study.officialReport = false;
    else if (present) study.officialReport = true;
    if (findings.length > 0) study.findings = findings.map((f) => f.item);
    study.text = span.replace(/\s+/g, ' ').trim().slice(0, 300);
    out.push(withEvidence(study, source, [m, region, side, date, absent ?? present]));
  });
  return out;
}

/** A mention not negated, not uncertain, not a study to be done ("MRI … to rule out a tear is recommended"). */
function isStudyDone(ctx: DraftContext, s: Sentence, m: PhraseMatch, reportMissing: boolean): boolean {
  const a = assertionOf(ctx.v, s, m.start, m.end);
  // "x-rays of the hip were unremarkable" is a normal study, not one that was not done
  const normalAfter = a.trigger !== undefined && a.trigger.start >= m.end && NORMAL_RESULT.test(a.trigger.text);
  if (a.uncertain || (a.negated && !reportMissing && !normalAfter)) return false;
  return !PURPOSE_AFTER.test(ctx.source.text.slice(m.end, Math.min(s.end, m.end + 80)));
}

/** The study's side: a region named before the study word has its side just before it ("left shoulder x-ray"). */
function studySide(ctx: DraftContext, s: Sentence, m: PhraseMatch, firstNamed: RegionFound | undefined, until: number) {
  const { source } = ctx;
  if (!firstNamed) return nearest(sidesIn(source.text.slice(s.start, until), s.start), m.start);
  const from = Math.max(s.start, firstNamed.start - 12);
  return nearest(sidesIn(source.text.slice(from, firstNamed.end), from), firstNamed.start);
}

const INDEFINITE = /\b(?:an?|another)\s(?:(?:left|right|bilateral|new|repeat|recent)\s){0,2}$/i;

/** "An x-ray of …", "a left shoulder MRI": a study introduced as a new one, not the one spoken of before. */
function isIndefinite(ctx: DraftContext, s: Sentence, at: number): boolean {
  return INDEFINITE.test(ctx.source.text.slice(Math.max(s.start, at - 40), at));
}

/** The word "report" just after a study's name ("MRI report was not available"). */
function reportWord(text: string, at: number): { start: number; end: number } | undefined {
  const hit = /reports?\b/i.exec(text.slice(at, at + 20));
  return hit ? { start: at + hit.index, end: at + hit.index + hit[0].length } : undefined;
}

const RESULT_BEFORE = /\b(?:negative|normal|unremarkable)\s+(?:(?:left|right|bilateral)\s+)?$/i;

/** "negative" or "normal" just before a study or the regions naming it ("a negative lumbar x-ray"). */
function resultBefore(ctx: DraftContext, s: Sentence, at: number): { start: number; end: number } | undefined {
  const from = Math.max(s.start, at - 30);
  const hit = RESULT_BEFORE.exec(ctx.source.text.slice(from, at));
  if (!hit) return undefined;
  const start = from + hit.index;
  return { start, end: start + hit[0].trimEnd().replace(/\s+(?:left|right|bilateral)$/i, '').length };
}

/** A study of kind `other` continues only a study of the same name (an echocardiogram is not the Holter monitor). */
function sameName(p: Study, m: PhraseMatch): boolean {
  return p.type !== 'other' || (p.text ?? '').toLowerCase().startsWith(m.text.toLowerCase());
}

type RegionFound = ReturnType<typeof regionsIn>[number];
type DateFound = ReturnType<typeof datesIn>[number];

/** A study's region: named just before its word, else just after it, else the nearest in the sentence. */
function studyRegion(
  ctx: DraftContext,
  s: Sentence,
  m: PhraseMatch,
  named: readonly RegionFound[],
  regionSpan: string,
): RegionFound | undefined {
  return (
    named.at(-1) ??
    regionsIn(ctx.v, regionSpan, m.start).find((r) => r.start - m.end < 60) ??
    nearest(regionsIn(ctx.v, s.text, s.start), m.start)
  );
}

/** The regions listed after a study's word, up to the verb or the clause's end ("an x-ray of the left ankle, right elbow, … revealed"). */
function listedAfter(ctx: DraftContext, m: PhraseMatch, regionSpan: string): RegionFound[] {
  const listEnd = regionSpan.search(
    /\b(revealed|reveals|showed|shows|demonstrated|indicated|indicates|was|were|performed|dated|which|that)\b|[.;]/,
  );
  return regionsIn(ctx.v, regionSpan.slice(0, listEnd < 0 ? 160 : Math.min(listEnd, 160)), m.start);
}

/** One study of a kind per region of a list, each with the side written just before its region. */
function studiesPerRegion(
  ctx: DraftContext,
  s: Sentence,
  m: PhraseMatch,
  listed: readonly RegionFound[],
  date: DateFound | undefined,
  previous: readonly Study[],
  typesSeen: Set<string>,
): Study[] {
  const { source } = ctx;
  const out: Study[] = [];
  // "negative hip and lumbar x-rays": a result written before the list is the result of each
  const normal = resultBefore(ctx, s, listed[0]!.start);
  for (const r of listed) {
    const key = `${m.key}|${r.value}`;
    if (typesSeen.has(key)) continue;
    // "lumbar spine and left shoulder x-rays were negative" after "lumbar x-ray, left shoulder x-ray": the same studies
    if (!date && previous.some((p) => p.type === m.key && p.region === r.value)) continue;
    typesSeen.add(key);
    const sideFrom = Math.max(r.start < m.start ? s.start : m.start, r.start - 12);
    const rSide = nearest(sidesIn(source.text.slice(sideFrom, r.end), sideFrom), r.start);
    const each: Study = { type: m.key as Study['type'], region: r.value as Study['region'] };
    if (rSide) each.side = rSide.value;
    if (date) each.date = date.value;
    if (normal) each.findings = [withEvidence({ kind: 'normal' as const }, source, [normal])];
    out.push(withEvidence(each, source, [m, r, rSide, date]));
  }
  return out;
}

/** Adds a later sentence's findings (and "the report was not provided") to a study already drafted. */
function addToStudy(earlier: Study, findings: readonly { item: Finding }[], reportAbsent: boolean): void {
  earlier.findings = [...(earlier.findings ?? []), ...findings.map((f) => f.item)];
  const ev = (earlier.extensions as { evidence: unknown[] }).evidence;
  for (const f of findings) ev.push(...(f.item.extensions as { evidence: unknown[] }).evidence);
  if (reportAbsent) earlier.officialReport = false;
}

const JUST_BEFORE = /^\s*(?:(?:spine|joint)\s*)?$/i;
const LIST_JOIN = /^\s*(?:(?:spine|joint)\s*)?(?:,\s*(?:and\s+)?|and\s+)(?:(?:left|right|bilateral)\s*)?$/i;

/** The regions naming a study just before its word: "left shoulder x-ray", "lumbar spine and hip x-rays". */
function regionsBefore(ctx: DraftContext, s: Sentence, at: number): ReturnType<typeof regionsIn> {
  const from = Math.max(s.start, at - 80);
  const found = regionsIn(ctx.v, ctx.source.text.slice(from, at), from);
  const chain: typeof found = [];
  let end = at;
  let gap = JUST_BEFORE;
  for (let i = found.length - 1; i >= 0; i--) {
    const r = found[i]!;
    if (!gap.test(ctx.source.text.slice(r.end, end))) break;
    chain.unshift(r);
    end = r.start;
    gap = LIST_JOIN;
  }
  return chain.filter((r, i) => chain.findIndex((o) => o.value === r.value) === i);
}

function findingsIn(ctx: DraftContext, s: Sentence, type: string, from: number, to: number): { item: Finding }[] {
  const { v, source } = ctx;
  const text = source.text.slice(from, to);
  const out: { item: Finding }[] = [];
  const seen = new Set<string>();
  const matches = v.studyFindings.find(text, from);
  matches.forEach((m, i) => {
    if (EMG_ONLY.has(m.key) && type !== 'emg-ncv') return;
    if (m.key === 'normal' && matches.some((o) => o.key !== 'normal')) return;
    const a = assertionOf(v, s, m.start, m.end);
    if (a.negated && m.key !== 'normal') return;
    if (a.uncertain) return;
    // the level and side closest to the finding, in the same clause
    // the words between the previous finding and the next one describe this one
    const clauseStart = Math.max(
      from,
      source.text.lastIndexOf(',', m.start) + 1,
      source.text.lastIndexOf(';', m.start) + 1,
      matches[i - 1]?.end ?? from,
    );
    const nextBreak = source.text.slice(m.end, to).search(/[;]|,\s(?:and\s)?(?:a\s|an\s|mild|moderate|severe|[CTL]\d)/);
    let clauseEnd = Math.min(nextBreak < 0 ? to : m.end + nextBreak, matches[i + 1]?.start ?? to);
    // "… protrusion at L4-5 with left foraminal stenosis": "left" belongs to the next finding
    if (matches[i + 1] && clauseEnd === matches[i + 1]!.start) {
      const modifiers = /(?:\s(?:left|right|bilateral|mild|moderate|severe|with|and))+\s*$/i.exec(source.text.slice(m.end, clauseEnd));
      if (modifiers) clauseEnd -= modifiers[0].length;
    }
    const clause = source.text.slice(clauseStart, clauseEnd);
    const level = nearest(
      levelsIn(clause, clauseStart).filter((l) => isSingleSegment(l.value)),
      m.start,
    );
    const root =
      m.key === 'radiculopathy' || m.key === 'nerve-root-compression' ? nearest(rootsIn(clause, clauseStart), m.start) : undefined;
    const side = nearest(sidesIn(clause, clauseStart), m.start);
    SIZE.lastIndex = 0;
    const sizeMatch = SIZE.exec(clause);
    const severity = /\b(mild|moderate|severe)\b/i.exec(clause);
    const item: Finding = { kind: m.key as Finding['kind'] };
    if (level) item.level = level.value;
    if (root) item.root = root.value;
    if (side) item.side = side.value;
    if (sizeMatch) item.sizeMm = Number(sizeMatch[1]);
    if (severity) item.severity = severity[1]!.toLowerCase() as 'mild';
    if (m.key === 'other') item.text = m.text;
    const key = `${item.kind}|${item.level ?? ''}|${item.side ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const sizeSpan = sizeMatch
      ? { start: clauseStart + sizeMatch.index, end: clauseStart + sizeMatch.index + sizeMatch[0].length }
      : undefined;
    out.push({ item: withEvidence(item, source, [m, level, root, side, sizeSpan]) });
  });
  return out;
}
