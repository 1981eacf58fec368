// What a consultation or office-visit request says: whether it is a referral to a specialist or
// a follow-up visit / re-examination by a treating provider, which specialty it names, and the
// question the consultant is to answer — read from `specialty`, `purpose`, the label and text
// ("spine surgery evaluation", "Re-exam with chiropractor"), never only from one field.
import { defineFact, known, unknown, type FactDefinition } from './types.js';
import type { NormalizedService } from '../request/normalize.js';
import { indexed, isPositive, itemInRegion, treatmentOutcome } from './record.js';
import { DRUG_TREATMENT_KINDS } from './drugs.js';

/** Visits by a provider already treating the worker: follow-ups, re-examinations, therapy evaluations. */
const OFFICE_VISIT =
  /follow[- ]?up|office visits?|re-?exam|re-?evaluat|recheck|return visit|progress visit|(physical|occupational) therap\w* (evaluation|eval\b|re-?eval)|chiropract\w* (exam|evaluation|visit)/;
const THERAPY_PROVIDER = /^(chiropract\w*|physical therap\w*|occupational therap\w*|acupunctur\w*)$/;
const UNSPECIFIED = /^(unspecified|unknown|not (specified|stated)|none|n\/a|specialist)$/;

/** Specialties and specialists as request labels name them. */
const SPECIALTY_WORDS =
  /orthop\w*|neurosurg\w*|neurolog\w*|spine (surgeon|surgery|specialist)|hand (surgeon|specialist)|pain (management|medicine|specialist)|physiatr\w*|physical medicine|psychiatr\w*|psycholog\w*|rheumatolog\w*|cardiolog\w*|internal medicine|internist|podiatr\w*|otolaryngolog\w*|\bent\b|audiolog\w*|ophthalmolog\w*|urolog\w*|gastroenterolog\w*|general surg\w*|plastic surg\w*|vascular surg\w*|pulmonolog\w*|endocrinolog\w*|dermatolog\w*|sleep (medicine|specialist)|toxicolog\w*|(joint|hip|knee|shoulder) replacement specialist|\b\w+ surgeon|chiropract\w*|acupunctur\w*|(physical|occupational) therap\w*/;

/** The question a label asks: "evaluation for X", "to evaluate X", "X evaluation", "for X", "regarding X". */
const QUESTION_WORDS =
  /(?:evaluat\w*|consult\w*|referral|opinion)\s+(?:for|of|regarding|re:?)\s+[^,;]+|(?:to|and) (?:evaluate|assess|address|manage|discuss|determine)\s+[^,;]+|(?<![a-z-])[a-z-]+ (?:surgery|surgical|operative|injection|medication|management|pain) (?:evaluation|eval\b|consult\w*|assessment)|(?:second opinion|medication management|pain management|surgical (?:evaluation|consult\w*|opinion)|pre-?op\w* (?:evaluation|clearance))/;

const REGION_ONLY =
  /^(?:evaluat\w*|consult\w*|referral|opinion)\s+(?:for|of|regarding|re:?)\s+(?:the\s+)?(?:(?:left|right|bilateral)\s+)?(?:low(?:er)? back|back|neck|spine|lumbar|cervical|thoracic|pelvis|hips?|knees?|shoulders?|wrists?|hands?|elbows?|ankles?|feet|foot|[\s/,&]|and|spine)+$/;

const MEDICATION_MANAGEMENT = /medication management|medication (?:consult\w*|review|evaluation)|pharmacolog\w* management/;

/** Therapy providers whose re-examinations belong to a course of their therapy, with the treatment kind. */
const THERAPY_KINDS: ReadonlyArray<readonly [string, RegExp]> = [
  ['chiropractic', /chiropract/],
  ['physical-therapy', /physical therap|\bpt\b/],
  ['occupational-therapy', /occupational therap|\bot\b/],
  ['acupuncture', /acupunct/],
];

function therapyKind(service: NormalizedService): string | undefined {
  const text = `${service.raw.specialty ?? ''} ${service.raw.label ?? ''} ${service.raw.text ?? ''}`.toLowerCase();
  return THERAPY_KINDS.find(([, re]) => re.test(text))?.[0];
}

/** An authorized course with no sign it has begun: no sessions completed, no outcome, no functional result. */
function notBegun(t: { sessions?: number; outcome?: string; functionImproved?: boolean }): boolean {
  return !(t.sessions && t.sessions > 0) && (t.outcome === undefined || t.outcome === 'unknown') && t.functionImproved === undefined;
}

function words(service: NormalizedService): string {
  return `${service.raw.label ?? ''} ${service.raw.text ?? ''}`.toLowerCase();
}

