// Facts for injections named only by their text (`kind: injection`: PRP, joint steroid,
// viscosupplement, …) and for sacroiliac joint blocks.
import { defineFact, known, unknown, type FactContext, type FactDefinition } from './types.js';
import { examFindings, indexed, isPositive, itemInRegion, symptomRegion, treatmentOutcome, type Indexed } from './record.js';
import type { Treatment } from '../request/schema.js';

const VISCOSUPPLEMENT = /hyaluron|hyalgan|synvisc|euflexxa|orthovisc|gel-?one|supartz|monovisc|durolane|gelsyn|visco-?supplement/;

/** What an `injection` service injects, from its label and text. */
const PRODUCTS: ReadonlyArray<[string, RegExp]> = [
  ['prp', /platelet|\bprp\b/],
  ['viscosupplement', VISCOSUPPLEMENT],
  ['prolotherapy', /prolotherap|dextrose|sclerosing/],
  ['botulinum-toxin', /botox|botulinum/],
  ['stem-cell', /stem cell|bone marrow aspirate|amniotic/],
  // a subacromial injection is local anesthetic with a corticosteroid (ACOEM Ch. 9)
  [
    'corticosteroid',
    /cortisone|corticosteroid|steroid|dexamethasone|decadron|kenalog|triamcinolone|depo-?medrol|methylprednisolone|betamethasone|celestone|subacromial/,
  ],
];

/** Neurologic findings: they examine a nerve, not the joint or tendon an injection treats. */
const NEUROLOGIC_FINDINGS: ReadonlySet<string> = new Set([
  'sensory-deficit',
  'motor-weakness',
  'reflex-change',
  'radicular-pain-dermatomal',
  'straight-leg-raise',
  'tinel-sign',
  'phalen-sign',
]);
/** A local sign named in an `other` finding's words. */
const LOCAL_SIGN = /tender|pain|swell|effusion|crepit|grind|spasm|range of motion|\brom\b|windlass|thickening|nodul|trigger/;

/** Provocation tests for the sacroiliac joint, as the record names them. */
const SI_TESTS =
  /faber|patrick|gaenslen|thigh thrust|\bcompression\b|distraction|sacral thrust|yeoman|fortin|si stress|posterior shear|sacroiliac (?:stress|shear)/g;

/**
 * Earlier injections of the service's region whose words match `what`. A treatment dated on or
 * after the service's own date is the service itself (a retrospective request also listed among
 * treatments), not an earlier one.
 */
function earlierInjections(ctx: FactContext, what: RegExp): Indexed<Treatment>[] {
  const own = ctx.service.raw.date;
  return indexed(ctx.request.raw.treatments, 'treatments')
    .filter((t) => t.item.kind === 'injection' && what.test((t.item.text ?? '').toLowerCase()) && itemInRegion(t.item.region, ctx.service))
    .filter((t) => own === undefined || t.item.date === undefined || t.item.date < own);
}

/** Earlier corticosteroid injections (or aspiration and injection) of the region. */
const priorSteroidInjections = (ctx: FactContext): Indexed<Treatment>[] =>
  earlierInjections(ctx, /cortisone|steroid|kenalog|depo|dexamethasone|triamcinolone|aspirat/);

/** The most recent of some earlier treatments (latest date; else the last listed). */
const latestOf = (list: Indexed<Treatment>[]): Indexed<Treatment> => {
  const dated = list.filter((t) => t.item.date);
  return dated.length > 0 ? dated.reduce((a, b) => (a.item.date! >= b.item.date! ? a : b)) : list[list.length - 1]!;
};

