// Facts the record states directly (documentation flags, work status, age), plus the few
// that also follow from the rest of the request (a planned surgery is also a surgery service).
import { defineFact, known, unknown, type Fact, type FactContext, type FactDefinition } from './types.js';
import { diagnosisTexts, itemInRegion } from './record.js';
import type { Request } from '../request/schema.js';
import { termInRecord, type TermId } from './record-terms.js';
import { workStatus } from './pain-conditions.js';

type DocFlag = Exclude<keyof NonNullable<Request['documentation']>, 'opioidMonitoring' | 'redFlags' | 'notes' | 'extensions'>;

function flag(ctx: FactContext, field: DocFlag): Fact<boolean> {
  const value = ctx.request.raw.documentation?.[field];
  return value === undefined ? unknown([`documentation.${field} not stated`]) : known(value, [`documentation.${field} = ${value}`]);
}

/** Flags that concern one body region: only the record's words about the service's region count. */
const REGIONAL: ReadonlySet<TermId> = new Set([
  'surgeryPlanned',
  'invasiveProcedurePlanned',
  'newNeurologicDeficit',
  'significantChange',
  'acuteFlare',
]);

/** The flag when the record states it; otherwise what the record's own words say (vocab/record-terms.yaml). */
function flagOrWords(ctx: FactContext, field: DocFlag & TermId): Fact<boolean> {
  const stated = flag(ctx, field);
  if (stated.value !== undefined) return stated;
  const words = termInRecord(
    ctx.request.raw,
    field,
    REGIONAL.has(field) ? { regions: ctx.service.regions, neurologic: field === 'newNeurologicDeficit' } : {},
  );
  return words.value === undefined ? stated : words;
}

const DIRECT_FLAGS: ReadonlyArray<[DocFlag, string]> = [
  [
    'functionalImprovement',
    'Functional improvement (ADLs, work restrictions, reduced dependence on care) from the treatment so far is documented.',
  ],
  ['risksDiscussed', 'The risks (and limited benefit) of the treatment were discussed with the patient and documented.'],
];

/** Flags of the additions that the record's words can also state. */
const WORDED_FLAGS: ReadonlyArray<[DocFlag & TermId, string]> = [
  ['acuteFlare', 'An acute flare-up or exacerbation is documented.'],
  ['maximumMedicalImprovement', 'The worker is documented at or near maximum medical improvement.'],
  ['priorFailedReturnToWork', 'Prior attempts to return to work failed.'],
];

const SURGERY_KINDS = new Set(['surgery']);
/** A consultation whose purpose, specialty or label is a surgical evaluation. */
const SURGICAL_WORDS = /surg|arthroplast|replacement|fusion|arthroscop|decompress|laminectomy|discectomy|reconstruct|neurosurg/;

function surgicalConsults(ctx: FactContext) {
  return ctx.request.services.filter(
    (s) =>
      s.kind === 'consultation' &&
      s.id !== ctx.service.id &&
      SURGICAL_WORDS.test(`${s.raw.purpose ?? ''} ${s.raw.specialty ?? ''} ${s.words}`.toLowerCase()),
  );
}
const INVASIVE_KINDS = new Set([
  'epidural-steroid-injection',
  'facet-joint-injection',
  'medial-branch-block',
  'facet-radiofrequency-neurotomy',
  'sacroiliac-joint-injection',
  'injection',
  'surgery',
]);

