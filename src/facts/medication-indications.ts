// What the record says a medication would treat, and what was tried before it: nociceptive
// pain, depression, anxiety, insomnia, headache, muscle spasm, nausea indications; first-line
// drugs tried; oral intolerance; opioid use (for laxatives); nitrates (for PDE5 inhibitors).
// Neuropathic pain and fibromyalgia are pain conditions: painConditions.neuropathicPain and
// painConditions.fibromyalgia (pain-conditions.ts).
import { defineFact, known, unknown, type Fact, type FactContext, type FactDefinition } from './types.js';
import { diagnosisTexts, examFindings, indexed, isNegative, isPositive } from './record.js';
import { medicationCategories, onMedicationList, outcomeOf, requestedMedications, withCategory } from './medication-use.js';
import { isOpioidMedication } from './medication.js';
import type { DrugCategory } from './drugs.js';
import { nerveWords, NEUROPATHIC_DIAGNOSES } from './nerve-words.js';

type Hit = string;

/** Diagnoses and positive symptoms whose words match; denied symptoms separately. */
function recordMentions(ctx: FactContext, re: RegExp): { positive: Hit[]; denied: Hit[] } {
  const positive: Hit[] = diagnosisTexts(ctx.request.raw)
    .filter((d) => re.test(d.text))
    .map((d) => `${d.path} = ${d.text}`);
  const denied: Hit[] = [];
  for (const s of indexed(ctx.request.raw.symptoms, 'symptoms')) {
    if (!re.test(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase())) continue;
    (s.item.result === 'negative' ? denied : positive).push(
      `${s.path}.kind = ${s.item.kind}${s.item.result === 'negative' ? ' (denied)' : ''}`,
    );
  }
  return { positive, denied };
}

/** True when mentioned, false when only denied, not documented otherwise. */
function mentioned(ctx: FactContext, re: RegExp, none: string): Fact<boolean> {
  const { positive, denied } = recordMentions(ctx, re);
  if (positive.length > 0) return known(true, positive);
  return denied.length > 0 ? known(false, denied) : unknown([none]);
}

/** A condition a drug treats, read from the diagnoses and symptoms by `mentioned`. */
function mentionFact(id: string, description: string, words: RegExp, none: string): FactDefinition {
  return defineFact<boolean>({
    id,
    type: 'boolean',
    description,
    reads: ['diagnoses[]', 'symptoms[]'],
    derive: (ctx) => mentioned(ctx, words, none),
  });
}

/** Medications and treatments of given categories/kinds with their outcomes. */
function triedWith(ctx: FactContext, cats: readonly DrugCategory[], kinds: readonly string[]) {
  return [
    ...indexed(ctx.request.raw.treatments, 'treatments')
      .filter(
        (t) =>
          kinds.includes(t.item.kind) || (t.item.text !== undefined && medicationCategories(t.item.text).some((c) => cats.includes(c))),
      )
      .map((t) => ({ path: t.path, label: t.item.text ?? t.item.kind, outcome: outcomeOf(t.item) })),
    ...indexed(ctx.request.raw.medications, 'medications')
      .filter((m) => medicationCategories(m.item.name, m.item.drugClass).some((c) => cats.includes(c)))
      .map((m) => ({ path: m.path, label: m.item.name, outcome: outcomeOf(m.item) })),
  ];
}

/** Failed (or partly failed) → true; helped → false; tried without outcome or not tried → not documented. */
function failedTrial(tried: ReturnType<typeof triedWith>, none: string): Fact<boolean> {
  const failed = tried.filter((t) => t.outcome === 'failed' || t.outcome === 'partial');
  if (failed.length > 0)
    return known(
      true,
      failed.map((t) => `${t.path} = ${t.label}, outcome ${t.outcome}`),
    );
  const helped = tried.filter((t) => t.outcome === 'improved');
  if (helped.length > 0)
    return known(
      false,
      helped.map((t) => `${t.path} = ${t.label}, outcome improved`),
    );
  return unknown(tried.length > 0 ? tried.map((t) => `${t.path} = ${t.label}, outcome not stated`) : [none]);
}

