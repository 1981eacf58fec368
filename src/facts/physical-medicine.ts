// Physical medicine: what modality a service is (TENS, traction, ultrasound, …, read from the
// requester's words when the service kind does not say), and the courses of the same therapy the
// record already shows — how many visits were completed or authorized and whether they produced
// objective functional improvement — so rules can apply visit allowances and continuation
// criteria. Visit allowances themselves are thresholds and live in the rules.
import { defineFact, known, unknown, type Fact, type FactContext, type FactDefinition } from './types.js';
import { diagnosisTexts, indexed, itemInRegion, regionConcerns, treatmentOutcome, type Indexed } from './record.js';
import { regionsInText } from '../request/regions.js';
import { plannedSurgery, latestSurgery } from './postsurgical.js';
import { dayNumber } from '../util/dates.js';
import { authorizedPartInText, parseVisitCourse } from '../request/visits.js';
import {
  ELECTRICAL,
  HOME_UNIT_WORDS,
  modalitiesInWords,
  modalityInWords,
  objectiveFunctionInText,
  painReliefOnly,
} from './therapy-words.js';
import { durationInText } from '../util/durations.js';
import type { Treatment } from '../request/schema.js';

/** Service kinds whose modality is the kind itself. */
const KIND_MODALITY = new Set([
  'physical-therapy',
  'occupational-therapy',
  'chiropractic',
  'acupuncture',
  'functional-capacity-evaluation',
  'work-hardening',
  'home-exercise-kit',
]);

/** Service and treatment kinds whose modality is read from their words. */
const WORDED_KINDS = new Set(['passive-modality', 'durable-medical-equipment', 'other', 'psychological-services']);

function serviceModality(ctx: FactContext): string | undefined {
  const { kind, words } = ctx.service;
  if (KIND_MODALITY.has(kind)) return kind;
  return WORDED_KINDS.has(kind) ? modalityInWords(words) : undefined;
}

function treatmentModality(t: Treatment): string | undefined {
  if (t.kind === 'tens') return 'tens';
  if (t.kind === 'massage') return 'massage';
  if (WORDED_KINDS.has(t.kind)) return modalityInWords(t.text ?? '');
  return t.kind;
}

/** In-clinic passive modalities a therapist gives within therapy visits (massage has its own visit limit). */
const CLINIC_MODALITIES: readonly string[] = [...ELECTRICAL, 'ultrasound', 'laser', 'infrared', 'diathermy', 'traction', 'heat-cold'];
const THERAPY = ['physical-therapy', 'occupational-therapy'];

/**
 * A passive modality (or manual therapy) requested for clinic sessions as a line of a physical or
 * occupational therapy plan (the same request asks for the therapy) is given within those therapy visits, so the
 * earlier therapy course is its earlier course too (reviewers weigh "additional monitored therapy"
 * against the "prior physical therapy").
 */
function partOfTherapyPlan(ctx: FactContext, modality: string): boolean {
  // manual therapy named as a line of the plan (not chiropractic care) is given by the therapist too
  const manual = ctx.service.kind === 'chiropractic' && /manual therap|mobili[sz]ation/.test(words(ctx)) && !/chiro/.test(words(ctx));
  if (!manual && (ctx.service.kind !== 'passive-modality' || !CLINIC_MODALITIES.includes(modality))) return false;
  if (HOME_UNIT_WORDS.test(words(ctx))) return false;
  return ctx.request.services.some((s) => s.id !== ctx.service.id && s.requested && THERAPY.includes(s.kind));
}

/** Treatment modalities that count as earlier courses of the same therapy as the service. */
function courseGroup(modality: string, inTherapyPlan: boolean): readonly string[] {
  if (modality === 'physical-therapy' || modality === 'occupational-therapy') return THERAPY;
  const own = (ELECTRICAL as readonly string[]).includes(modality) ? ELECTRICAL : [modality];
  return inTherapyPlan ? [...own, ...THERAPY] : own;
}

interface Courses {
  /** undefined: the record lists no treatments at all, so earlier courses are not documented. */
  courses: Indexed<Treatment>[] | undefined;
  evidence: string[];
  label: string;
}

/**
 * Earlier courses of the same therapy for the same body region and episode: when the service
 * follows a surgery, only courses since that surgery count (none yet for a planned one).
 */
