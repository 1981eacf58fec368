// Facts about the requested service itself: what, where, how many.
import { defineFact, known, unknown, type FactDefinition } from './types.js';
import { serviceSpine } from './record.js';
import type { NormalizedService } from '../request/normalize.js';

const path = (index: number, field: string): string => `services[${index}].${field}`;

/** The request's own words saying the service itself was already granted ("already approved"). */
const ALREADY_AUTHORIZED = /\b(?:already|previously|recently)\s+(?:been\s+)?(?:approved|authori[sz]ed|certified)\b/;
/** …or that part of it was granted at an earlier review ("2-week trial authorized by UR"). */
const PART_AUTHORIZED =
  /\b(?:approved|authori[sz]ed|certified) (?:by|at) (?:the )?(?:ur\b|utilization review|(?:prior|previous|earlier) review|claims administrator)/;

function ownWords(service: NormalizedService): string {
  return `${service.raw.label ?? ''} ${service.raw.text ?? ''} ${service.raw.purpose ?? ''}`.toLowerCase();
}

export const serviceFacts: FactDefinition[] = [
  defineFact<boolean>({
    id: 'service.alreadyAuthorized',
    type: 'boolean',
    description:
      'The request\'s own words (label, text, purpose) say the service was already approved, authorized or certified ("already approved", "previously authorized"). Never false: silence does not show that nothing was authorized.',
    reads: ['services[].label', 'services[].text', 'services[].purpose'],
    derive: ({ service }) => {
      const m = ALREADY_AUTHORIZED.exec(ownWords(service));
      return m
        ? known(true, [`services[${service.index}]: "${m[0]}"`])
        : unknown([`services[${service.index}]: no earlier authorization stated`]);
    },
  }),
  defineFact<boolean>({
    id: 'service.continuesAuthorized',
    type: 'boolean',
    description:
      'The request continues or extends a service of which a part was authorized earlier: its own words say so ("already approved", "2-week trial authorized by UR"). Never false.',
    reads: ['services[].label', 'services[].text', 'services[].purpose'],
    derive: ({ service }) => {
      const words = ownWords(service);
      const m = ALREADY_AUTHORIZED.exec(words) ?? PART_AUTHORIZED.exec(words);
      return m
        ? known(true, [`services[${service.index}]: "${m[0]}"`])
        : unknown([`services[${service.index}]: no earlier authorization stated`]);
    },
  }),
  defineFact<string>({
    id: 'service.kind',
    type: 'string',
    description: 'The service kind.',
    reads: ['services[].kind'],
    derive: ({ service }) => known(service.kind, [`${path(service.index, 'kind')} = ${service.kind}`]),
  }),
  defineFact<readonly string[]>({
    id: 'service.levels',
    type: 'list',
    description: 'Spinal levels of the service, normalized (L3-S1 → L3-4, L4-5, L5-S1).',
    reads: ['services[].levels'],
    derive: ({ service }) =>
      service.levels.length > 0
        ? known(service.levels, [`${path(service.index, 'levels')} = ${service.levels.join(', ')}`])
        : unknown([`${path(service.index, 'levels')} not given`]),
  }),
  defineFact<string>({
    id: 'service.purpose',
    type: 'string',
    description:
      'Stated purpose: diagnostic or therapeutic (free text for consultations). Injections read procedure.purpose, which also reads the label.',
    reads: ['services[].purpose'],
    derive: ({ service }) =>
      service.raw.purpose
        ? known(service.raw.purpose, [`${path(service.index, 'purpose')} = ${service.raw.purpose}`])
        : unknown([`${path(service.index, 'purpose')} not stated`]),
  }),
  defineFact<number>({
    id: 'service.quantity',
    type: 'number',
    description: 'Requested quantity (injections, units, tablets, studies).',
    reads: ['services[].quantity'],
    derive: ({ service }) =>
      service.raw.quantity !== undefined
        ? known(service.raw.quantity, [`${path(service.index, 'quantity')} = ${service.raw.quantity}`])
        : unknown([`${path(service.index, 'quantity')} not given`]),
  }),
  defineFact<number>({
    id: 'service.visits',
    type: 'number',
    description: 'Visits requested for a course of therapy: quantity, or the count the label states ("2x6" = 12).',
    reads: ['services[].quantity', 'services[].label', 'services[].visitsPerWeek', 'services[].weeks'],
    derive: ({ service }) =>
      service.visits !== undefined
        ? known(service.visits, [
            service.raw.quantity !== undefined
              ? `${path(service.index, 'quantity')} = ${service.raw.quantity}`
              : `${path(service.index, 'label')} = ${service.raw.label ?? service.raw.text ?? ''} (${service.visits} visits)`,
          ])
        : unknown([`${path(service.index, 'quantity')} not given`]),
  }),
  defineFact<number>({
    id: 'service.visitsPerWeek',
    type: 'number',
    description: 'Visits a week in the requested course.',
    reads: ['services[].visitsPerWeek', 'services[].label'],
    derive: ({ service }) =>
      service.visitsPerWeek !== undefined
        ? known(service.visitsPerWeek, [`${path(service.index, 'visitsPerWeek')} = ${service.visitsPerWeek}`])
        : unknown(),
  }),
  defineFact<number>({
    id: 'service.weeks',
    type: 'number',
    description: 'Weeks the requested course lasts.',
    reads: ['services[].weeks', 'services[].label'],
    derive: ({ service }) =>
      service.weeks !== undefined ? known(service.weeks, [`${path(service.index, 'weeks')} = ${service.weeks}`]) : unknown(),
  }),
  defineFact<string>({
    id: 'service.region',
    type: 'string',
    description: 'Main body region of the service (written, from its levels, or named in its label).',
    reads: ['services[].region', 'services[].regions', 'services[].levels', 'services[].label'],
    derive: ({ service }) =>
      service.regions[0]
        ? known(service.regions[0], [`${service.regionSource ?? path(service.index, 'region')} → ${service.regions.join(', ')}`])
        : unknown([`${path(service.index, 'region')} not given`]),
  }),
  defineFact<readonly string[]>({
    id: 'service.regions',
    type: 'list',
    description: 'Every body region the service concerns.',
    reads: ['services[].region', 'services[].regions', 'services[].label'],
    derive: ({ service }) =>
      service.regions.length > 0
        ? known(service.regions, [`${service.regionSource ?? path(service.index, 'regions')} → ${service.regions.join(', ')}`])
        : unknown(),
  }),
  defineFact<string>({
    id: 'service.spineRegion',
    type: 'string',
    description: 'cervical, thoracic or lumbar when the service is spinal.',
    reads: ['services[].region', 'services[].levels'],
    derive: ({ service }) => {
      const spine = serviceSpine(service);
      return spine ? known(spine, [`${service.regionSource ?? path(service.index, 'region')} → ${spine}`]) : unknown();
    },
  }),
  defineFact<string>({
    id: 'service.modality',
    type: 'string',
    description: 'Imaging modality (xray, mri, ct, …).',
    reads: ['services[].modality', 'services[].label'],
    derive: ({ service }) => {
      if (service.raw.modality) return known(service.raw.modality, [`${path(service.index, 'modality')} = ${service.raw.modality}`]);
      const w = service.words;
      const guess = /\bmri|magnetic resonance/.test(w)
        ? 'mri'
        : /\bct\b|computed tomography|cat scan/.test(w)
          ? 'ct'
          : /x-?ray|radiograph/.test(w)
            ? 'xray'
            : /bone scan/.test(w)
              ? 'bone-scan'
              : /ultrasound|sonogra/.test(w)
                ? 'ultrasound'
                : undefined;
      return guess ? known(guess, [`${path(service.index, 'label')} names ${guess}`]) : unknown();
    },
  }),
];