const NEUROPATHIC_DX = nerveWords(...NEUROPATHIC_DIAGNOSES);
const NOCICEPTIVE_DX =
  /strain|sprain|arthrit|arthros|osteoarth|\boa\b|tendin|tenosynov|bursitis|epicondyl|fasciitis|myalgia|myofascial|lumbago|cervicalgia|back pain|neck pain|joint pain|arthralgia|derangement|\btear\b|degenerat|spondylo|facet|impingement|contusion|fracture|musculoskeletal|internal derangement|chondromalacia|synovitis|capsulitis|dorsalgia|thoracic pain|shoulder pain|knee pain|hip pain|wrist pain|ankle pain|elbow pain|foot pain|hand pain|pain in (?:the )?(?:joint|limb|shoulder|knee|hip|wrist|ankle|elbow|foot|hand)/;
const NOCICEPTIVE_SYMPTOMS = new Set(['low-back-pain', 'neck-pain', 'joint-pain']);
const ANXIETY = /anxiety|anxious|panic|agitation/;
const BENZODIAZEPINE_OTHER = /insomnia|seizure|epilep|spasticity|alcohol withdrawal/;
const BENZODIAZEPINE_INDICATION = new RegExp(`${ANXIETY.source}|${BENZODIAZEPINE_OTHER.source}`);
const SPASTICITY =
  /spastic|multiple sclerosis|spinal cord injur|\bsci\b|paraplegi|quadriplegi|tetraplegi|hemipleg|cerebral palsy|\bstroke\b|cerebrovascular accident|upper motor neuron|myelopathy/;
