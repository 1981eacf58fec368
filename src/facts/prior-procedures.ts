// Earlier treatments of the same kind as the requested service (repeat injections, more
// therapy visits): how many, how recent, and how well the last one worked.
import { defineFact, known, unknown, type Fact, type FactContext, type FactDefinition, type FactValue } from './types.js';
import { indexed, itemInRegion, serviceSpine, type Indexed } from './record.js';
import { spineRegionOf, parseLevels } from '../request/levels.js';
import type { Treatment } from '../request/schema.js';
import { TREATMENT_KINDS } from '../request/vocabulary.js';
import { daysBetween, weeksBetween } from '../util/dates.js';
import { DRUG_TREATMENT_KINDS } from './drugs.js';

/** Treatment kind that records an earlier course of the service kind (same name where one exists). */
function treatmentKindOf(serviceKind: string): Treatment['kind'] | undefined {
  return (TREATMENT_KINDS as readonly string[]).includes(serviceKind) ? (serviceKind as Treatment['kind']) : undefined;
}

function inSameRegion(t: Treatment, ctx: FactContext): boolean {
  const spine = serviceSpine(ctx.service);
  if (spine && t.levels) {
    const parsed = parseLevels(t.levels);
    if (parsed.ok && parsed.levels[0]) return spineRegionOf(parsed.levels[0]) === spine;
  }
  return itemInRegion(t.region, ctx.service);
}

/**
 * Service kinds whose earlier courses the shared request format has no treatment kind for: a
 * request written to it records them as `injection` (or `other`) with the procedure in `text`.
 */
const NAMED_IN_TEXT: Readonly<Record<string, RegExp>> = {
  'sacroiliac-joint-injection': /sacroiliac|\bsi(?:-| )?joint|\bsij\b/,
};

function isSameKind(t: Treatment, kind: Treatment['kind']): boolean {
  if (t.kind === kind) return true;
  const words = NAMED_IN_TEXT[kind];
  return words !== undefined && (t.kind === 'injection' || t.kind === 'other') && words.test((t.text ?? '').toLowerCase());
}

export function priorOfSameKind(ctx: FactContext): Indexed<Treatment>[] {
  const kind = treatmentKindOf(ctx.service.kind);
  if (!kind) return [];
  return indexed(ctx.request.raw.treatments, 'treatments').filter((t) => isSameKind(t.item, kind) && inSameRegion(t.item, ctx));
}

/** The most recent earlier treatment of the same kind (latest date; else the last listed). */
function latest(ctx: FactContext): Indexed<Treatment> | undefined {
  const prior = priorOfSameKind(ctx);
  if (prior.length === 0) return undefined;
  const dated = prior.filter((t) => t.item.date);
  if (dated.length > 0) return dated.reduce((a, b) => (a.item.date! >= b.item.date! ? a : b));
  return prior[prior.length - 1];
}

function latestField<T extends FactValue>(ctx: FactContext, field: keyof Treatment): Fact<T> {
  const last = latest(ctx);
  if (!last) return unknown([`treatments: no earlier ${ctx.service.kind}`]);
  const value = last.item[field];
  return value === undefined
    ? unknown([`${last.path}.${String(field)} not stated`])
    : known(value as T, [`${last.path}.${String(field)} = ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`]);
}

const count = (t: Treatment): number => t.sessions ?? 1;

