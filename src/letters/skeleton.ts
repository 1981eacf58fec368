// Assembles an `imr-precheck/case@1` skeleton from a parsed letter: the request (id, decision
// date, date of injury, one service per disputed item, the clinical case summary kept as
// documentation.notes for the author to encode) and the expected outcome of every item with
// the first citation of its MAXIMUS guideline line.
import { CASE_FORMAT, REQUEST_FORMAT } from '../request/schema.js';
import type { ServiceKind } from '../request/vocabulary.js';
import type { LetterCitation } from './citations.js';
import { guessKind, PRIMARY_KINDS, serviceIdBase, type KindGuess } from './kinds.js';
import type { ParsedItem, ParsedLetter } from './parse.js';

export const SCHEMA_COMMENT = '# yaml-language-server: $schema=../../../schemas/case.schema.json';

export interface SkeletonOptions {
  /** `source:` of the case: the letter's path relative to shared/ when known. */
  source?: string;
  /** Request id when the letter has no case number (e.g. the file name). */
  fallbackId?: string;
}

export type ServiceSkeleton = Record<string, unknown> & { id: string; kind: ServiceKind };

export interface ExpectedSkeleton {
  service: string;
  label: string;
  outcome: 'upheld' | 'overturned';
  guideline: { source: string; section?: string; topic?: string; pages?: string } | null;
  dependsOn?: string;
  notes?: string;
  extensions?: Record<string, unknown>;
}

export interface CaseSkeleton {
  format: typeof CASE_FORMAT;
  source?: string;
  notes: string;
  request: {
    format: typeof REQUEST_FORMAT;
    id: string;
    decisionDate?: string;
    injury?: { date: string };
    documentation?: { notes: string };
    services: ServiceSkeleton[];
  };
  expected: ExpectedSkeleton[];
}

const safeId = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'letter';

function uniqueIds(bases: string[]): string[] {
  const used = new Map<string, number>();
  const total = new Map<string, number>();
  for (const b of bases) total.set(b, (total.get(b) ?? 0) + 1);
  return bases.map((b) => {
    if (total.get(b) === 1) return b;
    const n = (used.get(b) ?? 0) + 1;
    used.set(b, n);
    return `${b}-${n}`;
  });
}

/** The service fields of a guess, in the order the request format lists them. */
export function serviceOf(id: string, guess: KindGuess, label: string): ServiceSkeleton {
  const { kind, ...rest } = guess;
  const regions = rest.regions ?? [];
  const fields: Record<string, unknown> = { id, kind };
  if (rest.modality) fields.modality = rest.modality;
  if (rest.name) fields.name = rest.name;
  if (rest.strength) fields.strength = rest.strength;
  if (rest.drugClass) fields.drugClass = rest.drugClass;
  if (rest.route) fields.route = rest.route;
  if (rest.approach) fields.approach = rest.approach;
  if (rest.levels) fields.levels = rest.levels.length === 1 ? rest.levels[0] : rest.levels;
  if (rest.specialty) fields.specialty = rest.specialty;
  if (regions.length === 1) fields.region = regions[0];
  else if (regions.length > 1) fields.regions = regions;
  if (rest.side) fields.side = rest.side;
  if (rest.quantity !== undefined) fields.quantity = rest.quantity;
  if (rest.unit) fields.unit = rest.unit;
  if (rest.visitsPerWeek !== undefined) fields.visitsPerWeek = rest.visitsPerWeek;
  if (rest.weeks !== undefined) fields.weeks = rest.weeks;
  fields.label = label;
  return fields as ServiceSkeleton;
}

/** The expected guideline: the first citation, as printed (null when the reviewer cited none). */
function guidelineOf(citation: LetterCitation | undefined): ExpectedSkeleton['guideline'] {
  if (!citation) return null;
  return {
    source: citation.source,
    ...(citation.section ? { section: citation.section } : {}),
    ...(citation.topic ? { topic: citation.topic } : {}),
    ...(citation.pages ? { pages: citation.pages } : {}),
  };
}

/**
 * The primary an associated item belongs to: a disputed procedure of the letter (a surgery for
 * surgical services, an injection for fluoroscopy, sedation and levels; the only one when
 * there is one), or undefined when the letter disputes none.
 */
