// Symptoms: named ones (vocab `symptoms`: "low back pain", "numbness") and pain named by
// region ("neck, back and right shoulder pain"), with result (denied → negative), side,
// dermatome and the pain score.
import type { Symptom } from '../request/schema.js';
import { assertionOf } from './assertion.js';
import { withEvidence, type DraftContext } from './context.js';
import type { Sentence } from './source.js';
import { datesIn, dermatomeIn, nearest, regionsIn, scoresIn, sidesIn } from './values.js';
import type { CompiledVocabulary } from './vocab.js';

const PAIN_OF_REGION: Record<string, string> = {
  lumbar: 'low-back-pain',
  cervical: 'neck-pain',
  thoracic: 'thoracic-pain',
  shoulder: 'joint-pain',
  knee: 'joint-pain',
  hip: 'joint-pain',
  wrist: 'joint-pain',
  hand: 'joint-pain',
  elbow: 'joint-pain',
  ankle: 'joint-pain',
  foot: 'foot-pain',
  head: 'headache',
  sacroiliac: 'low-back-pain',
  'upper-extremity': 'arm-pain',
  'lower-extremity': 'leg-pain',
};
// words both a complaint and an exam finding: in a sentence of the exam they are the finding
const EXAM_WORDS = new Set(['weakness', 'stiffness']);
const RADIATION =
  /(?<![A-Za-z])(?:radiat\w{0,6}|radiculat\w{0,4}|shoot\w{0,3}|travel\w{0,3})\s(?:[A-Za-z]+\s){0,3}?(?:to|into|down|through|along)\s(?:the\s|his\s|her\s|both\s)?(?:[A-Za-z]+\s){0,2}?(legs?|lower extremit\w{1,3}|thighs?|calf|calves|foot|feet|buttocks?|arms?|upper extremit\w{1,3}|hands?|fingers?|forearms?)(?![A-Za-z])/gi;
const PAIN = /(?<![A-Za-z])(pain|ache|aches|discomfort)(?![A-Za-z])/gi;
// what may stand between the regions of a list and "pain": "neck, back and right shoulder pain",
// "lumbar spine pain", "low back and bilateral hip pain" (not "cervical strain, and chest pain")
const LAST_BEFORE_PAIN = /^\s*(?:(?:spine|joint|area|region)\s*)?$/i;
/** Words between two regions of one list ("neck, back and right shoulder"): separators, sides and parts only (vocab regionListGap). */
function isListGap(v: CompiledVocabulary, gap: string): boolean {
  if (/[^\sA-Za-z,/]/.test(gap)) return false;
  const tokens = gap.match(/,|\/|[A-Za-z]+/g) ?? [];
  return (
    tokens.length <= 6 &&
    tokens.some((t) => t === ',' || t === '/' || t.toLowerCase() === 'and' || t.toLowerCase() === 'or') &&
    tokens.every((t) => t === ',' || t === '/' || v.regionListGap.is(t))
  );
}

