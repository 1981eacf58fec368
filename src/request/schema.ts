// zod schemas of `imr-precheck/request@1` and `imr-precheck/case@1`, exactly as
// shared/spec/request-format.md writes them, plus the compatible additions listed in
// docs/request-format.md. Unknown fields are errors except under `extensions`.
// The schemas validate only; normalization (levels, visit counts) is in normalize.ts.
import { z } from 'zod';
import * as V from './vocabulary.js';
import { parseLevels, ROOTS, LEVEL_FORMS } from './levels.js';

const DATE_FORMS = 'a date YYYY-MM-DD (or YYYY-MM, or YYYY when only that is known)';

export function isValidDate(text: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

export const dateSchema = z
  .string({ error: `expected ${DATE_FORMS}` })
  .refine(isValidDate, { error: (iss) => `invalid date "${String(iss.input)}": expected ${DATE_FORMS}` });

const levelsSchema = z
  .union([z.string(), z.array(z.string()).min(1)], { error: `expected ${LEVEL_FORMS}` })
  .superRefine((value, ctx) => {
    const parsed = parseLevels(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `invalid level: ${parsed.message}; expected ${LEVEL_FORMS}`, input: value });
  });

const singleLevelSchema = z.string().superRefine((value, ctx) => {
  const parsed = parseLevels(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `invalid level: ${parsed.message}; expected ${LEVEL_FORMS}`, input: value });
});

const rootSchema = z.string().superRefine((value, ctx) => {
  if (!ROOTS.includes(value.trim().toUpperCase())) {
    ctx.addIssue({ code: 'custom', message: `invalid root or dermatome "${value}": expected one of C2 … C8, T1 … T12, L1 … L5, S1, S2`, input: value });
  }
});

const extensions = z.record(z.string(), z.unknown()).optional();
const text = z.string().optional();
const count = z.number().int().nonnegative();
const positive = z.number().nonnegative();
const percent = z.number().min(0).max(100);

/** Fields every list item may carry (spec §1). */
const itemFields = {
  text,
  date: dateSchema.optional(),
  side: z.enum(V.SIDES).optional(),
  region: z.enum(V.REGIONS).optional(),
  extensions,
};

export const patientSchema = z.strictObject({
  age: z.number().int().min(0).max(120).optional(),
  sex: z.enum(V.SEXES).optional(),
  workStatus: z.enum(V.WORK_STATUSES).optional(),
  extensions,
});

export const injurySchema = z.strictObject({
  date: dateSchema.optional(),
  mechanism: z.string().optional(),
  regions: z.array(z.enum(V.REGIONS)).optional(),
  text,
  extensions,
});

export const diagnosisSchema = z.union([
  z.string(),
  z.strictObject({ text: z.string(), icd10: z.string().optional(), date: dateSchema.optional(), side: z.enum(V.SIDES).optional(), region: z.enum(V.REGIONS).optional(), extensions }),
]);

export const symptomSchema = z.strictObject({
  kind: z.string().min(1),
  durationMonths: positive.optional(),
  score: z.number().min(0).max(10).optional(),
  dermatome: rootSchema.optional(),
  result: z.enum(V.SYMPTOM_RESULTS).optional(),
  ...itemFields,
});

export const examFindingSchema = z.strictObject({
  finding: z.enum(V.EXAM_FINDINGS),
  result: z.enum(V.EXAM_RESULTS).optional(),
  dermatome: rootSchema.optional(),
  root: rootSchema.optional(),
  level: singleLevelSchema.optional(),
  twitchResponse: z.boolean().optional(),
  referredPain: z.boolean().optional(),
  count: count.optional(),
  ...itemFields,
});

export const studyFindingSchema = z.strictObject({
  kind: z.enum(V.STUDY_FINDING_KINDS),
  level: singleLevelSchema.optional(),
  root: rootSchema.optional(),
  sizeMm: positive.optional(),
  severity: z.enum(['mild', 'moderate', 'severe']).optional(),
  ...itemFields,
});

export const studySchema = z.strictObject({
  type: z.enum(V.STUDY_TYPES),
  officialReport: z.boolean().optional(),
  findings: z.array(studyFindingSchema).optional(),
  ...itemFields,
});

