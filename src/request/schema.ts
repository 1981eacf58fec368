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

const levelsSchema = z.union([z.string(), z.array(z.string()).min(1)], { error: `expected ${LEVEL_FORMS}` }).superRefine((value, ctx) => {
  const parsed = parseLevels(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `invalid level: ${parsed.message}; expected ${LEVEL_FORMS}`, input: value });
});

const singleLevelSchema = z.string().superRefine((value, ctx) => {
  const parsed = parseLevels(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `invalid level: ${parsed.message}; expected ${LEVEL_FORMS}`, input: value });
});

const rootSchema = z.string().superRefine((value, ctx) => {
  if (!ROOTS.includes(value.trim().toUpperCase())) {
    ctx.addIssue({
      code: 'custom',
      message: `invalid root or dermatome "${value}": expected one of C2 … C8, T1 … T12, L1 … L5, S1, S2`,
      input: value,
    });
  }
});

const extensions = z
  .record(z.string(), z.unknown())
  .optional()
  .describe('Free-form data for other tools; never read by the rules and never an error.');
const text = z.string().optional().describe("The record's own words for this item; shown in reports.");
const count = z.number().int().nonnegative();
const positive = z.number().nonnegative();
const percent = z.number().min(0).max(100);
const oneOf = (values: readonly string[]): string => values.join(' | ');
const flag = (meaning: string) => z.boolean().optional().describe(`${meaning} (true | false; absent = the record does not say).`);

/** Fields every list item may carry (spec §1). */
const itemFields = {
  text,
  date: dateSchema.optional().describe('When it happened or was recorded: YYYY-MM-DD, YYYY-MM or YYYY.'),
  side: z.enum(V.SIDES).optional().describe('Side of the body: left | right | bilateral.'),
  region: z.enum(V.REGIONS).optional().describe('Body region, same vocabulary as injury.regions.'),
  extensions,
};

export const patientSchema = z
  .strictObject({
    age: z.number().int().min(0).max(120).optional().describe('Age in years.'),
    sex: z
      .enum(V.SEXES)
      .optional()
      .describe(`Sex: ${oneOf(V.SEXES)}.`),
    workStatus: z
      .enum(V.WORK_STATUSES)
      .optional()
      .describe(`Work status: ${oneOf(V.WORK_STATUSES)} ("working" = duty not stated).`),
    extensions,
  })
  .describe('The injured worker.');

export const injurySchema = z
  .strictObject({
    date: dateSchema.optional().describe('Date of injury.'),
    mechanism: z.string().optional().describe('How the injury happened, free text ("lifting a box").'),
    regions: z.array(z.enum(V.REGIONS)).optional().describe('Injured body regions.'),
    text,
    extensions,
  })
  .describe('The industrial injury.');

export const diagnosisSchema = z
  .union([
    z.string().describe('A diagnosis as written.'),
    z.strictObject({
      text: z.string().describe('The diagnosis as written.'),
      icd10: z.string().optional().describe('ICD-10 code, e.g. M51.26.'),
      date: dateSchema.optional().describe('When it was diagnosed.'),
      side: z.enum(V.SIDES).optional().describe('Side of the body: left | right | bilateral.'),
      region: z.enum(V.REGIONS).optional().describe('Body region.'),
      extensions,
    }),
  ])
  .describe('A diagnosis: a string, or { text, icd10 }.');

export const symptomSchema = z
  .strictObject({
    kind: z
      .string()
      .min(1)
      .describe(
        `What the patient reports. Known kinds (the rules read these): ${oneOf(V.SYMPTOM_KINDS)}; any other string is kept and shown, with a notice.`,
      )
      .meta({ examples: [...V.SYMPTOM_KINDS] }),
    durationMonths: positive.optional().describe('How long the symptom has lasted, in months.'),
    score: z.number().min(0).max(10).optional().describe('Pain score 0-10.'),
    dermatome: rootSchema.optional().describe('Dermatome the symptom follows (C2 … S2).'),
    result: z.enum(V.SYMPTOM_RESULTS).optional().describe('positive (default) = reported; negative = the patient denies it.'),
    ...itemFields,
  })
  .describe('A symptom the patient reports.');

