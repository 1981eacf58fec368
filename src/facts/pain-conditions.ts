// The kind of pain condition and the care around it that physical-medicine and medication
// criteria turn on: neuropathic pain (the one fact every neuropathic-pain question reads: TENS,
// H-wave, antidepressants, antiepilepsy drugs, topical analgesics), other diagnoses (CRPS,
// musculoskeletal conditions, calcific tendinitis, plantar fasciitis), medication that was reduced
// or not tolerated, a cognitive behavioral therapy program and the worker's duty status.
import { defineFact, known, unknown, type Fact, type FactContext, type FactDefinition } from './types.js';
import { diagnosisTexts, examFindings, indexed, isPositive, itemInRegion } from './record.js';
import { weeksBetween } from '../util/dates.js';
import { workStatusInWords } from './record-terms.js';
import { nerveWords, NEUROPATHIC_DIAGNOSES } from './nerve-words.js';
import { DRUG_TREATMENT_KINDS } from './drugs.js';

/** A diagnosis fact: true when a diagnosis matches; false when diagnoses are listed and none matches; not documented when none is listed. */
function diagnosisFact(ctx: FactContext, re: RegExp, what: string): Fact<boolean> {
  const dx = diagnosisTexts(ctx.request.raw);
  const hits = dx.filter((d) => re.test(d.text)).map((d) => `${d.path} = ${d.text.trim()}`);
  if (hits.length > 0) return known(true, hits);
  if (dx.length > 0) return known(false, [`diagnoses: no ${what} among ${dx.length} listed`]);
  return unknown(['diagnoses not recorded']);
}

/** Complex regional pain syndrome (reflex sympathetic dystrophy, causalgia): also a neuropathic pain condition. */
const CRPS = nerveWords('diagnoses.crps');
/** A neuropathic pain condition, of a root or any other nerve. */
const NEUROPATHIC_DX = nerveWords(...NEUROPATHIC_DIAGNOSES);
/** Pain or altered sensation as a nerve gives it: radiating, radicular, numb, burning. */
const NEUROPATHIC_SYMPTOM = nerveWords('symptoms.radiating', 'symptoms.radicular', 'symptoms.sensory', 'symptoms.neuropathicPain');
/**
 * Phantom limb pain, spasticity, multiple sclerosis: the CPMTG recommends TENS for them beside
 * neuropathic pain, but they are not neuropathic pain that a neuropathic medication treats.
 */
const CENTRAL_NEUROLOGIC = nerveWords('diagnoses.centralNeurologic');

/**
 * What documents neuropathic pain: a neuropathic diagnosis, dermatomal radicular pain on exam, a
 * sensory deficit on exam beside a neuropathic symptom, an electrodiagnostic radiculopathy or
 * neuropathy. A sensory deficit is a sign of nerve involvement; the pain is neuropathic when the
 * worker reports pain or paresthesia of that character (axial back pain with a deficit is not).
 */
function neuropathicPainEvidence(ctx: FactContext): string[] {
  const neuropathicSymptoms = indexed(ctx.request.raw.symptoms, 'symptoms').filter(
    (s) => s.item.result !== 'negative' && NEUROPATHIC_SYMPTOM.test(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase()),
  );
  const signs = [
    ...examFindings(ctx.request.raw, 'radicular-pain-dermatomal'),
    ...(neuropathicSymptoms.length > 0 ? examFindings(ctx.request.raw, 'sensory-deficit') : []),
  ].filter((e) => isPositive(e.item));
  return [
    ...diagnosisTexts(ctx.request.raw)
      .filter((d) => NEUROPATHIC_DX.test(d.text))
      .map((d) => `${d.path} = ${d.text.trim()}`),
    ...signs.map((e) => `${e.path} = ${e.item.finding}${e.item.dermatome ? ` ${e.item.dermatome}` : ''} positive`),
    ...(signs.some((e) => e.item.finding === 'sensory-deficit') ? neuropathicSymptoms.map((s) => `${s.path}.kind = ${s.item.kind}`) : []),
    ...indexed(ctx.request.raw.studies, 'studies')
      .flatMap((s) => (s.item.findings ?? []).map((f, i) => ({ f, path: `${s.path}.findings[${i}]` })))
      .filter(({ f }) => f.kind === 'radiculopathy' || f.kind === 'neuropathy')
      .map(({ f, path }) => `${path}.kind = ${f.kind}`),
  ];
}

const FIBROMYALGIA = /fibromyalg|fibrositis/;

