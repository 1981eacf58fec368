// Physical-exam findings: the named test or sign (vocab `exam`), its result from the words
// around it ("positive", "5/5", "intact", "decreased"), side, region, dermatome and level.
import type { ExamFinding } from '../request/schema.js';
import { assertionOf, type Assertion } from './assertion.js';
import { withEvidence, type DraftContext } from './context.js';
import type { Sentence } from './source.js';
import { dermatomeIn, datesIn, levelsIn, nearest, regionsIn, rootsIn, scoresIn, sidesIn, type Found } from './values.js';
import type { CompiledVocabulary, PhraseMatch } from './vocab.js';
import { ROOTS, spineRegionOf } from '../request/levels.js';

const SPINE_REGIONS = new Set(['lumbar', 'cervical', 'thoracic']);
const JOINT_REGIONS = new Set(['shoulder', 'knee', 'hip', 'wrist', 'hand', 'ankle', 'foot', 'elbow', 'sacroiliac']);
const MUSCLE = /(?<![A-Za-z])(?:muscles?|musculature)(?![A-Za-z])/i;
const MUSCLE_FINDINGS = new Set(['muscle-spasm', 'muscle-atrophy', 'motor-weakness']);
const SPECIFIC_TENDERNESS = new Set(['paraspinal-tenderness', 'facet-tenderness', 'trigger-point', 'sacroiliac-provocation']);

/** A clause for an exam result: the sentence part between commas, semicolons and "but". */
function resultClause(s: Sentence, at: number): { start: number; end: number } {
  const rel = at - s.start;
  const breaks = /[,;]|\bbut\b|\bhowever\b|\bwhereas\b/gi;
  let start = 0;
  let end = s.text.length;
  for (const m of s.text.matchAll(breaks)) {
    if (m[0] === ',' && /\d/.test(s.text[m.index + 1] ?? '')) continue;
    if (m.index < rel) start = m.index + m[0].length;
    else {
      end = m.index;
      break;
    }
  }
  return { start: s.start + start, end: s.start + end };
}

