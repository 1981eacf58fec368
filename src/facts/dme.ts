// Durable medical equipment: whether an item meets the Medicare definition of DME that ODG
// adopts, whether its medical need is stated, whether it is for use after surgery, how long it
// is to be used, and the conditions the device topics ask for (splinting, an exercise program,
// hearing loss).
import { defineFact, known, unknown, type FactContext, type FactDefinition } from './types.js';
import { diagnosisTexts, indexed, itemInRegion, reportedFindingTexts, symptomRegion } from './record.js';
import { regionsInText, regionsOverlap } from '../request/regions.js';
import type { Region } from '../request/vocabulary.js';
import { daysBetween } from '../util/dates.js';
import { parseNumber } from '../util/durations.js';
import { itemTypeOf, itemWords } from './item-type.js';

/** Equipment that withstands repeated use and serves a medical purpose (the Medicare definition). */
const DURABLE_TYPES = new Set([
  'mobility-aid',
  'lumbar-support',
  'wrist-splint',
  'elbow-brace',
  'knee-brace',
  'cold-therapy',
  'sling',
  'tens',
  'ankle-foot-orthosis',
  'cervical-collar',
  'commode',
  'hospital-bed',
]);
/**
 * Disposable supplies, memberships, and bathroom items ODG (after Medicare) counts as comfort,
 * convenience or hygiene items rather than medical equipment (tub seats, shower chairs, grab bars).
 */
const NOT_DME_TYPES = new Set(['supplies', 'gym-membership', 'bath-equipment']);

/**
 * The worker cannot walk, stand or bear weight, or is confined to bed, wheelchair or home: what a
 * mobility aid, commode or hospital bed is for, and what makes a worker homebound for home health
 * and unable to use ordinary transport (care-setting.ts reads the same words).
 */
export const MOBILITY_LIMIT =
  /non-?weight[- ]bearing|\bnwb\b|unable to (leave|walk|ambulate|stand|bear weight)|cannot (leave|walk|ambulate|stand|bear weight)|wheelchair|bed-?bound|bedridden|home-?bound/;

/** Primary surgery the service is requested for, if any. */
function primarySurgery(ctx: FactContext) {
  const id = ctx.service.raw.for;
  const primary = id ? ctx.request.byId.get(id) : undefined;
  return primary?.kind === 'surgery' ? primary : undefined;
}

/** Regions the service concerns, else the regions named by its primary. */
function serviceRegions(ctx: FactContext): Region[] {
  if (ctx.service.regions.length > 0) return ctx.service.regions;
  return primarySurgery(ctx)?.regions ?? [];
}

const inRegions = (regions: Region[], region: Region | undefined): boolean =>
  regions.length === 0 || region === undefined || regions.some((r) => regionsOverlap(r, region));

const UNIT_DAYS: ReadonlyArray<[RegExp, number]> = [
  [/^days?$/, 1],
  [/^weeks?$/, 7],
  [/^months?$/, 30],
];

/** Days of use stated in words: "one week", "7 days", "x 2 weeks", "30-day rental". */
export function daysInText(words: string): number | undefined {
  const m = /\b(\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty)[- ](day|week|month)s?\b/.exec(words);
  if (!m) return undefined;
  const n = parseNumber(m[1]!)!;
  return n * (m[2] === 'day' ? 1 : m[2] === 'week' ? 7 : 30);
}

const SPLINT_CONDITIONS = /carpal tunnel|de ?quervain|tenosynovitis|tendinitis|tendonitis|trigger (finger|thumb)|sprain|strain|fracture/;
const WRIST_WORDS = /wrist|hand|thumb|finger|carpal|radius|radial|ulna|metacarpal|scaphoid|de ?quervain|trigger (finger|thumb)/;