const REDUCED_OR_NOT_TOLERATED =
  /not tolerat|intoleran|side[- ]effect|adverse|upset stomach|gastritis|reduced|reduction|decreas(?:ed|ing) (?:use|dose|medication)|taper|wean|discontinu|stopped|cannot take|unable to take/;

/** Psychological treatment among the treatments: its kind, or its words (cognitive behavioral therapy, psychotherapy). */
function cbtTreatments(ctx: FactContext) {
  return indexed(ctx.request.raw.treatments, 'treatments').filter(
    (t) => t.item.kind === 'psychological-services' || /cognitive|\bcbt\b|psychotherap/.test((t.item.text ?? '').toLowerCase()),
  );
}

/** The worker's duty status: the field, else the one status the record's words state. */
export function workStatus(ctx: FactContext): Fact<string> {
  const status = ctx.request.raw.patient?.workStatus;
  if (status !== undefined && status !== 'unknown') return known(status, [`patient.workStatus = ${status}`]);
  const words = workStatusInWords(ctx.request.raw);
  return words.value !== undefined ? words : unknown(['patient.workStatus not stated', ...words.evidence]);
}

export const painConditionFacts: FactDefinition[] = [
  defineFact<boolean>({
    id: 'painConditions.crps',
    type: 'boolean',
    description: 'A diagnosis of complex regional pain syndrome (reflex sympathetic dystrophy).',
    reads: ['diagnoses[]'],
    derive: (ctx) => diagnosisFact(ctx, CRPS, 'CRPS'),
  }),
  defineFact<boolean>({
    id: 'painConditions.neuropathicPain',
    type: 'boolean',
    description:
      'Neuropathic pain documented: a neuropathic diagnosis (radiculopathy, sciatica, neuropathy, neuralgia or neuritis, nerve entrapment, CRPS, …), dermatomal radicular pain on exam, a sensory deficit on exam with a neuropathic symptom (radiating pain, numbness, tingling, burning), or an electrodiagnostic radiculopathy/neuropathy. Never false: diagnoses that name no neuropathic condition leave it not documented (a rule that wants them to decide says `undocumented: unmet`).',
    reads: ['diagnoses[]', 'exam[]', 'symptoms[]', 'studies[].findings[]'],
    derive: (ctx) => {
      const hits = neuropathicPainEvidence(ctx);
      if (hits.length > 0) return known(true, hits);
      return unknown(['no neuropathic diagnosis or neuropathic finding on exam recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'painConditions.centralNeurologic',
    type: 'boolean',
    description:
      'Phantom limb pain, spasticity or multiple sclerosis is diagnosed: the neurologic conditions the CPMTG lists beside neuropathic pain for TENS.',
    reads: ['diagnoses[]'],
    derive: (ctx) => diagnosisFact(ctx, CENTRAL_NEUROLOGIC, 'phantom limb pain, spasticity or multiple sclerosis'),
  }),
  defineFact<boolean>({
    id: 'painConditions.musculoskeletal',
    type: 'boolean',
    description:
      'A musculoskeletal condition is diagnosed (sprain, strain, myalgia, spasm, disc disorder, tendinitis, arthritis, contusion, fracture, spinal or joint pain, …).',
    reads: ['diagnoses[]'],
    derive: (ctx) =>
      diagnosisFact(
        ctx,
        /sprain|strain|myalgia|myositis|spasm|segmental|dysfunction|subluxation|\bdis[ck]|tendin|tenosynov|bursitis|arthr|arthropathy|contusion|fractur|degenerat|lumbago|cervicalgia|dorsalgia|impingement|capsulitis|musculo|ligament|spondyl|back pain|neck pain|joint pain|pain in|injury of (?:the )?muscle/,
        'musculoskeletal condition',
      ),
  }),
  defineFact<boolean>({
    id: 'painConditions.sprainStrain',
    type: 'boolean',
    description: 'A sprain or strain is diagnosed (ODG sets its own therapy allowances for some body parts).',
    reads: ['diagnoses[]'],
    derive: (ctx) => diagnosisFact(ctx, /sprain|strain/, 'sprain or strain'),
  }),
  defineFact<boolean>({
    id: 'painConditions.fibromyalgia',
    type: 'boolean',
    description:
      'Fibromyalgia (fibromyalgia syndrome, fibrositis) is diagnosed or reported; false when the record denies it, or lists diagnoses and none is fibromyalgia; not documented when no diagnosis is listed.',
    reads: ['diagnoses[]', 'symptoms[]'],
    derive: (ctx) => {
      const dx = diagnosisFact(ctx, FIBROMYALGIA, 'fibromyalgia');
      const symptoms = indexed(ctx.request.raw.symptoms, 'symptoms').filter((s) =>
        FIBROMYALGIA.test(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase()),
      );
      const reported = symptoms.filter((s) => s.item.result !== 'negative').map((s) => `${s.path}.kind = ${s.item.kind}`);
      if (dx.value === true || reported.length > 0) return known(true, [...(dx.value === true ? dx.evidence : []), ...reported]);
      const denied = symptoms.map((s) => `${s.path}.kind = ${s.item.kind} (denied)`);
      return denied.length > 0 ? known(false, denied) : dx;
    },
  }),
  defineFact<boolean>({
    id: 'painConditions.rotatorCuffCondition',
    type: 'boolean',
    description: 'Rotator cuff inflammation (tendinitis, bursitis), impingement syndrome or a rotator cuff tear is diagnosed.',
    reads: ['diagnoses[]'],
    derive: (ctx) =>
      diagnosisFact(
        ctx,
        /rotator cuff|impingement|subacromial|supraspinatus|infraspinatus|(?:shoulder|subdeltoid).{0,20}(?:bursitis|tendin)|(?:bursitis|tendin\w*).{0,20}shoulder/,
        'rotator cuff condition',
      ),
  }),
  defineFact<boolean>({
    id: 'painConditions.cervicalDystonia',
    type: 'boolean',
    description: 'A diagnosis of cervical dystonia (spasmodic torticollis).',
    reads: ['diagnoses[]'],
    derive: (ctx) => diagnosisFact(ctx, /dystonia|torticollis/, 'cervical dystonia'),
  }),
  defineFact<boolean>({
    id: 'painConditions.softTissueInflammation',
    type: 'boolean',
    description:
      'A soft tissue inflammation is diagnosed (tendinitis, tenosynovitis, bursitis, myositis, fasciitis, epicondylitis, capsulitis, synovitis).',
    reads: ['diagnoses[]'],
    derive: (ctx) =>
      diagnosisFact(
        ctx,
        /tendinit|tendonit|tendinopath|tenosynov|bursitis|myositis|fasciitis|epicondyl|capsulitis|synovitis/,
        'soft tissue inflammation',
      ),
  }),
  defineFact<boolean>({
    id: 'painConditions.calcificTendinitis',
    type: 'boolean',
    description: 'A diagnosis of calcific (calcifying) tendinitis.',
    reads: ['diagnoses[]'],
    derive: (ctx) => diagnosisFact(ctx, /calcif\w* tendin|calcific/, 'calcific tendinitis'),
  }),
  defineFact<boolean>({
    id: 'painConditions.plantarFasciitis',
    type: 'boolean',
    description: 'A diagnosis of plantar fasciitis (plantar heel pain).',
    reads: ['diagnoses[]'],
    derive: (ctx) => diagnosisFact(ctx, /plantar fasci|heel pain/, 'plantar fasciitis'),
  }),
  defineFact<boolean>({
    id: 'painConditions.osteoarthritis',
    type: 'boolean',
    description: 'Osteoarthritis (degenerative joint disease) is diagnosed, or imaging reports osteoarthritis or cartilage loss.',
    reads: ['diagnoses[]', 'studies[].findings[]'],
    derive: (ctx) => {
      const seen = diagnosisFact(ctx, /osteoarth|degenerative joint|\bdjd\b|arthrosis|gonarthrosis|chondromalacia/, 'osteoarthritis');
      if (seen.value === true) return seen;
      const studies = indexed(ctx.request.raw.studies, 'studies').filter((st) => itemInRegion(st.item.region, ctx.service));
      const hits = studies
        .flatMap((st) => (st.item.findings ?? []).map((f, j) => ({ f, p: `${st.path}.findings[${j}]` })))
        .filter(({ f }) => f.kind === 'osteoarthritis' || f.kind === 'cartilage-loss');
      return hits.length > 0
        ? known(
            true,
            hits.map(({ f, p }) => `${p} = ${f.kind}`),
          )
        : seen;
    },
  }),
  defineFact<boolean>({
    id: 'painConditions.tendinopathy',
    type: 'boolean',
    description:
      'A chronic tendon or fascia disorder is diagnosed (tendinopathy, tendinosis, tendinitis, epicondylitis, plantar fasciitis).',
    reads: ['diagnoses[]'],
    derive: (ctx) => diagnosisFact(ctx, /tendinopath|tendinos|tendinit|tendonit|epicondyl|plantar fasci/, 'tendinopathy'),
  }),
  defineFact<boolean>({
    id: 'painConditions.medicationReducedOrNotTolerated',
    type: 'boolean',
    description:
      'Pain medication was reduced, or is not tolerated (side effects, intolerance), per the medication list or treatments. Never false: its absence is not documented.',
    reads: ['medications[]', 'treatments[].medicationReduced', 'treatments[].text'],
    derive: (ctx) => {
      const hits: string[] = [];
      for (const m of indexed(ctx.request.raw.medications, 'medications')) {
        if (REDUCED_OR_NOT_TOLERATED.test((m.item.text ?? '').toLowerCase())) hits.push(`${m.path} = ${m.item.name}: ${m.item.text}`);
      }
      for (const t of indexed(ctx.request.raw.treatments, 'treatments')) {
        if (t.item.medicationReduced === true) hits.push(`${t.path}.medicationReduced = true`);
        else if (
          (DRUG_TREATMENT_KINDS.has(t.item.kind) || t.item.kind === 'other') &&
          REDUCED_OR_NOT_TOLERATED.test((t.item.text ?? '').toLowerCase()) &&
          (DRUG_TREATMENT_KINDS.has(t.item.kind) || /medic|drug|tablet|pill/.test((t.item.text ?? '').toLowerCase()))
        ) {
          hits.push(`${t.path} = ${t.item.kind}: ${t.item.text}`);
        }
      }
      return hits.length > 0 ? known(true, hits) : unknown(['no medication recorded as reduced or not tolerated']);
    },
  }),
  defineFact<boolean>({
    id: 'painConditions.medicationsDocumented',
    type: 'boolean',
    description: 'The ongoing medication use is documented (a medication list, or medication among treatments). Never false.',
    reads: ['medications[]', 'treatments[]'],
    derive: (ctx) => {
      const meds = indexed(ctx.request.raw.medications, 'medications').map((m) => `${m.path} = ${m.item.name}`);
      const drugs = indexed(ctx.request.raw.treatments, 'treatments')
        .filter(
          (t) => DRUG_TREATMENT_KINDS.has(t.item.kind) || (t.item.kind === 'other' && /medic/.test((t.item.text ?? '').toLowerCase())),
        )
        .map((t) => `${t.path} = ${t.item.kind}${t.item.text ? ` (${t.item.text})` : ''}`);
      const all = [...meds, ...drugs];
      return all.length > 0 ? known(true, all) : unknown(['no medication recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'painConditions.cbt',
    type: 'boolean',
    description: 'A cognitive behavioral therapy (psychological treatment) program is documented or requested. Never false.',
    reads: ['treatments[]', 'services[]'],
    derive: (ctx) => {
      const hits = cbtTreatments(ctx).map((t) => `${t.path} = ${t.item.kind}${t.item.text ? ` (${t.item.text})` : ''}`);
      for (const s of ctx.request.services) {
        if (s.id !== ctx.service.id && s.kind === 'psychological-services')
          hits.push(`services[${s.index}] = psychological-services requested`);
      }
      return hits.length > 0 ? known(true, hits) : unknown(['no cognitive behavioral therapy recorded']);
    },
  }),
  defineFact<number>({
    id: 'painConditions.cbtWeeks',
    type: 'number',
    description:
      'Weeks of cognitive behavioral therapy so far: the longest stated duration, else the time since the earliest dated session.',
    reads: ['treatments[].durationWeeks', 'treatments[].date'],
    derive: (ctx) => {
      const cbt = cbtTreatments(ctx);
      const stated = cbt.filter((t) => t.item.durationWeeks !== undefined);
      if (stated.length > 0) {
        const longest = stated.reduce((a, b) => (b.item.durationWeeks! > a.item.durationWeeks! ? b : a));
        return known(longest.item.durationWeeks!, [`${longest.path}.durationWeeks = ${longest.item.durationWeeks}`]);
      }
      const dated = cbt.filter((t) => t.item.date !== undefined);
      if (dated.length > 0) {
        const first = dated.reduce((a, b) => (b.item.date! < a.item.date! ? b : a));
        return known(weeksBetween(first.item.date!, ctx.request.decisionDate), [`${first.path}.date = ${first.item.date}`]);
      }
      return unknown(cbt.length > 0 ? cbt.map((t) => `${t.path}: duration not stated`) : ['no cognitive behavioral therapy recorded']);
    },
  }),
  defineFact<string>({
    id: 'painConditions.workStatus',
    type: 'string',
    description:
      'Work status as recorded: full-duty, modified-duty, working, off-work or retired (patient.workStatus, else the record\'s words: "TTD", "modified duty").',
    reads: ['patient.workStatus', 'documentation.notes', 'treatments[].text', 'symptoms[].text', 'diagnoses[]'],
    derive: (ctx) => workStatus(ctx),
  }),
];
