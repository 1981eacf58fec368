// The surgical episode a therapy service belongs to: whether it is requested for a surgery
// (`for:` a surgery service), how long ago the most recent surgery on its body region was, and
// which procedure that was, in the terms of the MTUS Post-Surgical Treatment Guidelines
// (8 CCR 9792.24.3(d)). The visit numbers of that schedule are thresholds and live in the rule.
import { defineFact, known, unknown, type FactContext, type FactDefinition } from './types.js';
import { indexed, type Indexed } from './record.js';
import { regionsOverlap } from '../request/regions.js';
import { monthsBetween, dayNumber } from '../util/dates.js';
import type { NormalizedService } from '../request/normalize.js';
import type { Request } from '../request/schema.js';
import { INJECTION_SERVICE_KINDS, type Region } from '../request/vocabulary.js';

type Surgery = NonNullable<Request['surgeries']>[number];

/** The service named by `for:`, if any. */
export function primaryOf(ctx: FactContext): NormalizedService | undefined {
  const id = ctx.service.raw.for;
  return id === undefined ? undefined : ctx.request.byId.get(id);
}

/** The surgery service this therapy is requested for (planned or being certified with it). */
export function plannedSurgery(ctx: FactContext): NormalizedService | undefined {
  const primary = primaryOf(ctx);
  return primary?.kind === 'surgery' ? primary : undefined;
}

function overlaps(surgeryRegion: Region | undefined, serviceRegion: Region | undefined): boolean {
  return surgeryRegion === undefined || serviceRegion === undefined || regionsOverlap(serviceRegion, surgeryRegion);
}

/**
 * The most recent dated surgery on the service's body region, done on or before the decision
 * date. The service's regions are tried in order, so a therapy for "left hand, right lower leg"
 * belongs to the hand surgery when both were operated on.
 */
export function latestSurgery(ctx: FactContext): Indexed<Surgery> | undefined {
  const decided = dayNumber(ctx.request.decisionDate);
  const dated = indexed(ctx.request.raw.surgeries, 'surgeries').filter(
    (s) => s.item.date !== undefined && dayNumber(s.item.date) <= decided,
  );
  const regions: (Region | undefined)[] = ctx.service.regions.length > 0 ? ctx.service.regions : [undefined];
  for (const region of regions) {
    const here = dated.filter((s) => overlaps(s.item.region, region));
    if (here.length > 0) return here.reduce((a, b) => (dayNumber(b.item.date!) > dayNumber(a.item.date!) ? b : a));
  }
  return undefined;
}

/**
 * The procedure categories of the PSTG schedule the pack encodes. The order matters: the first
 * pattern that fits wins (a "knee arthroscopy with ACL evaluation and medial meniscectomy" is a
 * meniscectomy).
 */
const PROCEDURES: ReadonlyArray<[string, (t: string, r: ReadonlySet<Region>) => boolean]> = [
  ['carpal-tunnel-release', (t) => /carpal tunnel/.test(t)],
  ['trigger-finger-release', (t) => /trigger (?:finger|thumb)|stenosing tenosynovitis/.test(t)],
  ['achilles-repair', (t) => /achilles/.test(t)],
  ['knee-arthroplasty', (t, r) => /arthroplasty|replacement/.test(t) && (r.has('knee') || /knee/.test(t))],
  ['hip-arthroplasty', (t, r) => /arthroplasty|replacement/.test(t) && (r.has('hip') || /\bhip\b/.test(t))],
  ['shoulder-arthroplasty', (t, r) => /arthroplasty|replacement/.test(t) && (r.has('shoulder') || /shoulder/.test(t))],
  [
    'cervical-fusion-discectomy',
    (t, r) => /fusion|arthrodesis|\bacdf\b|discectomy|diskectomy/.test(t) && (r.has('cervical') || /cervical|\bc[2-7]\b/.test(t)),
  ],
  [
    'lumbar-fusion',
    (t, r) => /fusion|arthrodesis/.test(t) && (r.has('lumbar') || r.has('thoracic') || r.has('sacroiliac') || /lumbar|\bl[1-5]\b/.test(t)),
  ],
  [
    'lumbar-discectomy-laminectomy',
    (t, r) =>
      /discectomy|diskectomy|laminectomy|laminotomy|foraminotomy|decompress/.test(t) &&
      (r.has('lumbar') || r.has('thoracic') || /lumbar|\bl[1-5]\b/.test(t)),
  ],
  ['knee-meniscectomy', (t) => /menisc/.test(t)],
  ['knee-acl-reconstruction', (t) => /\bacl\b|anterior cruciate/.test(t) && /reconstruct|repair|graft/.test(t)],
  ['knee-meniscectomy', (t, r) => /arthroscop|chondroplasty|loose body|debridement/.test(t) && (r.has('knee') || /knee/.test(t))],
  ['shoulder-instability-repair', (t, r) => /bankart|dislocat|instabil|labr|\bslap\b/.test(t) && (r.has('shoulder') || /shoulder/.test(t))],
  ['shoulder-rotator-cuff-repair', (t) => /rotator cuff (?:repair|tear|rupture)|cuff repair/.test(t)],
  ['shoulder-adhesive-capsulitis', (t) => /adhesive capsulitis|frozen shoulder|capsular release/.test(t)],
  [
    'shoulder-impingement',
    (t, r) => /acromioplasty|subacromial|impingement|decompression/.test(t) && (r.has('shoulder') || /shoulder/.test(t)),
  ],
  ['shoulder-impingement', (t, r) => /arthroscop/.test(t) && (r.has('shoulder') || /shoulder/.test(t))],
  ['elbow-epicondylitis', (t) => /epicondyl|tennis elbow/.test(t)],
  ['cubital-tunnel-release', (t) => /cubital tunnel|ulnar nerve/.test(t)],
  ['femur-fracture', (t) => /fractur|\borif\b|open reduction|fixation/.test(t) && /femur|femoral/.test(t)],
  ['tibia-fibula-fracture', (t) => /fractur|\borif\b|open reduction|fixation/.test(t) && /tibia|fibula|pilon/.test(t)],
  ['ankle-fracture', (t, r) => /fractur|\borif\b|open reduction|fixation/.test(t) && (/ankle|malleol/.test(t) || r.has('ankle'))],
  [
    'hand-fracture',
    (t, r) => /fractur|\borif\b|open reduction|fixation/.test(t) && (/metacarpal|phalan|finger|thumb/.test(t) || r.has('hand')),
  ],
  [
    'wrist-forearm-fracture',
    (t, r) =>
      /fractur|\borif\b|open reduction|fixation/.test(t) &&
      (/radius|radial|ulna|wrist|colles/.test(t) || r.has('wrist') || r.has('forearm')),
  ],
  ['tibia-fibula-fracture', (t, r) => /fractur|\borif\b|open reduction|fixation/.test(t) && (r.has('leg') || /\bleg\b/.test(t))],
];