export const injectionProductFacts: FactDefinition[] = [
  defineFact<string>({
    id: 'injectionProducts.product',
    type: 'string',
    description:
      'What a generic injection service injects: prp, viscosupplement, prolotherapy, botulinum-toxin, stem-cell or corticosteroid (from its label and text).',
    reads: ['services[].label', 'services[].text'],
    derive: ({ service }) => {
      const found = PRODUCTS.find(([, re]) => re.test(service.words));
      return found
        ? known(found[0], [`services[${service.index}].label/text names ${found[0]}`])
        : unknown([`services[${service.index}]: the injected substance is not named`]);
    },
  }),
  defineFact<boolean>({
    id: 'injectionProducts.priorSteroidFailed',
    type: 'boolean',
    description: 'An earlier corticosteroid injection (or aspiration and injection) of the region failed; false when it helped.',
    reads: ['treatments[]'],
    derive: (ctx) => {
      const prior = priorSteroidInjections(ctx).map((t) => ({ ...t, outcome: treatmentOutcome(t.item) }));
      const failed = prior.filter((t) => t.outcome.status === 'failed' || t.outcome.status === 'partial');
      if (failed.length > 0)
        return known(
          true,
          failed.map((t) => `${t.path} = ${t.item.text}, ${t.outcome.from}`),
        );
      const helped = prior.filter((t) => t.outcome.status === 'helped');
      if (helped.length > 0)
        return known(
          false,
          helped.map((t) => `${t.path} = ${t.item.text}, ${t.outcome.from}`),
        );
      return unknown(
        prior.length > 0
          ? prior.map((t) => `${t.path}: outcome not stated`)
          : ['treatments: no earlier corticosteroid injection of the region'],
      );
    },
  }),
  defineFact<number>({
    id: 'injectionProducts.priorSteroidCount',
    type: 'number',
    description:
      'Earlier corticosteroid injections of the region (each listed injection counts its `sessions`, else one); 0 when treatments are listed without one; not documented when no treatments are listed.',
    reads: ['treatments[]'],
    derive: (ctx) => {
      if (ctx.request.raw.treatments === undefined) return unknown(['treatments not recorded']);
      const prior = priorSteroidInjections(ctx);
      const n = prior.reduce((sum, t) => sum + (t.item.sessions ?? 1), 0);
      return known(
        n,
        prior.length > 0
          ? prior.map((t) => `${t.path} = ${t.item.text}${t.item.sessions !== undefined ? ` × ${t.item.sessions}` : ''}`)
          : ['treatments: no earlier corticosteroid injection of the region'],
      );
    },
  }),
  defineFact<string>({
    id: 'injectionProducts.priorSteroidResponse',
    type: 'string',
    description:
      'How the most recent earlier corticosteroid injection of the region worked: none (outcome failed), partial, or improved; not documented when there was none or its outcome is not stated.',
    reads: ['treatments[].outcome', 'treatments[].date'],
    derive: (ctx) => {
      const prior = priorSteroidInjections(ctx);
      if (prior.length === 0) return unknown(['treatments: no earlier corticosteroid injection of the region']);
      const last = latestOf(prior);
      const { status, from } = treatmentOutcome(last.item);
      const response = status === 'failed' ? 'none' : status === 'partial' ? 'partial' : status === 'helped' ? 'improved' : undefined;
      if (response === undefined) return unknown([`${last.path}: outcome not stated`]);
      return known(response, [`${last.path}: ${from}`]);
    },
  }),
  defineFact<number>({
    id: 'injectionProducts.priorViscosupplementReliefWeeks',
    type: 'number',
    description:
      'Weeks of relief after the most recent earlier hyaluronic acid (viscosupplement) injection or series of the region (its reliefWeeks); 0 when it failed; not documented when there was none or the relief is not stated.',
    reads: ['treatments[].text', 'treatments[].reliefWeeks', 'treatments[].outcome', 'treatments[].date'],
    derive: (ctx) => {
      const prior = earlierInjections(ctx, VISCOSUPPLEMENT);
      if (prior.length === 0) return unknown(['treatments: no earlier hyaluronic acid injection of the region']);
      const last = latestOf(prior);
      if (last.item.reliefWeeks !== undefined) return known(last.item.reliefWeeks, [`${last.path}.reliefWeeks = ${last.item.reliefWeeks}`]);
      if (treatmentOutcome(last.item).status === 'failed') return known(0, [`${last.path}: ${treatmentOutcome(last.item).from}`]);
      return unknown([`${last.path}: how long the relief lasted is not stated`]);
    },
  }),
  defineFact<boolean>({
    id: 'injectionProducts.severePain',
    type: 'boolean',
    description:
      'Severe pain: a pain score of 7 or more out of 10 in the service region (a symptom without a region is placed by its kind: neck pain is not knee pain); false when every recorded score is lower.',
    reads: ['symptoms[].score'],
    derive: (ctx) => {
      const scored = indexed(ctx.request.raw.symptoms, 'symptoms').filter(
        (s) => s.item.score !== undefined && itemInRegion(symptomRegion(s.item), ctx.service),
      );
      if (scored.length === 0) return unknown(['symptoms: no pain score recorded']);
      const top = scored.reduce((a, b) => (b.item.score! > a.item.score! ? b : a));
      return known(top.item.score! >= 7, [`${top.path}.score = ${top.item.score}`]);
    },
  }),
  defineFact<boolean>({
    id: 'injectionProducts.targetFindings',
    type: 'boolean',
    description:
      'The examination records a positive local finding at the injected region (tenderness, swelling or effusion, limited motion, crepitus, impingement or another provocative test; an `other` finding whose text names one). False when the region was examined and no local sign was found there; not documented when the region has no exam finding (neurologic findings do not count).',
    reads: ['exam[]'],
    derive: (ctx) => {
      const local = indexed(ctx.request.raw.exam, 'exam').filter(
        (e) => e.item.region !== undefined && itemInRegion(e.item.region, ctx.service) && !NEUROLOGIC_FINDINGS.has(e.item.finding),
      );
      if (local.length === 0) return unknown(['exam: no finding recorded at the injected region']);
      const positive = local.filter(
        (e) => isPositive(e.item) && (e.item.finding !== 'other' || LOCAL_SIGN.test((e.item.text ?? '').toLowerCase())),
      );
      if (positive.length > 0)
        return known(
          true,
          positive.map((e) => `${e.path} = ${e.item.finding} positive${e.item.text ? ` (${e.item.text})` : ''}`),
        );
      return known(
        false,
        local.map((e) => `${e.path} = ${e.item.finding} ${e.item.result ?? ''}`.trim()),
      );
    },
  }),
  defineFact<number>({
    id: 'injectionProducts.sacroiliacProvocationTests',
    type: 'number',
    description:
      'Positive sacroiliac provocation tests on exam (each finding counts its `count`, else the tests its text names, else one).',
    reads: ['exam[]'],
    derive: (ctx) => {
      const found = examFindings(ctx.request.raw, 'sacroiliac-provocation').filter((e) => isPositive(e.item));
      if (found.length === 0) {
        const negative = examFindings(ctx.request.raw, 'sacroiliac-provocation');
        return negative.length > 0
          ? known(
              0,
              negative.map((e) => `${e.path} = sacroiliac-provocation negative`),
            )
          : unknown(['exam: no sacroiliac provocation test recorded']);
      }
      const n = found.reduce(
        (sum, e) => sum + (e.item.count ?? Math.max(1, new Set((e.item.text ?? '').toLowerCase().match(SI_TESTS) ?? []).size)),
        0,
      );
      return known(
        n,
        found.map((e) => `${e.path} = sacroiliac-provocation positive${e.item.text ? ` (${e.item.text})` : ''}`),
      );
    },
  }),
];
