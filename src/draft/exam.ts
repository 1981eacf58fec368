// Physical-exam findings: the named test or sign (vocab `exam`), its result from the words
// around it ("positive", "5/5", "intact", "decreased"), side, region, dermatome and level.
import type { ExamFinding } from '../request/schema.js';
import { assertionOf } from './assertion.js';
import { withEvidence, type DraftContext } from './context.js';
import type { Sentence } from './source.js';
import { dermatomeIn, datesIn, levelsIn, nearest, regionsIn, rootsIn, sidesIn } from './values.js';
import type { PhraseMatch } from './vocab.js';

const EXAM_CUE = /\b(exam(ination)?|objective|palpation|on inspection|revealed|demonstrated|noted|positive|negative|there (was|were)|findings|tender|restricted|limited|decreased|diminished|intact|normal|had)\b/i;
const COMPLAINT = /\b(complain(s|ed|ing|ts?)?|c\/o|report(s|ed)?|endorse(s|d)?|describes?)\b/i;
const SPINE_REGIONS = new Set(['lumbar', 'cervical', 'thoracic']);
const JOINT_REGIONS = new Set(['shoulder', 'knee', 'hip', 'wrist', 'hand', 'ankle', 'foot', 'elbow', 'sacroiliac']);
const MUSCLE = /(?<![A-Za-z])(?:muscles?|musculature)(?![A-Za-z])/i;
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
    else { end = m.index; break; }
  }
  return { start: s.start + start, end: s.start + end };
}

