// Small readers over the request record that several fact modules share: the record normalized
// once per request (each item's regions, spine, side, levels and outcome), the one region match,
// the one outcome reader, and how to cite items as evidence.
import type { NormalizedService } from '../request/normalize.js';
import type { Request, ExamFinding, Study, Symptom, Treatment, Medication } from '../request/schema.js';
import type { Region, Side } from '../request/vocabulary.js';
import { parseLevels, spineRegionOf } from '../request/levels.js';
import { spineRegion, regionsOverlap, regionsInText } from '../request/regions.js';
import { territoryRoots, outcomeInText, careGivenInText, namedExamTest } from './record-terms.js';
import type { NormalizedRequest } from '../request/normalize.js';

export type Spine = 'cervical' | 'thoracic' | 'lumbar';

export interface Indexed<T> {
  item: T;
  index: number;
  path: string;
}

export function indexed<T>(items: readonly T[] | undefined, field: string): Indexed<T>[] {
  return (items ?? []).map((item, index) => ({ item, index, path: `${field}[${index}]` }));
}

/** The spine region a service concerns, if it is a spinal service. */
export function serviceSpine(service: NormalizedService): Spine | undefined {
  for (const r of service.regions) {
    const s = spineRegion(r);
    if (s) return s;
  }
  return undefined;
}

/** Spine region of a written body region: a spine region, `null` for a limb or joint. */
function spineOfRegion(region: Region): Spine | null {
  return spineRegion(region) ?? null;
}

/** Findings whose body words locate a dermatome (a sensory deficit "in the thumb"). */
const SENSORY_FINDINGS: ReadonlySet<string> = new Set(['sensory-deficit', 'radicular-pain-dermatomal']);

/**
 * The nerve roots an exam finding names: its dermatome or root, else — for a sensory finding —
 * the roots of the skin territory its text names (thumb C6, index C6/C7, middle C7, ring and
 * little fingers C8; vocab/record-terms.yaml `territories`).
 */
export function findingRoots(f: ExamFinding): string[] {
  const named = f.dermatome ?? f.root;
  if (named) return [named.toUpperCase()];
  return SENSORY_FINDINGS.has(f.finding) ? territoryRoots(f.text) : [];
}

/** Spine region an exam finding refers to (`null`: a non-spinal region; undefined: not known). A named root wins over a limb region. */
export function findingSpine(f: ExamFinding): Spine | null | undefined {
  const roots = findingRoots(f);
  if (roots.length > 0) return spineRegionOf(roots[0]!);
  if (f.level) return spineRegionOf(f.level.toUpperCase());
  if (f.region) return spineOfRegion(f.region);
  if (f.finding === 'straight-leg-raise') return 'lumbar';
  return undefined;
}

/** Whether a finding bears on the service's spine region (a finding of unknown region bears on any). */
export function findingInSpine(f: ExamFinding, spine: Spine | undefined): boolean {
  if (!spine) return true;
  const own = findingSpine(f);
  return own === undefined || own === spine;
}

/** Whether a study bears on the service's spine region (a study of unknown region bears on any). */
export function studyInSpine(s: Study, spine: Spine | undefined): boolean {
  if (!spine) return true;
  const own = studySpine(s);
  return own === undefined || own === spine;
}

/** The spine region whose roots supply a limb region (a limb's numbness or weakness bears on it). */
const LIMB_SPINE: Partial<Record<Region, Spine>> = {
  shoulder: 'cervical',
  elbow: 'cervical',
  forearm: 'cervical',
  wrist: 'cervical',
  hand: 'cervical',
  'upper-extremity': 'cervical',
  hip: 'lumbar',
  knee: 'lumbar',
  leg: 'lumbar',
  ankle: 'lumbar',
  foot: 'lumbar',
  'lower-extremity': 'lumbar',
  pelvis: 'lumbar',
};

export interface RegionMatchOptions {
  /** A limb region counts for the spine region that supplies it (neurologic findings: hand numbness for a cervical service). */
  neurologic?: boolean;
  /**
   * The item must be placed in the service's region: an item or a service of unknown region does
   * not concern it (facts that need the body part named, such as imaging and surgical indications).
   * Default: unknown on either side bears on any (the record did not say otherwise).
   */
  placed?: boolean;
  /** With `placed`: the regions an item that names none is taken to concern (a lesion sign's usual regions). */
  unplacedRegions?: readonly Region[];
  /** The service's and the item's sides: a stated side other than the service's does not concern it (bilateral matches either). */
  sides?: { service: Side | undefined; item: Side | undefined };
}