/** The symptoms of a sentence, before `diagnosesFrom` (where a list of diagnoses starts) when given. */
export function symptomsIn(ctx: DraftContext, s: Sentence, diagnosesFrom?: number): Symptom[] {
  const { v, source } = ctx;
  if (!v.symptomCue.has(s.text) && !v.symptomSection.is(s.section)) return [];
  const out: Symptom[] = [];
  const date = datesIn(s.text, s.start, ctx.noteDate)[0];
  const scores = scoresIn(s.text, s.start);
  const covered: Array<{ start: number; end: number }> = [];
  // "neck, back and right shoulder pain" also matches the phrase "shoulder pain": one each
  const add = (
    kind: string,
    at: { start: number; end: number },
    assertionAt: { start: number; end: number },
    regionSpan?: { value: string; start: number; end: number },
  ): void => {
    if (diagnosesFrom !== undefined && at.start >= diagnosesFrom) return;
    const a = assertionOf(v, s, assertionAt.start, assertionAt.end);
    if (a.uncertain) return;
    const side = nearest(sidesIn(source.text.slice(Math.max(s.start, at.start - 25), at.end), Math.max(s.start, at.start - 25)), at.start);
    const derm = dermatomeIn(v, source.text.slice(at.start, Math.min(s.end, at.end + 60)), at.start);
    const item: Symptom = { kind };
    if (a.negated) item.result = 'negative';
    if (side) item.side = side.value;
    if (regionSpan && kind === 'joint-pain') item.region = regionSpan.value as Symptom['region'];
    if (derm && !a.negated) item.dermatome = derm.value;
    const score = !a.negated && /pain|ache|headache/.test(kind) && out.every((o) => o.score === undefined) ? scores[0] : undefined;
    if (score) item.score = score.value;
    if (date) item.date = date.value;
    out.push(withEvidence(item, source, [at, regionSpan, a.trigger, side, derm, score, date]));
  };
  const kinds = new Set<string>();
  const examined = v.examSentence.has(s.text);
  for (const m of v.symptoms.find(s.text, s.start)) {
    covered.push(m);
    // "right lower extremity weakness" among the exam's findings is a finding, not a complaint
    if (examined && EXAM_WORDS.has(m.key)) continue;
    const region = m.key === 'joint-pain' ? regionsIn(v, m.text, m.start)[0] : undefined;
    kinds.add(`${m.key}|${region?.value ?? ''}`);
    add(m.key, m, m, region);
  }
  // "pain radiating to the bilateral lower extremities", "radiation to the right leg"
  for (const r of s.text.matchAll(RADIATION)) {
    const kind = /arm|upper|hand|finger|elbow|forearm/i.test(r[1]!) ? 'radiating-arm-pain' : 'radiating-leg-pain';
    if (kinds.has(`${kind}|`)) continue;
    kinds.add(`${kind}|`);
    const start = s.start + r.index;
    add(kind, { start, end: start + r[0].length }, { start, end: start + r[0].length });
  }
  // "complaints of neck, back and right shoulder pain": every region named before "pain"
  for (const p of s.text.matchAll(PAIN)) {
    const painStart = s.start + p.index;
    const painEnd = painStart + p[0].length;
    const lead = s.text.slice(0, p.index);
    const cut = Math.max(
      lead.search(/(?:of|with|has|had|reported|reports|noted|for|complaining)\s[^.]*$/i),
      lead.lastIndexOf(';'),
      lead.lastIndexOf('.'),
      p.index - 60,
      0,
    );
    const windowStart = s.start + cut;
    const afterText = source.text.slice(painEnd, Math.min(s.end, painEnd + 40));
    const follow = /^\s(?:in|of|over|to|at|involving)\s(?:the\s|his\s|her\s|both\s)?/i.exec(afterText);
    const regions = [
      ...regionList(v, regionsIn(v, source.text.slice(windowStart, painStart), windowStart), source.text, painStart),
      ...(follow
        ? regionsAfter(v, regionsIn(v, source.text.slice(painEnd, Math.min(s.end, painEnd + 160)), painEnd), source.text, painEnd)
        : []),
    ];
    for (const r of regions) {
      const kind = PAIN_OF_REGION[r.value];
      const key = `${kind}|${kind === 'joint-pain' ? r.value : ''}`;
      if (!kind || kinds.has(key) || covered.some((c) => r.start >= c.start && r.start < c.end)) continue;
      kinds.add(key);
      add(kind, { start: Math.min(r.start, painStart), end: Math.max(r.end, painEnd) }, { start: painStart, end: painEnd }, r);
    }
  }
  return out;
}

type RegionsFound = ReturnType<typeof regionsIn>;

/** The regions that end just before "pain" as one list (read backwards from "pain"). */
function regionList(v: CompiledVocabulary, found: RegionsFound, text: string, painStart: number): RegionsFound {
  const chain: RegionsFound = [];
  let end = painStart;
  for (let i = found.length - 1; i >= 0; i--) {
    const r = found[i]!;
    // a region inside a longer one ("back" in "low back") is part of it
    if (r.end > end) continue;
    const gap = text.slice(r.end, end);
    // "neck and thoracolumbar pain" (a list whose last part is no region), never "hand, pain"
    const lastOk = LAST_BEFORE_PAIN.test(gap) || (isListGap(v, gap) && /[A-Za-z]\s*$/.test(gap));
    if (chain.length === 0 ? !lastOk : !isListGap(v, gap)) break;
    chain.unshift(r);
    end = r.start;
  }
  return chain;
}

/** The regions listed just after "pain in the", "pain to the neck, left index finger, low back, and right knee". */
function regionsAfter(v: CompiledVocabulary, found: RegionsFound, text: string, painEnd: number): RegionsFound {
  const first = found[0];
  if (!first || first.start - painEnd >= 30) return [];
  const chain = [first];
  for (const r of found.slice(1)) {
    const last = chain.at(-1)!;
    if (r.start < last.end) continue;
    if (!isListGap(v, text.slice(last.end, r.start))) break;
    chain.push(r);
  }
  return chain;
}

/** One symptom per kind, side and region: the first mention, with a score from a later one. */
export function mergeSymptoms(list: Symptom[]): Symptom[] {
  const out = new Map<string, Symptom>();
  for (const s of list) {
    const key = `${s.kind}|${s.result ?? 'positive'}|${s.region ?? ''}`;
    const have = out.get(key);
    if (!have) {
      out.set(key, s);
      continue;
    }
    have.score ??= s.score;
    have.side ??= s.side;
    have.dermatome ??= s.dermatome;
  }
  // a symptom both affirmed and denied: keep the affirmed one
  for (const [key, s] of out) if (s.result === 'negative' && out.has(key.replace('|negative|', '|positive|'))) out.delete(key);
  return [...out.values()];
}