type Result = 'positive' | 'negative';
const LIST_GAP = /^['’s]*\s*(?:tests?|signs?|maneuvers?)?\s*(?:,\s*)?(?:and\s|or\s)?\s*$/i;

function resultOf(ctx: DraftContext, s: Sentence, m: PhraseMatch): { result?: Result; span?: { start: number; end: number } } {
  const { v } = ctx;
  const clause = resultClause(s, m.start);
  const head = ctx.source.text.slice(clause.start, m.start);
  // a word just before the test: "positive Spurling", "no tenderness", "decreased sensation"
  const cuesBefore = [...v.examPositive.find(head, clause.start).map((c) => ({ c, r: 'positive' as const })), ...v.examNegative.find(head, clause.start).map((c) => ({ c, r: 'negative' as const })), ...v.negatedPre.find(head, clause.start).map((c) => ({ c, r: 'negative' as const }))]
    .filter(({ c }) => (ctx.source.text.slice(c.end, m.start).match(/[A-Za-z0-9]+/g) ?? []).length <= 4)
    .sort((a, b) => b.c.end - a.c.end);
  // a finding that carries its own result ("tenderness", "decreased sensation") keeps it
  // unless a negation comes just before it ("no tenderness", "patella not tender")
  const closest = cuesBefore[0];
  if (closest?.r === 'negative' && v.negatedPre.has(closest.c.text)) return { result: 'negative', span: closest.c };
  if (v.examPositive.has(m.text)) return { result: 'positive' };
  if (v.examNegative.has(m.text)) return { result: 'negative' };
  const tail = ctx.source.text.slice(m.end, clause.end);
  const cuesAfter = [...v.examPositive.find(tail, m.end).map((c) => ({ c, r: 'positive' as const })), ...v.examNegative.find(tail, m.end).map((c) => ({ c, r: 'negative' as const }))]
    .sort((a, b) => a.c.start - b.c.start);
  // pain on motion is not a limited range ("normal but painful range of motion")
  const usable = (c: { c: PhraseMatch }): boolean => m.key !== 'limited-range-of-motion' || !/^pain/i.test(c.c.text);
  const pick = cuesBefore.find(usable) ?? cuesAfter.find(usable);
  if (pick) return { result: pick.r, span: pick.c };
  return {};
}

/** "Tinel's sign, Finkelstein's sign, and Watson's sign were negative": the result after the last of a list. */
function listResults(ctx: DraftContext, s: Sentence, matches: readonly PhraseMatch[]): Map<PhraseMatch, { result: Result; span: { start: number; end: number } }> {
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

function findingOf(ctx: DraftContext, s: Sentence, m: PhraseMatch, all: readonly PhraseMatch[]): { finding: ExamFinding['finding']; region?: { value: string; start: number; end: number } } | undefined {
  const clause = resultClause(s, m.start);
  const clauseText = ctx.source.text.slice(clause.start, clause.end);
  const regions = regionsIn(ctx.v, clauseText, clause.start);
  const region = nearest(regions, m.start) ?? nearest(regionsIn(ctx.v, s.text, s.start), m.start);
  if (m.key !== 'joint-tenderness') return { finding: m.key as ExamFinding['finding'], ...(region ? { region } : {}) };
  // generic tenderness: paraspinal / facet / trigger-point words nearby say which; else the region does
  if (all.some((o) => o !== m && SPECIFIC_TENDERNESS.has(o.key) && o.start >= clause.start && o.start < clause.end)) return undefined;
  if (region && JOINT_REGIONS.has(region.value)) return { finding: 'joint-tenderness', region };
  // "tenderness of the cervical musculature", "tenderness to neck muscle": the paraspinal muscles
  if (region && SPINE_REGIONS.has(region.value)) return { finding: MUSCLE.test(clauseText) ? 'paraspinal-tenderness' : 'other', region };
  return { finding: 'other', ...(region ? { region } : {}) };
}

export function examFindings(ctx: DraftContext, s: Sentence, inExamParagraph: boolean): ExamFinding[] {
  const { v, source } = ctx;
  const matches = [...v.exam.find(s.text, s.start), ...namedTests(s, v.exam.find(s.text, s.start))].sort((a, b) => a.start - b.start);
  const summary = v.examNeuroSummary.find(s.text, s.start)[0];
  if (matches.length === 0 && !summary) return [];
  const examSentence = inExamParagraph || /^(objective|physical exam(ination)?|exam(ination)?)$/.test(s.section) || EXAM_CUE.test(s.text);
  if (!examSentence) return [];
  if (COMPLAINT.test(s.text) && !/\b(exam(ination)?|objective|palpation)\b/i.test(s.text)) return [];
  const out: ExamFinding[] = [];
  const seen = new Set<string>();
  const date = datesIn(s.text, s.start, ctx.noteDate)[0];
  if (summary) {
    // "no neurological deficits" / "neurologically intact": sensation, strength and reflexes normal
    const a = assertionOf(v, s, summary.start, summary.end);
    if (a.negated || /intact|normal/i.test(summary.text)) {
      const side = nearest(sidesIn(s.text, s.start), summary.start);
      const region = nearest(regionsIn(v, s.text, s.start), summary.end);
      for (const finding of ['sensory-deficit', 'motor-weakness', 'reflex-change'] as const) {
        const item: ExamFinding = { finding, result: 'negative', text: summary.text };
        if (side) item.side = side.value;
        if (region) item.region = region.value as ExamFinding['region'];
        if (date) item.date = date.value;
        seen.add(`${finding}|negative|${side?.value ?? ''}|${region?.value ?? ''}|`);
        out.push(withEvidence(item, source, [summary, a.trigger, side, region, date]));
      }
    }
  }
  let previous: { end: number; result: Result } | undefined;
  const fromList = listResults(ctx, s, matches);
  for (const m of matches) {
    const a = assertionOf(v, s, m.start, m.end);
    if (a.uncertain || a.history) continue;
    const f = findingOf(ctx, s, m, matches);
    if (!f) continue;
    const neutral = v.examNeutral.is(m.text);
    const listed = fromList.get(m);
    const r = resultOf(ctx, s, m);
    let result: Result | undefined = r.result ?? listed?.result;
    // "a negative Neer's test, Hawkins' test, and Speed's test": a list shares its result
    if (!result && previous && LIST_GAP.test(source.text.slice(previous.end, m.start))) result = previous.result;
    if (!result && a.negated) result = 'negative';
    if (!result && neutral && f.finding !== 'limited-range-of-motion') continue;
    result ??= 'positive';
    previous = { end: m.end, result };
    const clause = resultClause(s, m.start);
    const clauseText = source.text.slice(clause.start, clause.end);
    const side = nearest(sidesIn(clauseText, clause.start), m.start);
    const dermatome = f.finding === 'sensory-deficit' || f.finding === 'radicular-pain-dermatomal' || f.finding === 'motor-weakness' || f.finding === 'reflex-change' ? dermatomeIn(v, clauseText, clause.start) : undefined;
    const level = f.finding === 'facet-tenderness' || f.finding === 'facet-loading' || f.finding === 'paraspinal-tenderness' ? levelsIn(clauseText, clause.start).find((l) => !l.value.includes('-') || /^[CTL]\d+-(\d+|S1|T1|L1)$/.test(l.value)) : undefined;
    // each named test of its own ("Ely's test, Cozen's test"), each sign once per side and region
    // "decreased C5 and C6 dermatome sensation": one finding per dermatome
    const extraRoots = dermatome && /dermatom|distribution/i.test(clauseText) ? rootsIn(clauseText, clause.start).filter((r) => r.value !== dermatome.value) : [];
    const key = `${f.finding}|${result}|${side?.value ?? ''}|${f.region?.value ?? ''}|${f.finding === 'other' || NAMED_TEST_FINDINGS.has(f.finding) ? testName(m.text) : ''}|${dermatome?.value ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const root of extraRoots) {
      const each: ExamFinding = { finding: f.finding, result, dermatome: root.value };
      if (side) each.side = side.value;
      if (f.region) each.region = f.region.value as ExamFinding['region'];
      if (date) each.date = date.value;
      out.push(withEvidence(each, source, [m, r.span ?? listed?.span ?? a.trigger, side, f.region, root, date]));
    }
    const item: ExamFinding = { finding: f.finding, result };
    if (side) item.side = side.value;
    if (f.region) item.region = f.region.value as ExamFinding['region'];
    if (dermatome) item.dermatome = dermatome.value;
    if (level) item.level = level.value;
    if (date) item.date = date.value;
    if (f.finding === 'other' || /[A-Z]/.test(m.text[0]!)) item.text = source.text.slice(clause.start, clause.end).replace(/\s+/g, ' ').replace(/^[\s,;]+/, '').trim();
    out.push(withEvidence(item, source, [m, r.span ?? listed?.span ?? a.trigger, side, f.region, dermatome, level, date]));
  }
  return out;
}

/** Findings that are named tests: "Neer" and "Hawkins'" are two impingement findings, not one. */
const NAMED_TEST_FINDINGS = new Set(['impingement-sign', 'meniscal-sign', 'joint-instability', 'sacroiliac-provocation', 'rotator-cuff-weakness', 'facet-loading']);
/** "Tinel's sign" and "Tinel" name one test. */
const testName = (text: string): string => text.toLowerCase().replace(/['’]s?(?![a-z])/g, '').replace(/\s+(?:test|sign|maneuver)$/, '').replace(/\s+/g, ' ');

// "shoulder depression test", "Ely's test", "coracoid push button test": a named test the
// vocabulary does not know is kept as `other` with its name
const NAMED_TEST = /(?<![A-Za-z])((?:[A-Za-z]+(?:'s|')?\s){1,3})(test|sign|maneuver)(?![A-Za-z])/g;
const NOT_EXAM_TEST = /\b(urine|drug|blood|lab|laboratory|nerve|conduction|stress|diagnostic|the|a|an|this|that|these|of|were|was|results?|screening|toxicology|imaging|genetic|further)\s*$|^(urine|drug|blood|lab|stress|nerve)\b/i;

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
  return /\b(physical exam(ination)?|objective (findings|exam)|on (physical )?exam(ination)?|exam(ination)? (revealed|showed|noted|demonstrated|of)|objective(ly)?)\b/i.test(s.text);
}

/** Whether a sentence closes an exam paragraph (studies, treatment, plan or complaints follow). */
export function closesExam(s: Sentence): boolean {
  return /\b(MRI|x-?rays?|EMG|treatment|plan|diagnos[ie]s|complain(s|ed|ts)?|request|medications?|utilization review)\b/i.test(s.text);
}
