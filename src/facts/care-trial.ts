// The trial of conservative care that precedes a diagnostic study ("special studies are not
// needed unless a period of conservative care and observation fails to improve symptoms";
// "failure to progress in a strengthening program"). One status per group of treatments for
// the service's region:
//   failed       the record says the care failed or helped only partly
//   improved     the record says the care is helping (so the study is premature)
//   given        care was given, its outcome is not stated (symptoms still reported)
//   not-started  care was only authorized or not yet started (sessions 0, or sessionsAuthorized
//                without sessions completed or an outcome)
// and undefined (not documented) when no such care is recorded. When treatments disagree,
// improvement wins over failure (care that is helping has not failed), failure over the rest.
import { defineFact, known, unknown, type FactContext, type FactDefinition } from './types.js';
import { indexed, itemInRegion, treatmentOutcome } from './record.js';
import type { Treatment } from '../request/schema.js';

export type TrialStatus = 'failed' | 'improved' | 'given' | 'not-started';

/** Exercise-based care: the ACOEM "strengthening program". */
export const EXERCISE_CARE: readonly Treatment['kind'][] = ['physical-therapy', 'occupational-therapy', 'home-exercise', 'work-hardening'];
/** Active and physical conservative care (medication and activity modification alone are not a trial of care). */
export const CONSERVATIVE_CARE: readonly Treatment['kind'][] = [
  ...EXERCISE_CARE, 'chiropractic', 'acupuncture', 'massage', 'passive-modality', 'tens',
];

const RANK: readonly TrialStatus[] = ['improved', 'failed', 'given', 'not-started'];

/** How one treatment entry stands for a trial of care: partial relief is a trial that did not resolve the symptoms; an outcome stated unknown is care given. */
export function trialStatus(t: Treatment): TrialStatus {
  const { status } = treatmentOutcome(t);
  return status === 'partial' ? 'failed' : status === 'helped' ? 'improved' : status === 'unknown' ? 'given' : status;
}

function trial(ctx: FactContext, kinds: readonly Treatment['kind'][], what: string) {
  const entries = indexed(ctx.request.raw.treatments, 'treatments')
    .filter((t) => kinds.includes(t.item.kind) && itemInRegion(t.item.region, ctx.service))
    .map((t) => ({ path: t.path, kind: t.item.kind, status: trialStatus(t.item) }));
  if (kinds.includes('home-exercise') && ctx.request.raw.documentation?.homeExerciseProgram === true
    && !entries.some((e) => e.kind === 'home-exercise')) {
    entries.push({ path: 'documentation.homeExerciseProgram', kind: 'home-exercise', status: 'given' });
  }
  if (entries.length === 0) return unknown<string>([`treatments: no ${what} recorded for this region`]);
  const best = RANK.find((s) => entries.some((e) => e.status === s))!;
  return known<string>(best, entries.filter((e) => e.status === best).map((e) => `${e.path} = ${e.kind}, ${best}`));
}

export const careTrialFacts: FactDefinition[] = [
  defineFact<string>({
    id: 'careTrial.exercise', type: 'string',
    description: 'Exercise-based care (physical or occupational therapy, home exercise, work hardening) for the region: failed | improved | given (outcome not stated) | not-started (only authorized). Not documented when none is recorded.',
    reads: ['treatments[]', 'documentation.homeExerciseProgram'],
    derive: (ctx) => trial(ctx, EXERCISE_CARE, 'exercise-based therapy'),
  }),
  defineFact<string>({
    id: 'careTrial.conservative', type: 'string',
    description: 'Active or physical conservative care (therapy, home exercise, chiropractic, acupuncture, massage, modalities, TENS) for the region: failed | improved | given | not-started. Medication and activity modification alone do not count. Not documented when none is recorded.',
    reads: ['treatments[]', 'documentation.homeExerciseProgram'],
    derive: (ctx) => trial(ctx, CONSERVATIVE_CARE, 'active or physical conservative care'),
  }),
  defineFact<boolean>({
    id: 'careTrial.conservativeFailed', type: 'boolean',
    description: 'A trial of active or physical conservative care for the region was given and did not improve the symptoms: true when the record says it failed (or helped only partly); false when it is helping or was only authorized, not begun; not documented when none is recorded or how it worked is not stated (care listed without an outcome is not a failed trial).',
    reads: ['treatments[]', 'documentation.homeExerciseProgram'],
    derive: (ctx) => {
      const trial = ctx.get<string>('careTrial.conservative');
      if (trial.value === 'failed') return known(true, trial.evidence);
      if (trial.value === 'improved' || trial.value === 'not-started') return known(false, trial.evidence);
      return unknown(trial.value === 'given' ? [...trial.evidence, 'how the care worked is not stated'] : trial.evidence);
    },
  }),
];