function courses(ctx: FactContext): Courses {
  const modality = serviceModality(ctx);
  const label = modality ?? ctx.service.kind;
  const planned = plannedSurgery(ctx);
  if (planned)
    return { courses: [], evidence: [`services[${ctx.service.index}].for = ${planned.id}: no post-operative ${label} yet`], label };
  const treatments = ctx.request.raw.treatments;
  if (treatments === undefined || !modality) return { courses: undefined, evidence: ['treatments not recorded'], label };
  const inPlan = partOfTherapyPlan(ctx, modality);
  const group = courseGroup(modality, inPlan);
  const surgery = latestSurgery(ctx);
  const since = surgery ? dayNumber(surgery.item.date!) : undefined;
  const found = indexed(treatments, 'treatments').filter((t) => {
    const m = treatmentModality(t.item);
    if (!m || !group.includes(m) || !itemInRegion(t.item.region, ctx.service)) return false;
    return since === undefined || t.item.date === undefined || dayNumber(t.item.date) >= since;
  });
  const evidence = surgery ? [`${surgery.path}.date = ${surgery.item.date}: courses since the surgery`] : [];
  if (inPlan)
    evidence.push(
      `services[${ctx.service.index}]: ${label} requested with physical or occupational therapy; earlier therapy courses count`,
    );
  return { courses: found, evidence, label };
}

const visitsOf = (t: Treatment): number | undefined =>
  t.sessions === undefined && t.sessionsAuthorized === undefined ? undefined : Math.max(t.sessions ?? 0, t.sessionsAuthorized ?? 0);

const describe = (t: Indexed<Treatment>): string => {
  const parts: string[] = [t.item.kind];
  if (t.item.sessions !== undefined) parts.push(`${t.item.sessions} completed`);
  if (t.item.sessionsAuthorized !== undefined) parts.push(`${t.item.sessionsAuthorized} authorized`);
  if (t.item.sessions === undefined && t.item.sessionsAuthorized === undefined) parts.push('number of visits not stated');
  return `${t.path} = ${parts.join(', ')}`;
};

/** A course that counts: visits given or authorized, or listed without a count unless its words say it never began (sessions: 0 alone is "never attended"). */
const counts = (t: Treatment): boolean => (visitsOf(t) === undefined ? treatmentOutcome(t).status !== 'not-started' : visitsOf(t)! > 0);

/** An authorized course whose results the record does not report yet. */
const pending = (t: Treatment): boolean =>
  (t.sessionsAuthorized ?? 0) > (t.sessions ?? 0) &&
  t.functionImproved === undefined &&
  !['failed', 'partial', 'helped'].includes(treatmentOutcome(t).status);

/**
 * The authorized part of this request, unless a listed course already records that many
 * authorized visits (the same grant written twice: as a treatment and in the service's words).
 */
function authorizedPart(ctx: FactContext, listed: readonly Indexed<Treatment>[]): { visits: number; evidence: string } | undefined {
  const n = authorizedPartInText(`${ctx.service.raw.text ?? ''} ${ctx.service.raw.label ?? ''}`);
  if (n === undefined || n === 0 || listed.some((t) => t.item.sessionsAuthorized === n)) return undefined;
  return { visits: n, evidence: `${wordsPath(ctx)}: ${n} visits of this request already authorized` };
}

function priorVisits(ctx: FactContext, atLeast: boolean): Fact<number> {
  const found = courses(ctx);
  const had = ctx.get<boolean>('physicalMedicine.hadPriorTherapy');
  if (had.value === undefined) return unknown(had.evidence);
  const counted = had.value ? found.courses!.filter((t) => counts(t.item)) : [];
  const granted = authorizedPart(ctx, counted);
  const grantedEvidence = granted ? [granted.evidence] : [];
  if (had.value === false) return known(granted?.visits ?? 0, [...had.evidence, ...grantedEvidence]);
  const missing = counted.filter((t) => visitsOf(t.item) === undefined);
  if (missing.length > 0 && !atLeast) return unknown([...found.evidence, ...missing.map(describe)]);
  const total = counted.reduce((sum, t) => sum + (visitsOf(t.item) ?? 1), granted?.visits ?? 0);
  return known(total, [...found.evidence, ...counted.map(describe), ...grantedEvidence]);
}

function total(ctx: FactContext, priorId: string): Fact<number> {
  const prior = ctx.get<number>(priorId);
  const requested = ctx.get<number>('physicalMedicine.therapyVisitsRequested');
  const evidence = [...prior.evidence, ...requested.evidence];
  return prior.value !== undefined && requested.value !== undefined ? known(prior.value + requested.value, evidence) : unknown(evidence);
}

const words = (ctx: FactContext): string => ctx.service.words;

const wordsPath = (ctx: FactContext): string => `services[${ctx.service.index}].label/text`;

const REHAB_SERVICE_KINDS = new Set(['physical-therapy', 'occupational-therapy', 'work-hardening', 'home-exercise-kit']);
const REHAB_TREATMENT_KINDS: readonly Treatment['kind'][] = ['physical-therapy', 'occupational-therapy', 'home-exercise', 'work-hardening'];

/**
 * Active rehabilitation alongside the service: courses in the record (and, unless `underWay`,
 * rehabilitation services requested with it). `underWay` keeps only courses begun (not only
 * authorized) that neither failed nor left function unimproved.
 */
