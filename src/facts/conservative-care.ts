// Conservative care already given: active/physical care and first-line medication, whether it
// failed, and for how long. "Failed" needs the record to say so (outcome failed or partial);
// a treatment listed without an outcome is tried-but-not-documented.
import { defineFact, known, unknown, type Fact, type FactContext, type FactDefinition } from './types.js';
import { indexed, itemInRegion, treatmentOutcome, type Indexed } from './record.js';
import type { Treatment, Medication } from '../request/schema.js';
import { weeksBetween } from '../util/dates.js';
import { durationInText, startSinceInText } from '../util/durations.js';
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

/** The most visits a week the guideline's physical medicine schedule starts from ("up to 3 visits per week"). */
const MAX_VISITS_PER_WEEK = 3;

/** Sessions completed (treatments only; a medication has none). */
const sessionsOf = (item: Treatment | Medication): number | undefined => ('sessions' in item ? item.sessions : undefined);

interface StatedWeeks {
  weeks: number;
  evidence: string;
}

/**
 * The duration one course states: its durationWeeks field, else its own words ("chiropractic x 3
 * weeks"), else a start its words give ("since October"), measured to the request (asOf).
 */
function statedWeeks(t: Tried, asOf: Fact<string>): StatedWeeks | undefined {
  const field = 'durationWeeks' in t.item ? t.item.durationWeeks : undefined;
  if (field !== undefined) return { weeks: field, evidence: `${t.path}.durationWeeks = ${field}` };
  const said = durationInText(t.item.text, { notAgo: true });
  if (said !== undefined) return { weeks: said.weeks, evidence: `${t.path}.text says "${said.phrase}"` };
  const since = asOf.value === undefined ? undefined : startSinceInText(t.item.text, asOf.value);
  if (since === undefined) return undefined;
  return {
    weeks: weeksBetween(since.start, asOf.value!),
    evidence: `${t.path}.text says "${since.phrase}" (from ${since.start}; ${asOf.evidence.join('; ')})`,
  };
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
      'Weeks of conservative care: the longest duration a course states (durationWeeks, else its own words: "PT for 2 weeks", "six weeks of chiropractic"), or the start its words give ("since October"), else from the earliest dated course to the request, else at least the sessions completed at three a week. Not documented otherwise: the time since injury bounds the care from above and does not say how long it went on.',
    reads: ['treatments[].durationWeeks', 'treatments[].text', 'treatments[].date', 'treatments[].sessions', 'medications[].text'],
    derive: (ctx) => {
      // care only authorized or not begun lasted no time; its words ("2x6 authorized") are a request
      const tried = [...activeCare(ctx), ...medicationCare(ctx)].filter((t) => treatmentOutcome(t.item).status !== 'not-started');
      if (tried.length === 0) return unknown(describeNone('conservative care given'));
      const asOf = serviceDate(ctx);
      const stated = tried.map((t) => statedWeeks(t, asOf)).filter((w): w is StatedWeeks => w !== undefined);
      if (stated.length > 0) {
        const longest = stated.reduce((a, b) => (b.weeks > a.weeks ? b : a));
        return known(longest.weeks, [longest.evidence]);
      }
      const dated = tried.filter((t) => t.item.date !== undefined);
      if (dated.length > 0) {
        const earliest = dated.reduce((a, b) => (a.item.date! < b.item.date! ? a : b));
        // measured to the request; the care's own date says nothing about how long it went on
        if (asOf.value !== undefined && asOf.value > earliest.item.date!)
          return known(weeksBetween(earliest.item.date!, asOf.value), [`${earliest.path}.date = ${earliest.item.date}`, ...asOf.evidence]);
        return unknown([
          `${earliest.path}.date = ${earliest.item.date}; no later date (the service's or the record's) shows how long the care went on`,
        ]);
      }
      const counted = tried
        .map((t) => ({ t, sessions: sessionsOf(t.item) }))
        .filter((c): c is { t: Tried; sessions: number } => c.sessions !== undefined && c.sessions > 0);
      if (counted.length > 0) {
        const most = counted.reduce((a, b) => (b.sessions > a.sessions ? b : a));
        return known(Math.round((most.sessions / MAX_VISITS_PER_WEEK) * 10) / 10, [
          `${most.t.path}.sessions = ${most.sessions}: at least ${most.sessions} / ${MAX_VISITS_PER_WEEK} weeks at up to ${MAX_VISITS_PER_WEEK} visits a week`,
        ]);
      }
      // The time since injury is not a stand-in: care cannot start before the injury, so it only
      // bounds the care from above, and "4-6 weeks of failed conservative care" read from four
      // weeks since injury would be an absent fact taken as met.
      return unknown([
        ...tried.map((t) => `${t.path} = ${t.label}`),
        'how long the care went on is not stated (no duration, date or sessions)',
      ]);
    },
  }),
];