const SLEEP = /insomnia|sleep/;
const HEADACHE = /headache|migraine|cephalgia/;
const DEPRESSION = /depress|dysthym|mood disorder/;
// What topical NSAIDs are indicated for: osteoarthritis and tendinitis of a joint.
const ARTHRITIS_TENDINITIS = /osteoarth|arthrit|arthros|\boa\b|degenerative joint|\bdjd\b|tendin|tendon(?:itis|osis)|tenosynov|epicondyl/;
const SWALLOWING =
  /swallow|dysphag|(?:unable|not able|cannot|can't|inability) to (?:tolerate|take|swallow) (?:oral|pills|tablets)|intoleran\w* (?:of|to) oral/;
const ANTIEMETIC_DX = /chemotherap|radiation (?:therapy|treatment)|gastroenteritis/;
const PDE5_DX = /erectile|impotence|pulmonary arterial hypertension|pulmonary hypertension/;
const NUTRITION = /deficien|malnutrition|malabsorption/;

export const medicationIndicationFacts: FactDefinition[] = [
  defineFact<boolean>({
    id: 'medicationIndications.nociceptivePain',
    type: 'boolean',
    description:
      'Nociceptive (musculoskeletal) pain documented: a musculoskeletal diagnosis (strain, sprain, osteoarthritis, tendinitis, back or neck pain, …) or back, neck or joint pain as a symptom; false when every diagnosis is neuropathic and no such pain is reported.',
    reads: ['diagnoses[]', 'symptoms[]'],
    derive: (ctx) => {
      const dx = diagnosisTexts(ctx.request.raw);
      const hits = [
        ...dx.filter((d) => NOCICEPTIVE_DX.test(d.text)).map((d) => `${d.path} = ${d.text}`),
        ...indexed(ctx.request.raw.symptoms, 'symptoms')
          .filter((s) => s.item.result !== 'negative' && NOCICEPTIVE_SYMPTOMS.has(s.item.kind))
          .map((s) => `${s.path}.kind = ${s.item.kind}`),
      ];
      if (hits.length > 0) return known(true, hits);
      if (dx.length > 0 && dx.every((d) => NEUROPATHIC_DX.test(d.text)))
        return known(
          false,
          dx.map((d) => `${d.path} = ${d.text} (neuropathic)`),
        );
      return unknown(['no musculoskeletal diagnosis or back, neck or joint pain recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'medicationIndications.neuropathicFirstLineFailed',
    type: 'boolean',
    description:
      'A first-line neuropathic agent (tricyclic or SNRI antidepressant, or an anticonvulsant such as gabapentin or pregabalin) was tried and failed; false when it helped; not documented otherwise.',
    reads: ['treatments[]', 'medications[]'],
    derive: (ctx) =>
      failedTrial(
        triedWith(ctx, ['tricyclic', 'snri', 'anticonvulsant'], ['neuropathic-medication']),
        'no trial of an antidepressant or anticonvulsant recorded',
      ),
  }),
  mentionFact(
    'medicationIndications.depression',
    'Depression is diagnosed or reported; false when the record says there is none.',
    DEPRESSION,
    'depression not recorded',
  ),
  defineFact<boolean>({
    id: 'medicationIndications.arthritisOrTendinitis',
    type: 'boolean',
    description:
      'Osteoarthritis (or other arthritis) or tendinitis is diagnosed or reported, or a study finds osteoarthritis; false when only denied.',
    reads: ['diagnoses[]', 'symptoms[]', 'studies[].findings[].kind'],
    derive: (ctx) => {
      const studies = indexed(ctx.request.raw.studies, 'studies').flatMap((st) =>
        indexed(st.item.findings, `${st.path}.findings`)
          .filter((f) => f.item.kind === 'osteoarthritis')
          .map((f) => `${f.path}.kind = osteoarthritis`),
      );
      return studies.length > 0 ? known(true, studies) : mentioned(ctx, ARTHRITIS_TENDINITIS, 'no osteoarthritis or tendinitis recorded');
    },
  }),
  defineFact<boolean>({
    id: 'medicationIndications.benzodiazepine',
    type: 'boolean',
    description:
      'A condition benzodiazepines treat is documented: anxiety or panic, acute agitation, insomnia, seizures, spasticity or alcohol withdrawal. Never false.',
    reads: ['diagnoses[]', 'symptoms[]', 'documentation.anxiety'],
    derive: (ctx) => {
      if (ctx.request.raw.documentation?.anxiety === true) return known(true, ['documentation.anxiety = true']);
      const { positive } = recordMentions(ctx, BENZODIAZEPINE_INDICATION);
      return positive.length > 0 ? known(true, positive) : unknown(['no anxiety, agitation, insomnia, seizure or spasticity recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'medicationIndications.spasticity',
    type: 'boolean',
    description:
      'Spasticity or a condition that causes it (multiple sclerosis, spinal cord injury, cerebral palsy, stroke, upper motor neuron disorder, myelopathy) is diagnosed or reported; false when denied.',
    reads: ['diagnoses[]', 'symptoms[]', 'exam[].text'],
    derive: (ctx) => {
      const exam = indexed(ctx.request.raw.exam, 'exam')
        .filter((e) => isPositive(e.item) && SPASTICITY.test((e.item.text ?? '').toLowerCase()))
        .map((e) => `${e.path} = ${e.item.text}`);
      return exam.length > 0
        ? known(true, exam)
        : mentioned(ctx, SPASTICITY, 'no spasticity, multiple sclerosis or spinal cord injury recorded');
    },
  }),
  mentionFact(
    'medicationIndications.insomnia',
    'Insomnia or a sleep disturbance is diagnosed or reported; false when denied.',
    SLEEP,
    'no sleep disturbance recorded',
  ),
  mentionFact(
    'medicationIndications.headache',
    'Headache or migraine is diagnosed or reported; false when denied.',
    HEADACHE,
    'no headache recorded',
  ),
  mentionFact(
    'medicationIndications.oralIntolerance',
    'The worker cannot take or tolerate oral medication (difficulty swallowing, dysphagia, stated oral intolerance); false when denied.',
    SWALLOWING,
    'no difficulty taking oral medication recorded',
  ),
  defineFact<boolean>({
    id: 'medicationIndications.muscleSpasm',
    type: 'boolean',
    description: 'Muscle spasm on examination (any region); false when the exam records no spasm.',
    reads: ['exam[]'],
    derive: (ctx) => {
      const spasm = examFindings(ctx.request.raw, 'muscle-spasm');
      const positive = spasm.filter((e) => isPositive(e.item));
      if (positive.length > 0)
        return known(
          true,
          positive.map((e) => `${e.path} = muscle-spasm${e.item.region ? ` (${e.item.region})` : ''} positive`),
        );
      const negative = spasm.filter((e) => isNegative(e.item));
      return negative.length > 0
        ? known(
            false,
            negative.map((e) => `${e.path} = muscle-spasm negative`),
          )
        : unknown(['exam: muscle spasm not recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'medicationIndications.firstLineAnalgesicUsed',
    type: 'boolean',
    description:
      'A first-line analgesic (an NSAID or acetaminophen) is taken, was tried, or is requested with this one; false when the medication list is given without one and none was tried.',
    reads: ['medications[]', 'treatments[]', 'services[]'],
    derive: (ctx) => {
      const cats: DrugCategory[] = ['nsaid', 'acetaminophen'];
      const requested = withCategory(requestedMedications(ctx), cats).filter((r) => r.id !== ctx.service.id);
      const found = [
        ...triedWith(ctx, cats, ['nsaid']).map((t) => `${t.path} = ${t.label}`),
        ...requested.map((r) => `${r.path} = ${r.label}`),
      ];
      if (found.length > 0) return known(true, found);
      if (ctx.request.raw.medications !== undefined) return known(false, ['medications: no NSAID or acetaminophen listed; none tried']);
      return unknown(['no NSAID or acetaminophen recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'medicationIndications.opioidTakenOrRequested',
    type: 'boolean',
    description:
      'An opioid is taken, was given, or is requested (this service is `for:` an opioid, or an opioid is in the request); false when the medication list is given without one and none is requested.',
    reads: ['medications[]', 'treatments[]', 'services[]'],
    derive: (ctx) => {
      const requested = withCategory(requestedMedications(ctx, { topical: true }), ['opioid']).filter((r) => r.id !== ctx.service.id);
      const found = [
        ...indexed(ctx.request.raw.medications, 'medications')
          .filter((m) => isOpioidMedication(m.item))
          .map((m) => `${m.path} = ${m.item.name}`),
        ...indexed(ctx.request.raw.treatments, 'treatments')
          .filter((t) => t.item.kind === 'opioid')
          .map((t) => `${t.path}.kind = opioid`),
        ...requested.map((r) => `${r.path} = ${r.label}${ctx.service.raw.for === r.id ? ' (this service is for it)' : ''}`),
      ];
      if (found.length > 0) return known(true, found);
      if (ctx.request.raw.medications !== undefined) return known(false, ['medications: no opioid listed, none requested']);
      return unknown(['no opioid recorded or requested']);
    },
  }),
  defineFact<boolean>({
    id: 'medicationIndications.firstLineLaxativeFailed',
    type: 'boolean',
    description:
      'First-line treatment of constipation (an over-the-counter laxative or stool softener) was tried and failed; false when it helped.',
    reads: ['medications[]', 'treatments[]'],
    derive: (ctx) => failedTrial(triedWith(ctx, ['laxative'], []), 'no laxative trial recorded'),
  }),
  defineFact<boolean>({
    id: 'medicationIndications.antiemetic',
    type: 'boolean',
    description:
      'An FDA-approved antiemetic indication is documented besides surgery: chemotherapy, radiation treatment or acute gastroenteritis. Never false.',
    reads: ['diagnoses[]', 'symptoms[]'],
    derive: (ctx) => {
      const { positive } = recordMentions(ctx, ANTIEMETIC_DX);
      return positive.length > 0 ? known(true, positive) : unknown(['no chemotherapy, radiation treatment or gastroenteritis recorded']);
    },
  }),
  mentionFact(
    'medicationIndications.pde5',
    'Erectile dysfunction or pulmonary arterial hypertension is diagnosed or reported; false when denied.',
    PDE5_DX,
    'no erectile dysfunction or pulmonary arterial hypertension recorded',
  ),
  defineFact<boolean>({
    id: 'medicationIndications.nitrateTaken',
    type: 'boolean',
    description: 'A nitrate (nitroglycerin, isosorbide) is taken; false when the medication list is given without one.',
    reads: ['medications[]'],
    derive: (ctx) => onMedicationList(ctx, ['nitrate'], 'nitrate', { requested: false, topical: true }),
  }),
  defineFact<boolean>({
    id: 'medicationIndications.nutritionalDeficiency',
    type: 'boolean',
    description: 'A nutritional deficiency or malabsorption is diagnosed (a distinctive nutritional requirement). Never false.',
    reads: ['diagnoses[]'],
    derive: (ctx) => {
      const hits = diagnosisTexts(ctx.request.raw)
        .filter((d) => NUTRITION.test(d.text))
        .map((d) => `${d.path} = ${d.text}`);
      return hits.length > 0 ? known(true, hits) : unknown(['no nutritional deficiency diagnosed']);
    },
  }),
];
