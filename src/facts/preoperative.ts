// Pre-operative testing (ODG "Preoperative testing, general" and "Preoperative lab testing"):
// which tests a service asks for, and the history, comorbidities, medications and the planned
// procedure that the guideline says should drive each one.
import { defineFact, known, unknown, type Fact, type FactContext, type FactDefinition } from './types.js';
import { diagnosisTexts, indexed } from './record.js';
import type { NormalizedService } from '../request/normalize.js';
import { proceduresIn } from './surgical-indication.js';
import { termInRecord } from './record-terms.js';

/** Tests by name, most specific first. */
export const PREOP_TESTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['clearance', /clearance|medical evaluation|history and physical|\bh ?& ?p\b/],
  ['cbc', /\bcbc\b|complete blood count|hemoglobin(?! a1c)|hematocrit|\bh ?& ?h\b/],
  ['metabolic-panel', /\bcmp\b|\bbmp\b|metabolic panel|chem(istry)?[- ]?(7|panel)|electrolytes|creatinine|renal function/],
  ['coagulation', /pt ?\/ ?ptt|\bptt\b|\binr\b|prothrombin|thromboplastin|coagulation/],
  ['urinalysis', /urinalysis|\bu\/?a\b|urine analysis/],
  ['chest-xray', /chest (x-?ray|radiograph|film)|\bcxr\b/],
  ['ekg', /\bekg\b|\becg\b|electrocardiogra/],
  ['glucose', /glucose|\ba1c\b|hba1c/],
  ['unspecified', /\blabs?\b|laboratory|blood ?work|panel|testing/],
];

export function preopTestsIn(words: string): string[] {
  const found = PREOP_TESTS.filter(([name, re]) => name !== 'unspecified' && re.test(words)).map(([name]) => name);
  if (found.length > 0) return found;
  return PREOP_TESTS.find(([name]) => name === 'unspecified')![1].test(words) ? ['unspecified'] : [];
}

function primaryOf(ctx: FactContext): NormalizedService | undefined {
  const id = ctx.service.raw.for;
  return id ? ctx.request.byId.get(id) : undefined;
}

/** The planned surgery: the primary the test is for, else the one surgery in the request. */
function plannedSurgery(ctx: FactContext): NormalizedService | undefined {
  const primary = primaryOf(ctx);
  if (primary?.kind === 'surgery') return primary;
  const surgeries = ctx.request.services.filter((s) => s.kind === 'surgery');
  return surgeries.length === 1 ? surgeries[0] : undefined;
}

function diagnosisFact(ctx: FactContext, re: RegExp, none: string): Fact<boolean> {
  const hits = diagnosisTexts(ctx.request.raw).filter((d) => re.test(d.text));
  return hits.length > 0
    ? known(
        true,
        hits.map((d) => `${d.path} = ${d.text}`),
      )
    : unknown([none]);
}

/** Medications the worker takes that match a pattern: true; a medication list without one: false; no list: unknown. */
function medicationFact(ctx: FactContext, re: RegExp, what: string): Fact<boolean> {
  const meds = ctx.request.raw.medications;
  if (!meds) return unknown([`medications not listed (${what} unknown)`]);
  const hits = indexed(meds, 'medications').filter((m) => re.test(`${m.item.name} ${m.item.text ?? ''}`.toLowerCase()));
  return hits.length > 0
    ? known(
        true,
        hits.map((m) => `${m.path}.name = ${m.item.name}`),
      )
    : known(false, [`medications: no ${what} listed`]);
}

/** A surgery named in the test's own words ("CBC before umbilical hernia repair"). */
const SURGERY_NAMED =
  /\b(before|prior to|for)\b[^.;]*\b(surgery|repair|replacement|arthroplasty|arthroscopy|fusion|release|reconstruction|fixation|orif|-ectomy|ectomy|otomy|plasty)\b/;

/**
 * The planned procedure the test is for: the surgery it is requested for, else the surgery its
 * own label or text names, else the one surgery in the request.
 */