type Result = 'positive' | 'negative';
// each part starts with a non-space, so white space is read one way only (no backtracking over a long run)
const LIST_GAP = /^['’s]*\s*(?:(?:tests?|signs?|maneuvers?)\s*)?(?:,\s*)?(?:(?:and|or)\s+)?$/i;

interface ResultRead {
  result?: Result;
  span?: { start: number; end: number };
  intrinsic?: boolean;
  /** "pain with range of motion": the only word after a range of motion says it hurts */
  painOnMotion?: { start: number; end: number };
}
type ListedResult = { result: Result; span: { start: number; end: number } };

function resultOf(ctx: DraftContext, s: Sentence, m: PhraseMatch, all: readonly PhraseMatch[] = []): ResultRead {
  const { v } = ctx;
  const clause = resultClause(s, m.start);
  // a result word before a list of regions reaches over the list's commas
  const chainStart = regionChainStart(ctx, s, m.start);
  const headStart = Math.min(clause.start, Math.max(s.start, chainStart - 40));
  const head = ctx.source.text.slice(headStart, m.start);
  // a word of another finding is not a result ("no sensory, motor weakness or reflex asymmetry")
  const ownWord = (c: PhraseMatch): boolean => all.some((o) => o !== m && c.start >= o.start && c.end <= o.end);
  // a word just before the test: "positive Spurling", "no tenderness", "decreased sensation"
  const cuesBefore = [
    ...v.examPositive.find(head, headStart).map((c) => ({ c, r: 'positive' as const })),
    ...v.examNegative.find(head, headStart).map((c) => ({ c, r: 'negative' as const })),
    ...v.negatedPre.find(head, headStart).map((c) => ({ c, r: 'negative' as const })),
  ]
    // a word before the clause must stand just before the list of regions ("decreased cervical spine, lumbar spine and
    // shoulder range of motion"), not after another finding ("left ankle reflex 2+, right ankle reflex 1+") or other words
    // ("with and without resistance, motor strength is 4 out of 5")
    .filter(
      ({ c }) =>
        !ownWord(c) &&
        wordsBetween(ctx, c.end, m.start) <= 4 &&
        !(
          c.start < clause.start &&
          (all.some((o) => o !== m && o.end <= c.start && o.start >= headStart) ||
            !BEFORE_CHAIN.test(withoutResultWords(ctx, ctx.source.text.slice(c.end, Math.max(c.end, chainStart)))))
        ),
    )
    .sort((a, b) => b.c.end - a.c.end);
  // a finding that carries its own result ("tenderness", "decreased sensation") keeps it
  // unless a negation comes just before it ("no tenderness", "patella not tender")
  const closest = cuesBefore[0];
  if (closest?.r === 'negative' && v.negatedPre.has(closest.c.text)) return { result: 'negative', span: closest.c };
  if (v.examPositive.has(m.text)) return { result: 'positive', intrinsic: true };
  if (v.examNegative.has(m.text)) return { result: 'negative', intrinsic: true };
  // a word after the next finding is that finding's ("pain with range of motion and decreased hip strength")
  const next = all.find((o) => o.start >= m.end);
  let tailEnd = Math.min(clause.end, next?.start ?? clause.end);
  if (next && next.start <= clause.end) {
    const joined = /\b(?:and|or)\s[^,;]*$/i.exec(ctx.source.text.slice(m.end, tailEnd));
    if (joined) tailEnd = m.end + joined.index;
    // "… swelling with positive Tinel's": a result word just before the next finding is that finding's
    else {
      const own = RESULT_BEFORE_NEXT.exec(ctx.source.text.slice(m.end, tailEnd));
      if (own && next.start === tailEnd) tailEnd = m.end + own.index;
    }
  }
  const tail = ctx.source.text.slice(m.end, tailEnd);
  const cuesAfter = [
    ...v.examPositive.find(tail, m.end).map((c) => ({ c, r: 'positive' as const })),
    ...v.examNegative.find(tail, m.end).map((c) => ({ c, r: 'negative' as const })),
  ].sort((a, b) => a.c.start - b.c.start);
  // pain on motion is not a limited range ("normal but painful range of motion")
  const usable = (c: { c: PhraseMatch }): boolean => m.key !== 'limited-range-of-motion' || !/^pain/i.test(c.c.text);
  const pick = cuesBefore.find(usable) ?? cuesAfter.find(usable);
  // "no restricted range of motion", "without decreased sensation": a negation of the result word
  const negatedCue =
    pick?.r === 'positive' ? NEGATED_CUE.exec(ctx.source.text.slice(Math.max(s.start, pick.c.start - 10), pick.c.start)) : null;
  if (pick && negatedCue) return { result: 'negative', span: { start: pick.c.start - negatedCue[0].length, end: pick.c.end } };
  if (pick) return { result: pick.r, span: pick.c };
  const pain = m.key === 'limited-range-of-motion' ? (cuesBefore.find((c) => !usable(c)) ?? cuesAfter.find((c) => !usable(c))) : undefined;
  return pain ? { painOnMotion: pain.c } : {};
}

const RESULT_BEFORE_NEXT = /(?<![A-Za-z])(?:a\s|an\s)?(?:positive|negative)\s$/i;
const BEFORE_CHAIN = /^[\s,]*(?:(?:the|left|right|bilateral|both|and|but)[\s,]+)*$/i;
/** A text with its result words taken out ("limited, painful" → ", "). */
function withoutResultWords(ctx: DraftContext, text: string): string {
  let out = text;
  for (const r of [...ctx.v.examPositive.find(text), ...ctx.v.examNegative.find(text)].sort((a, b) => b.start - a.start))
    out = out.slice(0, r.start) + ' ' + out.slice(r.end);
  return out;
}
const NEGATED_CUE = /(?<![A-Za-z])(?:no|not|without)\s+$/i;

/** Words between a result word and its finding, not counting a list of regions ("decreased cervical spine, lumbar spine and right shoulder range of motion"). */
function wordsBetween(ctx: DraftContext, from: number, to: number): number {
  let gap = ctx.source.text.slice(from, to);
  for (const r of ctx.v.regions.find(gap).reverse()) gap = gap.slice(0, r.start) + gap.slice(r.end);
  return (gap.match(/[A-Za-z0-9]+/g) ?? []).filter((w) => !/^(?:spine|joint|and|left|right|bilateral|the)$/i.test(w)).length;
}

/** "Tinel's sign, Finkelstein's sign, and Watson's sign were negative": the result after the last of a list. */
function listResults(
  ctx: DraftContext,
  s: Sentence,
  matches: readonly PhraseMatch[],
): Map<PhraseMatch, { result: Result; span: { start: number; end: number } }> {
  const out = new Map<PhraseMatch, { result: Result; span: { start: number; end: number } }>();
  let run: PhraseMatch[] = [];
  const close = (): void => {
    if (run.length >= 2) {
      const last = run.at(-1)!;
      const r = resultOf(ctx, s, last);
      if (r.result && r.span && r.span.start >= last.end) for (const m of run.slice(0, -1)) out.set(m, { result: r.result, span: r.span });
    }
    run = [];
  };
  for (const m of matches) {
    const prev = run.at(-1);
    if (prev && !LIST_GAP.test(ctx.source.text.slice(prev.end, m.start))) close();
    run.push(m);
  }
  close();
  return out;
}

function findingOf(
  ctx: DraftContext,
  s: Sentence,
  m: PhraseMatch,
  all: readonly PhraseMatch[],
): { finding: ExamFinding['finding']; region?: { value: string; start: number; end: number } } | undefined {
  const clause = resultClause(s, m.start);
  const clauseText = ctx.source.text.slice(clause.start, clause.end);
  const regions = regionsIn(ctx.v, clauseText, clause.start);
  const region = nearest(regions, m.start) ?? nearest(regionsIn(ctx.v, s.text, s.start), m.start);
  if (m.key !== 'joint-tenderness') return { finding: m.key as ExamFinding['finding'], ...(region ? { region } : {}) };
  // generic tenderness: paraspinal / facet / trigger-point words nearby say which; else the region does
  // (not one of another tenderness: "tenderness in the paraspinal muscle and tenderness in the sciatic notch")
  const mine = (o: PhraseMatch): boolean =>
    !all.some((t) => t !== m && t.key === 'joint-tenderness' && Math.abs(t.start - o.start) < Math.abs(m.start - o.start));
  if (all.some((o) => o !== m && SPECIFIC_TENDERNESS.has(o.key) && o.start >= clause.start && o.start < clause.end && mine(o)))
    return undefined;
  // the muscles of another finding ("tenderness with muscle spasms") are not where the tenderness is
  let ownText = clauseText;
  for (const o of all) {
    if (o === m || !MUSCLE_FINDINGS.has(o.key) || o.start < clause.start || o.end > clause.end) continue;
    const from = o.start - clause.start - (/(?:muscles?|musculature)\s+$/i.exec(ownText.slice(0, o.start - clause.start))?.[0].length ?? 0);
    ownText = ownText.slice(0, from) + ' '.repeat(o.end - clause.start - from) + ownText.slice(o.end - clause.start);
  }
  return { finding: region ? tendernessAt(ctx.v, region.value, ownText) : 'other', ...(region ? { region } : {}) };
}

/** Tenderness by region: of a joint, of the spine's muscles ("cervical musculature") or of the spine. */
function tendernessAt(v: CompiledVocabulary, region: string, clauseText: string): ExamFinding['finding'] {
  // "tenderness of the left trapezius and deltoid muscles": a muscle's tenderness, not the joint's (vocab namedMuscles)
  if (JOINT_REGIONS.has(region)) return v.namedMuscles.has(clauseText) ? 'other' : 'joint-tenderness';
  if (SPINE_REGIONS.has(region) && MUSCLE.test(clauseText)) return 'paraspinal-tenderness';
  return 'other';
}

const MOTION =
  '(?:forward\\s)?(?:flexion|extension|abduction|adduction|(?:internal\\s|external\\s)?rotation|lateral\\sbending|dorsiflexion|plantar\\s?flexion|pronation|supination)';
// "decreased flexion, extension and lateral bending", "lumbar flexion mildly limited": a motion with a word saying it is limited
const MOTION_LIMITED = new RegExp(
  `(?<=\\b(?:decreased|limited|restricted|reduced|pain\\swith)\\s(?:(?:cervical|thoracic|lumbar|trunk|neck|back)\\s)?)${MOTION}(?![A-Za-z])|(?<![A-Za-z])${MOTION}(?=\\s(?:(?:is|was|were)\\s)?(?:(?:mildly|moderately|severely|markedly)\\s)?(?:limited|restricted|decreased|reduced)\\b)`,
  'i',
);
const MOTION_DEGREES = new RegExp(
  `(?<![A-Za-z])${MOTION}\\s(?:(?:is|was|of|to|at)\\s){0,2}\\d{1,3}(?:\\/\\d{1,3})?(?:°|\\sdegrees)?(?![0-9])|(?<![0-9.])\\d{1,3}(?:°|\\sdegrees)\\s(?:of\\s)?${MOTION}`,
  'i',
);
const TENDER = /(?<![A-Za-z])(?:tender(?:ness)?|TTP|(?:pain|painful)\s(?:with|on|to)\spalpation)(?![A-Za-z])/i;
const NOT_DOCUMENTED = /^(?:(?:was|were)\s)?not\s(?:documented|noted|reported|evident|described|performed)$/i;
const BY_REGION = new Set(['limited-range-of-motion', 'joint-tenderness', 'muscle-spasm', 'paraspinal-tenderness']);
const ROM_RESULT = /^(?:decreased|limited|restricted|reduced|full|normal|good|painful)$/i;
const REGION_BEFORE = /^\s*(?:(?:spine|joint)\s*)?(?:(?:decreased|limited|restricted|reduced|full|normal|good|painful)\s+)?$/i;
const REGION_JOIN =
  /^\s*(?:(?:spine|joint)\s*)?(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)(?:(?:over|at|of|to|in)\s+)?(?:the\s+)?(?:(?:decreased|limited|restricted|reduced|full|normal|good)\s+)?(?:(?:left|right|bilateral)\s*)?$/i;
const REGION_AFTER = /^\s*(?:of|to|in|at|over)\s+(?:the\s+|both\s+)?$/i;
// "tenderness over the lumbar paraspinal muscles, left shoulder and left wrist"
const AFTER_PARASPINAL = /^\s*(?:(?:muscles?|musculature)\s*)?(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$/i;

interface ListedRegion {
  value: string;
  start: number;
  end: number;
  side?: { value: 'left' | 'right' | 'bilateral'; start: number; end: number };
  result?: Result;
  resultSpan?: { start: number; end: number };
}

/** Where a list of regions written just before `at` begins (`at` when there is none). */
function regionChainStart(ctx: DraftContext, s: Sentence, at: number): number {
  const from = Math.max(s.start, at - 120);
  const found = regionsIn(ctx.v, ctx.source.text.slice(from, at), from);
  let start = at;
  let gap = REGION_BEFORE;
  for (let i = found.length - 1; i >= 0; i--) {
    const r = found[i]!;
    if (!gap.test(ctx.source.text.slice(r.end, start))) break;
    start = r.start;
    gap = REGION_JOIN;
  }
  return start;
}

/** The other regions of a list naming one finding: "lumbar, and hip decreased range of motion", "range of motion of the neck and shoulders". */
function regionList(ctx: DraftContext, s: Sentence, m: PhraseMatch, primary: { start: number; end: number }): ListedRegion[] {
  const { source, v } = ctx;
  const found = regionsIn(v, s.text, s.start);
  const chain: typeof found = [];
  // before the finding's words
  let end = m.start;
  let gap = REGION_BEFORE;
  for (let i = found.length - 1; i >= 0; i--) {
    const r = found[i]!;
    if (r.end > end) continue;
    if (!gap.test(source.text.slice(r.end, end))) break;
    chain.unshift(r);
    end = r.start;
    gap = REGION_JOIN;
  }
  // after them
  let from = m.end;
  gap = m.key === 'paraspinal-tenderness' ? AFTER_PARASPINAL : REGION_AFTER;
  for (const r of found) {
    if (r.start < from) continue;
    const between = source.text.slice(from, r.start).replace(/(?:left|right|bilateral)\s*$/i, '');
    if (!gap.test(between) && !(gap === AFTER_PARASPINAL && REGION_AFTER.test(between))) break;
    chain.push(r);
    from = r.end;
    gap = REGION_JOIN;
  }
  const out: ListedRegion[] = [];
  const seen = new Set<string>();
  for (const r of chain) {
    if (seen.has(r.value)) continue;
    seen.add(r.value);
    if (r.start === primary.start || chain.length < 2) continue;
    const before = source.text.slice(Math.max(s.start, r.start - 24), r.start);
    const words = before.match(/[A-Za-z]+/g) ?? [];
    const item: ListedRegion = { ...r };
    const sideWord = /(left|right|bilateral)\s*$/i.exec(before);
    if (sideWord)
      item.side = {
        value: sideWord[1]!.toLowerCase() as 'left',
        start: r.start - sideWord[0].length,
        end: r.start - sideWord[0].length + sideWord[1]!.length,
      };
    const lastWord = words.filter((w) => !/^(left|right|bilateral|and|the)$/i.test(w)).at(-1);
    if (lastWord && ROM_RESULT.test(lastWord) && (m.key === 'limited-range-of-motion' || !/^(full|good)$/i.test(lastWord))) {
      const at = before.lastIndexOf(lastWord) + Math.max(s.start, r.start - 24);
      item.result = /^(full|normal|good)$/i.test(lastWord) ? 'negative' : 'positive';
      item.resultSpan = { start: at, end: at + lastWord.length };
    }
    out.push(item);
  }
  return out;
}

export function examFindings(ctx: DraftContext, s: Sentence, inExamParagraph: boolean): ExamFinding[] {
  // measured vital signs are a finding in or out of an exam paragraph; the sentence may report more
  const vitals = vitalSigns(ctx, s);
  const matches = examMatches(ctx, s);
  const summary = ctx.v.examNeuroSummary.find(s.text, s.start)[0];
  if (matches.length === 0 && !summary) {
    if (vitals) return [vitals];
    const other =
      (inExamParagraph || ctx.v.examSection.is(s.section)) && isExamSentence(ctx, s, inExamParagraph) ? unnamedFinding(ctx, s) : undefined;
    return other ? [other] : [];
  }
  if (!isExamSentence(ctx, s, inExamParagraph)) return vitals ? [vitals] : [];
  const out: ExamFinding[] = vitals ? [vitals] : [];
  const seen = new Set<string>();
  const dates = datesIn(s.text, s.start, ctx.noteDate);
  if (summary) out.push(...neuroSummaryFindings(ctx, s, summary, dates[0], seen));
  let previous: { end: number; result: Result } | undefined;
  const fromList = listResults(ctx, s, matches);
  for (const m of matches) {
    // "exam on 11-1-16 revealed …, on 11-15-16 revealed …": each finding has the date before it
    const date = [...dates].reverse().find((d) => d.end <= m.start) ?? dates[0];
    const judged = judgeMatch(ctx, s, m, matches, fromList.get(m), previous);
    if (!judged) continue;
    previous = { end: m.end, result: judged.result };
    out.push(...findingsOfMatch(ctx, s, m, judged, date, seen));
  }
  return out;
}

// "blood pressure was 139/84", "pulse 85 bpm": a vital sign with its measure
const VITAL_MEASURE = /^\s*(?:(?:was|were|is|of|at|measured)\s+){0,2}:?\s*\d/i;

/** Vital signs measured in a sentence: one `other` finding with the words from the first to the last. */
function vitalSigns(ctx: DraftContext, s: Sentence): ExamFinding | undefined {
  const measured = ctx.v.examVitalSigns
    .find(s.text, s.start)
    .filter((m) => VITAL_MEASURE.test(ctx.source.text.slice(m.end, Math.min(s.end, m.end + 30))));
  if (measured.length === 0) return undefined;
  const first = measured[0]!;
  const lastEnd = measured.at(-1)!.end;
  const measureEnd =
    lastEnd + (/^[^,;]*?\d+(?:\/\d+)?(?:\s?(?:mmHg|bpm|%|percent))?/i.exec(ctx.source.text.slice(lastEnd, s.end))?.[0].length ?? 0);
  const span = { start: first.start, end: measureEnd };
  const date = datesIn(s.text, s.start, ctx.noteDate)[0];
  const item: ExamFinding = {
    finding: 'other',
    result: 'positive',
    text: ctx.source.text.slice(span.start, span.end).replace(/\s+/g, ' '),
  };
  if (date) item.date = date.value;
  return withEvidence(item, ctx.source, [span, date]);
}

// what an exam sentence says before its finding: "The physical examination revealed", "Objective findings:"
const EXAM_LEAD =
  /^[^.;:]{0,80}?\b(?:revealed|reveals|showed|shows|demonstrated|demonstrates|documented|noted|included|includes|indicated|notable for)\b(?:\s+(?:that|to be|to include))?\s*:?\s*|^[^:;]{0,40}:\s*/i;
const FILLER = /^(?:(?:the|a|an|that|there|was|were|is|are|had|has|also|patient|injured|worker|he|she)\s+)+/i;
const CONTENT_WORD = /[A-Za-z]{4,}/g;

/** An exam sentence that names no finding of the vocabulary ("lumbar lordosis was normal", "clean and dry incision"): an `other` finding with its words, for a person to confirm. */
function unnamedFinding(ctx: DraftContext, s: Sentence): ExamFinding | undefined {
  const { v, source } = ctx;
  // what speaks of the record, the history or the care rather than the body is not a finding
  if (v.examNotFinding.has(s.text) || v.treatments.has(s.text) || v.studies.has(s.text) || v.workStatus.has(s.text)) return undefined;
  if (scoresIn(s.text).length > 0 || v.plan.has(s.text) || v.history.has(s.text)) return undefined;
  const lead = EXAM_LEAD.exec(s.text)?.[0].length ?? 0;
  const filler = FILLER.exec(s.text.slice(lead))?.[0].length ?? 0;
  const body = s.text.slice(lead + filler).replace(/[\s.;,:]+$/, '');
  // a fragment of a list ("and laterally") is not a finding of its own
  if ((body.match(CONTENT_WORD) ?? []).length < 2) return undefined;
  const span = { start: s.start + lead + filler, end: s.start + lead + filler + body.length };
  const cue = [
    ...v.examPositive.find(body, span.start).map((c) => ({ c, r: 'positive' as const })),
    ...v.examNegative.find(body, span.start).map((c) => ({ c, r: 'negative' as const })),
    ...v.negatedPre.find(body, span.start).map((c) => ({ c, r: 'negative' as const })),
  ].sort((a, b) => a.c.start - b.c.start)[0];
  const item: ExamFinding = { finding: 'other', result: cue?.r ?? 'positive', text: body.replace(/\s+/g, ' ') };
  const side = nearest(sidesIn(s.text, s.start), span.start);
  const region = nearest(regionsIn(v, s.text, s.start), span.start);
  const date = datesIn(s.text, s.start, ctx.noteDate)[0];
  placeFinding(item, side, region, date);
  return withEvidence(item, source, [span, cue?.c, side, region, date]);
}

/** The exam words of a sentence: the vocabulary's findings, named tests it does not know, and a range of motion in degrees. */
function examMatches(ctx: DraftContext, s: Sentence): PhraseMatch[] {
  const { v } = ctx;
  const matches = [...v.exam.find(s.text, s.start), ...namedTests(s, v.exam.find(s.text, s.start))].sort((a, b) => a.start - b.start);
  // "flexion of 40/90 degrees", "95° of flexion": a range measured in degrees is a range of motion
  if (!matches.some((m) => m.key === 'limited-range-of-motion')) {
    const degrees = MOTION_DEGREES.exec(s.text) ?? MOTION_LIMITED.exec(s.text);
    if (degrees)
      matches.push({
        key: 'limited-range-of-motion',
        start: s.start + degrees.index,
        end: s.start + degrees.index + degrees[0].length,
        text: degrees[0],
      });
  }
  return matches;
}

/** Whether a sentence reports an exam: in an exam paragraph or section, or with an exam word, and not a complaint. */
function isExamSentence(ctx: DraftContext, s: Sentence, inExamParagraph: boolean): boolean {
  const { v } = ctx;
  const examSentence = inExamParagraph || v.examSection.is(s.section) || v.examCue.has(s.text);
  if (!examSentence) return false;
  const examNamed = v.examWord.has(s.text);
  // "an MRI of the knee revealed … effusion": a study's report, not the exam
  if (!examNamed && v.studies.has(s.text) && v.studyDone.has(s.text)) return false;
  // "diagnostic studies … positive for cervical spasms": an electrodiagnostic report
  if (!examNamed && v.examStudyReport.has(s.text)) return false;
  return examNamed || !v.complaint.has(s.text);
}

type Span = { start: number; end: number };
type DateFound = Found<string>;

/** "no neurological deficits" / "neurologically intact": sensation, strength and reflexes normal. */
function neuroSummaryFindings(
  ctx: DraftContext,
  s: Sentence,
  summary: PhraseMatch,
  date: DateFound | undefined,
  seen: Set<string>,
): ExamFinding[] {
  const { v, source } = ctx;
  const a = assertionOf(v, s, summary.start, summary.end);
  if (!a.negated && !/intact|normal/i.test(summary.text)) return [];
  const side = nearest(sidesIn(s.text, s.start), summary.start);
  const region = nearest(regionsIn(v, s.text, s.start), summary.end);
  const out: ExamFinding[] = [];
  for (const finding of ['sensory-deficit', 'motor-weakness', 'reflex-change'] as const) {
    const item: ExamFinding = { finding, result: 'negative', text: summary.text };
    if (side) item.side = side.value;
    if (region) item.region = region.value as ExamFinding['region'];
    if (date) item.date = date.value;
    seen.add(`${finding}|negative|${side?.value ?? ''}|${region?.value ?? ''}|`);
    out.push(withEvidence(item, source, [summary, a.trigger, side, region, date]));
  }
  return out;
}

/** An exam word judged: its finding, its result, and the words that gave the result. */
interface Judged {
  f: NonNullable<ReturnType<typeof findingOf>>;
  a: Assertion;
  r: ResultRead;
  listed: ListedResult | undefined;
  result: Result;
}

const AGAINST_NORMAL = /(?<![0-9])(\d{1,3})\s?\/\s?(\d{1,3})(?![0-9])/;

/**
 * A range of motion written against the normal ("flexion 40/90 degrees", "forward flexion 10/35"):
 * limited when short of it, full when not. Other ranges in degrees keep the general reading.
 */
function rangeAgainstNormal(ctx: DraftContext, s: Sentence, m: PhraseMatch, read: ResultRead): { result: Result; span: Span } | undefined {
  if (read.result) return undefined;
  const against = AGAINST_NORMAL.exec(/\d/.test(m.text) ? m.text : clauseTextAt(ctx, s, m.start));
  if (!against || Number(against[2]) < 10) return undefined;
  return { result: Number(against[1]) < Number(against[2]) ? 'positive' : 'negative', span: m };
}

/** The finding an exam word reports and its result; undefined when it reports none (uncertain, history, not documented, examined with no result). */
function judgeMatch(
  ctx: DraftContext,
  s: Sentence,
  m: PhraseMatch,
  matches: readonly PhraseMatch[],
  listed: ListedResult | undefined,
  previous: { end: number; result: Result } | undefined,
): Judged | undefined {
  const a = assertionOf(ctx.v, s, m.start, m.end);
  if (a.uncertain || a.history) return undefined;
  const found = findingOf(ctx, s, m, matches);
  if (!found) return undefined;
  // "spasm of the paraspinal muscles": the muscles are where another finding is, not a tenderness
  if (m.key === 'paraspinal-tenderness' && !TENDER.test(m.text) && !TENDER.test(clauseTextAt(ctx, s, m.start))) return undefined;
  const read = resultOf(ctx, s, m, matches);
  // "flexion 40/90 degrees": short of the normal written beside it
  const against = m.key === 'limited-range-of-motion' && !listed && !a.negated ? rangeAgainstNormal(ctx, s, m, read) : undefined;
  if (against) return { f: found, a, r: { span: against.span }, listed, result: against.result };
  // "pain with range of motion", "painful range of motion" and no word saying it is limited: pain on motion, not a limited range
  const painOnly = read.painOnMotion && !a.negated;
  const f = painOnly ? { ...found, finding: 'other' as const } : found;
  const r: ResultRead = painOnly ? { result: 'positive', span: read.painOnMotion } : read;
  // "range of motion was not noted": not documented is not a normal finding
  if (!r.result && a.negated && a.trigger && NOT_DOCUMENTED.test(a.trigger.text)) return undefined;
  const result = resultFor(ctx, s, m, a, r, listed, previous);
  return result ? { f, a, r, listed, result } : undefined;
}

/** The result of a finding: its own words, its list's, a negation's, or "positive"; undefined for what was only examined ('range of motion of the knee'). */
function resultFor(
  ctx: DraftContext,
  s: Sentence,
  m: PhraseMatch,
  a: Assertion,
  r: ResultRead,
  listed: ListedResult | undefined,
  previous: { end: number; result: Result } | undefined,
): Result | undefined {
  let result: Result | undefined = r.result ?? listed?.result;
  // "no sensory deficit, motor weakness, or reflex asymmetry": a negation's scope runs over a list
  // but not over a comma to an item placed on a side of its own ("no deformity, tenderness of the left trapezius")
  if (r.intrinsic && a.negated && a.trigger && a.trigger.end <= m.start && !ownSide(ctx, s, m, a.trigger)) result = 'negative';
  // "a negative Neer's test, Hawkins' test, and Speed's test": a list shares its result
  if (!result && previous && LIST_GAP.test(ctx.source.text.slice(previous.end, m.start))) result = previous.result;
  if (!result && a.negated) result = 'negative';
  // what was examined, with no word saying how it was ('range of motion of the knee'), is not a finding
  if (!result && ctx.v.examNeutral.is(m.text)) return undefined;
  return result ?? 'positive';
}

const SIDE_WORD = /(?<![A-Za-z])(?:left|right|bilateral)(?![A-Za-z])/i;
/** Whether a finding after a comma from its negation names its own side (an item of its own, not of the negated list). */
const ownSide = (ctx: DraftContext, s: Sentence, m: PhraseMatch, trigger: Span): boolean => {
  const clause = resultClause(s, m.start);
  return trigger.end <= clause.start && SIDE_WORD.test(ctx.source.text.slice(clause.start, clause.end));
};

const clauseTextAt = (ctx: DraftContext, s: Sentence, at: number): string => {
  const clause = resultClause(s, at);
  return ctx.source.text.slice(clause.start, clause.end);
};

const DERMATOMAL_FINDINGS = new Set<ExamFinding['finding']>([
  'sensory-deficit',
  'radicular-pain-dermatomal',
  'motor-weakness',
  'reflex-change',
]);
const LEVEL_FINDINGS = new Set<ExamFinding['finding']>(['facet-tenderness', 'facet-loading', 'paraspinal-tenderness']);

/** The findings one exam word gives: itself, once per side, region, test, dermatome and date; the other regions of its list; the other dermatomes of its clause. */
function findingsOfMatch(
  ctx: DraftContext,
  s: Sentence,
  m: PhraseMatch,
  j: Judged,
  date: DateFound | undefined,
  seen: Set<string>,
): ExamFinding[] {
  const { source } = ctx;
  const { f, result } = j;
  const clause = resultClause(s, m.start);
  const clauseText = source.text.slice(clause.start, clause.end);
  const side = nearest(sidesIn(clauseText, clause.start), m.start);
  // "decreased C5 and C6 dermatome sensation", "the L4-S1 distribution": one finding per dermatome
  const [dermatome, ...extraRoots] = DERMATOMAL_FINDINGS.has(f.finding) ? dermatomesOf(ctx, f.finding, clauseText, clause.start) : [];
  const level = LEVEL_FINDINGS.has(f.finding)
    ? levelsIn(clauseText, clause.start).find((l) => !l.value.includes('-') || /^[CTL]\d+-(\d+|S1|T1|L1)$/.test(l.value))
    : undefined;
  // each named test of its own ("Ely's test, Cozen's test"), each sign once per side and region
  const testPart = f.finding === 'other' || NAMED_TEST_FINDINGS.has(f.finding) ? testName(m.text) : '';
  const key = `${f.finding}|${result}|${side?.value ?? ''}|${f.region?.value ?? ''}|${testPart}|${dermatome?.value ?? ''}|${date?.value ?? ''}`;
  if (seen.has(key)) return [];
  seen.add(key);
  const out: ExamFinding[] = [];
  // "decreased cervical spine, lumbar spine and right shoulder range of motion": one per region
  if (BY_REGION.has(m.key) && f.region) out.push(...listedRegionFindings(ctx, s, m, j, f.region, clauseText, date, seen));
  const cue = j.r.span ?? j.listed?.span ?? (result === 'negative' ? j.a.trigger : undefined);
  for (const root of extraRoots) {
    const each: ExamFinding = { finding: f.finding, result, dermatome: root.value };
    placeFinding(each, side, f.region, date);
    out.push(withEvidence(each, source, [m, cue, side, f.region, root, date]));
  }
  // "C4-T5 and L1-5 paraspinal muscle hypertonicity": with no region word, the levels say where, one finding per spine region
  const [levelRegion, ...otherLevelRegions] =
    !f.region && LEVEL_REGION_FINDINGS.has(f.finding) ? levelRegionsOf(clauseText, clause.start) : [];
  for (const r of otherLevelRegions) {
    const each: ExamFinding = { finding: f.finding, result };
    placeFinding(each, side, r, date);
    out.push(withEvidence(each, source, [m, cue, side, r, date]));
  }
  const item: ExamFinding = { finding: f.finding, result };
  if (side) item.side = side.value;
  if (f.region) item.region = f.region.value as ExamFinding['region'];
  else if (levelRegion) item.region = levelRegion.value as ExamFinding['region'];
  if (dermatome) item.dermatome = dermatome.value;
  if (level) item.level = level.value;
  if (date) item.date = date.value;
  if (f.finding === 'other' || /[A-Z]/.test(m.text[0]!))
    item.text = clauseText
      .replace(/\s+/g, ' ')
      .replace(/^[\s,;]+/, '')
      .trim();
  out.push(withEvidence(item, source, [m, cue, side, f.region ?? levelRegion, dermatome, level, date]));
  out.push(...otherSideFinding(ctx, m, clause.end, item, side?.value, date, seen, testPart));
  return out;
}

// "on the left is positive and on the right is negative", "positive on the left and negative on the right"
const OTHER_SIDE =
  /^[^,;]*?\band\s+(?:(?:it\s+)?(?:is|was)\s+)?(?:(positive|negative)\s+on\s+the\s+(left|right)|on\s+the\s+(left|right)\s+(?:(?:it\s+)?(?:is|was)\s+)?(positive|negative))(?![A-Za-z])/i;

/** The same test on the other side with the other result, when the clause goes on to say so (none if already drafted). */
function otherSideFinding(
  ctx: DraftContext,
  m: PhraseMatch,
  clauseEnd: number,
  item: ExamFinding,
  side: 'left' | 'right' | 'bilateral' | undefined,
  date: DateFound | undefined,
  seen: Set<string>,
  testPart: string,
): ExamFinding[] {
  const said = side ? OTHER_SIDE.exec(ctx.source.text.slice(m.end, clauseEnd)) : null;
  if (!said) return [];
  const resultWord = (said[1] ?? said[4])!;
  const sideWord = (said[2] ?? said[3])!;
  const result: Result = resultWord.toLowerCase() === 'positive' ? 'positive' : 'negative';
  const other = sideWord.toLowerCase() as 'left' | 'right';
  const key = `${item.finding}|${result}|${other}|${item.region ?? ''}|${testPart}||${date?.value ?? ''}`;
  if (other === side || side === 'bilateral' || result === item.result || seen.has(key)) return [];
  seen.add(key);
  const at = (word: string): Span => {
    const start = m.end + said.index + said[0].lastIndexOf(word);
    return { start, end: start + word.length };
  };
  const each: ExamFinding = { finding: item.finding, result, side: other };
  if (item.region) each.region = item.region;
  if (date) each.date = date.value;
  return [withEvidence(each, ctx.source, [m, at(resultWord), at(sideWord), date])];
}

const LEVEL_REGION_FINDINGS = new Set<ExamFinding['finding']>(['muscle-spasm', 'paraspinal-tenderness']);

/** The spine regions of the levels a clause names, in order, once each ("C4-T5 and L1-5": cervical, lumbar). */
function levelRegionsOf(clauseText: string, offset: number): Found<string>[] {
  const out: Found<string>[] = [];
  for (const l of levelsIn(clauseText, offset)) {
    const region = spineRegionOf(l.value);
    if (!out.some((o) => o.value === region)) out.push({ value: region, start: l.start, end: l.end });
  }
  return out;
}

const DERMATOME_WORD = /dermatom|distribution/i;
const ROOT_RANGE = /^([CTLS])(\d{1,2})-([CTLS]?)(\d{1,2})$/;

/**
 * The dermatomes a finding names: roots with a dermatome word ("L4 and L5 dermatomes"), or any
 * root named with a sensory finding ("decreased sensation at C7 and C8"); a range with a dermatome
 * word is each root of it ("the L4-S1 distribution": L4, L5, S1); else a finger territory.
 */
function dermatomesOf(ctx: DraftContext, finding: ExamFinding['finding'], clauseText: string, offset: number): Found<string>[] {
  const cue = DERMATOME_WORD.test(clauseText);
  const out: Found<string>[] = [];
  const add = (f: Found<string>): void => {
    if (!out.some((o) => o.value === f.value)) out.push(f);
  };
  if (cue || finding === 'sensory-deficit') for (const r of rootsIn(clauseText, offset)) add(r);
  if (cue)
    for (const l of levelsIn(clauseText, offset)) {
      const m = ROOT_RANGE.exec(l.value);
      const from = m ? ROOTS.indexOf(`${m[1]}${m[2]}`) : -1;
      const to = m ? ROOTS.indexOf(`${m[3] || m[1]}${m[4]}`) : -1;
      if (from < 0 || to < from || to - from > 5) continue;
      for (const root of ROOTS.slice(from, to + 1)) add({ value: root, start: l.start, end: l.end });
    }
  out.sort((a, b) => a.start - b.start);
  if (out.length > 0) return out;
  const finger = dermatomeIn(ctx.v, clauseText, offset);
  return finger ? [finger] : [];
}

/** Sets a finding's side, region and date, in that order. */
function placeFinding(
  item: ExamFinding,
  side: Found<'left' | 'right' | 'bilateral'> | undefined,
  region: Found<string> | undefined,
  date: DateFound | undefined,
): void {
  if (side) item.side = side.value;
  if (region) item.region = region.value as ExamFinding['region'];
  if (date) item.date = date.value;
}

/** The other regions of a list naming one finding, one finding each. */
function listedRegionFindings(
  ctx: DraftContext,
  s: Sentence,
  m: PhraseMatch,
  j: Judged,
  primary: Span,
  clauseText: string,
  date: DateFound | undefined,
  seen: Set<string>,
): ExamFinding[] {
  const out: ExamFinding[] = [];
  for (const other of regionList(ctx, s, m, primary)) {
    // a tenderness over a list: a joint's is a joint tenderness, the spine's muscles' a paraspinal one
    const finding =
      m.key === 'joint-tenderness' || (m.key === 'paraspinal-tenderness' && !SPINE_REGIONS.has(other.value))
        ? tendernessAt(ctx.v, other.value, clauseText)
        : j.f.finding;
    const otherResult = other.result ?? j.result;
    const otherKey = `${finding}|${otherResult}|${other.side?.value ?? ''}|${other.value}|||${date?.value ?? ''}`;
    if (seen.has(otherKey)) continue;
    seen.add(otherKey);
    const each: ExamFinding = { finding, result: otherResult, region: other.value as ExamFinding['region'] };
    if (other.side) each.side = other.side.value;
    if (date) each.date = date.value;
    out.push(withEvidence(each, ctx.source, [m, other.resultSpan ?? j.r.span ?? j.listed?.span ?? j.a.trigger, other.side, other, date]));
  }
  return out;
}

/** Findings that are named tests: "Neer" and "Hawkins'" are two impingement findings, not one. */
const NAMED_TEST_FINDINGS = new Set([
  'impingement-sign',
  'meniscal-sign',
  'joint-instability',
  'sacroiliac-provocation',
  'rotator-cuff-weakness',
  'facet-loading',
]);
/** "Tinel's sign" and "Tinel" name one test. */
const testName = (text: string): string =>
  text
    .toLowerCase()
    .replace(/['’]s?(?![a-z])/g, '')
    .replace(/\s+(?:test|sign|maneuver)$/, '')
    .replace(/\s+/g, ' ');

// "shoulder depression test", "Ely's test", "coracoid push button test": a named test the
// vocabulary does not know is kept as `other` with its name
const NAMED_TEST = /(?<![A-Za-z])((?:[A-Za-z]+(?:'s|')?\s){1,3})(test|sign|maneuver)(?![A-Za-z])/g;
const NOT_EXAM_TEST =
  /\b(urine|drug|blood|lab|laboratory|nerve|conduction|stress|diagnostic|the|a|an|this|that|these|of|were|was|results?|screening|toxicology|imaging|genetic|further)\s*$|^(urine|drug|blood|lab|stress|nerve)\b/i;

function namedTests(s: Sentence, known: readonly PhraseMatch[]): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (const m of s.text.matchAll(NAMED_TEST)) {
    let name = m[1]!.trim();
    // keep the last words that name the test ("positive cervical compression" → "cervical compression")
    name = name.replace(/^(?:(?:a|an|the|positive|negative|and|or|with|was|were|had|there)\s)+/i, '');
    if (name === '' || NOT_EXAM_TEST.test(name)) continue;
    const start = s.start + m.index + m[0].indexOf(name);
    const end = s.start + m.index + m[0].length;
    if (known.some((k) => k.start < end && k.end > start)) continue;
    out.push({ key: 'other', start, end, text: s.text.slice(start - s.start, end - s.start) });
  }
  return out;
}

/** Whether a sentence opens an exam paragraph ("Physical examination revealed …"). */
export function opensExam(s: Sentence): boolean {
  return /\b(physical exam(ination)?|objective (findings|exam)|on (physical )?exam(ination)?|exam(ination)? (revealed|showed|noted|demonstrated|of)|objective(ly)?)\b/i.test(
    s.text,
  );
}

/** Whether a sentence closes an exam paragraph (studies, treatment, plan or complaints follow). */
export function closesExam(s: Sentence): boolean {
  return /\b(MRI|x-?rays?|EMG|treatment|plan|diagnos[ie]s|complain(s|ed|ts)?|request|medications?|utilization review)\b/i.test(s.text);
}