export const consultationFacts: FactDefinition[] = [
  defineFact<string>({
    id: 'consultation.visitType',
    type: 'string',
    description:
      'What the consultation request is: office-visit (a follow-up visit, re-examination, or an evaluation by a chiropractor, physical or occupational therapist or acupuncturist) or referral (to a specialist for an opinion or care).',
    reads: ['services[].label', 'services[].text', 'services[].specialty'],
    derive: ({ service }) => {
      const at = `services[${service.index}]`;
      const text = words(service);
      const specialty = (service.raw.specialty ?? '').trim().toLowerCase();
      const hit = OFFICE_VISIT.exec(text);
      if (hit) return known('office-visit', [`${at}.label/text = ${hit[0]}`]);
      if (THERAPY_PROVIDER.test(specialty))
        return known('office-visit', [`${at}.specialty = ${service.raw.specialty} (a treating provider's visit)`]);
      return known('referral', [`${at}: a consultation${specialty ? ` (${service.raw.specialty})` : ''}`]);
    },
  }),
  defineFact<boolean>({
    id: 'consultation.specialtyNamed',
    type: 'boolean',
    description:
      'The specialty or the kind of provider is named, in `specialty` or in the label ("orthopedic spine surgeon", "hip replacement specialist", "re-exam with chiropractor"); false when the request says it is unspecified; not documented when neither says.',
    reads: ['services[].specialty', 'services[].label', 'services[].text'],
    derive: ({ service }) => {
      const at = `services[${service.index}]`;
      const specialty = (service.raw.specialty ?? '').trim().toLowerCase();
      if (specialty && !UNSPECIFIED.test(specialty)) return known(true, [`${at}.specialty = ${service.raw.specialty}`]);
      const named = SPECIALTY_WORDS.exec(words(service));
      if (named) return known(true, [`${at}.label/text names ${named[0]}`]);
      if (specialty) return known(false, [`${at}.specialty = ${service.raw.specialty}`]);
      if (/unspecified|unknown (specialist|provider)/.test(words(service)))
        return known(false, [`${at}.label/text: specialist unspecified`]);
      return unknown([`${at}: no specialty or provider named`]);
    },
  }),
  defineFact<string>({
    id: 'consultation.question',
    type: 'string',
    description:
      'The question the consultant is to answer: `purpose`, else what the label or text asks ("evaluation for total hip arthroplasty", "spine surgery evaluation", "medication management"). Not documented when none is stated (never false).',
    reads: ['services[].purpose', 'services[].label', 'services[].text'],
    derive: ({ service }) => {
      const at = `services[${service.index}]`;
      if (service.raw.purpose?.trim()) return known(service.raw.purpose.trim(), [`${at}.purpose = ${service.raw.purpose}`]);
      for (const field of ['label', 'text'] as const) {
        const asked = QUESTION_WORDS.exec((service.raw[field] ?? '').toLowerCase());
        // "evaluation for the low back" names a body part, not a question
        if (asked && !REGION_ONLY.test(asked[0].trim())) return known(asked[0].trim(), [`${at}.${field} asks: ${asked[0].trim()}`]);
      }
      const specialty = (service.raw.specialty ?? '').toLowerCase();
      const bySpecialty = /medication management|pain management|second opinion/.exec(specialty);
      if (bySpecialty) return known(bySpecialty[0], [`${at}.specialty = ${service.raw.specialty}`]);
      return unknown([`${at}: the question for the consultant is not stated`]);
    },
  }),
  defineFact<boolean>({
    id: 'consultation.currentComplaints',
    type: 'boolean',
    description:
      "Current complaints or findings the visit would address are recorded: a symptom the patient reports, or a positive exam finding, in the service's region (any region when it names none). Never false.",
    reads: ['symptoms[]', 'exam[]'],
    derive: (ctx) => {
      const raw = ctx.request.raw;
      const hits = [
        ...indexed(raw.symptoms, 'symptoms')
          .filter((s) => s.item.result !== 'negative' && itemInRegion(s.item.region, ctx.service))
          .map((s) => `${s.path}.kind = ${s.item.kind}`),
        ...indexed(raw.exam, 'exam')
          .filter((e) => isPositive(e.item) && itemInRegion(e.item.region, ctx.service))
          .map((e) => `${e.path} = ${e.item.finding} positive`),
      ];
      return hits.length > 0 ? known(true, hits.slice(0, 4)) : unknown(['no current symptom or exam finding recorded for the region']);
    },
  }),
  defineFact<boolean>({
    id: 'consultation.priorTherapy',
    type: 'boolean',
    description:
      'The visit is with a therapy provider (chiropractor, physical or occupational therapist, acupuncturist) who has already given a course of that therapy for the region (the treatments list it). False for such a visit with no earlier course recorded.',
    reads: ['services[].specialty', 'services[].label', 'treatments[]'],
    derive: (ctx) => {
      const kind = therapyKind(ctx.service);
      if (!kind) return unknown([`services[${ctx.service.index}]: not a therapy provider's visit`]);
      const prior = indexed(ctx.request.raw.treatments, 'treatments').filter(
        (t) => t.item.kind === kind && itemInRegion(t.item.region, ctx.service),
      );
      return prior.length > 0
        ? known(
            true,
            prior.map((t) => `${t.path} = ${t.item.kind}`),
          )
        : known(false, [`treatments: no earlier ${kind} recorded`]);
    },
  }),
  defineFact<boolean>({
    id: 'consultation.therapyBenefit',
    type: 'boolean',
    description:
      "The earlier course of the provider's therapy produced functional improvement: its outcome is improved, or functional improvement is documented; false when it failed or the record says there was none.",
    reads: ['treatments[].outcome', 'documentation.functionalImprovement'],
    derive: (ctx) => {
      const kind = therapyKind(ctx.service);
      const prior = kind
        ? indexed(ctx.request.raw.treatments, 'treatments').filter((t) => t.item.kind === kind && itemInRegion(t.item.region, ctx.service))
        : [];
      const improved = prior.filter((t) => treatmentOutcome(t.item).status === 'helped');
      if (improved.length > 0)
        return known(
          true,
          improved.map((t) => `${t.path} = ${t.item.kind}, ${treatmentOutcome(t.item).from}`),
        );
      const flag = ctx.request.raw.documentation?.functionalImprovement;
      if (flag !== undefined) return known(flag, [`documentation.functionalImprovement = ${flag}`]);
      const failed = prior.filter((t) => treatmentOutcome(t.item).status === 'failed');
      if (failed.length > 0)
        return known(
          false,
          failed.map((t) => `${t.path} = ${t.item.kind}, ${treatmentOutcome(t.item).from}`),
        );
      return unknown(
        prior.length > 0
          ? prior.map((t) => `${t.path} = ${t.item.kind}, outcome not stated`)
          : ['no earlier course of the therapy recorded'],
      );
    },
  }),
  defineFact<boolean>({
    id: 'consultation.alreadyAuthorized',
    type: 'boolean',
    description:
      "The visit requested was already authorized: service.alreadyAuthorized, or, for a therapy provider's evaluation, the record lists an authorized course of that therapy not yet begun (sessionsAuthorized, no sessions completed). Never false: the record cannot show that nothing was authorized.",
    reads: ['services[].label', 'services[].text', 'services[].purpose', 'treatments[].sessionsAuthorized', 'treatments[].sessions'],
    derive: (ctx) => {
      const stated = ctx.get<boolean>('service.alreadyAuthorized');
      if (stated.value === true) return stated;
      const kind = therapyKind(ctx.service);
      const pending = kind
        ? indexed(ctx.request.raw.treatments, 'treatments').filter(
            (t) =>
              t.item.kind === kind && (t.item.sessionsAuthorized ?? 0) > 0 && notBegun(t.item) && itemInRegion(t.item.region, ctx.service),
          )
        : [];
      if (pending.length > 0)
        return known(
          true,
          pending.map((t) => `${t.path} = ${t.item.kind}, ${t.item.sessionsAuthorized} sessions authorized, none completed`),
        );
      return unknown([`services[${ctx.service.index}]: no earlier authorization of this visit recorded`]);
    },
  }),
  defineFact<boolean>({
    id: 'consultation.medicationManagement',
    type: 'boolean',
    description: 'The consultation is for medication management (specialty, purpose, label or text say so).',
    reads: ['services[].specialty', 'services[].purpose', 'services[].label', 'services[].text'],
    derive: ({ service }) => {
      const text = `${service.raw.specialty ?? ''} ${service.raw.purpose ?? ''} ${words(service)}`.toLowerCase();
      return MEDICATION_MANAGEMENT.test(text)
        ? known(true, [`services[${service.index}]: "${MEDICATION_MANAGEMENT.exec(text)![0]}"`])
        : known(false, [`services[${service.index}]: not a medication management consultation`]);
    },
  }),
  defineFact<boolean>({
    id: 'consultation.medicationsNamed',
    type: 'boolean',
    description:
      'The medications the worker takes are named: a medication list, or treatments of a drug class (NSAID, muscle relaxant, neuropathic agent, opioid, oral corticosteroid, topical). Never false.',
    reads: ['medications[]', 'treatments[].kind'],
    derive: (ctx) => {
      const meds = indexed(ctx.request.raw.medications, 'medications').map((m) => `${m.path} = ${m.item.name}`);
      const drugs = indexed(ctx.request.raw.treatments, 'treatments')
        .filter((t) => DRUG_TREATMENT_KINDS.has(t.item.kind))
        .map((t) => `${t.path} = ${t.item.kind}`);
      const all = [...meds, ...drugs];
      return all.length > 0
        ? known(true, all.slice(0, 4))
        : unknown(['no medication named: no medication list and no drug-class treatment']);
    },
  }),
  defineFact<string>({
    id: 'consultation.therapyProvider',
    type: 'string',
    description: `The therapy a visit's provider gives, when the visit is with a therapy provider: ${THERAPY_KINDS.map(([k]) => k).join(', ')}.`,
    reads: ['services[].specialty', 'services[].label', 'services[].text'],
    derive: ({ service }) => {
      const kind = therapyKind(service);
      return kind
        ? known(kind, [`services[${service.index}] names a ${kind} provider`])
        : unknown([`services[${service.index}]: not a therapy provider's visit`]);
    },
  }),
];