function plannedProcedure(ctx: FactContext): { at: string; words: string; regions: readonly string[] } | undefined {
  const primary = primaryOf(ctx);
  const own = ctx.service.words;
  const ownNames = primary?.kind !== 'surgery' && (proceduresIn(own).definite.length > 0 || SURGERY_NAMED.test(own));
  if (ownNames) return { at: `services[${ctx.service.index}].label/text`, words: own, regions: ctx.service.regions };
  const surgery = plannedSurgery(ctx);
  return surgery ? { at: `services[${surgery.index}]`, words: surgery.words, regions: surgery.regions } : undefined;
}

/** A fact about the planned procedure, read from its words: true / false (procedure described, no match) / unknown. */
function procedureFact(ctx: FactContext, yes: RegExp, no: RegExp | undefined, what: string): Fact<boolean> {
  const planned = plannedProcedure(ctx);
  if (!planned || !planned.words.trim()) return unknown([`no planned surgery described (${what} unknown)`]);
  const { at, words } = planned;
  if (yes.test(words)) return known(true, [`${at} = ${words.trim()} (${what})`]);
  if (!no || no.test(words)) return known(false, [`${at} = ${words.trim()} (no ${what})`]);
  return unknown([`${at}: whether the procedure involves ${what} is not evident`]);
}

const ABDOMINAL_OR_THORACIC =
  /hernia|abdominal|laparo\w*|thoraco\w*|thoracic surgery|chole\w*|colectomy|gastr\w*ectomy|hysterectomy|appendectomy/;
/** Cardiac risk of the procedure (ACC/AHA classes ODG's preoperative ECG topic uses). */
const HIGH_RISK_PROCEDURE = /aort\w*|major vascular|peripheral (arterial|vascular)|vascular bypass|femoral[- ]popliteal/;
const LOW_RISK_PROCEDURE =
  /arthroscop\w*|endoscop\w*|carpal tunnel|trigger (finger|thumb)|de ?quervain|ganglion|cyst|biopsy|cataract|superficial|skin|breast|injection|neuroplasty|release/;
const CHRONIC_DISEASE =
  /hypertension|\bhtn\b|diabet|kidney|renal|\bckd\b|liver|hepat|cirrhosis|heart failure|\bchf\b|coronary|\bcad\b|cardiomyopathy|copd|chronic obstructive|lupus|rheumatoid|thyroid/;
const ELECTROLYTE_DRUGS =
  /\bnsaids?\b|ibuprofen|motrin|advil|naproxen|anaprox|naprosyn|aleve|meloxicam|mobic|diclofenac|voltaren|celecoxib|celebrex|etodolac|nabumetone|relafen|ketorolac|toradol|indomethacin|piroxicam|oxaprozin|daypro|ketoprofen|fenoprofen|sulindac|diflunisal|diuretic|furosemide|lasix|bumetanide|torsemide|hydrochlorothiazide|\bhctz\b|chlorthalidone|spironolactone|triamterene|lisinopril|enalapril|ramipril|benazepril|quinapril|captopril|losartan|valsartan|irbesartan|olmesartan|candesartan|telmisartan|ace inhibitor|digoxin|lithium/;
const ANEMIA_RISK =
  /anemi|chronic kidney|renal (failure|insufficiency|disease)|\bckd\b|cancer|malignan|lymphoma|leukemia|thalass|sickle|bleed|hemorrhag|cirrhosis|menorrhagia/;
const BLEEDING_RISK =
  /bleed|hemophilia|von willebrand|coagulopath|thrombocytopeni|platelet (disorder|dysfunction)|cirrhosis|liver (disease|failure)/;
const ANTICOAGULANTS =
  /warfarin|coumadin|heparin|enoxaparin|lovenox|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|edoxaban|fondaparinux|clopidogrel|plavix|prasugrel|ticagrelor|anticoagulant/;
const PULMONARY_RISK =
  /copd|emphysema|chronic bronchitis|asthma|pulmonary|lung disease|sleep apnea|\bosa\b|heart failure|\bchf\b|smok|tobacco/;