/** Whether two stated sides agree: either not stated, either bilateral, or the same. */
export function sidesAgree(service: Side | undefined, item: Side | undefined): boolean {
  return !service || !item || service === 'bilateral' || item === 'bilateral' || service === item;
}

/**
 * The one region match: whether something recorded in `itemRegion` bears on a service in
 * `serviceRegions`. Unknown on either side bears on any (the record did not say otherwise),
 * unless `placed` is asked for.
 */
export function regionConcerns(
  serviceRegions: readonly Region[],
  itemRegion: Region | undefined,
  options: RegionMatchOptions = {},
): boolean {
  if (serviceRegions.length === 0) return options.placed !== true;
  if (!itemRegion) {
    if (options.placed !== true) return true;
    return (options.unplacedRegions ?? []).some((u) => serviceRegions.some((r) => regionsOverlap(r, u)));
  }
  if (options.sides && !sidesAgree(options.sides.service, options.sides.item)) return false;
  if (serviceRegions.some((r) => regionsOverlap(r, itemRegion))) return true;
  const spine = options.neurologic ? LIMB_SPINE[itemRegion] : undefined;
  return spine !== undefined && serviceRegions.some((r) => spineRegion(r) === spine);
}

/**
 * Symptom kinds that name their region ("low-back-pain" is lumbar; a radiating leg pain comes from
 * the lumbar spine). Kinds are open strings, so whole words only: "warmth" names no arm.
 */
const SYMPTOM_KIND_REGIONS: ReadonlyArray<readonly [RegExp, Region]> = [
  [/\b(?:low[- ]back|lumbar|sciatica|legs?)\b/, 'lumbar'],
  [/\b(?:neck|cervical|arms?)\b/, 'cervical'],
  [/\bthoracic\b/, 'thoracic'],
  [/\bshoulders?\b/, 'shoulder'],
  [/\bknees?\b/, 'knee'],
  [/\bhips?\b/, 'hip'],
  [/\bwrists?\b/, 'wrist'],
  [/\bhands?\b/, 'hand'],
  [/\belbows?\b/, 'elbow'],
  [/\bankles?\b/, 'ankle'],
  [/\b(?:foot|feet)\b/, 'foot'],
  [/\bheadaches?\b/, 'head'],
];

/** The region of a symptom: its own, else the one its kind names; undefined for a kind that names none ("joint-pain"). */
export function symptomRegion(s: { region?: Region | undefined; kind: string }): Region | undefined {
  return s.region ?? SYMPTOM_KIND_REGIONS.find(([words]) => words.test(s.kind))?.[1];
}

/** Whether a record item with an optional region bears on the service's main region. */
export function itemInRegion(itemRegion: Region | undefined, service: NormalizedService): boolean {
  return regionConcerns(service.regions, itemRegion);
}

export function examFindings(
  request: Request,
  finding: ExamFinding['finding'] | readonly ExamFinding['finding'][],
): Indexed<ExamFinding>[] {
  const wanted = typeof finding === 'string' ? [finding] : finding;
  return indexed(request.exam, 'exam').filter((e) => wanted.includes(e.item.finding));
}

/** A positive finding is one recorded without a result or with `result: positive`. */
export const isPositive = (f: { result?: string | undefined }): boolean => f.result === undefined || f.result === 'positive';
export const isNegative = (f: { result?: string | undefined }): boolean => f.result === 'negative';

/** Studies the record can rely on: a formal report is in the file (absent = not said otherwise). */
export const hasOfficialReport = (s: Study): boolean => s.officialReport !== false;

/** Spine region of a study, from its region or the levels of its findings (`null`: a limb or joint). */
export function studySpine(s: Study): Spine | null | undefined {
  if (s.region) return spineOfRegion(s.region);
  const level = s.findings?.find((f) => f.level)?.level ?? s.findings?.find((f) => f.root)?.root;
  return level ? spineRegionOf(level.toUpperCase()) : undefined;
}

/**
 * The one reading of how a treatment (or medication) worked:
 *   failed       the record says it failed (outcome failed, or its words: "no relief", "did not help")
 *   partial      it helped only partly or briefly (outcome partial, "temporary relief") — kept
 *                distinct: each fact says whether partial counts as failed for it
 *   helped       it is helping (outcome improved, "improved", "good relief")
 *   not-started  only authorized or not yet begun (sessions 0; sessionsAuthorized without sessions,
 *                unless its words say sessions were given; words such as "has not started")
 *   unknown      the record says the outcome is unknown (outcome unknown) and its words say
 *                nothing; also the status of an item that has no outcome (a symptom, finding or study)
 *   given        given, how it worked not stated
 * `outcome: unknown` or no outcome reads the item's `text`.
 */