export const examFindingSchema = z
  .strictObject({
    finding: z.enum(V.EXAM_FINDINGS).describe('The examination finding; the named test goes in text.'),
    result: z
      .enum(V.EXAM_RESULTS)
      .optional()
      .describe(`Result: ${oneOf(V.EXAM_RESULTS)}.`),
    dermatome: rootSchema.optional().describe('Dermatome of a sensory finding (C2 … S2).'),
    root: rootSchema.optional().describe('Nerve root of a motor or reflex finding (addition).'),
    level: singleLevelSchema.optional().describe('Spinal level of a finding such as facet tenderness (addition).'),
    twitchResponse: z.boolean().optional().describe('Trigger point: a twitch response was elicited.'),
    referredPain: z.boolean().optional().describe('Trigger point: referred pain was elicited.'),
    count: count.optional().describe('How many (e.g. trigger points).'),
    ...itemFields,
  })
  .describe('A physical-exam finding; a finding not listed was not documented.');

export const studyFindingSchema = z
  .strictObject({
    kind: z.enum(V.STUDY_FINDING_KINDS).describe('What the study report shows.'),
    level: singleLevelSchema.optional().describe('A motion segment (L4-5) or a single vertebra (T12).'),
    root: rootSchema.optional().describe('Nerve root named by the finding (addition).'),
    sizeMm: positive.optional().describe('Size in millimetres (e.g. a disc protrusion).'),
    severity: z.enum(['mild', 'moderate', 'severe']).optional().describe("The report's grading: mild | moderate | severe (addition)."),
    ...itemFields,
  })
  .describe('One finding of an imaging or electrodiagnostic study.');

export const studySchema = z
  .strictObject({
    type: z.enum(V.STUDY_TYPES).describe(`Study type: ${oneOf(V.STUDY_TYPES)}.`),
    officialReport: z.boolean().optional().describe('true = a formal report is in the record; false = only mentioned in a progress note.'),
    findings: z.array(studyFindingSchema).optional().describe("The report's findings."),
    ...itemFields,
  })
  .describe('An imaging or electrodiagnostic study already done.');

export const treatmentSchema = z
  .strictObject({
    kind: z.enum(V.TREATMENT_KINDS).describe('The kind of care already given.'),
    sessions: count.optional().describe('Sessions completed.'),
    sessionsAuthorized: count.optional().describe('Sessions authorized, when known.'),
    durationWeeks: positive.optional().describe('How long it was given, in weeks (addition).'),
    outcome: z
      .enum(V.TREATMENT_OUTCOMES)
      .optional()
      .describe(`How it worked: ${oneOf(V.TREATMENT_OUTCOMES)}.`),
    levels: levelsSchema.optional().describe('Spinal levels treated: a level, a range (L3-S1) or a list.'),
    reliefPercent: percent.optional().describe('Pain relief achieved, in percent.'),
    reliefWeeks: positive.optional().describe('How long the relief lasted, in weeks.'),
    medicationReduced: z.boolean().optional().describe('Medication use went down afterwards.'),
    functionImproved: z.boolean().optional().describe('Function improved afterwards.'),
    ...itemFields,
  })
  .describe('Care already given.');

export const surgerySchema = z
  .strictObject({
    kind: z
      .string()
      .min(1)
      .describe(
        'The operation. Known kinds: fusion | laminectomy | discectomy | arthroscopy | arthroplasty | orif | carpal-tunnel-release; others are kept.',
      ),
    levels: levelsSchema.optional().describe('Spinal levels operated on.'),
    ...itemFields,
  })
  .describe('A past operation.');

export const medicationSchema = z
  .strictObject({
    name: z.string().min(1).describe('Drug name as written.'),
    strength: z.string().optional().describe('Strength as written ("10/325 mg").'),
    quantity: positive.optional().describe('Quantity dispensed (tablets, patches, grams, …).'),
    route: z
      .enum(V.ROUTES)
      .optional()
      .describe(`Route: ${oneOf(V.ROUTES)}.`),
    drugClass: z
      .enum(V.DRUG_CLASSES)
      .optional()
      .describe(`Drug class: ${oneOf(V.DRUG_CLASSES)} (addition).`),
    opioid: z.boolean().optional().describe('The drug is an opioid.'),
    morphineEquivalentDaily: positive.optional().describe('Morphine milligram equivalents per day.'),
    durationMonths: positive.optional().describe('How long it has been taken, in months (addition).'),
    outcome: z
      .enum(V.TREATMENT_OUTCOMES)
      .optional()
      .describe(`How it worked: ${oneOf(V.TREATMENT_OUTCOMES)} (addition).`),
    functionImproved: z.boolean().optional().describe('Function improved on it (addition).'),
    ...itemFields,
  })
  .describe('A current or past medication.');