const CARDIAC_RISK =
  /coronary|\bcad\b|myocardial infarction|angina|heart failure|\bchf\b|arrhythm|atrial fibrillation|cerebrovascular|stroke|\btia\b|diabet|renal insufficiency|kidney disease|valv|murmur|palpitation|syncope|chest pain/;
const MAJOR_BLOOD_LOSS =
  /arthroplasty|replacement|fusion|arthrodesis|laminectomy|corpectomy|osteotomy|(hip|femur|femoral|pelvi\w*|acetabul\w*)[^.;]*(fixation|orif|fracture)|(orif|fixation)[^.;]*(hip|femur|femoral|pelvi|acetabul)|amputation|colectomy|laparotomy/;
const MINOR_PROCEDURE =
  /arthroscop|carpal tunnel|trigger (finger|thumb)|hernia|release|excision|injection|debridement|tenotomy|biopsy|cyst|ganglion/;
const IMPLANT =
  /mesh|implant|arthroplasty|replacement|prosthe|hardware|fixation|\borif\b|fusion|instrumentation|\bplate\b|screws?|anchors?|graft|stimulator|pump|pacemaker/;
const UROLOGIC = /cystoscop|urolog|prostat|bladder|ureter|nephr|urethr|lithotripsy/;
const IMPLANT_OR_UROLOGIC = new RegExp(`${IMPLANT.source}|${UROLOGIC.source}`);