export type OutcomeStatus = 'failed' | 'partial' | 'helped' | 'given' | 'not-started' | 'unknown';

type OutcomeItem = {
  outcome?: string | undefined;
  sessions?: number | undefined;
  sessionsAuthorized?: number | undefined;
  functionImproved?: boolean | undefined;
  text?: string | undefined;
};
export interface Outcome {
  status: OutcomeStatus;
  from: string;
}

/** Outcomes by record item: each item's words are read once per request, whichever fact asks. */
const outcomes = new WeakMap<OutcomeItem, Outcome>();

export function treatmentOutcome(t: OutcomeItem): Outcome {
  let outcome = outcomes.get(t);
  if (!outcome) outcomes.set(t, (outcome = readOutcome(t)));
  return outcome;
}

function readOutcome(t: OutcomeItem): Outcome {
  if (t.outcome === 'failed') return { status: 'failed', from: 'outcome failed' };
  if (t.outcome === 'partial') return { status: 'partial', from: 'outcome partial' };
  if (t.outcome === 'improved') return { status: 'helped', from: 'outcome improved' };
  const words = outcomeInText(t.text);
  if (words) return { status: words, from: `text "${t.text}"` };
  const care = careGivenInText(t.text);
  if (care === 'not-started') return { status: 'not-started', from: `text "${t.text}"` };
  if (t.sessions === 0) return { status: 'not-started', from: 'sessions 0' };
  // authorized visits with no count completed are not begun, unless the words say sessions were
  // given or the record states how function changed with them (only a course given has a result)
  if (t.sessions === undefined && t.sessionsAuthorized !== undefined && care !== 'given' && t.functionImproved === undefined)
    return { status: 'not-started', from: `sessionsAuthorized ${t.sessionsAuthorized}, none completed` };
  if (t.outcome === 'unknown') return { status: 'unknown', from: 'outcome unknown' };
  return { status: 'given', from: 'outcome not stated' };
}

/**
 * One item of the record (a symptom, exam finding, study, treatment or medication) read once per
 * request: where it is, what body region and spine region it concerns, its side and levels, and
 * how it worked. Facts read these instead of re-reading the raw item with defaults of their own.
 */
export interface RecordItem<T> extends Indexed<T> {
  /** The region the item states (absent: the record does not place it). */
  region: Region | undefined;
  /** The stated region, else the regions its own words name ("lumbar MRI"); [] when neither. */
  regions: readonly Region[];
  /** Spine region: a spine region, `null` for a limb or joint, undefined when not known. */
  spine: Spine | null | undefined;
  side: Side | undefined;
  /** Canonical spinal levels or roots the item names (treatment levels, a finding's level, root or dermatome). */
  levels: readonly string[];
  /** How it worked (treatments and medications; `unknown` for other items). */
  outcome: OutcomeStatus;
  /** The words or field the outcome was read from, for evidence. */
  outcomeFrom: string;
}

export interface NormalizedRecord {
  symptoms: readonly RecordItem<Symptom>[];
  exam: readonly RecordItem<ExamFinding>[];
  studies: readonly RecordItem<Study>[];
  treatments: readonly RecordItem<Treatment>[];
  medications: readonly RecordItem<Medication>[];
}

const levelsOf = (value: string | readonly string[] | undefined): string[] => {
  if (value === undefined) return [];
  const parsed = parseLevels(value);
  return parsed.ok ? parsed.levels : [];
};

function recordItems<T extends { text?: string | undefined; side?: Side | undefined; region?: Region | undefined }>(
  items: readonly T[] | undefined,
  field: string,
  read: (item: T) => { spine: Spine | null | undefined; levels: string[]; outcome?: { status: OutcomeStatus; from: string } },
): RecordItem<T>[] {
  return indexed(items, field).map(({ item, index, path }) => {
    const own = read(item);
    const outcome = own.outcome ?? { status: 'unknown' as const, from: 'no outcome (not a treatment)' };
    return {
      item,
      index,
      path,
      region: item.region,
      regions: item.region ? [item.region] : regionsInText(item.text?.toLowerCase()),
      spine: own.spine,
      side: item.side,
      levels: own.levels,
      outcome: outcome.status,
      outcomeFrom: outcome.from,
    };
  });
}

/** Each list is read on first use (a request whose facts read no treatment never reads its treatments). */
class RecordOfRequest implements NormalizedRecord {
  #symptoms?: RecordItem<Symptom>[];
  #exam?: RecordItem<ExamFinding>[];
  #studies?: RecordItem<Study>[];
  #treatments?: RecordItem<Treatment>[];
  #medications?: RecordItem<Medication>[];