export const treatmentSchema = z.strictObject({
  kind: z.enum(V.TREATMENT_KINDS),
  sessions: count.optional(),
  sessionsAuthorized: count.optional(),
  durationWeeks: positive.optional(),
  outcome: z.enum(V.TREATMENT_OUTCOMES).optional(),
  levels: levelsSchema.optional(),
  reliefPercent: percent.optional(),
  reliefWeeks: positive.optional(),
  medicationReduced: z.boolean().optional(),
  functionImproved: z.boolean().optional(),
  ...itemFields,
});

export const surgerySchema = z.strictObject({
  kind: z.string().min(1),
  levels: levelsSchema.optional(),
  ...itemFields,
});

export const medicationSchema = z.strictObject({
  name: z.string().min(1),
  strength: z.string().optional(),
  quantity: positive.optional(),
  route: z.enum(V.ROUTES).optional(),
  drugClass: z.enum(V.DRUG_CLASSES).optional(),
  opioid: z.boolean().optional(),
  morphineEquivalentDaily: positive.optional(),
  durationMonths: positive.optional(),
  outcome: z.enum(V.TREATMENT_OUTCOMES).optional(),
  functionImproved: z.boolean().optional(),
  ...itemFields,
});

const opioidMonitoringSchema = z.strictObject({
  analgesia: z.boolean().optional(),
  activities: z.boolean().optional(),
  adverseEffects: z.boolean().optional(),
  aberrantBehavior: z.boolean().optional(),
  urineDrugScreen: z.boolean().optional(),
  painScores: z.boolean().optional(),
  treatmentAgreement: z.boolean().optional(),
  cures: z.boolean().optional(),
  riskScreening: z.boolean().optional(),
  extensions,
});

export const documentationSchema = z.strictObject({
  functionalImprovement: z.boolean().optional(),
  risksDiscussed: z.boolean().optional(),
  homeExerciseProgram: z.boolean().optional(),
  opioidMonitoring: opioidMonitoringSchema.optional(),
  redFlags: z.array(z.enum(V.RED_FLAGS)).optional(),
  notes: z.string().optional(),
  // additions (docs/request-format.md)
  surgeryPlanned: z.boolean().optional(),
  invasiveProcedurePlanned: z.boolean().optional(),
  newNeurologicDeficit: z.boolean().optional(),
  significantChange: z.boolean().optional(),
  acuteFlare: z.boolean().optional(),
  cannotUseOrdinaryTransport: z.boolean().optional(),
  anxiety: z.boolean().optional(),
  maximumMedicalImprovement: z.boolean().optional(),
  priorFailedReturnToWork: z.boolean().optional(),
  extensions,
});

export const serviceSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9._-]+$/, { error: 'expected an id of letters, digits, ".", "_" or "-"' }),
    kind: z.enum(V.SERVICE_KINDS),
    label: z.string().optional(),
    for: z.string().optional(),
    requested: z.boolean().optional(),
    approach: z.enum(V.APPROACHES).optional(),
    levels: levelsSchema.optional(),
    purpose: z.string().optional(),
    quantity: positive.optional(),
    unit: z.string().optional(),
    modality: z.enum(V.IMAGING_MODALITIES).optional(),
    regions: z.array(z.enum(V.REGIONS)).optional(),
    specialty: z.string().optional(),
    name: z.string().optional(),
    strength: z.string().optional(),
    route: z.enum(V.ROUTES).optional(),
    drugClass: z.enum(V.DRUG_CLASSES).optional(),
    morphineEquivalentDaily: positive.optional(),
    // additions: frequency of a course of visits ("2x6" = visitsPerWeek 2, weeks 6)
    visitsPerWeek: positive.optional(),
    weeks: positive.optional(),
    ...itemFields,
  })
  .superRefine((service, ctx) => {
    if (service.purpose !== undefined && V.INJECTION_SERVICE_KINDS.has(service.kind)
      && !(V.INJECTION_PURPOSES as readonly string[]).includes(service.purpose)) {
      ctx.addIssue({
        code: 'custom', path: ['purpose'], input: service.purpose,
        message: `invalid purpose "${service.purpose}" for ${service.kind}: expected diagnostic | therapeutic`,
      });
    }
  });

export const REQUEST_FORMAT = 'imr-precheck/request@1';
export const CASE_FORMAT = 'imr-precheck/case@1';

