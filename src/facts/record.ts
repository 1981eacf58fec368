// Small readers over the request record that several fact modules share: which exam findings,
// studies and treatments bear on a service's body region, and how to cite them as evidence.
import type { NormalizedService } from '../request/normalize.js';
import type { Request, ExamFinding, Study } from '../request/schema.js';
import type { Region } from '../request/vocabulary.js';
import { spineRegionOf } from '../request/levels.js';
import { spineRegion, regionsOverlap } from '../request/regions.js';
import { territoryRoots, outcomeInText } from './record-terms.js';

export type Spine = 'cervical' | 'thoracic' | 'lumbar';

export interface Indexed<T> { item: T; index: number; path: string }

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
  shoulder: 'cervical', elbow: 'cervical', forearm: 'cervical', wrist: 'cervical', hand: 'cervical', 'upper-extremity': 'cervical',
  hip: 'lumbar', knee: 'lumbar', leg: 'lumbar', ankle: 'lumbar', foot: 'lumbar', 'lower-extremity': 'lumbar', pelvis: 'lumbar',
};

export interface RegionMatchOptions {
  /** A limb region counts for the spine region that supplies it (neurologic findings: hand numbness for a cervical service). */
  neurologic?: boolean;
}

/**
 * The one region match: whether something recorded in `itemRegion` bears on a service in
 * `serviceRegions`. Unknown on either side bears on any (the record did not say otherwise).
 */
export function regionConcerns(serviceRegions: readonly Region[], itemRegion: Region | undefined, options: RegionMatchOptions = {}): boolean {
  if (!itemRegion || serviceRegions.length === 0) return true;
  if (serviceRegions.some((r) => regionsOverlap(r, itemRegion))) return true;
  const spine = options.neurologic ? LIMB_SPINE[itemRegion] : undefined;
  return spine !== undefined && serviceRegions.some((r) => spineRegion(r) === spine);
}

/** Whether a record item with an optional region bears on the service's main region. */
export function itemInRegion(itemRegion: Region | undefined, service: NormalizedService): boolean {
  const main = service.regions[0];
  if (!main || !itemRegion) return true;
  return service.regions.some((r) => regionsOverlap(r, itemRegion));
}

export function examFindings(request: Request, finding: ExamFinding['finding'] | readonly ExamFinding['finding'][]): Indexed<ExamFinding>[] {
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
 *   not-started  only authorized or not yet begun (sessions 0; sessionsAuthorized without sessions)
 *   given        given, how it worked not stated
 * `outcome: unknown` or no outcome reads the item's `text`.
 */
export type OutcomeStatus = 'failed' | 'partial' | 'helped' | 'given' | 'not-started';

export function treatmentOutcome(t: { outcome?: string | undefined; sessions?: number | undefined; sessionsAuthorized?: number | undefined; text?: string | undefined }): { status: OutcomeStatus; from: string } {
  if (t.outcome === 'failed') return { status: 'failed', from: 'outcome failed' };
  if (t.outcome === 'partial') return { status: 'partial', from: 'outcome partial' };
  if (t.outcome === 'improved') return { status: 'helped', from: 'outcome improved' };
  const words = outcomeInText(t.text);
  if (words) return { status: words, from: `text "${t.text}"` };
  if (t.sessions === 0) return { status: 'not-started', from: 'sessions 0' };
  if (t.sessions === undefined && t.sessionsAuthorized !== undefined) return { status: 'not-started', from: `sessionsAuthorized ${t.sessionsAuthorized}, none completed` };
  return { status: 'given', from: 'outcome not stated' };
}

/** Evidence string for one field of an indexed item. */
export function cite(path: string, field: string, value: unknown): string {
  return `${path}.${field} = ${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

/** Diagnoses as lower-cased text with their paths. */
export function diagnosisTexts(request: Request): { text: string; path: string }[] {
  return (request.diagnoses ?? []).map((d, i) => ({ text: (typeof d === 'string' ? d : `${d.text} ${d.icd10 ?? ''}`).toLowerCase(), path: `diagnoses[${i}]` }));
}