export const dmeFacts: FactDefinition[] = [
  defineFact<boolean>({
    id: 'dme.meetsMedicareDefinition',
    type: 'boolean',
    description:
      'The item meets the Medicare definition of durable medical equipment ODG adopts (withstands repeated use, primarily medical, not useful without illness or injury, used at home): true for mobility aids, braces, splints, cold therapy units and the like; false for disposable supplies (gloves, wipes, pads) and memberships; not documented for other items.',
    reads: ['services[].label', 'services[].text', 'services[].name'],
    derive: ({ service }) => {
      const type = itemTypeOf(itemWords(service));
      const at = `services[${service.index}]`;
      if (type && DURABLE_TYPES.has(type)) return known(true, [`${at} names ${type}, durable medical equipment`]);
      if (type && NOT_DME_TYPES.has(type)) return known(false, [`${at} names ${type}, not durable (disposable or not equipment)`]);
      return unknown([`${at}: whether the item is durable medical equipment is not evident from its label`]);
    },
  }),
  defineFact<boolean>({
    id: 'dme.medicalNeed',
    type: 'boolean',
    description:
      'The medical need for the equipment is documented: its purpose is stated on the request, it is for use after a surgery, or (for a mobility aid, commode or hospital bed) the record documents that the worker cannot walk or bear weight. Never false.',
    reads: ['services[].purpose', 'services[].for', 'exam[]', 'symptoms[]'],
    derive: (ctx) => {
      const { service } = ctx;
      if (service.raw.purpose) return known(true, [`services[${service.index}].purpose = ${service.raw.purpose}`]);
      const primary = primarySurgery(ctx);
      if (primary) return known(true, [`services[${service.index}].for = ${primary.id} (surgery)`]);
      if (['mobility-aid', 'commode', 'hospital-bed'].includes(itemTypeOf(itemWords(service)) ?? '')) {
        const limited = reportedFindingTexts(ctx.request.raw).filter((t) => MOBILITY_LIMIT.test(t.text));
        if (limited.length > 0)
          return known(
            true,
            limited.map((t) => `${t.path}: ${t.text.trim()}`),
          );
      }
      return unknown([`services[${service.index}]: no purpose, surgery or mobility limitation documented for the equipment`]);
    },
  }),
  defineFact<boolean>({
    id: 'dme.ergonomicAssessment',
    type: 'boolean',
    description:
      'An ergonomic or worksite evaluation (job analysis, workstation assessment) is in the record or requested with the item, identifying what to change. Never false.',
    reads: ['treatments[].text', 'studies[].text', 'services[]'],
    derive: (ctx) => {
      const raw = ctx.request.raw;
      const ASSESSMENT =
        /ergonomic (evaluation|assessment|analysis|review)|work ?(site|station|place) (evaluation|assessment|analysis)|job (site )?analysis/;
      const hits = [
        ...indexed(raw.treatments, 'treatments')
          .filter((t) => ASSESSMENT.test((t.item.text ?? '').toLowerCase()))
          .map((t) => `${t.path} = ${t.item.text}`),
        ...indexed(raw.studies, 'studies')
          .filter((st) => ASSESSMENT.test((st.item.text ?? '').toLowerCase()))
          .map((st) => `${st.path} = ${st.item.text}`),
        ...ctx.request.services.filter((s) => ASSESSMENT.test(s.words)).map((s) => `services[${s.index}] = ${s.raw.label ?? s.raw.text}`),
      ];
      return hits.length > 0 ? known(true, hits) : unknown(['no ergonomic or worksite evaluation documented']);
    },
  }),
  defineFact<boolean>({
    id: 'dme.abductionPillow',
    type: 'boolean',
    description:
      'The sling requested is an abduction pillow sling (the words name abduction or a pillow); false for a sling described without them. Brand names are not read as either.',
    reads: ['services[].label', 'services[].text'],
    derive: ({ service }) => {
      const at = `services[${service.index}]`;
      if (/abduction|pillow/.test(service.words)) return known(true, [`${at}.label/text = abduction pillow sling`]);
      if (/\bsling\b/.test(service.words) && !/ultra-?sling|slingshot/.test(service.words))
        return known(false, [`${at}.label/text = a sling without an abduction pillow`]);
      return unknown([`${at}: whether the sling has an abduction pillow is not stated`]);
    },
  }),
  defineFact<boolean>({
    id: 'dme.openLargeCuffRepair',
    type: 'boolean',
    description:
      'The surgery the item follows is an open (or mini-open) repair of a large or massive rotator cuff tear. False when it is arthroscopic, not a cuff repair, or the tear is partial or small; not documented when the approach or the tear size is not stated.',
    reads: ['services[]', 'studies[].findings[]', 'diagnoses[]'],
    derive: (ctx) => {
      const surgery =
        primarySurgery(ctx) ??
        (ctx.request.services.filter((s) => s.kind === 'surgery' && s.regions.includes('shoulder')).length === 1
          ? ctx.request.services.find((s) => s.kind === 'surgery' && s.regions.includes('shoulder'))
          : undefined);
      if (!surgery) return unknown(['no shoulder surgery the item follows']);
      const at = `services[${surgery.index}]`;
      if (!/cuff/.test(surgery.words)) return known(false, [`${at} = ${surgery.words.trim()} (not a rotator cuff repair)`]);
      if (/arthroscop/.test(surgery.words) && !/\bopen\b|mini-?open/.test(surgery.words))
        return known(false, [`${at} = ${surgery.words.trim()} (arthroscopic repair)`]);
      const tear = [
        ...diagnosisTexts(ctx.request.raw).map((d) => ({ path: d.path, text: d.text })),
        ...indexed(ctx.request.raw.studies, 'studies').flatMap((st) =>
          (st.item.findings ?? []).map((f, j) => ({ path: `${st.path}.findings[${j}]`, text: `${f.text ?? ''}`.toLowerCase() })),
        ),
        { path: at, text: surgery.words },
      ].filter((t) => /cuff|supraspinatus|infraspinatus|subscapularis/.test(t.text));
      const large = tear.filter((t) => /large|massive|retract|two[- ]tendon|multi[- ]?tendon|[3-9]\s*cm/.test(t.text));
      const small = tear.filter((t) => /partial|small|\b[12]\s*cm/.test(t.text));
      const open = /\bopen\b|mini-?open/.test(surgery.words);
      if (large.length > 0 && open)
        return known(true, [`${at} = ${surgery.words.trim()} (open repair)`, ...large.map((t) => `${t.path} = ${t.text.trim()}`)]);
      if (small.length > 0 && large.length === 0)
        return known(
          false,
          small.map((t) => `${t.path} = ${t.text.trim()} (not a large or massive tear)`),
        );
      return unknown([`${at}: ${open ? 'tear size' : 'open or arthroscopic approach'} not stated`]);
    },
  }),
  defineFact<boolean>({
    id: 'dme.regionSymptoms',
    type: 'boolean',
    description:
      "Current symptoms or a diagnosis of the region the device is for are recorded (the device treats a condition rather than preventing one). False when the region's symptoms are all denied.",
    reads: ['symptoms[]', 'diagnoses[]'],
    derive: (ctx) => {
      const { service, request } = ctx;
      const region = service.regions[0];
      const symptoms = indexed(request.raw.symptoms, 'symptoms').filter((s) => itemInRegion(symptomRegion(s.item), service));
      const present = symptoms.filter((s) => s.item.result !== 'negative');
      const dx = diagnosisTexts(request.raw).filter((d, i) => {
        const item = request.raw.diagnoses![i]!;
        const r = typeof item === 'string' ? undefined : item.region;
        return r ? itemInRegion(r, service) : region !== undefined && regionsInText(d.text).some((x) => regionsOverlap(region, x));
      });
      if (present.length + dx.length > 0)
        return known(true, [...present.map((s) => `${s.path}.kind = ${s.item.kind}`), ...dx.map((d) => `${d.path} = ${d.text}`)]);
      if (symptoms.length > 0)
        return known(
          false,
          symptoms.map((s) => `${s.path}.kind = ${s.item.kind} (denied)`),
        );
      return unknown(['no symptom or diagnosis of the region recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'dme.confined',
    type: 'boolean',
    description:
      'The worker is confined to bed or room, or cannot walk or bear weight (non-weight-bearing, wheelchair, bed-bound), as the exam or symptoms record. Never false.',
    reads: ['exam[]', 'symptoms[]'],
    derive: (ctx) => {
      const limited = reportedFindingTexts(ctx.request.raw).filter(
        (t) => MOBILITY_LIMIT.test(t.text) || /room[- ]confined|confined to (bed|room|home)/.test(t.text),
      );
      return limited.length > 0
        ? known(
            true,
            limited.map((t) => `${t.path}: ${t.text.trim()}`),
          )
        : unknown(['no bed or room confinement or inability to walk documented']);
    },
  }),
  defineFact<boolean>({
    id: 'dme.postSurgical',
    type: 'boolean',
    description:
      'The equipment is for use after surgery on its region: requested for a surgery, labelled post-operative, a surgery on the region is requested or planned, or one is recorded within the 3 months before the service (or decision) date. False when the record states no surgery is planned and none is recent; not documented otherwise.',
    reads: ['services[].for', 'services[].label', 'services[]', 'surgeries[]', 'documentation.surgeryPlanned'],
    derive: (ctx) => {
      const { service, request } = ctx;
      const primary = primarySurgery(ctx);
      if (primary) return known(true, [`services[${service.index}].for = ${primary.id} (surgery)`]);
      if (/\bpost[- ]?op(erative)?\b|after surgery|following surgery/.test(service.words))
        return known(true, [`services[${service.index}].label says post-operative`]);
      const regions = serviceRegions(ctx);
      const planned = request.services.filter(
        (s) => s.kind === 'surgery' && s.id !== service.id && s.regions.some((r) => inRegions(regions, r)),
      );
      if (planned.length > 0)
        return known(
          true,
          planned.map((s) => `services[${s.index}] = surgery (${s.raw.label ?? s.raw.text ?? s.id})`),
        );
      const asOf = service.raw.date ?? request.decisionDate;
      const recent = indexed(request.raw.surgeries, 'surgeries').filter(
        (s) =>
          inRegions(regions, s.item.region) &&
          s.item.date !== undefined &&
          daysBetween(s.item.date, asOf) >= 0 &&
          daysBetween(s.item.date, asOf) <= 92,
      );
      if (recent.length > 0)
        return known(
          true,
          recent.map((s) => `${s.path} = ${s.item.kind} on ${s.item.date}`),
        );
      if (request.raw.documentation?.surgeryPlanned === true) return known(true, ['documentation.surgeryPlanned = true']);
      if (request.raw.documentation?.surgeryPlanned === false)
        return known(false, ['documentation.surgeryPlanned = false; no recent surgery on the region']);
      return unknown([`no surgery on ${regions.join(', ') || 'the region'} is requested, planned or recent`]);
    },
  }),
  defineFact<number>({
    id: 'dme.useDays',
    type: 'number',
    description:
      'Days the equipment is requested for (a rental or course): quantity in days, weeks or months, or a duration stated in the label ("one week", "7 days").',
    reads: ['services[].quantity', 'services[].unit', 'services[].label', 'services[].text'],
    derive: ({ service }) => {
      const { quantity, unit } = service.raw;
      const scale = unit ? UNIT_DAYS.find(([re]) => re.test(unit.trim().toLowerCase()))?.[1] : undefined;
      if (quantity !== undefined && scale !== undefined)
        return known(quantity * scale, [`services[${service.index}].quantity = ${quantity} ${unit}`]);
      const days = daysInText(service.words);
      return days !== undefined
        ? known(days, [`services[${service.index}].label/text states ${days} days`])
        : unknown([`services[${service.index}]: duration of use not stated`]);
    },
  }),
  defineFact<boolean>({
    id: 'dme.splintCondition',
    type: 'boolean',
    description:
      "A wrist or hand condition for which splinting is first-line care is diagnosed (carpal tunnel syndrome, de Quervain's, tendinitis or tenosynovitis, trigger finger, sprain or strain, fracture), or an electrodiagnostic study shows median neuropathy at the wrist. Never false: exam signs without a diagnosis are not documented.",
    reads: ['diagnoses[]', 'studies[]'],
    derive: (ctx) => {
      const raw = ctx.request.raw;
      const hits = diagnosisTexts(raw).filter((d, i) => {
        const dx = raw.diagnoses![i]!;
        const region = typeof dx === 'string' ? undefined : dx.region;
        const wristRegion = region === 'wrist' || region === 'hand' || region === 'forearm';
        return (
          SPLINT_CONDITIONS.test(d.text) &&
          (wristRegion ||
            (region === undefined && WRIST_WORDS.test(d.text)) ||
            /carpal tunnel|de ?quervain|trigger (finger|thumb)/.test(d.text))
        );
      });
      if (hits.length > 0)
        return known(
          true,
          hits.map((d) => `${d.path} = ${d.text}`),
        );
      const edx = indexed(raw.studies, 'studies').filter(
        (s) =>
          s.item.type === 'emg-ncv' &&
          s.item.officialReport !== false &&
          (s.item.findings ?? []).some(
            (f) =>
              f.kind === 'neuropathy' && (f.region === undefined || ['wrist', 'hand', 'upper-extremity', 'forearm'].includes(f.region)),
          ),
      );
      if (edx.length > 0)
        return known(
          true,
          edx.map((s) => `${s.path} = emg-ncv showing neuropathy`),
        );
      return unknown(["diagnoses: no carpal tunnel syndrome, de Quervain's, tendinitis, sprain or fracture of the wrist or hand"]);
    },
  }),
  defineFact<boolean>({
    id: 'dme.dailyExerciseProgram',
    type: 'boolean',
    description:
      'The worker is in an exercise program: a home exercise program is documented, or physical or occupational therapy is given or requested for the region. False when the record states there is no home exercise program and no therapy.',
    reads: ['documentation.homeExerciseProgram', 'treatments[]', 'services[]'],
    derive: (ctx) => {
      const { request, service } = ctx;
      const flag = request.raw.documentation?.homeExerciseProgram;
      if (flag === true) return known(true, ['documentation.homeExerciseProgram = true']);
      const therapy = indexed(request.raw.treatments, 'treatments').filter(
        (t) =>
          ['home-exercise', 'physical-therapy', 'occupational-therapy', 'work-hardening'].includes(t.item.kind) &&
          itemInRegion(t.item.region, service),
      );
      if (therapy.length > 0)
        return known(
          true,
          therapy.map((t) => `${t.path} = ${t.item.kind}`),
        );
      const requested = request.services.filter(
        (s) =>
          s.id !== service.id &&
          ['physical-therapy', 'occupational-therapy', 'home-exercise-kit'].includes(s.kind) &&
          s.raw.for === undefined &&
          (service.regions.length === 0 ||
            s.regions.length === 0 ||
            s.regions.some((r) => service.regions.some((sr) => regionsOverlap(sr, r)))),
      );
      if (requested.length > 0)
        return known(
          true,
          requested.map((s) => `services[${s.index}] = ${s.kind} requested`),
        );
      if (flag === false) return known(false, ['documentation.homeExerciseProgram = false']);
      return unknown(['no home exercise program or therapy documented']);
    },
  }),
  defineFact<boolean>({
    id: 'dme.hearingQualifyingLoss',
    type: 'boolean',
    description:
      'A hearing loss for which ODG recommends hearing aids is documented: sensorineural or mixed, or conductive loss unresponsive to medical or surgical treatment. False when testing shows normal hearing.',
    reads: ['diagnoses[]', 'studies[]'],
    derive: (ctx) => {
      const raw = ctx.request.raw;
      const texts = [
        ...diagnosisTexts(raw),
        ...indexed(raw.studies, 'studies').flatMap((s) => [
          { path: s.path, text: (s.item.text ?? '').toLowerCase() },
          ...(s.item.findings ?? []).map((f, j) => ({
            path: `${s.path}.findings[${j}]`,
            text: `${f.kind === 'normal' ? 'normal' : ''} ${f.text ?? ''}`.toLowerCase(),
          })),
        ]),
      ].filter((t) => /hearing|audio|sensorineural|conductive/.test(t.text));
      const qualifying = texts.filter((t) =>
        /sensorineural|mixed hearing|noise[- ]induced|conductive[^.;]*(unresponsive|refractory|failed)/.test(t.text),
      );
      if (qualifying.length > 0)
        return known(
          true,
          qualifying.map((t) => `${t.path} = ${t.text.trim()}`),
        );
      const normal = texts.filter(
        (t) => /normal hearing|hearing (within|is) normal|no hearing loss/.test(t.text) || t.text.startsWith('normal'),
      );
      if (normal.length > 0)
        return known(
          false,
          normal.map((t) => `${t.path} = ${t.text.trim()}`),
        );
      return unknown(['the type of hearing loss (sensorineural, conductive, mixed) is not documented']);
    },
  }),
  defineFact<boolean>({
    id: 'dme.hearingSpecialistRecommendation',
    type: 'boolean',
    description:
      'An otolaryngologist or qualified audiologist evaluated the hearing loss or recommended the hearing aids (an audiology study or ENT consultation in the record, or the request says so). Never false.',
    reads: ['studies[]', 'services[]', 'treatments[]'],
    derive: (ctx) => {
      const raw = ctx.request.raw;
      const SPECIALIST = /audiolog|otolaryngolog|\bent\b|ear,? nose|otolog|hearing evaluation/;
      const hits = [
        ...indexed(raw.studies, 'studies')
          .filter((s) => SPECIALIST.test((s.item.text ?? '').toLowerCase()))
          .map((s) => `${s.path} = ${s.item.text}`),
        ...indexed(raw.treatments, 'treatments')
          .filter((t) => SPECIALIST.test((t.item.text ?? '').toLowerCase()))
          .map((t) => `${t.path} = ${t.item.text}`),
        ...ctx.request.services
          .filter((s) => SPECIALIST.test(`${s.words} ${(s.raw.specialty ?? '').toLowerCase()}`))
          .map((s) => `services[${s.index}] names an audiologist or otolaryngologist`),
      ];
      return hits.length > 0 ? known(true, hits) : unknown(['no audiologist or otolaryngologist evaluation documented']);
    },
  }),
  defineFact<number>({
    id: 'dme.yearsSincePriorHearingAids',
    type: 'number',
    description: 'Years since hearing aids were last provided (a dated treatment naming hearing aids).',
    reads: ['treatments[]'],
    derive: (ctx) => {
      const prior = indexed(ctx.request.raw.treatments, 'treatments').filter(
        (t) => /hearing aid/.test((t.item.text ?? '').toLowerCase()) && t.item.date,
      );
      if (prior.length === 0) return unknown(['treatments: no earlier hearing aids recorded']);
      const last = prior.reduce((a, b) => (a.item.date! >= b.item.date! ? a : b));
      return known(Math.round((daysBetween(last.item.date!, ctx.request.decisionDate) / 365.25) * 10) / 10, [
        `${last.path} = hearing aids on ${last.item.date}`,
      ]);
    },
  }),
];