const opioidMonitoringSchema = z
  .strictObject({
    analgesia: flag('Analgesia is documented'),
    activities: flag('Activities of daily living are documented'),
    adverseEffects: flag('Adverse effects were assessed'),
    aberrantBehavior: flag('Aberrant drug-taking behaviour was assessed'),
    urineDrugScreen: flag('A urine drug screen was done'),
    painScores: flag('Pain scores before and after the opioid are recorded (addition)'),
    treatmentAgreement: flag('A signed opioid treatment agreement exists (addition)'),
    cures: flag('The CURES database was checked (addition)'),
    riskScreening: flag('Addiction and adverse-event risk screening was done (addition)'),
    extensions,
  })
  .describe('The "four A\'s" of opioid monitoring and related checks.');

export const documentationSchema = z
  .strictObject({
    functionalImprovement: flag('Functional improvement from prior care is documented'),
    risksDiscussed: flag('Risks and benefits were discussed with the patient'),
    homeExerciseProgram: flag('The patient follows a home exercise program'),
    opioidMonitoring: opioidMonitoringSchema.optional(),
    redFlags: z
      .array(z.enum(V.RED_FLAGS))
      .optional()
      .describe(`Red flags documented: ${oneOf(V.RED_FLAGS)}; [] = none.`),
    notes: z.string().optional().describe('Free text the reviewer would weigh but no rule reads.'),
    // additions (docs/request-format.md)
    surgeryPlanned: flag('Surgery on the body region is planned or being considered (addition)'),
    invasiveProcedurePlanned: flag('An injection or other invasive procedure is planned (addition)'),
    newNeurologicDeficit: flag('Neurologic findings are new or worse than at the last exam or study (addition)'),
    significantChange: flag('Significant change in symptoms or findings since the last study (addition)'),
    acuteFlare: flag('An acute flare-up or exacerbation is documented (addition)'),
    cannotUseOrdinaryTransport: flag('A condition prevents use of public or private transport (addition)'),
    anxiety: flag('Extreme anxiety is documented (addition)'),
    maximumMedicalImprovement: flag('The worker is at or near maximum medical improvement (addition)'),
    priorFailedReturnToWork: flag('Prior attempts to return to work failed (addition)'),
    extensions,
  })
  .describe('What the record states; each flag true | false, absent = not stated.');

export const serviceSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/, { error: 'expected an id of letters, digits, ".", "_" or "-"' })
      .describe('Unique id within the request, [A-Za-z0-9._-]+.'),
    kind: z.enum(V.SERVICE_KINDS).describe('What is requested.'),
    label: z.string().optional().describe('The service as written on the request; shown in output.'),
    for: z.string().optional().describe('Id of the primary service this one is associated with (follows its outcome).'),
    requested: z.boolean().optional().describe('false = described only so a dependent service can be judged; not itself decided.'),
    approach: z
      .enum(V.APPROACHES)
      .optional()
      .describe(`Injection approach: ${oneOf(V.APPROACHES)}.`),
    levels: levelsSchema.optional().describe('Spinal levels: a level (L4-5), a range (L3-S1) or a list.'),
    purpose: z.string().optional().describe('Injections: diagnostic | therapeutic; consultations: free text.'),
    quantity: positive.optional().describe('How many (visits, views, tablets, …); a range is written as its upper bound.'),
    unit: z.string().optional().describe('Unit of quantity: visits, tablets, grams, ml, days, …'),
    modality: z
      .enum(V.IMAGING_MODALITIES)
      .optional()
      .describe(`Imaging modality: ${oneOf(V.IMAGING_MODALITIES)}.`),
    regions: z.array(z.enum(V.REGIONS)).optional().describe('Body regions, when the service covers several.'),
    specialty: z.string().optional().describe('Consultation: the specialty consulted.'),
    name: z.string().optional().describe('Medication: drug name.'),
    strength: z.string().optional().describe('Medication: strength as written.'),
    route: z
      .enum(V.ROUTES)
      .optional()
      .describe(`Medication route: ${oneOf(V.ROUTES)}.`),
    drugClass: z
      .enum(V.DRUG_CLASSES)
      .optional()
      .describe(`Medication class: ${oneOf(V.DRUG_CLASSES)}.`),
    morphineEquivalentDaily: positive.optional().describe('Medication: morphine milligram equivalents per day.'),
    // additions: frequency of a course of visits ("2x6" = visitsPerWeek 2, weeks 6)
    visitsPerWeek: positive.optional().describe('Visits a week of a requested course (addition; "2x6" = 2).'),
    weeks: positive.optional().describe('Weeks of a requested course (addition; "2x6" = 6).'),
    ...itemFields,
  })
  .superRefine((service, ctx) => {
    if (
      service.purpose !== undefined &&
      V.INJECTION_SERVICE_KINDS.has(service.kind) &&
      !(V.INJECTION_PURPOSES as readonly string[]).includes(service.purpose)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['purpose'],
        input: service.purpose,
        message: `invalid purpose "${service.purpose}" for ${service.kind}: expected diagnostic | therapeutic`,
      });
    }
  })
  .describe('A requested service (one item of the request for authorization).');