function primaryIndex(items: readonly ParsedItem[], at: number): number | undefined {
  const candidates = items
    .map((it, i) => ({ it, i }))
    .filter(({ it, i }) => i !== at && PRIMARY_KINDS.has(it.guess.kind) && !it.association.associated);
  if (candidates.length === 0) return undefined;
  if (candidates.length === 1) return candidates[0]!.i;
  const hint = items[at]!.association.primaryHint ?? '';
  const wanted: ServiceKind | undefined = /surg|arthro|fusion|ectomy|plasty/i.test(hint)
    ? 'surgery'
    : hint
      ? guessKind(hint).kind
      : undefined;
  const matching = wanted ? candidates.filter(({ it }) => it.guess.kind === wanted) : [];
  const pool = matching.length > 0 ? matching : candidates;
  // the nearest preceding candidate, else the nearest following one
  return [...pool].filter(({ i }) => i < at).at(-1)?.i ?? pool[0]!.i;
}

export function buildCaseSkeleton(letter: ParsedLetter, options: SkeletonOptions = {}): CaseSkeleton {
  const id = letter.header.caseNumber ?? safeId(options.fallbackId ?? 'letter');
  const ids = uniqueIds(letter.items.map((it) => serviceIdBase(it.guess)));
  const services = letter.items.map((it, i) => serviceOf(ids[i]!, it.guess, it.label));
  const notes: string[] = [
    'Skeleton made by `precheck parse-letter`: labels, outcomes and cited guidelines are read from the letter; service kinds, quantities and `for:` links are guesses to check.',
    'The clinical case summary is in request.documentation.notes: encode its facts (patient, injury regions, diagnoses, symptoms, exam, studies, treatments, medications) per test/cases/README.md, then shorten the notes to what no field holds.',
  ];

  // associated items: `for:` their primary; an unlisted primary becomes a service with requested: false
  let extraPrimary: ServiceSkeleton | undefined;
  const primaryOf = new Map<number, string>();
  letter.items.forEach((it, i) => {
    if (!it.association.associated) return;
    const p = primaryIndex(letter.items, i);
    if (p !== undefined) {
      primaryOf.set(i, services[p]!.id);
      return;
    }
    if (!extraPrimary) {
      const hint = it.association.primaryHint ?? 'surgery';
      const guess = /surg|arthro|fusion|ectomy|plasty/i.test(hint) ? { kind: 'surgery' as const } : guessKind(hint);
      const kind = PRIMARY_KINDS.has(guess.kind) ? guess.kind : 'surgery';
      let primaryId = serviceIdBase({ kind });
      while (services.some((s) => s.id === primaryId)) primaryId = `${primaryId}-primary`;
      extraPrimary = {
        id: primaryId,
        kind,
        requested: false,
        text: `the primary procedure (${hint}), not in dispute here: describe it from the letter`,
      };
      notes.push(
        `"${primaryId}" stands for the primary procedure the associated items serve; the letter does not dispute it. Describe it, or remove the \`for:\` links if it is not a procedure.`,
      );
    }
    primaryOf.set(i, extraPrimary.id);
  });
  primaryOf.forEach((primary, i) => {
    services[i]!.for = primary;
  });

  const expected: ExpectedSkeleton[] = letter.items.map((it, i) => {
    const [first, ...others] = it.citations;
    const extensions: Record<string, unknown> = {};
    if (first?.ref) extensions.catalogRef = first.ref;
    if (others.length > 0) extensions.alsoCited = others.map((c) => c.text);
    const out: ExpectedSkeleton = {
      service: services[i]!.id,
      label: it.label,
      outcome: it.outcome,
      guideline: guidelineOf(first),
    };
    const primary = primaryOf.get(i);
    if (primary && it.association.decidedByPrimary) out.dependsOn = primary;
    if (it.originalRequest)
      out.notes = `Original request: ${it.originalRequest}; the claims administrator authorized part of it and IMR decided the remaining portion.`;
    if (Object.keys(extensions).length > 0) out.extensions = extensions;
    return out;
  });

  const decisionDate = letter.header.decisionDate;
  const injuryDate = letter.header.dateOfInjury;
  if (!decisionDate) notes.push('The letter has no Decision Date header: add decisionDate if the decision date is known.');
  return {
    format: CASE_FORMAT,
    ...(options.source ? { source: options.source } : {}),
    notes: notes.join(' '),
    request: {
      format: REQUEST_FORMAT,
      id,
      ...(decisionDate ? { decisionDate } : {}),
      ...(injuryDate ? { injury: { date: injuryDate } } : {}),
      ...(letter.summary ? { documentation: { notes: letter.summary } } : {}),
      services: extraPrimary ? [...services, extraPrimary] : services,
    },
    expected,
  };
}
