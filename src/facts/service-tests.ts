// Tests requested on their own: urine drug testing (on or starting opioids, risk, how many a
// year), electrocardiograms (indication, an earlier tracing), and grip and range-of-motion tests
// (part of an evaluation or not).
import { defineFact, known, unknown, type FactContext, type FactDefinition } from './types.js';
import { diagnosisTexts, indexed } from './record.js';
import { isOpioidName } from './medication.js';
import { daysBetween } from '../util/dates.js';

function opioidRequested(ctx: FactContext) {
  return ctx.request.services.filter(
    (s) =>
      s.kind === 'medication' &&
      s.id !== ctx.service.id &&
      (s.raw.drugClass === 'opioid' || (s.raw.drugClass === undefined && isOpioidName(`${s.raw.name ?? ''} ${s.raw.label ?? ''}`))),
  );
}

const SUBSTANCE_USE =
  /substance (use|abuse)|addiction|opioid (use disorder|dependence|abuse)|drug (abuse|dependence)|alcohol (abuse|dependence|use disorder)|polysubstance/;
const EKG_WORDS = /\bekg\b|\becg\b|electrocardiogra/;
const EKG_INDICATION =
  /chest pain|angina|palpitation|arrhythm|tachycard|bradycard|irregular (heart|pulse|rhythm)|syncope|passed out|faint|hypertension|high blood pressure|\bhtn\b/;
const EVALUATION_KINDS = new Set(['consultation', 'functional-capacity-evaluation']);

export const serviceTestFacts: FactDefinition[] = [
  defineFact<boolean>({
    id: 'serviceTests.udtOpioidTreatment',
    type: 'boolean',
    description:
      'The worker is on opioid treatment, or an opioid is requested with the test (a baseline before starting); false when the medication list has no opioid and none is requested.',
    reads: ['medications[]', 'treatments[]', 'services[]'],
    derive: (ctx) => {
      const ongoing = ctx.get<boolean>('medication.opioidOngoing');
      if (ongoing.value === true) return ongoing;
      const requested = opioidRequested(ctx);
      if (requested.length > 0)
        return known(
          true,
          requested.map((s) => `services[${s.index}] = ${s.raw.name ?? s.raw.label} (opioid requested)`),
        );
      return ongoing;
    },
  }),
  defineFact<boolean>({
    id: 'serviceTests.udtHighRisk',
    type: 'boolean',
    description:
      'The worker is at high risk of misuse: daily dose over 80 mg morphine equivalent, or a substance use disorder diagnosed. Never false.',
    reads: ['medications[].morphineEquivalentDaily', 'diagnoses[]'],
    derive: (ctx) => {
      const med = ctx.get<number>('medication.morphineEquivalentDaily');
      if (med.value !== undefined && med.value > 80) return known(true, med.evidence);
      const dx = diagnosisTexts(ctx.request.raw).filter((d) => SUBSTANCE_USE.test(d.text));
      return dx.length > 0
        ? known(
            true,
            dx.map((d) => `${d.path} = ${d.text}`),
          )
        : unknown(['no dose over 80 mg MED or substance use disorder documented']);
    },
  }),
  defineFact<boolean>({
    id: 'serviceTests.ekgClinicalIndication',
    type: 'boolean',
    description:
      'Signs or symptoms for which an ECG is done: chest pain, palpitations or an abnormal heart rate or rhythm, fainting, high blood pressure. Never false.',
    reads: ['diagnoses[]', 'symptoms[]', 'exam[]'],
    derive: (ctx) => {
      const raw = ctx.request.raw;
      const hits = [
        ...diagnosisTexts(raw)
          .filter((d) => EKG_INDICATION.test(d.text))
          .map((d) => `${d.path} = ${d.text}`),
        ...indexed(raw.symptoms, 'symptoms')
          .filter((s) => s.item.result !== 'negative' && EKG_INDICATION.test(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase()))
          .map((s) => `${s.path}.kind = ${s.item.kind}`),
      ];
      return hits.length > 0 ? known(true, hits) : unknown(['no cardiac sign or symptom documented']);
    },
  }),
  defineFact<boolean>({
    id: 'serviceTests.ekgPriorTracing',
    type: 'boolean',
    description: 'An electrocardiogram is already in the record (a study naming an EKG/ECG). Never false.',
    reads: ['studies[]'],
    derive: (ctx) => {
      const prior = indexed(ctx.request.raw.studies, 'studies').filter((s) => EKG_WORDS.test((s.item.text ?? '').toLowerCase()));
      return prior.length > 0
        ? known(
            true,
            prior.map((s) => `${s.path} = ${s.item.text}${s.item.date ? ` (${s.item.date})` : ''}`),
          )
        : unknown(['studies: no earlier electrocardiogram']);
    },
  }),
  defineFact<boolean>({
    id: 'serviceTests.partOfEvaluation',
    type: 'boolean',
    description:
      'The test is requested as part of an evaluation (for a consultation, office visit or functional capacity evaluation) rather than as a service of its own.',
    reads: ['services[].for'],
    derive: ({ request, service }) => {
      const primary = service.raw.for ? request.byId.get(service.raw.for) : undefined;
      if (primary && (EVALUATION_KINDS.has(primary.kind) || /evaluation|exam|visit|consult/.test(primary.words))) {
        return known(true, [`services[${service.index}].for = ${primary.id} (${primary.kind})`]);
      }
      return known(false, [`services[${service.index}] is requested as a service of its own`]);
    },
  }),
  defineFact<number>({
    id: 'serviceTests.udtScreensPerYear',
    type: 'number',
    description:
      'Urine drug screens in a year counting this request: dated earlier screens recorded (treatments or studies naming a drug screen) in the 12 months before the request, plus the quantity requested (1 when not stated).',
    reads: ['treatments[]', 'studies[]', 'services[].quantity', 'services[].date'],
    derive: (ctx) => {
      const { request, service } = ctx;
      const asOf = service.raw.date ?? request.decisionDate;
      const SCREEN = /urine (drug|tox)|drug screen|drug test|\buds\b|\budt\b|toxicology/;
      const earlier = [
        ...indexed(request.raw.treatments, 'treatments').map((t) => ({ path: t.path, text: t.item.text ?? '', date: t.item.date })),
        ...indexed(request.raw.studies, 'studies').map((st) => ({ path: st.path, text: st.item.text ?? '', date: st.item.date })),
      ].filter(
        (e) =>
          SCREEN.test(e.text.toLowerCase()) && e.date !== undefined && daysBetween(e.date, asOf) > 0 && daysBetween(e.date, asOf) <= 365,
      );
      const requested = service.raw.quantity ?? 1;
      return known(earlier.length + requested, [
        ...earlier.map((e) => `${e.path} = drug screen on ${e.date}`),
        service.raw.quantity !== undefined
          ? `services[${service.index}].quantity = ${service.raw.quantity}`
          : `services[${service.index}]: one screen requested`,
      ]);
    },
  }),
];