export const priorProcedureFacts: FactDefinition[] = [
  defineFact<boolean>({
    id: 'priorProcedures.isRepeat',
    type: 'boolean',
    description:
      'The record shows an earlier treatment of the same kind in the same region, so this request is a repeat. False when the record lists the care given (a treatment other than medication) and none is of this kind; not documented when it lists no treatment, or only medications.',
    reads: ['treatments[]'],
    derive: (ctx) => {
      const prior = priorOfSameKind(ctx);
      if (prior.length > 0)
        return known(
          true,
          prior.map((t) => `${t.path} = ${t.item.kind}${t.item.date ? ` ${t.item.date}` : ''}`),
        );
      // silence is not "no earlier one": only a record of the non-drug care given can show there was none
      const care = indexed(ctx.request.raw.treatments, 'treatments').filter((t) => !DRUG_TREATMENT_KINDS.has(t.item.kind));
      return care.length > 0
        ? known(false, [`treatments: no earlier ${ctx.service.kind} among ${care.length} non-drug treatment(s) recorded`])
        : unknown([`treatments: no non-drug care recorded, so whether an earlier ${ctx.service.kind} was given is not stated`]);
    },
  }),
  defineFact<number>({
    id: 'priorProcedures.count',
    type: 'number',
    description: 'Earlier treatments (injections or visits) of the same kind in the region.',
    reads: ['treatments[].sessions'],
    derive: (ctx) => {
      const prior = priorOfSameKind(ctx);
      return known(
        prior.reduce((n, t) => n + count(t.item), 0),
        prior.length > 0
          ? prior.map((t) => `${t.path} = ${t.item.kind}${t.item.sessions !== undefined ? ` × ${t.item.sessions}` : ''}`)
          : [`treatments: no earlier ${ctx.service.kind}`],
      );
    },
  }),
  defineFact<number>({
    id: 'priorProcedures.countLastYear',
    type: 'number',
    description: 'Earlier treatments of the same kind in the 12 months before the decision date (undated ones count as recent).',
    reads: ['treatments[].date'],
    derive: (ctx) => {
      const recent = priorOfSameKind(ctx).filter((t) => !t.item.date || daysBetween(t.item.date, ctx.request.decisionDate) <= 365);
      return known(
        recent.reduce((n, t) => n + count(t.item), 0),
        recent.map((t) => `${t.path}${t.item.date ? `.date = ${t.item.date}` : ' (undated)'}`),
      );
    },
  }),
  defineFact<number>({
    id: 'priorProcedures.reliefPercent',
    type: 'number',
    description: 'Pain relief (%) after the most recent earlier treatment of the same kind.',
    reads: ['treatments[].reliefPercent'],
    derive: (ctx) => latestField<number>(ctx, 'reliefPercent'),
  }),
  defineFact<number>({
    id: 'priorProcedures.reliefWeeks',
    type: 'number',
    description: 'Weeks the relief of the most recent earlier treatment lasted.',
    reads: ['treatments[].reliefWeeks'],
    derive: (ctx) => latestField<number>(ctx, 'reliefWeeks'),
  }),
  defineFact<boolean>({
    id: 'priorProcedures.medicationReduced',
    type: 'boolean',
    description: 'Medication use fell after the most recent earlier treatment.',
    reads: ['treatments[].medicationReduced'],
    derive: (ctx) => latestField<boolean>(ctx, 'medicationReduced'),
  }),
  defineFact<boolean>({
    id: 'priorProcedures.functionImproved',
    type: 'boolean',
    description: 'Function improved after the earlier treatment(s) of the same kind.',
    reads: ['treatments[].functionImproved', 'treatments[].outcome'],
    derive: (ctx) => {
      const prior = priorOfSameKind(ctx);
      if (prior.length === 0) return unknown([`treatments: no earlier ${ctx.service.kind}`]);
      const stated = prior.filter((t) => t.item.functionImproved !== undefined);
      if (stated.length > 0) {
        const last = stated[stated.length - 1]!;
        return known(last.item.functionImproved!, [`${last.path}.functionImproved = ${last.item.functionImproved}`]);
      }
      return unknown(prior.map((t) => `${t.path}.functionImproved not stated`));
    },
  }),
  defineFact<number>({
    id: 'priorProcedures.weeksSince',
    type: 'number',
    description: 'Weeks from the most recent earlier treatment of the same kind to the decision date.',
    reads: ['treatments[].date'],
    derive: (ctx) => {
      const last = latest(ctx);
      if (!last) return unknown([`treatments: no earlier ${ctx.service.kind}`]);
      if (!last.item.date) return unknown([`${last.path}.date not stated`]);
      return known(weeksBetween(last.item.date, ctx.request.decisionDate), [`${last.path}.date = ${last.item.date}`]);
    },
  }),
];
