// Conservative care already given: active/physical care and first-line medication, whether it
// failed, and for how long. "Failed" needs the record to say so (outcome failed or partial);
// a treatment listed without an outcome is tried-but-not-documented.
import { defineFact, known, unknown, type FactContext, type FactDefinition } from './types.js';
import { indexed, itemInRegion, treatmentOutcome, type Indexed } from './record.js';
import type { Treatment, Medication } from '../request/schema.js';
import { weeksBetween } from '../util/dates.js';
import { serviceDate } from './time.js';

export const ACTIVE_CARE: readonly Treatment['kind'][] = [
  'physical-therapy',
  'occupational-therapy',
  'chiropractic',
  'home-exercise',
  'acupuncture',
  'tens',
  'passive-modality',
  'massage',
  'activity-modification',
  'brace',
  'work-hardening',
];
export const FIRST_LINE_MEDICATION: readonly Treatment['kind'][] = [
  'nsaid',
  'muscle-relaxant',
  'neuropathic-medication',
  'oral-corticosteroid',
  'topical-medication',
];
const MEDICATION_CLASSES = new Set(['nsaid', 'muscle-relaxant', 'neuropathic', 'oral-corticosteroid', 'topical']);

export type CareStatus = 'failed' | 'improved' | 'unknown' | 'none';

interface Tried {
  path: string;
  label: string;
  outcome: string | undefined;
  item: Treatment | Medication;
}

function activeCare(ctx: FactContext): Tried[] {
  const tried: Tried[] = indexed(ctx.request.raw.treatments, 'treatments')
    .filter((t) => ACTIVE_CARE.includes(t.item.kind) && itemInRegion(t.item.region, ctx.service))
    .map((t) => ({ path: t.path, label: t.item.kind, outcome: t.item.outcome, item: t.item }));
  const hep = ctx.request.raw.documentation?.homeExerciseProgram;
  if (hep === true)
    tried.push({
      path: 'documentation.homeExerciseProgram',
      label: 'home exercise program',
      outcome: undefined,
      item: { kind: 'home-exercise' },
    });
  return tried;
}

function medicationCare(ctx: FactContext): Tried[] {
  const fromTreatments = indexed(ctx.request.raw.treatments, 'treatments')
    .filter((t) => FIRST_LINE_MEDICATION.includes(t.item.kind))
    .map((t) => ({ path: t.path, label: t.item.kind, outcome: t.item.outcome, item: t.item }));
  const fromMedications = indexed(ctx.request.raw.medications, 'medications')
    .filter((m: Indexed<Medication>) => m.item.drugClass !== undefined && MEDICATION_CLASSES.has(m.item.drugClass))
    .map((m) => ({ path: m.path, label: `${m.item.name} (${m.item.drugClass})`, outcome: m.item.outcome, item: m.item }));
  return [...fromTreatments, ...fromMedications];
}

/** Failed when any care failed or helped only partly (the guideline's "failure to respond"); then improved; else unknown. */
function status(tried: Tried[]): { value: CareStatus; evidence: string[] } {
  if (tried.length === 0) return { value: 'none', evidence: [] };
  const read = tried.map((t) => ({ t, o: treatmentOutcome({ outcome: t.outcome, text: t.item.text }) }));
  const failed = read.filter(({ o }) => o.status === 'failed' || o.status === 'partial');
  if (failed.length > 0) return { value: 'failed', evidence: failed.map(({ t, o }) => `${t.path} = ${t.label}, ${o.from}`) };
  const improved = read.filter(({ o }) => o.status === 'helped');
  if (improved.length > 0) return { value: 'improved', evidence: improved.map(({ t, o }) => `${t.path} = ${t.label}, ${o.from}`) };
  return { value: 'unknown', evidence: tried.map((t) => `${t.path} = ${t.label}, outcome not stated`) };
}

const describeNone = (what: string): string[] => [`treatments: no ${what} recorded`];