export const documentationFacts: FactDefinition[] = [
  ...DIRECT_FLAGS.map(([field, description]) =>
    defineFact<boolean>({
      id: `documentation.${field}`,
      type: 'boolean',
      description,
      reads: [`documentation.${field}`],
      derive: (ctx) => flag(ctx, field),
    }),
  ),
  ...WORDED_FLAGS.map(([field, description]) =>
    defineFact<boolean>({
      id: `documentation.${field}`,
      type: 'boolean',
      description: `${description} (flag, or the record's words: vocab/record-terms.yaml)`,
      reads: [`documentation.${field}`, 'diagnoses[]', 'documentation.notes', '*.text', 'services[].purpose'],
      derive: (ctx) => flagOrWords(ctx, field),
    }),
  ),
  defineFact<boolean>({
    id: 'documentation.treatmentGoals',
    type: 'boolean',
    description:
      'The goals of the treatment are stated (the record\'s words: vocab/record-terms.yaml treatmentGoals, "short- and long-term goals: pain 4/10, walking 30 minutes"); false when the words say none were set; not documented when they say nothing.',
    reads: ['documentation.notes', '*.text', 'services[].label', 'services[].purpose'],
    derive: (ctx) => {
      const stated = termInRecord(ctx.request.raw, 'treatmentGoals');
      return stated.value === undefined ? unknown(['the record states no goals of treatment']) : stated;
    },
  }),
  defineFact<boolean>({
    id: 'documentation.significantChange',
    type: 'boolean',
    description:
      "Significant change in symptoms or findings since the last study of the region (flag, the record's words, or a new neurologic deficit).",
    reads: ['documentation.significantChange', 'documentation.newNeurologicDeficit', 'diagnoses[]', 'documentation.notes', '*.text'],
    derive: (ctx) => {
      const stated = flagOrWords(ctx, 'significantChange');
      if (stated.value === true) return stated;
      const deficit = ctx.get<boolean>('documentation.newNeurologicDeficit');
      return deficit.value === true ? deficit : stated;
    },
  }),
  defineFact<boolean>({
    id: 'documentation.homeExerciseProgram',
    type: 'boolean',
    description: 'A home exercise program is documented (flag, or home exercise among treatments).',
    reads: ['documentation.homeExerciseProgram', 'treatments[]'],
    derive: (ctx) => {
      const stated = flag(ctx, 'homeExerciseProgram');
      if (stated.value !== undefined) return stated;
      const hep = (ctx.request.raw.treatments ?? []).findIndex((t) => t.kind === 'home-exercise');
      return hep >= 0 ? known(true, [`treatments[${hep}].kind = home-exercise`]) : stated;
    },
  }),
  defineFact<boolean>({
    id: 'documentation.surgeryPlanned',
    type: 'boolean',
    description: 'Surgery is planned or considered for the region (flag, or a surgery service in the request).',
    reads: ['documentation.surgeryPlanned', 'services[]'],
    derive: (ctx) => {
      const surgery = [
        ...ctx.request.services.filter((s) => SURGERY_KINDS.has(s.kind) && s.id !== ctx.service.id),
        ...surgicalConsults(ctx),
      ].filter((s) => s.regions.some((r) => itemInRegion(r, ctx.service)));
      if (surgery.length > 0)
        return known(
          true,
          surgery.map(
            (s) =>
              `services[${s.index}] = ${s.kind === 'surgery' ? 'surgery' : `surgical consultation (${s.raw.purpose ?? s.raw.specialty ?? s.raw.label})`}`,
          ),
        );
      return flagOrWords(ctx, 'surgeryPlanned');
    },
  }),
  defineFact<boolean>({
    id: 'documentation.surgicalEvaluation',
    type: 'boolean',
    description: 'The requested consultation is an evaluation for surgery (purpose, specialty or label name a surgery or surgeon).',
    reads: ['services[].purpose', 'services[].specialty', 'services[].label'],
    derive: ({ service }) => {
      const text = `${service.raw.purpose ?? ''} ${service.raw.specialty ?? ''} ${service.words}`.toLowerCase();
      return SURGICAL_WORDS.test(text)
        ? known(true, [`services[${service.index}] names a surgical evaluation`])
        : unknown([`services[${service.index}]: no surgical evaluation named`]);
    },
  }),
  defineFact<boolean>({
    id: 'documentation.invasiveProcedurePlanned',
    type: 'boolean',
    description: 'An injection or other invasive procedure is planned for the region (flag, or such a service in the request).',
    reads: ['documentation.invasiveProcedurePlanned', 'services[]'],
    derive: (ctx) => {
      const procs = ctx.request.services.filter(
        (s) => INVASIVE_KINDS.has(s.kind) && s.id !== ctx.service.id && s.regions.some((r) => itemInRegion(r, ctx.service)),
      );
      if (procs.length > 0)
        return known(
          true,
          procs.map((s) => `services[${s.index}] = ${s.kind}`),
        );
      return flagOrWords(ctx, 'invasiveProcedurePlanned');
    },
  }),
  defineFact<boolean>({
    id: 'documentation.newNeurologicDeficit',
    type: 'boolean',
    description: 'New or progressive neurologic deficit (flag, or the progressive-neurologic-deficit red flag).',
    reads: ['documentation.newNeurologicDeficit', 'documentation.redFlags'],
    derive: (ctx) => {
      if (ctx.request.raw.documentation?.redFlags?.includes('progressive-neurologic-deficit'))
        return known(true, ['documentation.redFlags includes progressive-neurologic-deficit']);
      return flagOrWords(ctx, 'newNeurologicDeficit');
    },
  }),
  defineFact<boolean>({
    id: 'documentation.anxiety',
    type: 'boolean',
    description: 'Extreme anxiety is documented (flag or an anxiety diagnosis).',
    reads: ['documentation.anxiety', 'diagnoses[]'],
    derive: (ctx) => {
      const stated = flag(ctx, 'anxiety');
      if (stated.value !== undefined) return stated;
      const dx = diagnosisTexts(ctx.request.raw).filter((d) => /anxiety|panic/.test(d.text));
      return dx.length > 0
        ? known(
            true,
            dx.map((d) => `${d.path} = ${d.text}`),
          )
        : flagOrWords(ctx, 'anxiety');
    },
  }),
  defineFact<boolean>({
    id: 'documentation.psychosocialDiagnosis',
    type: 'boolean',
    description: 'A psychological or psychosocial diagnosis (depression, anxiety, stress, insomnia, PTSD) is recorded. Never false.',
    reads: ['diagnoses[]'],
    derive: (ctx) => {
      const dx = diagnosisTexts(ctx.request.raw).filter((d) =>
        /depress|anxiety|panic|stress|insomnia|ptsd|post-?traumatic|psych|adjustment disorder/.test(d.text),
      );
      return dx.length > 0
        ? known(
            true,
            dx.map((d) => `${d.path} = ${d.text}`),
          )
        : unknown(['diagnoses: no psychosocial diagnosis recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'documentation.patientWorking',
    type: 'boolean',
    description:
      "The worker is working (full or modified duty); false when off work or retired (patient.workStatus, else the record's words).",
    reads: ['patient.workStatus', 'documentation.notes', 'treatments[].text', 'symptoms[].text', 'diagnoses[]'],
    derive: (ctx) => {
      const status = workStatus(ctx); // pain-conditions.ts: the field, else the record's words
      if (status.value === undefined) return unknown(status.evidence);
      return known(status.value === 'full-duty' || status.value === 'modified-duty' || status.value === 'working', status.evidence);
    },
  }),
  defineFact<number>({
    id: 'documentation.patientAge',
    type: 'number',
    description: 'Age in years.',
    reads: ['patient.age'],
    derive: (ctx) =>
      ctx.request.raw.patient?.age !== undefined
        ? known(ctx.request.raw.patient.age, [`patient.age = ${ctx.request.raw.patient.age}`])
        : unknown(['patient.age not stated']),
  }),
];