export const REQUEST_FORMAT = 'imr-precheck/request@1';
export const CASE_FORMAT = 'imr-precheck/case@1';

export const requestSchema = z
  .strictObject({
    format: z.literal(REQUEST_FORMAT, { error: `expected format: ${REQUEST_FORMAT}` }).describe(`Always ${REQUEST_FORMAT}.`),
    id: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/, { error: 'expected an id of letters, digits, ".", "_" or "-"' })
      .describe('Request id, [A-Za-z0-9._-]+.'),
    decisionDate: dateSchema.optional().describe('The date the rules are applied at (chooses the guideline edition); default today.'),
    patient: patientSchema.optional(),
    injury: injurySchema.optional(),
    diagnoses: z.array(diagnosisSchema).optional().describe('Diagnoses: strings or { text, icd10 }.'),
    symptoms: z.array(symptomSchema).optional().describe('Symptoms the patient reports.'),
    exam: z.array(examFindingSchema).optional().describe('Physical-exam findings.'),
    studies: z.array(studySchema).optional().describe('Imaging and electrodiagnostic studies already done.'),
    treatments: z.array(treatmentSchema).optional().describe('Care already given.'),
    surgeries: z.array(surgerySchema).optional().describe('Past operations.'),
    medications: z.array(medicationSchema).optional().describe('Current and past medications.'),
    documentation: documentationSchema.optional(),
    services: z.array(serviceSchema).min(1, { error: 'expected at least one service' }).describe('What is requested; at least one.'),
    extensions,
  })
  .superRefine((request, ctx) => checkServiceReferences(request.services, ctx))
  .describe('A request for authorization with the facts of the record (imr-precheck/request@1).');

function checkServiceReferences(services: readonly { id: string; for?: string | undefined }[], ctx: z.RefinementCtx): void {
  const ids = new Map<string, number>();
  services.forEach((s, i) => {
    if (ids.has(s.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['services', i, 'id'],
        input: s.id,
        message: `duplicate service id "${s.id}" (also services[${ids.get(s.id)}].id)`,
      });
    } else ids.set(s.id, i);
  });
  services.forEach((s, i) => {
    if (s.for === undefined) return;
    if (!ids.has(s.for)) {
      ctx.addIssue({
        code: 'custom',
        path: ['services', i, 'for'],
        input: s.for,
        message: `"for: ${s.for}" names no service in this request; expected one of: ${[...ids.keys()].join(', ')}`,
      });
      return;
    }
    // follow the chain to catch cycles (a → b → a)
    const seen = new Set([s.id]);
    let next: string | undefined = s.for;
    while (next !== undefined) {
      if (seen.has(next)) {
        ctx.addIssue({
          code: 'custom',
          path: ['services', i, 'for'],
          input: s.for,
          message: `"for:" chain from "${s.id}" loops back to "${next}"`,
        });
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

export const caseSchema = z.strictObject(caseShape).superRefine((c, ctx) => {
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