export const conservativeCareFacts: FactDefinition[] = [
  defineFact<string>({
    id: 'conservativeCare.active',
    type: 'string',
    description:
      'Active and physical care (exercise, PT, chiropractic, home exercise, …) for the region: failed | improved | unknown (tried, outcome not stated) | none.',
    reads: ['treatments[]', 'documentation.homeExerciseProgram'],
    derive: (ctx) => {
      const s = status(activeCare(ctx));
      return known(s.value, s.value === 'none' ? describeNone('exercise or physical care') : s.evidence);
    },
  }),
  defineFact<string>({
    id: 'conservativeCare.medication',
    type: 'string',
    description: 'First-line medication (NSAIDs, muscle relaxants, neuropathic agents): failed | improved | unknown | none.',
    reads: ['treatments[]', 'medications[]'],
    derive: (ctx) => {
      const s = status(medicationCare(ctx));
      return known(
        s.value,
        s.value === 'none' ? describeNone('first-line medication (NSAID, muscle relaxant, neuropathic agent)') : s.evidence,
      );
    },
  }),
  ...(['active', 'medication'] as const).map((group) =>
    defineFact<boolean>({
      id: `conservativeCare.${group}Failed`,
      type: 'boolean',
      description:
        group === 'active'
          ? 'Active/physical care (exercise, PT, chiropractic, home exercise) for the region is documented as failed; false when it improved the worker; not documented when not tried or its outcome is not stated.'
          : 'First-line medication (NSAIDs, muscle relaxants, neuropathic agents) is documented as failed; false when it helped; not documented otherwise.',
      reads: ['treatments[]', 'medications[]'],
      derive: (ctx) => {
        const s = ctx.get<string>(`conservativeCare.${group}`);
        return s.value === 'failed' ? known(true, s.evidence) : s.value === 'improved' ? known(false, s.evidence) : unknown(s.evidence);
      },
    }),
  ),
  defineFact<boolean>({
    id: 'conservativeCare.unresponsive',
    type: 'boolean',
    description:
      'Unresponsive to conservative treatment: both active/physical care and first-line medication are documented as failed. False when the record shows the worker improved with it.',
    reads: ['treatments[]', 'medications[]', 'documentation.homeExerciseProgram'],
    derive: (ctx) => {
      const active = ctx.get<string>('conservativeCare.active');
      const meds = ctx.get<string>('conservativeCare.medication');
      const evidence = [...active.evidence, ...meds.evidence];
      if (active.value === 'failed' && meds.value === 'failed') return known(true, evidence);
      if (active.value === 'improved' || meds.value === 'improved') return known(false, evidence);
      return unknown(evidence);
    },
  }),
  defineFact<number>({
    id: 'conservativeCare.weeks',
    type: 'number',
    description:
      'Weeks of conservative care: the longest stated duration, else from the earliest dated treatment, else the time since injury when care is recorded.',
    reads: ['treatments[].durationWeeks', 'treatments[].date', 'treatments[].sessions', 'injury.date'],
    derive: (ctx) => {
      const tried = [...activeCare(ctx), ...medicationCare(ctx)];
      if (tried.length === 0) return unknown(describeNone('conservative care'));
      const stated = tried.filter((t) => 'durationWeeks' in t.item && t.item.durationWeeks !== undefined);
      if (stated.length > 0) {
        const longest = Math.max(...stated.map((t) => (t.item as Treatment).durationWeeks!));
        return known(
          longest,
          stated.map((t) => `${t.path}.durationWeeks = ${(t.item as Treatment).durationWeeks}`),
        );
      }
      const dated = tried.filter((t) => t.item.date !== undefined);
      if (dated.length > 0) {
        const earliest = dated.reduce((a, b) => (a.item.date! < b.item.date! ? a : b));
        // measured to the request; the care's own date says nothing about how long it went on
        const asOf = serviceDate(ctx);
        if (asOf.value !== undefined && asOf.value > earliest.item.date!)
          return known(weeksBetween(earliest.item.date!, asOf.value), [`${earliest.path}.date = ${earliest.item.date}`, ...asOf.evidence]);
        return unknown([
          `${earliest.path}.date = ${earliest.item.date}; no later date (the service's or the record's) shows how long the care went on`,
        ]);
      }
      const months = ctx.get<number>('time.monthsSinceInjury');
      if (months.value !== undefined) {
        return known(Math.round(months.value * 4.35), [
          ...months.evidence,
          'care recorded without dates; taken to span the time since injury',
        ]);
      }
      return unknown(['treatments: no dates or durations']);
    },
  }),
];