  constructor(private readonly request: Request) {}

  get symptoms(): readonly RecordItem<Symptom>[] {
    return (this.#symptoms ??= recordItems(this.request.symptoms, 'symptoms', (s) => ({
      spine: s.dermatome ? spineRegionOf(s.dermatome) : s.region ? spineOfRegion(s.region) : undefined,
      levels: s.dermatome ? [s.dermatome.toUpperCase()] : [],
    })));
  }
  get exam(): readonly RecordItem<ExamFinding>[] {
    return (this.#exam ??= recordItems(this.request.exam, 'exam', (f) => ({
      spine: findingSpine(f),
      levels: [...findingRoots(f), ...levelsOf(f.level)],
    })));
  }
  get studies(): readonly RecordItem<Study>[] {
    return (this.#studies ??= recordItems(this.request.studies, 'studies', (s) => ({
      spine: studySpine(s),
      levels: [...new Set((s.findings ?? []).flatMap((f) => [...levelsOf(f.level), ...(f.root ? [f.root.toUpperCase()] : [])]))],
    })));
  }
  get treatments(): readonly RecordItem<Treatment>[] {
    return (this.#treatments ??= recordItems(this.request.treatments, 'treatments', (t) => {
      const levels = levelsOf(t.levels);
      return {
        spine: t.region ? spineOfRegion(t.region) : levels.length > 0 ? spineRegionOf(levels[0]!) : undefined,
        levels,
        outcome: treatmentOutcome(t),
      };
    }));
  }
  get medications(): readonly RecordItem<Medication>[] {
    return (this.#medications ??= recordItems(this.request.medications, 'medications', (m) => ({
      spine: m.region ? spineOfRegion(m.region) : undefined,
      levels: [],
      outcome: treatmentOutcome(m),
    })));
  }
}

const normalizedRecords = new WeakMap<Request, NormalizedRecord>();

/** The request's record, normalized once per request (memoized on the request object). */
export function normalizedRecord(request: Request): NormalizedRecord {
  let record = normalizedRecords.get(request);
  if (!record) normalizedRecords.set(request, (record = new RecordOfRequest(request)));
  return record;
}

/**
 * The request as the facts read it: an exam finding recorded as `other` whose words name one
 * test of a finding the shared vocabulary has ("McMurray's test", "Lachman negative") is read as
 * that finding, with `result: negative` when its words negate it and no result is given. Paths
 * and every other field are unchanged. One object per request, so per-request caches hold.
 */
export function recordAsRead(request: NormalizedRequest): NormalizedRequest {
  let read = readRequests.get(request);
  if (!read) readRequests.set(request, (read = withNamedTests(request)));
  return read;
}

const readRequests = new WeakMap<NormalizedRequest, NormalizedRequest>();

function withNamedTests(request: NormalizedRequest): NormalizedRequest {
  const exam = request.raw.exam;
  if (!exam?.some((f) => f.finding === 'other' && namedExamTest(f.text))) return request;
  const read = exam.map((f): ExamFinding => {
    if (f.finding !== 'other') return f;
    const named = namedExamTest(f.text);
    if (!named) return f;
    return { ...f, finding: named.finding, ...(f.result === undefined && named.negated ? { result: 'negative' as const } : {}) };
  });
  return { ...request, raw: { ...request.raw, exam: read } };
}

/** Evidence string for one field of an indexed item. */
export function cite(path: string, field: string, value: unknown): string {
  return `${path}.${field} = ${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

/** Diagnoses as lower-cased text with their paths. */
export function diagnosisTexts(request: Request): { text: string; path: string }[] {
  return (request.diagnoses ?? []).map((d, i) => ({
    text: (typeof d === 'string' ? d : `${d.text} ${d.icd10 ?? ''}`).toLowerCase(),
    path: `diagnoses[${i}]`,
  }));
}

/**
 * The exam findings and symptoms the record reports (negative ones aside) as lower-cased words:
 * the finding or symptom kind and its `text`, with their paths. For facts that read what the
 * worker cannot do ("unable to walk", "wheelchair-bound") wherever the record states it.
 */
export function reportedFindingTexts(request: Request): { text: string; path: string }[] {
  return [
    ...indexed(request.exam, 'exam')
      .filter((e) => isPositive(e.item))
      .map((e) => ({ path: e.path, text: `${e.item.finding} ${e.item.text ?? ''}`.toLowerCase() })),
    ...indexed(request.symptoms, 'symptoms')
      .filter((s) => s.item.result !== 'negative')
      .map((s) => ({ path: s.path, text: `${s.item.kind} ${s.item.text ?? ''}`.toLowerCase() })),
  ];
}
