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
import { z } from 'zod';
import { defineFact, known, unknown, type Fact, type FactContext, type FactDefinition } from './types.js';
import { defineParamsFact } from './params.js';
import { TREATMENT_KINDS } from '../request/vocabulary.js';
import { indexed, itemInRegion, treatmentOutcome } from './record.js';
import type { Treatment } from '../request/schema.js';

export type TrialStatus = 'failed' | 'improved' | 'given' | 'not-started';

/** Exercise-based care: the ACOEM "strengthening program". */
export const EXERCISE_CARE: readonly Treatment['kind'][] = ['physical-therapy', 'occupational-therapy', 'home-exercise', 'work-hardening'];
/** Active and physical conservative care (medication and activity modification alone are not a trial of care). */
export const CONSERVATIVE_CARE: readonly Treatment['kind'][] = [
  ...EXERCISE_CARE,
  'chiropractic',
  'acupuncture',
  'massage',
  'passive-modality',
  'tens',
];

const RANK: readonly TrialStatus[] = ['improved', 'failed', 'given', 'not-started'];

/** How one treatment entry stands for a trial of care: partial relief is a trial that did not resolve the symptoms; an outcome stated unknown is care given. */
export function trialStatus(t: Treatment): TrialStatus {
  const { status } = treatmentOutcome(t);
  return status === 'partial' ? 'failed' : status === 'helped' ? 'improved' : status === 'unknown' ? 'given' : status;
}

/**
 * Passive care (modalities, TENS, massage) is care given, but its failure is not the failed trial
 * the chapters ask for ("failure to progress in a strengthening program"): a passive modality that
 * did not help leaves the trial of active care undocumented.
 */
const PASSIVE_CARE: readonly Treatment['kind'][] = ['passive-modality', 'tens', 'massage'];

function entryStatus(t: Treatment): TrialStatus {
  const status = trialStatus(t);
  return status === 'failed' && PASSIVE_CARE.includes(t.kind) ? 'given' : status;
}

function trial(ctx: FactContext, kinds: readonly Treatment['kind'][], what: string, anyRegion = false) {
  const entries = indexed(ctx.request.raw.treatments, 'treatments')
    .filter((t) => kinds.includes(t.item.kind) && (anyRegion || itemInRegion(t.item.region, ctx.service)))
    .map((t) => ({ path: t.path, kind: t.item.kind, status: entryStatus(t.item) }));
  if (
    kinds.includes('home-exercise') &&
    ctx.request.raw.documentation?.homeExerciseProgram === true &&
    !entries.some((e) => e.kind === 'home-exercise')
  ) {
    entries.push({ path: 'documentation.homeExerciseProgram', kind: 'home-exercise', status: 'given' });
  }
  if (entries.length === 0) return unknown<string>([`treatments: no ${what} recorded for this region`]);
  const best = RANK.find((s) => entries.some((e) => e.status === s))!;
  return known<string>(
    best,
    entries.filter((e) => e.status === best).map((e) => `${e.path} = ${e.kind}, ${best}`),
  );
}

/** Whether a trial failed: care listed without an outcome is not a failed trial. */
function trialFailed(trial: Fact<string>): Fact<boolean> {
  if (trial.value === 'failed') return known(true, trial.evidence);
  if (trial.value === 'improved' || trial.value === 'not-started') return known(false, trial.evidence);
  return unknown(trial.value === 'given' ? [...trial.evidence, 'how the care worked is not stated'] : trial.evidence);
}

/** Groups a rule may name in `kinds:` instead of listing the treatment kinds. */
const CARE_GROUPS = { 'exercise-care': EXERCISE_CARE, 'conservative-care': CONSERVATIVE_CARE } as const;

/** The params of careTrial.outcome and careTrial.failed: which care, and where. */
const trialParams = z.strictObject({
  /** Treatment kinds, or the groups exercise-care and conservative-care. */
  kinds: z.array(z.enum([...TREATMENT_KINDS, ...(Object.keys(CARE_GROUPS) as (keyof typeof CARE_GROUPS)[])])).min(1),
  /** `service` (default): care of the service's region; `any`: care of any region. */
  region: z.enum(['service', 'any']).default('service'),
});
type TrialParams = z.infer<typeof trialParams>;

function trialOf(ctx: FactContext, p: TrialParams) {
  const kinds = [
    ...new Set(p.kinds.flatMap((k) => (k in CARE_GROUPS ? CARE_GROUPS[k as keyof typeof CARE_GROUPS] : [k as Treatment['kind']]))),
  ];
  return trial(ctx, kinds, p.kinds.join(' or '), p.region === 'any');
}

/** What every trial fact reads, and the parameters of the two that take them. */
const TRIAL_READS = ['treatments[]', 'documentation.homeExerciseProgram'];
const TRIAL_PARAMS = { schema: trialParams, example: { kinds: ['conservative-care'] } };

export const careTrialFacts: FactDefinition[] = [
  defineParamsFact<string, TrialParams>({
    id: 'careTrial.outcome',
    type: 'string',
    description:
      'How the care of the given kinds (params.kinds: treatment kinds, or exercise-care / conservative-care) for the region (params.region: service, the default, or any) worked: failed | improved | given (outcome not stated) | not-started. Not documented when none is recorded.',
    reads: TRIAL_READS,
    params: TRIAL_PARAMS,
    derive: trialOf,
  }),
  defineParamsFact<boolean, TrialParams>({
    id: 'careTrial.failed',
    type: 'boolean',
    description:
      'A trial of the care of the given kinds (params.kinds, params.region as for careTrial.outcome) was given and did not improve the symptoms (or helped only partly); false when it is helping or was only authorized; not documented when none is recorded or how it worked is not stated.',
    reads: TRIAL_READS,
    params: TRIAL_PARAMS,
    derive: (ctx, p) => trialFailed(trialOf(ctx, p)),
  }),
  defineFact<string>({
    id: 'careTrial.conservative',
    type: 'string',
    description:
      'Active or physical conservative care (therapy, home exercise, chiropractic, acupuncture, massage, modalities, TENS) for the region: failed | improved | given | not-started. Medication and activity modification alone do not count. Not documented when none is recorded.',
    reads: TRIAL_READS,
    derive: (ctx) => trial(ctx, CONSERVATIVE_CARE, 'active or physical conservative care'),
  }),
  defineFact<boolean>({
    id: 'careTrial.conservativeFailed',
    type: 'boolean',
    description:
      'A trial of active or physical conservative care for the region was given and did not improve the symptoms: true when the record says it failed (or helped only partly); false when it is helping or was only authorized, not begun; not documented when none is recorded or how it worked is not stated (care listed without an outcome is not a failed trial).',
    reads: TRIAL_READS,
    derive: (ctx) => trialFailed(ctx.get<string>('careTrial.conservative')),
  }),
];