/** The PSTG procedure category of a surgery described by its words and body regions; `unlisted` when none fits. */
export function procedureCategory(words: string, regions: readonly Region[]): string {
  const text = words.toLowerCase().replace(/[-_]/g, ' ');
  const set = new Set(regions);
  return PROCEDURES.find(([, fits]) => fits(text, set))?.[0] ?? 'unlisted';
}

export const postsurgicalFacts: FactDefinition[] = [
  defineFact<boolean>({
    id: 'postsurgical.forSurgery',
    type: 'boolean',
    description:
      'The service is requested for a surgery (`for:` names a surgery service): post-operative care that stands or falls with it.',
    reads: ['services[].for'],
    derive: (ctx) => {
      const primary = primaryOf(ctx);
      const path = `services[${ctx.service.index}].for`;
      if (!primary) return known(false, [`${path} not given`]);
      return known(primary.kind === 'surgery', [`${path} = ${primary.id} (${primary.kind})`]);
    },
  }),
  defineFact<boolean>({
    id: 'postsurgical.forInjection',
    type: 'boolean',
    description:
      'The service is requested for an injection (`for:` names an epidural, facet, trigger point or other injection), e.g. post-injection therapy.',
    reads: ['services[].for'],
    derive: (ctx) => {
      const primary = primaryOf(ctx);
      const path = `services[${ctx.service.index}].for`;
      if (!primary) return known(false, [`${path} not given`]);
      return known(INJECTION_SERVICE_KINDS.has(primary.kind), [`${path} = ${primary.id} (${primary.kind})`]);
    },
  }),
  defineFact<number>({
    id: 'postsurgical.monthsSinceSurgery',
    type: 'number',
    description:
      'Months from the most recent surgery on the service region to the decision date; 0 when the service is requested for a planned surgery. Not documented when the record shows no dated surgery there.',
    reads: ['services[].for', 'surgeries[].date', 'surgeries[].region', 'decisionDate'],
    derive: (ctx) => {
      const planned = plannedSurgery(ctx);
      if (planned) return known(0, [`services[${ctx.service.index}].for = ${planned.id} (surgery requested with it)`]);
      const latest = latestSurgery(ctx);
      if (!latest) return unknown(['surgeries: no dated surgery recorded for this region']);
      return known(monthsBetween(latest.item.date!, ctx.request.decisionDate), [
        `${latest.path}.date = ${latest.item.date} (${latest.item.kind}${latest.item.region ? `, ${latest.item.region}` : ''})`,
      ]);
    },
  }),
  defineFact<string>({
    id: 'postsurgical.procedure',
    type: 'string',
    description:
      'The procedure the post-operative therapy follows, as a category of the MTUS Post-Surgical Treatment Guidelines schedule (e.g. shoulder-instability-repair, knee-meniscectomy, hand-fracture); `unlisted` when the words fit none.',
    reads: ['services[].for', 'surgeries[]'],
    derive: (ctx) => {
      const planned = plannedSurgery(ctx);
      if (planned) {
        const words = `${planned.raw.label ?? ''} ${planned.raw.text ?? ''}`;
        const category = procedureCategory(words, planned.regions.length > 0 ? planned.regions : ctx.service.regions);
        return known(category, [`services[${planned.index}] = ${words.trim()} → ${category}`]);
      }
      const latest = latestSurgery(ctx);
      if (!latest) return unknown(['surgeries: no dated surgery recorded for this region']);
      const words = `${latest.item.kind} ${latest.item.text ?? ''}`;
      const regions = latest.item.region ? [latest.item.region] : ctx.service.regions;
      const category = procedureCategory(words, regions);
      return known(category, [`${latest.path} = ${words.trim()} → ${category}`]);
    },
  }),
];