export const preoperativeFacts: FactDefinition[] = [
  defineFact<boolean>({
    id: 'preoperative.isPreoperative',
    type: 'boolean',
    description: 'The service is pre-operative testing: kind preoperative-testing, requested for a surgery, or labelled pre-op.',
    reads: ['services[].kind', 'services[].for', 'services[].label'],
    derive: (ctx) => {
      const { service } = ctx;
      if (service.kind === 'preoperative-testing') return known(true, [`services[${service.index}].kind = preoperative-testing`]);
      const primary = primaryOf(ctx);
      if (primary?.kind === 'surgery') return known(true, [`services[${service.index}].for = ${primary.id} (surgery)`]);
      if (/\bpre-?op(erative)?\b|prior to surgery|before surgery/.test(service.words))
        return known(true, [`services[${service.index}].label says pre-operative`]);
      return known(false, [`services[${service.index}] is not described as pre-operative`]);
    },
  }),
  defineFact<readonly string[]>({
    id: 'preoperative.tests',
    type: 'list',
    description: `Pre-operative tests the service names: ${PREOP_TESTS.map(([t]) => t).join(', ')} ("unspecified" for "pre-op labs" naming no test).`,
    reads: ['services[].label', 'services[].text'],
    derive: ({ service }) => {
      const tests = preopTestsIn(service.words);
      return tests.length > 0
        ? known(tests, [`services[${service.index}].label/text names ${tests.join(', ')}`])
        : unknown([`services[${service.index}]: no test named`]);
    },
  }),
  defineFact<boolean>({
    id: 'preoperative.forSurgery',
    type: 'boolean',
    description:
      'The test is for a planned surgery: requested for a surgery, the request holds one surgery, the test\'s own label or text names the surgery ("before umbilical hernia repair"), or surgery is planned for the worker.',
    reads: ['services[].for', 'services[]', 'services[].label', 'services[].text', 'documentation.surgeryPlanned'],
    derive: (ctx) => {
      const surgery = plannedSurgery(ctx);
      if (surgery) return known(true, [`services[${surgery.index}] = surgery (${surgery.raw.label ?? surgery.raw.text ?? surgery.id})`]);
      const named = plannedProcedure(ctx);
      if (named) return known(true, [`${named.at} names the surgery (${named.words.trim()})`]);
      const planned = ctx.request.raw.documentation?.surgeryPlanned;
      if (planned !== undefined) return known(planned, [`documentation.surgeryPlanned = ${planned}`]);
      // any region (the test is for the worker), but not the test's own label: "pre-op labs" names no surgery
      const words = termInRecord(ctx.request.raw, 'surgeryPlanned');
      const own = `services[${ctx.service.index}]`;
      return words.value !== undefined && words.evidence.some((e) => !e.startsWith(own))
        ? words
        : unknown(['no planned surgery documented']);
    },
  }),
  defineFact<boolean>({
    id: 'preoperative.chronicDisease',
    type: 'boolean',
    description:
      'An underlying chronic disease is diagnosed (hypertension, diabetes, kidney or liver disease, heart failure or coronary disease, COPD, lupus, rheumatoid arthritis, thyroid disease). Never false.',
    reads: ['diagnoses[]'],
    derive: (ctx) => diagnosisFact(ctx, CHRONIC_DISEASE, 'diagnoses: no chronic disease recorded'),
  }),
  defineFact<boolean>({
    id: 'preoperative.electrolyteMedication',
    type: 'boolean',
    description:
      'The worker takes (or is prescribed in this request) a medication that predisposes to electrolyte abnormalities or renal failure (NSAID, diuretic, ACE inhibitor or ARB, digoxin, lithium); false when the medication list has none and none is requested.',
    reads: ['medications[]', 'services[]'],
    derive: (ctx) => {
      const requested = ctx.request.services.filter(
        (s) =>
          s.kind === 'medication' &&
          (s.raw.drugClass === 'nsaid' || ELECTROLYTE_DRUGS.test(`${s.raw.name ?? ''} ${s.words}`.toLowerCase())),
      );
      if (requested.length > 0)
        return known(
          true,
          requested.map((s) => `services[${s.index}] = ${s.raw.name ?? s.raw.label} (requested)`),
        );
      return medicationFact(ctx, ELECTROLYTE_DRUGS, 'NSAID, diuretic, ACE inhibitor, ARB, digoxin or lithium');
    },
  }),
  defineFact<boolean>({
    id: 'preoperative.anemiaRisk',
    type: 'boolean',
    description:
      'A disease that increases the risk of anemia is diagnosed (anemia, chronic kidney disease, cancer, bleeding, cirrhosis, hemoglobinopathy). Never false.',
    reads: ['diagnoses[]'],
    derive: (ctx) => diagnosisFact(ctx, ANEMIA_RISK, 'diagnoses: no disease that increases the risk of anemia'),
  }),
  defineFact<boolean>({
    id: 'preoperative.bloodLossAnticipated',
    type: 'boolean',
    description:
      'Significant perioperative blood loss is anticipated: the planned procedure is an arthroplasty, fusion, laminectomy, osteotomy, hip/femur/pelvic fracture fixation, amputation or open abdominal surgery; false for a minor procedure (arthroscopy, release, hernia repair, excision).',
    reads: ['services[]'],
    derive: (ctx) => procedureFact(ctx, MAJOR_BLOOD_LOSS, MINOR_PROCEDURE, 'significant blood loss'),
  }),
  defineFact<boolean>({
    id: 'preoperative.bleedingRisk',
    type: 'boolean',
    description:
      'A history of bleeding or a condition that predisposes to bleeding is diagnosed (bleeding disorder, coagulopathy, thrombocytopenia, liver disease). Never false.',
    reads: ['diagnoses[]'],
    derive: (ctx) => diagnosisFact(ctx, BLEEDING_RISK, 'diagnoses: no bleeding history or bleeding disorder'),
  }),
  defineFact<boolean>({
    id: 'preoperative.anticoagulant',
    type: 'boolean',
    description: 'The worker takes an anticoagulant or antiplatelet drug; false when the medication list has none.',
    reads: ['medications[]'],
    derive: (ctx) => medicationFact(ctx, ANTICOAGULANTS, 'anticoagulant'),
  }),
  defineFact<boolean>({
    id: 'preoperative.implantOrUrologic',
    type: 'boolean',
    description:
      'The planned procedure implants foreign material (mesh, hardware, prosthesis, anchors, graft) or is an invasive urologic procedure; false when the procedure is described and does neither.',
    reads: ['services[]'],
    derive: (ctx) => procedureFact(ctx, IMPLANT_OR_UROLOGIC, undefined, 'an implant or urologic procedure'),
  }),
  defineFact<boolean>({
    id: 'preoperative.pulmonaryRisk',
    type: 'boolean',
    description:
      'Risk of postoperative pulmonary complications: chronic lung disease, sleep apnea, heart failure or smoking diagnosed, age over 60, or a thoracic or abdominal procedure. Never false.',
    reads: ['diagnoses[]', 'patient.age', 'services[]'],
    derive: (ctx) => {
      const dx = diagnosisFact(ctx, PULMONARY_RISK, 'diagnoses: no lung disease, sleep apnea, heart failure or smoking');
      if (dx.value === true) return dx;
      const age = ctx.request.raw.patient?.age;
      if (age !== undefined && age > 60) return known(true, [`patient.age = ${age}`]);
      const planned = plannedProcedure(ctx);
      const site = planned
        ? [
            ...planned.regions.filter((r) => r === 'chest' || r === 'abdomen'),
            ...(ABDOMINAL_OR_THORACIC.exec(planned.words)?.slice(0, 1) ?? []),
          ]
        : [];
      if (planned && site.length > 0) return known(true, [`${planned.at} is a thoracic or abdominal procedure (${site.join(', ')})`]);
      return unknown(['no risk factor for postoperative pulmonary complications documented']);
    },
  }),
  defineFact<string>({
    id: 'preoperative.procedureRisk',
    type: 'string',
    description:
      'Cardiac risk class of the planned procedure: high (aortic and major or peripheral vascular surgery), low (endoscopic or arthroscopic, superficial, releases, cataract, breast) or intermediate (any other named surgery: open orthopedic, spinal, intraperitoneal, intrathoracic). Not documented when no procedure is named.',
    reads: ['services[]'],
    derive: (ctx) => {
      const planned = plannedProcedure(ctx);
      if (!planned || !planned.words.trim()) return unknown(['no planned surgery described (procedure risk unknown)']);
      const open = /\bopen\b|arthroplasty|replacement|fusion|fixation|\borif\b|laminectomy|osteotomy/.test(planned.words);
      const risk = HIGH_RISK_PROCEDURE.test(planned.words)
        ? 'high'
        : LOW_RISK_PROCEDURE.test(planned.words) && !open
          ? 'low'
          : 'intermediate';
      return known(risk, [`${planned.at} = ${planned.words.trim()} (${risk}-risk procedure)`]);
    },
  }),
  defineFact<boolean>({
    id: 'preoperative.cardiacRisk',
    type: 'boolean',
    description:
      'Clinical findings that indicate an ECG: heart or cerebrovascular disease, diabetes, renal insufficiency, a murmur, or cardiac symptoms (chest pain, palpitations, syncope). Never false.',
    reads: ['diagnoses[]', 'symptoms[]', 'exam[]'],
    derive: (ctx) => {
      const raw = ctx.request.raw;
      const hits = [
        ...diagnosisTexts(raw)
          .filter((d) => CARDIAC_RISK.test(d.text))
          .map((d) => `${d.path} = ${d.text}`),
        ...indexed(raw.symptoms, 'symptoms')
          .filter((s) => s.item.result !== 'negative' && CARDIAC_RISK.test(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase()))
          .map((s) => `${s.path}.kind = ${s.item.kind}`),
        ...indexed(raw.exam, 'exam')
          .filter((e) => e.item.result !== 'negative' && /murmur|arrhythm|irregular (rhythm|pulse)/.test((e.item.text ?? '').toLowerCase()))
          .map((e) => `${e.path} = ${e.item.text}`),
      ];
      return hits.length > 0 ? known(true, hits) : unknown(['no cardiac disease, risk factor or symptom documented']);
    },
  }),
];
