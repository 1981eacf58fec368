// Turns a validated request into the normalized form the fact layer reads: one decision date,
// canonical level lists, visit counts, and the body regions each service concerns.
import type { Request, Service } from './schema.js';
import type { Region } from './vocabulary.js';
import { parseLevels, spineRegionOf } from './levels.js';
import { parseVisitCourse } from './visits.js';
import { regionsInText } from './regions.js';
import { todayIso } from '../util/dates.js';

export interface NormalizedService {
  /** Position in `services[]`, for evidence paths. */
  index: number;
  raw: Service;
  id: string;
  kind: Service['kind'];
  requested: boolean;
  levels: string[];
  /** Every body region the service concerns; first is the main one. */
  regions: Region[];
  /** Where each region came from, as a request path or "label". */
  regionSource?: string;
  visits?: number;
  visitsPerWeek?: number;
  weeks?: number;
  /** Lower-cased label and text, for the few criteria that read the requester's words. */
  words: string;
}

export interface NormalizedRequest {
  raw: Request;
  id: string;
  decisionDate: string;
  decisionDateGiven: boolean;
  services: NormalizedService[];
  byId: ReadonlyMap<string, NormalizedService>;
}

const VISIT_KINDS = new Set([
  'physical-therapy',
  'occupational-therapy',
  'chiropractic',
  'acupuncture',
  'passive-modality',
  'psychological-services',
  'home-health',
  'work-hardening',
]);

export function normalizeRequest(request: Request, today?: string): NormalizedRequest {
  const services = request.services.map((s, index) => normalizeService(s, index, request));
  return {
    raw: request,
    id: request.id,
    decisionDate: request.decisionDate ?? today ?? todayIso(),
    decisionDateGiven: request.decisionDate !== undefined,
    services,
    byId: new Map(services.map((s) => [s.id, s])),
  };
}

function normalizeService(s: Service, index: number, request: Request): NormalizedService {
  const parsedLevels = s.levels === undefined ? undefined : parseLevels(s.levels);
  const levels = parsedLevels?.ok ? parsedLevels.levels : [];
  const words = `${s.label ?? ''} ${s.text ?? ''}`.toLowerCase();
  const { regions, source } = serviceRegions(s, levels, words, request);
  const out: NormalizedService = {
    index,
    raw: s,
    id: s.id,
    kind: s.kind,
    requested: s.requested !== false,
    levels,
    regions,
    words,
  };
  if (source !== undefined) out.regionSource = source;
  if (VISIT_KINDS.has(s.kind)) {
    const course = parseVisitCourse(`${s.label ?? ''} ${s.text ?? ''}`);
    const visits =
      s.quantity ?? course.visits ?? (s.visitsPerWeek !== undefined && s.weeks !== undefined ? s.visitsPerWeek * s.weeks : undefined);
    if (visits !== undefined) out.visits = visits;
    const perWeek = s.visitsPerWeek ?? course.visitsPerWeek;
    if (perWeek !== undefined) out.visitsPerWeek = perWeek;
    const weeks = s.weeks ?? course.weeks;
    if (weeks !== undefined) out.weeks = weeks;
  }
  return out;
}

function serviceRegions(s: Service, levels: string[], words: string, request: Request): { regions: Region[]; source?: string } {
  const path = `services[${request.services.indexOf(s)}]`;
  const written = [...(s.region ? [s.region] : []), ...(s.regions ?? [])];
  if (written.length > 0) return { regions: unique(written), source: s.region ? `${path}.region` : `${path}.regions` };
  if (levels.length > 0) return { regions: unique(levels.map(spineRegionOf)), source: `${path}.levels` };
  const named = regionsInText(words);
  if (named.length > 0) return { regions: named, source: `${path}.label` };
  const injured = request.injury?.regions ?? [];
  if (injured.length === 1) return { regions: [...injured], source: 'injury.regions' };
  return { regions: [] };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