function rehabilitation(ctx: FactContext, underWay: boolean): Fact<boolean> {
  const evidence: string[] = [];
  if (!underWay)
    for (const s of ctx.request.services) {
      if (s.id !== ctx.service.id && s.requested && REHAB_SERVICE_KINDS.has(s.kind))
        evidence.push(`services[${s.index}] = ${s.kind} requested`);
    }
  for (const t of indexed(ctx.request.raw.treatments, 'treatments')) {
    if (!REHAB_TREATMENT_KINDS.includes(t.item.kind) || treatmentOutcome(t.item).status === 'failed' || t.item.sessions === 0) continue;
    if (underWay && (t.item.functionImproved === false || ['failed', 'not-started'].includes(treatmentOutcome(t.item).status))) continue;
    evidence.push(`${t.path} = ${t.item.kind}${t.item.outcome ? `, outcome ${t.item.outcome}` : ''}`);
  }
  if (ctx.request.raw.documentation?.homeExerciseProgram === true) evidence.push('documentation.homeExerciseProgram = true');
  return evidence.length > 0
    ? known(true, evidence)
    : unknown([
        underWay
          ? 'no physical or occupational therapy, home exercise or work hardening under way (begun, not failed)'
          : 'no physical or occupational therapy, home exercise or work hardening recorded or requested',
      ]);
}