export const requestSchema = z
  .strictObject({
    format: z.literal(REQUEST_FORMAT, { error: `expected format: ${REQUEST_FORMAT}` }),
    id: z.string().regex(/^[A-Za-z0-9._-]+$/, { error: 'expected an id of letters, digits, ".", "_" or "-"' }),
    decisionDate: dateSchema.optional(),
    patient: patientSchema.optional(),
    injury: injurySchema.optional(),
    diagnoses: z.array(diagnosisSchema).optional(),
    symptoms: z.array(symptomSchema).optional(),
    exam: z.array(examFindingSchema).optional(),
    studies: z.array(studySchema).optional(),
    treatments: z.array(treatmentSchema).optional(),
    surgeries: z.array(surgerySchema).optional(),
    medications: z.array(medicationSchema).optional(),
    documentation: documentationSchema.optional(),
    services: z.array(serviceSchema).min(1, { error: 'expected at least one service' }),
    extensions,
  })
  .superRefine((request, ctx) => checkServiceReferences(request.services, ctx));

function checkServiceReferences(services: readonly { id: string; for?: string | undefined }[], ctx: z.RefinementCtx): void {
  const ids = new Map<string, number>();
  services.forEach((s, i) => {
    if (ids.has(s.id)) {
      ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], input: s.id, message: `duplicate service id "${s.id}" (also services[${ids.get(s.id)}].id)` });
    } else ids.set(s.id, i);
  });
  services.forEach((s, i) => {
    if (s.for === undefined) return;
    if (!ids.has(s.for)) {
      ctx.addIssue({ code: 'custom', path: ['services', i, 'for'], input: s.for, message: `"for: ${s.for}" names no service in this request; expected one of: ${[...ids.keys()].join(', ')}` });
      return;
    }
    // follow the chain to catch cycles (a → b → a)
    const seen = new Set([s.id]);
    let next: string | undefined = s.for;
    while (next !== undefined) {
      if (seen.has(next)) {
        ctx.addIssue({ code: 'custom', path: ['services', i, 'for'], input: s.for, message: `"for:" chain from "${s.id}" loops back to "${next}"` });
        return;
      }
      seen.add(next);
      next = services[ids.get(next) ?? -1]?.for;
    }
  });
}

const guidelineRefSchema = z.strictObject({
  source: z.string().min(1),
  section: z.string().optional(),
  pages: z.union([z.string(), z.number()]).optional(),
  edition: z.string().optional(),
  topic: z.string().optional(),
});

export const expectedItemSchema = z.strictObject({
  service: z.string().min(1),
  outcome: z.enum(['upheld', 'overturned', 'not-covered']),
  guideline: guidelineRefSchema.nullable().optional(),
  dependsOn: z.string().nullable().optional(),
  // addition: the letter's item heading, kept for reports
  label: z.string().optional(),
  notes: z.string().optional(),
  extensions,
});

const caseShape = {
  format: z.literal(CASE_FORMAT, { error: `expected format: ${CASE_FORMAT}` }),
  source: z.string().optional(),
  // validated separately (validateEmbeddedRequest), so its errors carry `request.` paths
  request: z.unknown().optional(),
  requestFile: z.string().optional(),
  expected: z.array(expectedItemSchema).min(1, { error: 'expected at least one expected item' }),
  // additions
  id: z.string().optional(),
  notes: z.string().optional(),
  extensions,
};

/** The case shape with the request spelled out, for the JSON Schema editors use. */
export const caseDocumentSchema = z.strictObject({ ...caseShape, request: requestSchema.optional() });

export const caseSchema = z
  .strictObject(caseShape)
  .superRefine((c, ctx) => {
    if ((c.request === undefined) === (c.requestFile === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'a case needs exactly one of `request` or `requestFile`' });
    }
  });

export type Request = z.infer<typeof requestSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type Study = z.infer<typeof studySchema>;
export type Treatment = z.infer<typeof treatmentSchema>;
export type ExamFinding = z.infer<typeof examFindingSchema>;
export type Symptom = z.infer<typeof symptomSchema>;
export type Medication = z.infer<typeof medicationSchema>;
export type CaseFile = z.infer<typeof caseSchema>;
