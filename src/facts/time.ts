// Facts about time: how long since the injury, how long symptoms have lasted, and the one
// answer to "when was this service requested".
import { defineFact, known, unknown, type Fact, type FactContext, type FactDefinition } from './types.js';
import { dayNumber, monthsBetween } from '../util/dates.js';
import { durationInText } from '../util/durations.js';
import { itemInRegion, normalizedRecord } from './record.js';

/** Every dated entry of the record (visits, studies, care, other services), with its path. */
export function recordDates(ctx: FactContext): { date: string; path: string }[] {
  const raw = ctx.request.raw;
  const out: { date: string; path: string }[] = [];
  const add = (items: readonly { date?: string | undefined }[] | undefined, field: string): void => {
    (items ?? []).forEach((it, i) => {
      if (it.date) out.push({ date: it.date, path: `${field}[${i}].date` });
    });
  };
  add(raw.exam, 'exam');
  add(raw.symptoms, 'symptoms');
  add(raw.treatments, 'treatments');
  add(raw.studies, 'studies');
  add(raw.surgeries, 'surgeries');
  add(raw.medications, 'medications');
  add(
    (raw.diagnoses ?? []).filter((d): d is Exclude<typeof d, string> => typeof d !== 'string'),
    'diagnoses',
  );
  add(
    raw.services.filter((s) => s.id !== ctx.service.id),
    'services',
  );
  return out;
}

/**
 * When the service was requested: its own date, else the latest dated entry of the record up to
 * the decision date (the visit that ordered it). Never the decision date itself — IMR decides
 * months after the request, and durations measured to it would run long. Unknown when nothing
 * in the record is dated.
 */
export function serviceDate(ctx: FactContext): Fact<string> {
  const own = ctx.service.raw.date;
  if (own) return known(own, [`services[${ctx.service.index}].date = ${own}`]);
  const decided = dayNumber(ctx.request.decisionDate);
  const dated = recordDates(ctx).filter((d) => dayNumber(d.date) <= decided);
  if (dated.length === 0) return unknown([`services[${ctx.service.index}].date not given and no entry of the record is dated`]);
  const latest = dated.reduce((a, b) => (dayNumber(b.date) > dayNumber(a.date) ? b : a));
  return known(latest.date, [`${latest.path} = ${latest.date} (latest dated entry; the request date is not given)`]);
}

export const timeFacts: FactDefinition[] = [
  defineFact<number>({
    id: 'time.monthsSinceInjury',
    type: 'number',
    description: 'Months from the date of injury to the decision date (how chronic the condition is when reviewed).',
    reads: ['injury.date', 'decisionDate'],
    derive: ({ request }) => {
      const date = request.raw.injury?.date;
      if (!date) return unknown(['injury.date not given']);
      return known(monthsBetween(date, request.decisionDate), [`injury.date = ${date}`]);
    },
  }),
  defineFact<number>({
    id: 'time.symptomDurationMonths',
    type: 'number',
    description:
      'How long the symptoms in the service region have lasted: the longest symptom duration recorded (durationMonths, or one the symptom text states), else the time since injury.',
    reads: ['symptoms[].durationMonths', 'symptoms[].text', 'injury.date'],
    derive: (ctx) => {
      // the stated duration, else one the symptom's own words give ("for two years")
      const timed = normalizedRecord(ctx.request.raw)
        .symptoms.filter((s) => s.item.result !== 'negative' && itemInRegion(s.region, ctx.service))
        .map((s) => {
          // a duration stated at a dated visit has grown by the decision date, as the time since injury does
          if (s.item.durationMonths !== undefined) {
            const since =
              s.item.date && dayNumber(s.item.date) <= dayNumber(ctx.request.decisionDate)
                ? monthsBetween(s.item.date, ctx.request.decisionDate)
                : 0;
            return {
              months: s.item.durationMonths + since,
              evidence: `${s.path}.durationMonths = ${s.item.durationMonths}${since > 0 ? ` on ${s.item.date} (${(s.item.durationMonths + since).toFixed(1)} by the decision date)` : ''}`,
            };
          }
          const said = durationInText(s.item.text);
          return said ? { months: said.months, evidence: `${s.path}.text says "${said.phrase}"` } : undefined;
        })
        .filter((t): t is { months: number; evidence: string } => t !== undefined);
      if (timed.length > 0) {
        const longest = timed.reduce((a, b) => (b.months > a.months ? b : a));
        return known(longest.months, [longest.evidence]);
      }
      return ctx.get<number>('time.monthsSinceInjury');
    },
  }),
];