export const physicalMedicineFacts: FactDefinition[] = [
  defineFact<string>({
    id: 'physicalMedicine.modality',
    type: 'string',
    description:
      'The physical-medicine modality of the service: its kind for therapy kinds (physical-therapy, chiropractic, acupuncture, …), else the most specific one its label/text names (tens, electrical-stimulation, nmes, microcurrent, pens, interferential, h-wave, galvanic, hyperstimulation, ultrasound, laser, infrared, diathermy, traction, heat-cold, massage, shockwave, biofeedback, gym-membership, home-exercise-kit, work-hardening).',
    reads: ['services[].kind', 'services[].label', 'services[].text'],
    derive: (ctx) => {
      const modality = serviceModality(ctx);
      if (!modality) return unknown([`${wordsPath(ctx)} names no physical-medicine modality`]);
      return known(modality, [
        KIND_MODALITY.has(ctx.service.kind)
          ? `services[${ctx.service.index}].kind = ${ctx.service.kind}`
          : `${wordsPath(ctx)} names ${modality}`,
      ]);
    },
  }),
  defineFact<readonly string[]>({
    id: 'physicalMedicine.modalities',
    type: 'list',
    description:
      'Every physical-medicine modality the service names (a combination unit such as TENS/EMS names both); the kind alone for therapy kinds.',
    reads: ['services[].kind', 'services[].label', 'services[].text'],
    derive: (ctx) => {
      const { kind, words: w, index } = ctx.service;
      if (KIND_MODALITY.has(kind)) return known([kind], [`services[${index}].kind = ${kind}`]);
      const found = WORDED_KINDS.has(kind) ? modalitiesInWords(w) : [];
      return found.length > 0
        ? known(found, [`${wordsPath(ctx)} names ${found.join(', ')}`])
        : unknown([`${wordsPath(ctx)} names no physical-medicine modality`]);
    },
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.inTherapyPlan',
    type: 'boolean',
    description:
      'The service is a line of a physical or occupational therapy plan: an in-clinic passive modality (not a home unit) or manual therapy named as such (not chiropractic care) requested together with that therapy, so it is given within the therapy visits and the earlier therapy is its earlier course.',
    reads: ['services[].kind', 'services[].label', 'services[].text'],
    derive: (ctx) => {
      const modality = serviceModality(ctx);
      const inPlan = modality !== undefined && partOfTherapyPlan(ctx, modality);
      return known(inPlan, [`${wordsPath(ctx)}: ${inPlan ? modality : 'no clinic modality or manual therapy'} requested with therapy`]);
    },
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.homeUnit',
    type: 'boolean',
    description:
      'The service is a device for home use (durable equipment, or a "unit" / rental / purchase), not sessions given in the clinic.',
    reads: ['services[].kind', 'services[].label', 'services[].text'],
    derive: (ctx) => {
      if (ctx.service.kind === 'durable-medical-equipment')
        return known(true, [`services[${ctx.service.index}].kind = durable-medical-equipment`]);
      const home = HOME_UNIT_WORDS.test(words(ctx));
      return known(home, [home ? `${wordsPath(ctx)} names a unit for home use` : `${wordsPath(ctx)}: sessions, no home unit named`]);
    },
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.purchase',
    type: 'boolean',
    description:
      'A device is requested for purchase (true) or for rental / a trial (false; also when it is asked for a stated number of days or weeks); not documented when the request says neither.',
    reads: ['services[].label', 'services[].text'],
    derive: (ctx) => {
      const w = words(ctx);
      const purchase = /purchase|\bbuy\b/.test(w);
      const rental = /rental|\brent\b|\btrial\b/.test(w);
      if (purchase && !rental) return known(true, [`${wordsPath(ctx)} = purchase`]);
      if (rental && !purchase) return known(false, [`${wordsPath(ctx)} = rental or trial`]);
      // a unit asked for a stated number of days is a rental for those days, not a purchase
      if (!purchase && !rental && /\b\d+\s*(days?|weeks?)\b|\bx\s*\d+\s*d\b/.test(w))
        return known(false, [`${wordsPath(ctx)} states days of use`]);
      return unknown([`${wordsPath(ctx)} ${purchase ? 'names both rental and purchase' : 'states neither rental nor purchase'}`]);
    },
  }),
  defineFact<number>({
    id: 'physicalMedicine.therapyVisitsRequested',
    type: 'number',
    description:
      'Visits requested: service.visits for therapy kinds; for other kinds (biofeedback encoded as `other`, equipment) the quantity or the count the label states.',
    reads: ['services[].quantity', 'services[].label', 'services[].text'],
    derive: (ctx) => {
      const visits = ctx.get<number>('service.visits');
      if (visits.value !== undefined) return visits;
      const path = `services[${ctx.service.index}]`;
      if (ctx.service.raw.quantity !== undefined)
        return known(ctx.service.raw.quantity, [`${path}.quantity = ${ctx.service.raw.quantity}`]);
      const course = parseVisitCourse(`${ctx.service.raw.label ?? ''} ${ctx.service.raw.text ?? ''}`);
      return course.visits !== undefined
        ? known(course.visits, [`${path}.label = ${ctx.service.raw.label ?? ctx.service.raw.text ?? ''} (${course.visits} visits)`])
        : visits;
    },
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.hadPriorTherapy',
    type: 'boolean',
    description:
      'The record shows an earlier course of the same therapy (PT and OT together; one group for TENS and other electrical stimulation; for an in-clinic passive modality requested with physical or occupational therapy, the earlier therapy courses too) for the region and episode, completed or authorized. False when treatments are listed without one; not documented when no treatments are listed.',
    reads: ['treatments[]', 'services[].for', 'surgeries[].date'],
    derive: (ctx) => {
      const found = courses(ctx);
      if (found.courses === undefined) return unknown(found.evidence);
      const counted = found.courses.filter((t) => counts(t.item));
      if (counted.length > 0) return known(true, [...found.evidence, ...counted.map(describe)]);
      const never = found.courses.map((t) => `${describe(t)} (none attended)`);
      return known(false, [...found.evidence, ...(never.length > 0 ? never : [`treatments: no earlier ${found.label} recorded`])]);
    },
  }),
  defineFact<number>({
    id: 'physicalMedicine.priorTherapyVisits',
    type: 'number',
    description:
      'Visits of the same therapy already completed or authorized (the larger of the two per course, summed over courses, plus the part of this request its own words say was authorized at review); 0 when there was none; not documented when a course is listed without its number of visits.',
    reads: ['treatments[].sessions', 'treatments[].sessionsAuthorized', 'services[].text', 'services[].label'],
    derive: (ctx) => priorVisits(ctx, false),
  }),
  defineFact<number>({
    id: 'physicalMedicine.priorTherapyVisitsAtLeast',
    type: 'number',
    description: 'A lower bound on the earlier visits of the same therapy: courses listed without a count count as one visit.',
    reads: ['treatments[].sessions', 'treatments[].sessionsAuthorized', 'services[].text', 'services[].label'],
    derive: (ctx) => priorVisits(ctx, true),
  }),
  defineFact<number>({
    id: 'physicalMedicine.totalTherapyVisits',
    type: 'number',
    description: 'Earlier visits of the same therapy plus the visits requested.',
    reads: ['treatments[]', 'services[].quantity', 'services[].label'],
    derive: (ctx) => total(ctx, 'physicalMedicine.priorTherapyVisits'),
  }),
  defineFact<number>({
    id: 'physicalMedicine.totalTherapyVisitsAtLeast',
    type: 'number',
    description: 'A lower bound on earlier plus requested visits (uncounted earlier courses count as one visit).',
    reads: ['treatments[]', 'services[].quantity', 'services[].label'],
    derive: (ctx) => total(ctx, 'physicalMedicine.priorTherapyVisitsAtLeast'),
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.therapyFunctionImproved',
    type: 'boolean',
    description:
      'The earlier course(s) of the same therapy produced objective functional improvement (8 CCR 9792.20(e)): true when a course says so (functionImproved, or its text reports an objective measure: range of motion, ADLs, work restrictions or duty, lifting/walking/sitting tolerance), else the general documentation flag; false when a course failed or did not improve function; not documented while an authorized course has no reported results, or when only pain or overall improvement is reported.',
    reads: [
      'treatments[].functionImproved',
      'treatments[].outcome',
      'treatments[].text',
      'treatments[].sessionsAuthorized',
      'documentation.functionalImprovement',
    ],
    derive: (ctx) => {
      const found = courses(ctx);
      const list = (found.courses ?? []).filter((t) => counts(t.item));
      if (list.length === 0) return unknown([...found.evidence, `treatments: no earlier ${found.label} to judge`]);
      const failed = list.filter((t) => t.item.functionImproved === false || treatmentOutcome(t.item).status === 'failed');
      if (failed.length > 0)
        return known(
          false,
          failed.map((t) => `${t.path}: ${t.item.functionImproved === false ? 'functionImproved = false' : treatmentOutcome(t.item).from}`),
        );
      const waiting = list.filter((t) => pending(t.item));
      if (waiting.length > 0)
        return unknown(waiting.map((t) => `${t.path}: results of the ${t.item.sessionsAuthorized} authorized visits not reported`));
      const improved = list.filter((t) => t.item.functionImproved === true);
      if (improved.length > 0)
        return known(
          true,
          improved.map((t) => `${t.path}.functionImproved = true`),
        );
      const measured = list.filter((t) => t.item.functionImproved === undefined && objectiveFunctionInText(t.item.text));
      if (measured.length > 0)
        return known(
          true,
          measured.map((t) => `${t.path}.text = ${t.item.text} (objective functional measure)`),
        );
      const flag = ctx.request.raw.documentation?.functionalImprovement;
      if (flag !== undefined) return known(flag, [`documentation.functionalImprovement = ${flag}`]);
      return unknown(list.map((t) => `${t.path}: outcome ${t.item.outcome ?? 'not stated'}, objective functional improvement not stated`));
    },
  }),
  defineFact<number>({
    id: 'physicalMedicine.completedTherapyVisits',
    type: 'number',
    description:
      'Visits of the same therapy (as physicalMedicine.priorTherapyVisits counts courses) the worker has completed: the sessions of each course, 0 for a course only authorized and not begun; not documented when a begun course has no count.',
    reads: ['treatments[].sessions', 'treatments[].sessionsAuthorized'],
    derive: (ctx) => {
      const found = courses(ctx);
      if (found.courses === undefined) return unknown(found.evidence);
      const begun = found.courses.filter((t) => t.item.sessions !== undefined || t.item.sessionsAuthorized === undefined);
      const missing = begun.filter((t) => t.item.sessions === undefined);
      if (missing.length > 0) return unknown(missing.map(describe));
      const sum = begun.reduce((n, t) => n + t.item.sessions!, 0);
      return known(sum, begun.length > 0 ? begun.map(describe) : [...found.evidence, `treatments: no completed ${found.label} visits`]);
    },
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.priorTherapyImproved',
    type: 'boolean',
    description:
      'The earlier course(s) of the same therapy moved the worker in a positive direction (outcome improved, unless its words report pain relief only; or function improved); false when a course failed or did not improve function, or the record states no functional improvement; not documented otherwise.',
    reads: ['treatments[].outcome', 'treatments[].functionImproved', 'treatments[].text', 'documentation.functionalImprovement'],
    derive: (ctx) => {
      const found = courses(ctx);
      const begun = (found.courses ?? []).filter((t) => counts(t.item) && treatmentOutcome(t.item).status !== 'not-started');
      if (begun.length === 0) return unknown([...found.evidence, `treatments: no earlier ${found.label} given`]);
      const failed = begun.filter((t) => t.item.functionImproved === false || treatmentOutcome(t.item).status === 'failed');
      if (failed.length > 0)
        return known(
          false,
          failed.map((t) => `${t.path}: did not improve (${treatmentOutcome(t.item).from})`),
        );
      const flag = ctx.request.raw.documentation?.functionalImprovement;
      if (flag === false) return known(false, ['documentation.functionalImprovement = false']);
      const improved = begun.filter(
        (t) => t.item.functionImproved === true || (treatmentOutcome(t.item).status === 'helped' && !painReliefOnly(t.item.text)),
      );
      return improved.length > 0
        ? known(
            true,
            improved.map(
              (t) =>
                `${t.path}: improved (${t.item.functionImproved === true ? 'functionImproved = true' : treatmentOutcome(t.item).from})`,
            ),
          )
        : unknown(begun.map((t) => `${t.path}: ${treatmentOutcome(t.item).from}`));
    },
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.regionComplaintsDenied',
    type: 'boolean',
    description:
      'The record denies complaints in the region to be treated: every symptom it places there (by region, by a kind that names one such as neck-pain, or by its words) is negative. False when a symptom there is present; not documented when none is placed there or the service names no region.',
    reads: ['symptoms[]', 'services[].region', 'services[].regions'],
    derive: (ctx) => {
      if (ctx.service.regions.length === 0) return unknown([`services[${ctx.service.index}] names no region`]);
      const placed = indexed(ctx.request.raw.symptoms, 'symptoms').filter((s) => {
        const regions = s.item.region
          ? [s.item.region]
          : [...regionsInText(s.item.kind.replace(/-/g, ' ')), ...regionsInText(s.item.text?.toLowerCase())];
        return regions.some((r) => regionConcerns(ctx.service.regions, r, { placed: true }));
      });
      const present = placed.filter((s) => s.item.result !== 'negative');
      if (present.length > 0)
        return known(
          false,
          present.map((s) => `${s.path}.kind = ${s.item.kind}`),
        );
      return placed.length > 0
        ? known(
            true,
            placed.map((s) => `${s.path}.kind = ${s.item.kind} (denied)`),
          )
        : unknown([`symptoms: none recorded for ${ctx.service.regions.join(', ')}`]);
    },
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.concurrentRehabilitation',
    type: 'boolean',
    description:
      'An active rehabilitation program (physical or occupational therapy, home exercise, work hardening) is under way or requested alongside the service. Never false: its absence is not documented.',
    reads: ['services[]', 'treatments[]', 'documentation.homeExerciseProgram'],
    derive: (ctx) => rehabilitation(ctx, false),
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.rehabilitationUnderWay',
    type: 'boolean',
    description:
      'The worker is in an active rehabilitation program now (physical or occupational therapy, home exercise, work hardening): a course begun and not failed, not without functional improvement, or a home exercise program the record states. A course only authorized or requested does not count. Never false.',
    reads: ['treatments[]', 'documentation.homeExerciseProgram'],
    derive: (ctx) => rehabilitation(ctx, true),
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.rehabilitationTherapyImproved',
    type: 'boolean',
    description:
      'Physical or occupational therapy already given improved the worker (outcome improved or partial, or function improved); false when it failed.',
    reads: ['treatments[].outcome', 'treatments[].functionImproved'],
    derive: (ctx) => {
      const therapy = indexed(ctx.request.raw.treatments, 'treatments')
        .filter((t) => (t.item.kind === 'physical-therapy' || t.item.kind === 'occupational-therapy') && t.item.sessions !== 0)
        .map((t) => ({ ...t, outcome: treatmentOutcome(t.item) }));
      const improved = therapy.filter(
        (t) => t.outcome.status === 'helped' || t.outcome.status === 'partial' || t.item.functionImproved === true,
      );
      if (improved.length > 0)
        return known(
          true,
          improved.map((t) => `${t.path} = ${t.item.kind}, ${t.item.functionImproved === true ? 'function improved' : t.outcome.from}`),
        );
      const failed = therapy.filter((t) => t.outcome.status === 'failed' || t.item.functionImproved === false);
      if (failed.length > 0)
        return known(
          false,
          failed.map((t) => `${t.path} = ${t.item.kind}, ${t.outcome.status === 'failed' ? t.outcome.from : 'functionImproved = false'}`),
        );
      return unknown(
        therapy.length > 0
          ? therapy.map((t) => `${t.path} = ${t.item.kind}, outcome not stated`)
          : ['treatments: no physical or occupational therapy recorded'],
      );
    },
  }),
  defineFact<number>({
    id: 'physicalMedicine.tensTrialWeeks',
    type: 'number',
    description:
      'Weeks of an earlier trial of TENS or other electrical stimulation: the longest stated duration, or one its text states ("30-day trial", "one month", "6 weeks").',
    reads: ['treatments[].durationWeeks', 'treatments[].text'],
    derive: (ctx) => {
      const trials = indexed(ctx.request.raw.treatments, 'treatments')
        .filter((t) => (ELECTRICAL as readonly string[]).includes(treatmentModality(t.item) ?? ''))
        .map((t) => ({ t, weeks: t.item.durationWeeks ?? durationInText(t.item.text, { notAgo: true })?.weeks }))
        .filter((x) => x.weeks !== undefined);
      if (trials.length === 0) return unknown(['treatments: no TENS or electrical stimulation trial with a stated duration']);
      const longest = trials.reduce((a, b) => (b.weeks! > a.weeks! ? b : a));
      const how =
        longest.t.item.durationWeeks !== undefined
          ? `.durationWeeks = ${longest.weeks}`
          : `.text = ${longest.t.item.text} (${longest.weeks} weeks)`;
      return known(longest.weeks!, [`${longest.t.path}${how}`]);
    },
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.tensFailed',
    type: 'boolean',
    description: 'An earlier TENS trial failed (outcome failed or no functional improvement); false when it helped.',
    reads: ['treatments[]'],
    derive: (ctx) => {
      const tens = indexed(ctx.request.raw.treatments, 'treatments').filter((t) => treatmentModality(t.item) === 'tens');
      const failed = tens.filter((t) => treatmentOutcome(t.item).status === 'failed' || t.item.functionImproved === false);
      if (failed.length > 0)
        return known(
          true,
          failed.map(
            (t) => `${t.path} = tens, ${t.item.functionImproved === false ? 'functionImproved = false' : treatmentOutcome(t.item).from}`,
          ),
        );
      const helped = tens.filter((t) => treatmentOutcome(t.item).status === 'helped' || t.item.functionImproved === true);
      if (helped.length > 0)
        return known(
          false,
          helped.map((t) => `${t.path} = tens, helped`),
        );
      return unknown(tens.length > 0 ? tens.map((t) => `${t.path} = tens, outcome not stated`) : ['treatments: no TENS trial recorded']);
    },
  }),
  defineFact<string>({
    id: 'physicalMedicine.acupunctureAddOn',
    type: 'string',
    description:
      'What the acupuncture request adds to needling, from its words: laser (infrared or laser acupuncture), capsaicin (a capsaicin patch), electro (electro-acupuncture) or none.',
    reads: ['services[].label', 'services[].text'],
    derive: (ctx) => {
      const w = words(ctx);
      const addOn = /laser|infra-?red/.test(w) ? 'laser' : /capsaicin/.test(w) ? 'capsaicin' : /electr/.test(w) ? 'electro' : 'none';
      return known(addOn, [`${wordsPath(ctx)} → ${addOn}`]);
    },
  }),
  defineFact<number>({
    id: 'physicalMedicine.capsaicinPatchStrength',
    type: 'number',
    description:
      'The strength (percent) of a capsaicin patch the acupuncture request adds, as its words state it ("capsaicin 0.025% patch"); not documented when the words give none.',
    reads: ['services[].label', 'services[].text'],
    derive: (ctx) => {
      // one number pattern with a single way to match (digits, then an optional fraction), read only
      // when capsaicin is named: linear time on long runs of digits
      const w = words(ctx);
      const m = w.includes('capsaicin')
        ? /capsaicin[^.;]{0,40}?(?<![\d.])(\d+(?:\.\d+)?|\.\d+)\s*%|(?<![\d.])(\d+(?:\.\d+)?|\.\d+)\s*%[^.;]{0,20}capsaicin/.exec(w)
        : null;
      const strength = m ? Number(m[1] ?? m[2]) : undefined;
      return strength !== undefined
        ? known(strength, [`${wordsPath(ctx)} names capsaicin ${strength}%`])
        : unknown([`${wordsPath(ctx)} states no capsaicin strength`]);
    },
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.manipulationUnderAnesthesia',
    type: 'boolean',
    description: 'The manipulation is to be done under anesthesia (MUA).',
    reads: ['services[].label', 'services[].text'],
    derive: (ctx) => {
      const mua = /anesthe|anaesthe|\bmua\b/.test(words(ctx));
      return known(mua, [`${wordsPath(ctx)}${mua ? ' names anesthesia' : ': no anesthesia named'}`]);
    },
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.supervised',
    type: 'boolean',
    description: 'The request states the program is supervised or monitored by a medical professional. Never false.',
    reads: ['services[].label', 'services[].text'],
    derive: (ctx) =>
      /supervis|monitor|therapist|medically/.test(words(ctx))
        ? known(true, [`${wordsPath(ctx)} states supervision`])
        : unknown([`${wordsPath(ctx)} does not state supervision`]),
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.fceEffortOnly',
    type: 'boolean',
    description: 'The evaluation is requested to test effort, compliance or validity (its words say so).',
    reads: ['services[].label', 'services[].text', 'services[].purpose'],
    derive: (ctx) => {
      const w = `${words(ctx)} ${(ctx.service.raw.purpose ?? '').toLowerCase()}`;
      const effort = /effort|compliance|sincerity|validity|malinger/.test(w);
      return known(effort, [`${wordsPath(ctx)}${effort ? ' names effort or compliance testing' : ': purpose is not effort testing'}`]);
    },
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.aquatic',
    type: 'boolean',
    description: 'The therapy is to be given in water (aquatic, pool or hydro therapy), from its label or text.',
    reads: ['services[].label', 'services[].text'],
    derive: (ctx) => {
      const aquatic = /aqua|pool (?:therapy|exercise)|hydrotherap|water (?:therapy|exercise)/.test(words(ctx));
      return known(aquatic, [`${wordsPath(ctx)}${aquatic ? ' names aquatic therapy' : ': land-based therapy'}`]);
    },
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.reducedWeightBearingNeeded',
    type: 'boolean',
    description:
      'Reduced weight bearing is desirable: obesity is diagnosed, or the record or request says weight bearing must be limited or land-based exercise is not tolerated. Never false.',
    reads: ['diagnoses[]', 'services[].label', 'services[].text', 'treatments[].text', 'exam[].text'],
    derive: (ctx) => {
      const hits = diagnosisTexts(ctx.request.raw)
        .filter((d) => /obes|\bbmi\b/.test(d.text.toLowerCase()))
        .map((d) => `${d.path} = ${d.text}`);
      const texts: { path: string; text: string }[] = [
        { path: wordsPath(ctx), text: words(ctx) },
        ...indexed(ctx.request.raw.treatments, 'treatments').map((t) => ({
          path: `${t.path}.text`,
          text: (t.item.text ?? '').toLowerCase(),
        })),
        ...indexed(ctx.request.raw.exam, 'exam').map((e) => ({ path: `${e.path}.text`, text: (e.item.text ?? '').toLowerCase() })),
      ];
      for (const t of texts) {
        if (
          /(?:non|reduced|limited|partial|protected)[- ]weight[- ]bearing|weight[- ]bearing (?:restriction|as tolerated|limited)|(?:cannot|unable to) tolerate land|land[- ]based (?:therapy|exercise) (?:not tolerated|failed)|morbid(?:ly)? obes/.test(
            t.text,
          )
        )
          hits.push(`${t.path} = ${t.text}`);
      }
      return hits.length > 0 ? known(true, hits) : unknown(['no obesity or need to reduce weight bearing recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.forFlareUp',
    type: 'boolean',
    description:
      "The service's own words (label, text, purpose) say it treats a flare-up, exacerbation or recurrence of symptoms. Never false.",
    reads: ['services[].label', 'services[].text', 'services[].purpose'],
    derive: (ctx) => {
      const w = `${words(ctx)} ${(ctx.service.raw.purpose ?? '').toLowerCase()}`;
      const m = /flare|exacerbat|recurren/.exec(w);
      return m ? known(true, [`${wordsPath(ctx)}/purpose names a ${m[0]}`]) : unknown([`${wordsPath(ctx)}/purpose names no flare-up`]);
    },
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.fceReturnToWorkQuestion',
    type: 'boolean',
    description:
      "The evaluation's own words (label, text, purpose) name the return-to-work question it answers: screening for work hardening or conditioning, maximum medical improvement or permanent and stationary status, or failed return-to-work attempts. Never false.",
    reads: ['services[].label', 'services[].text', 'services[].purpose'],
    derive: (ctx) => {
      const w = `${words(ctx)} ${(ctx.service.raw.purpose ?? '').toLowerCase()}`;
      const m =
        /work (?:hardening|conditioning)|\bmmi\b|maximum medical improvement|permanent (?:and|&) stationary|\bp ?& ?s\b|(?:failed|unsuccessful) (?:attempts? (?:to|at) )?return(?:ing)? to work|return to work (?:attempts? )?(?:failed|unsuccessful)/.exec(
          w,
        );
      return m
        ? known(true, [`${wordsPath(ctx)}/purpose names "${m[0]}"`])
        : unknown([`${wordsPath(ctx)}/purpose names no return-to-work question`]);
    },
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.homeExerciseIneffective',
    type: 'boolean',
    description: 'A home exercise program was tried and was not effective; false when it helped.',
    reads: ['treatments[]'],
    derive: (ctx) => {
      const hep = indexed(ctx.request.raw.treatments, 'treatments')
        .filter((t) => t.item.kind === 'home-exercise')
        .map((t) => ({ ...t, outcome: treatmentOutcome(t.item) }));
      const failed = hep.filter((t) => t.outcome.status === 'failed' || t.item.functionImproved === false);
      if (failed.length > 0)
        return known(
          true,
          failed.map((t) => `${t.path} = home-exercise, not effective`),
        );
      const helped = hep.filter((t) => t.outcome.status === 'helped' || t.outcome.status === 'partial' || t.item.functionImproved === true);
      if (helped.length > 0)
        return known(
          false,
          helped.map((t) => `${t.path} = home-exercise, ${t.item.functionImproved === true ? 'function improved' : t.outcome.from}`),
        );
      return unknown(
        hep.length > 0
          ? hep.map((t) => `${t.path} = home-exercise, outcome not stated`)
          : ['treatments: no home exercise program recorded'],
      );
    },
  }),
  defineFact<boolean>({
    id: 'physicalMedicine.workHardeningPlanned',
    type: 'boolean',
    description: 'Admission to a work hardening or work conditioning program is requested in the same request. Never false.',
    reads: ['services[]'],
    derive: (ctx) => {
      const wh = ctx.request.services.filter((s) => s.id !== ctx.service.id && s.kind === 'work-hardening');
      return wh.length > 0
        ? known(
            true,
            wh.map((s) => `services[${s.index}] = work-hardening`),
          )
        : unknown(['no work hardening program requested']);
    },
  }),
];
