// Facts about time: how long since the injury, how long symptoms have lasted.
import { defineFact, known, unknown, type FactDefinition } from './types.js';
import { monthsBetween } from '../util/dates.js';
import { indexed, itemInRegion } from './record.js';

export const timeFacts: FactDefinition[] = [
  defineFact<string>({
    id: 'request.decisionDate', type: 'string', description: 'The date the rules are applied at (decisionDate, or today).', reads: ['decisionDate'],
    derive: ({ request }) => known(request.decisionDate, [request.decisionDateGiven ? `decisionDate = ${request.decisionDate}` : `decisionDate not given; today (${request.decisionDate}) used`]),
  }),
  defineFact<number>({
    id: 'injury.monthsSince', type: 'number', description: 'Months from the date of injury to the decision date.', reads: ['injury.date', 'decisionDate'],
    derive: ({ request }) => {
      const date = request.raw.injury?.date;
      if (!date) return unknown(['injury.date not given']);
      return known(monthsBetween(date, request.decisionDate), [`injury.date = ${date}`]);
    },
  }),
  defineFact<number>({
    id: 'symptoms.durationMonths', type: 'number',
    description: 'How long the symptoms in the service region have lasted: the longest symptom duration recorded, else the time since injury.',
    reads: ['symptoms[].durationMonths', 'injury.date'],
    derive: (ctx) => {
      const timed = indexed(ctx.request.raw.symptoms, 'symptoms')
        .filter((s) => s.item.durationMonths !== undefined && s.item.result !== 'negative' && itemInRegion(s.item.region, ctx.service));
      if (timed.length > 0) {
        const longest = timed.reduce((a, b) => (b.item.durationMonths! > a.item.durationMonths! ? b : a));
        return known(longest.item.durationMonths!, [`${longest.path}.durationMonths = ${longest.item.durationMonths}`]);
      }
      return ctx.get<number>('injury.monthsSince');
    },
  }),
];
