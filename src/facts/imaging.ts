// Facts for imaging requests (x-ray, MRI, CT, bone scan, ultrasound): when the study is asked
// for relative to the injury, red flags, earlier studies of the same region, the neurologic
// findings that justify spinal imaging, and the findings or suspected conditions the regional
// guidelines name. Undefined means the record does not document it.
import { defineFact, known, unknown, type FactContext, type FactDefinition } from './types.js';
import { cite, diagnosisTexts, examFindings, indexed, isNegative, isPositive, regionConcerns, type Indexed, type Spine } from './record.js';
import { spineRegion } from '../request/regions.js';
import { spineRegionOf } from '../request/levels.js';
import { daysBetween, dayNumber } from '../util/dates.js';
import { WEEKS_PER_MONTH } from '../util/durations.js';
import type { ExamFinding, Study } from '../request/schema.js';
import type { Region, Side } from '../request/vocabulary.js';
import type { NormalizedService } from '../request/normalize.js';
import { serviceDate } from './time.js';
import { listedRedFlags, redFlags } from './red-flags.js';
import { entrapmentFindings } from './electrodiagnostics.js';
import { nerveWords } from './nerve-words.js';

const WEEK = 7;

/** The service's spine regions (a "cervical and thoracic" MRI has two). */
function serviceSpines(service: NormalizedService): Spine[] {
  return [...new Set(service.regions.map(spineRegion).filter((s): s is Spine => s !== undefined))];
}

/**
 * Regions of a limb whose findings bear on a spinal region's nerve roots. Narrower on purpose than
 * the limbs of request/regions.ts (limbsOfRegion): a finding placed only in a joint, the hand or the
 * foot may be a peripheral nerve's, so it names no root unless its dermatome, root or level does.
 */
const SPINE_LIMB: Record<Spine, readonly Region[]> = {
  cervical: ['cervical', 'upper-extremity'],
  thoracic: ['thoracic'],
  lumbar: ['lumbar', 'sacroiliac', 'lower-extremity', 'leg'],
};

/** The spine region a neurologic finding is attributed to: its dermatome, root or level, else its region. */
function findingSpineStrict(f: ExamFinding): Spine | 'unlocated' | undefined {
  const named = f.dermatome ?? f.root ?? f.level;
  if (named) return spineRegionOf(named.toUpperCase());
  if (!f.region) {
    const text = (f.text ?? '').toLowerCase();
    if (/\barms?\b|upper extremit|biceps|triceps|brachioradialis|deltoid/.test(text)) return 'cervical';
    if (/\blegs?\b|lower extremit|patellar|achilles|ankle|quadriceps|\bhip\b|dorsiflex|plantar|toe/.test(text)) return 'lumbar';
    return /hand|finger|wrist|foot|feet/.test(text) ? undefined : 'unlocated';
  }
  return (Object.keys(SPINE_LIMB) as Spine[]).find((s) => SPINE_LIMB[s].includes(f.region!));
}

/** A nerve root or dermatome named in a finding's own words ("decreased sensation in the L5 dermatome"). */
const ROOT_IN_TEXT = /\b(C[2-8]|T(?:1[0-2]|[1-9])|L[1-5]|S[12])\b/i;

/**
 * Whether a record item with a region (and side) is about the same body part as the service: the
 * one region match (record.ts regionConcerns) with imaging's options, the item placed in the
 * service's region and on its side.
 */
function sameRegion(itemRegion: Region | undefined, itemSide: Side | undefined, service: NormalizedService): boolean {
  return regionConcerns(service.regions, itemRegion, { placed: true, sides: { service: service.raw.side, item: itemSide } });
}

function studyRegion(s: Study): Region | undefined {
  if (s.region) return s.region;
  const level = s.findings?.find((f) => f.level)?.level;
  return level ? spineRegionOf(level.toUpperCase()) : undefined;
}

/** Study types an earlier study must have to make this request a repeat. */
function repeatTypes(modality: string | undefined): readonly Study['type'][] {
  switch (modality) {
    case 'xray':
      return ['xray', 'mri', 'mri-arthrogram', 'ct'];
    case 'bone-scan':
      return ['bone-scan'];
    case 'ultrasound':
      return ['ultrasound'];
    case undefined:
      return ['mri', 'mri-arthrogram', 'ct'];
    default:
      return ['mri', 'mri-arthrogram', 'ct'];
  }
}

/** The study the request is for, when the record already holds it (a retrospective request): same type, same day as the dated service. */
function isRequestedStudy(s: Study, service: NormalizedService, modality: string | undefined): boolean {
  const own = service.raw.date;
  return own !== undefined && s.date === own && modality !== undefined && s.type === modality;
}

/** Earlier studies of the region (and side), of the given types, up to the request date; never the requested study itself. */
function earlierStudies(ctx: FactContext, types: readonly Study['type'][], at: string | undefined): Indexed<Study>[] {
  const modality = ctx.get<string>('service.modality').value;
  return indexed(ctx.request.raw.studies, 'studies').filter(
    (s) =>
      types.includes(s.item.type) &&
      sameRegion(studyRegion(s.item), s.item.side, ctx.service) &&
      !isRequestedStudy(s.item, ctx.service, modality) &&
      (!s.item.date || at === undefined || dayNumber(s.item.date) <= dayNumber(at)),
  );
}

/** Special techniques named on the request (test types the chapters judge on their own). */
const TECHNIQUES: ReadonlyArray<[string, RegExp]> = [
  ['myelography', /myelogra/],
  ['discography', /discogra|diskogra|discogram|provocative dis[ck]/],
  ['arthrography', /arthrogra/],
  ['contrast', /\bwith (and without )?contrast|gadolinium|\bw\/ ?(and w\/o )?contrast/],
];

/** Questions outside the musculoskeletal chapters (abdominal or pelvic organs, hernia). */
const NON_MUSCULOSKELETAL =
  /hernia|kidney|renal|bladder|bowel|gallbladder|liver|append(ix|ic)|abdominal|urolog|pelvic (organ|mass)|ovar|uter|prostat/;

/** Surgeries recorded for the service's region, with the region taken from the surgery or its levels. */
function regionSurgeries(ctx: FactContext, before: string | undefined): { path: string; kind: string; date?: string }[] {
  return indexed(ctx.request.raw.surgeries, 'surgeries')
    .filter((s) => {
      const level = s.item.levels === undefined ? undefined : Array.isArray(s.item.levels) ? s.item.levels[0] : s.item.levels;
      const region = s.item.region ?? (level ? spineRegionOf(String(level).toUpperCase()) : undefined);
      return (
        sameRegion(region, s.item.side, ctx.service) &&
        (!s.item.date || before === undefined || dayNumber(s.item.date) <= dayNumber(before))
      );
    })
    .map((s) => ({ path: s.path, kind: s.item.kind, ...(s.item.date ? { date: s.item.date } : {}) }));
}

/** Words on the study's own request saying it is to plan a surgery or an injection. */
const PROCEDURE_PLANNING =
  /pre-?operative|\bpre-?op\b|surgical (planning|candidate|consult|evaluation)|(plan(ning)?|prior to|before|for) (an? |the )?([a-z-]+ ){0,3}(surgery|injection|esi|epidural|block|arthroscopy|decompression|repair)\b/;

/** Words saying MRI cannot be done (the condition for CT myelography instead). */
const MRI_UNAVAILABLE =
  /\bmri\b[^.]{0,30}\b(contraindicat|not available|unavailable|cannot|can't|unable)|(pacemaker|claustrophob|metal (implant|fragment)|aneurysm clip|cochlear implant)/;

const CONDITIONS: ReadonlyArray<[string, RegExp]> = [
  ['osteonecrosis', /avascular necrosis|osteonecrosis|\bavn\b/],
  ['stress-fracture', /stress fracture/],
  ['occult-fracture', /occult fracture/],
  ['fracture', /fracture/],
  ['tumor', /tumou?r|neoplasm|malignan|\bmass\b|cancer/],
  ['infection', /infection|osteomyelitis|septic/],
  ['labral-tear', /labr(al|um)|\bslap\b/],
  ['instability', /instabil|dislocat|subluxat|bankart/],
  ['impingement', /impingement/],
  ['rotator-cuff-tear', /(rotator )?cuff tear/],
  ['ligament-tear', /ligament (tear|injur|rupture|laxity)|collateral ligament|cruciate|\b[apml]cl\b|\bucl\b/],
  ['tendon-tear', /tendon (tear|rupture)|biceps (tear|rupture)|tendon injur/],
  ['meniscal-tear', /menisc/],
  ['internal-derangement', /internal derangement/],
  ['loose-body', /loose body|osteocartilaginous/],
  ['osteochondral', /osteochondr/],
  ['nerve-entrapment', nerveWords('diagnoses.entrapment')],
  ['epicondylitis', /epicondyl/],
  ['bursitis', /bursitis/],
  ['crps', nerveWords('diagnoses.crps')],
  ['foreign-body', /foreign body/],
  ['hip-oa-risk', /dysplasia|femoroacetabular|\bfai\b|slipped capital|perthes/],
];

const HEAD_SIGN = /focal neuro|mental status|confus|disorient|seizure|loss of consciousness|unconscious|amnesia|\bgcs\b|glasgow/;

/** ODG's risk criteria for head CT, read from symptoms, exam findings and diagnoses (age is read by the rule). */
const HEAD_CT_RISKS: ReadonlyArray<[string, RegExp]> = [
  ['basilar-skull-fracture-signs', /basilar|raccoon|battle'?s sign|hemotympanum|(csf|cerebrospinal) (otorrh|rhinorrh)/],
  [
    'trauma-above-clavicles',
    /(head|scalp|face|facial|forehead|skull|orbit)\w* (contusion|laceration|abrasion|hematoma|wound|bruis)|(contusion|laceration|abrasion|hematoma|wound|bruis)\w* (of |to |on )?(the )?(head|scalp|face|forehead|skull)/,
  ],
  ['traumatic-seizure', /seizure|convuls/],
  ['disturbed-consciousness', /loss of consciousness|\bloc\b|unconscious|disturbed consciousness|blacked out|knocked out/],
  ['amnesia', /amnesia/],
  ['intoxication', /intoxicat|alcohol|drunk/],
];

/** Budapest sign categories, read from exam findings of the region. */
const CRPS_CATEGORIES: ReadonlyArray<[string, (f: ExamFinding) => boolean]> = [
  ['sensory (allodynia/hyperalgesia)', (f) => /hypersensitiv|allodynia|hyperalgesia|hyperesthesia/.test((f.text ?? '').toLowerCase())],
  [
    'vasomotor (temperature or skin colour asymmetry)',
    (f) => /colou?r|discolor|redness|temperature|mottl|cyanos/.test((f.text ?? '').toLowerCase()),
  ],
  [
    'sudomotor/oedema (swelling, sweating)',
    (f) => f.finding === 'swelling' || /edema|oedema|swelling|sweat/.test((f.text ?? '').toLowerCase()),
  ],
  [
    'motor/trophic (weakness, reduced motion, trophic change)',
    (f) =>
      f.finding === 'motor-weakness' ||
      f.finding === 'limited-range-of-motion' ||
      /tremor|dystonia|trophic|hair|nail|shiny/.test((f.text ?? '').toLowerCase()),
  ],
];

/** The Budapest symptom categories, as the worker reports them (symptoms[] kind and text). */
const CRPS_SYMPTOM_CATEGORIES: ReadonlyArray<[string, RegExp]> = [
  ['sensory (hyperesthesia/allodynia, burning)', /hyperesthesia|hypersensitiv|allodynia|hyperalgesia|burning/],
  ['vasomotor (temperature or skin colour change)', /temperature|cold|warm|colou?r|discolor|redness|mottl/],
  ['sudomotor/oedema (swelling, sweating)', /swell|edema|oedema|sweat/],
  ['motor/trophic (stiffness, weakness, tremor, hair/nail/skin change)', /stiff|weakness|tremor|dystonia|trophic|hair|nail|shiny/],
];

function regionFindings(ctx: FactContext): Indexed<ExamFinding>[] {
  return indexed(ctx.request.raw.exam, 'exam').filter((e) => sameRegion(e.item.region, e.item.side, ctx.service));
}

/** The roots a finding names: its dermatome, root or level, else those its text names. */
function rootsNamed(f: ExamFinding): string[] {
  const named = f.dermatome ?? f.root;
  if (named) return [named.toUpperCase()];
  if (f.level) return [f.level.toUpperCase()];
  return [...new Set((f.text ?? '').toUpperCase().match(/\b[CTLS]\d\b/g) ?? [])];
}

export const imagingFacts: FactDefinition[] = [
  defineFact<string>({
    id: 'imaging.requestDate',
    type: 'string',
    description:
      'When the service was requested: its date, else the latest dated entry of the record (the visit that ordered it); never the decision date.',
    reads: ['services[].date', 'exam[].date', 'symptoms[].date', 'treatments[].date', 'studies[].date', 'decisionDate'],
    derive: serviceDate, // src/facts/time.ts: the one definition
  }),
  defineFact<number>({
    id: 'imaging.symptomWeeksAtRequest',
    type: 'number',
    description:
      'Weeks the symptoms of the region had lasted when the service was requested: the longer of the time since the injury and the longest symptom duration recorded for the region.',
    reads: ['injury.date', 'symptoms[].durationMonths', 'services[].date'],
    derive: (ctx) => {
      const at = ctx.get<string>('imaging.requestDate').value;
      const candidates: { weeks: number; evidence: string }[] = [];
      const injury = ctx.request.raw.injury?.date;
      if (injury && at)
        candidates.push({
          weeks: Math.round((daysBetween(injury, at) / WEEK) * 10) / 10,
          evidence: `injury.date = ${injury}, request ${at}`,
        });
      indexed(ctx.request.raw.symptoms, 'symptoms').forEach((s) => {
        if (s.item.durationMonths === undefined || s.item.result === 'negative') return;
        if (s.item.region && !sameRegion(s.item.region, s.item.side, ctx.service)) return;
        candidates.push({
          weeks: Math.round(s.item.durationMonths * WEEKS_PER_MONTH * 10) / 10,
          evidence: `${s.path}.durationMonths = ${s.item.durationMonths}`,
        });
      });
      if (candidates.length === 0) return unknown(['injury.date not given and no symptom duration recorded']);
      const longest = candidates.reduce((a, b) => (b.weeks > a.weeks ? b : a));
      return known(longest.weeks, [`${longest.evidence} (${longest.weeks} weeks)`]);
    },
  }),
  defineFact<number>({
    id: 'imaging.daysFromInjuryToRequest',
    type: 'number',
    description: 'Days from the date of injury to the request.',
    reads: ['injury.date', 'services[].date'],
    derive: (ctx) => {
      const injury = ctx.request.raw.injury?.date;
      if (!injury) return unknown(['injury.date not given']);
      const at = ctx.get<string>('imaging.requestDate').value;
      if (!at) return unknown(ctx.get<string>('imaging.requestDate').evidence);
      return known(daysBetween(injury, at), [`injury.date = ${injury}, request ${at}`]);
    },
  }),
  defineFact<boolean>({
    id: 'imaging.redFlag',
    type: 'boolean',
    description:
      'A red flag for serious pathology is recorded (cancer history, infection, cauda equina, suspected fracture, progressive neurologic deficit, other); false when the record lists red flags and none of these (trauma alone is not one).',
    reads: ['documentation.redFlags'],
    derive: (ctx) => {
      const serious = redFlags(ctx.request.raw, 'serious', ctx.service.regions); // red-flags.ts: the list, or the record's words
      return serious.value === undefined ? unknown(serious.evidence) : known(serious.value.length > 0, serious.evidence);
    },
  }),
  defineFact<boolean>({
    id: 'imaging.fractureConcern',
    type: 'boolean',
    description: 'Trauma or a suspected fracture is recorded among the red flags; false when red flags are listed without either.',
    reads: ['documentation.redFlags'],
    derive: (ctx) => {
      const flags = ctx.request.raw.documentation?.redFlags;
      if (flags === undefined) return unknown(['documentation.redFlags not stated']);
      return known(listedRedFlags(ctx.request.raw, 'fracture').length > 0, [`documentation.redFlags = [${flags.join(', ')}]`]);
    },
  }),
  defineFact<readonly string[]>({
    id: 'imaging.priorStudies',
    type: 'list',
    description:
      'Earlier studies of the same region (and side) that make this request a repeat: any x-ray, MRI or CT before an x-ray; MRI or CT before an MRI or CT; the same kind of study before a bone scan or ultrasound. Studies without a region are not counted.',
    reads: ['studies[]', 'services[].modality', 'services[].region'],
    derive: (ctx) => {
      const modality = ctx.get<string>('service.modality').value;
      const types = repeatTypes(modality);
      const at = ctx.get<string>('imaging.requestDate').value;
      const prior = earlierStudies(ctx, types, at);
      return known(
        prior.map((s) => `${s.path} = ${s.item.type} ${studyRegion(s.item)}${s.item.date ? ` ${s.item.date}` : ''}`),
        prior.length > 0
          ? prior.map((s) => `${s.path} = ${s.item.type} of the ${studyRegion(s.item)}${s.item.date ? ` (${s.item.date})` : ''}`)
          : ['studies: no earlier study of this region'],
      );
    },
  }),
  defineFact<boolean>({
    id: 'imaging.nerveCompromise',
    type: 'boolean',
    description:
      'Objective neurologic findings that identify a specific nerve root for the spinal region imaged: a positive dermatomal sensory deficit, myotomal weakness or reflex change that names its root (dermatome, root or level, or in its text). False when the positive findings name no root ("4/5 strength", "decreased sensation in the leg": the examination is less clear), when sensory loss alone is recorded over three or more roots or beside a suspected focal entrapment of the same limb (not a polyneuropathy such as diabetes), or when such findings were examined and normal. A straight-leg raise or radiating pain does not count.',
    reads: ['exam[]', 'diagnoses[]', 'symptoms[]'],
    derive: (ctx) => {
      const spines = serviceSpines(ctx.service);
      if (spines.length === 0) return unknown(['the service is not spinal']);
      const located = examFindings(ctx.request.raw, ['sensory-deficit', 'motor-weakness', 'reflex-change']).filter((e) => {
        const s = findingSpineStrict(e.item);
        // A finding with no region, root or limb named bears on the spine imaged when only one is.
        return s === 'unlocated' ? spines.length === 1 : s !== undefined && spines.includes(s);
      });
      const label = (f: ExamFinding): string =>
        `${f.finding}${(f.dermatome ?? f.root ?? f.level) ? ` ${f.dermatome ?? f.root ?? f.level}` : ''}${f.side ? ` ${f.side}` : ''}${f.region ? ` (${f.region})` : ''}`;
      const positive = located.filter((e) => isPositive(e.item) && e.item.result !== 'not-tested');
      const rooted = positive.filter(
        (e) => (e.item.dermatome ?? e.item.root ?? e.item.level) !== undefined || ROOT_IN_TEXT.test(e.item.text ?? ''),
      );
      // Sensory loss spread over three or more dermatomes, with no weakness or reflex change naming a
      // root, does not identify a specific root ("decreased sensation in the L4-S1 distribution");
      // two adjacent dermatomes may be one root's overlap (letters accept C5 and C6).
      const motorOrReflex = rooted.filter((e) => e.item.finding !== 'sensory-deficit');
      const sensoryRoots = new Set(rooted.filter((e) => e.item.finding === 'sensory-deficit').flatMap((e) => rootsNamed(e.item)));
      const rootedEvidence = rooted.map((e) => `${e.path} = ${label(e.item)} positive`);
      if (rooted.length > 0 && motorOrReflex.length === 0 && sensoryRoots.size > 2) {
        return known(false, [
          ...rootedEvidence,
          `sensory loss over ${sensoryRoots.size} roots (${[...sensoryRoots].join(', ')}) with no weakness or reflex change naming a root: no specific root is identified`,
        ]);
      }
      // Sensory loss alone beside a suspected focal entrapment of the limb (Tinel at the wrist, carpal tunnel
      // syndrome) is not unequivocal: either may explain it (the "less clear" examination). A polyneuropathy
      // (diabetes) does not mimic one root's dermatome, so it does not count here.
      const entrapment = entrapmentFindings(ctx, false).yes;
      if (rooted.length > 0 && motorOrReflex.length === 0 && entrapment.length > 0)
        return known(false, [
          ...rootedEvidence,
          ...entrapment,
          'sensory loss alone, with a peripheral entrapment suspected in the same limb: the examination is less clear',
        ]);
      if (rooted.length > 0) return known(true, rootedEvidence);
      if (positive.length > 0) {
        return known(false, [
          ...positive.map((e) => `${e.path} = ${label(e.item)} positive`),
          'no positive finding names its nerve root: the examination is less clear',
        ]);
      }
      const negative = located.filter((e) => isNegative(e.item));
      if (negative.length > 0)
        return known(
          false,
          negative.map((e) => `${e.path} = ${label(e.item)} negative`),
        );
      return unknown([`exam: no sensory, motor or reflex finding recorded for the ${spines.join('/')} spine`]);
    },
  }),
  defineFact<string>({
    id: 'imaging.plainFilms',
    type: 'string',
    description:
      'Plain radiographs of the region: reported (a formal report is in the record) | mentioned (only quoted in a progress note). Not documented when none is recorded.',
    reads: ['studies[]'],
    derive: (ctx) => {
      const films = indexed(ctx.request.raw.studies, 'studies').filter(
        (s) => s.item.type === 'xray' && sameRegion(studyRegion(s.item), s.item.side, ctx.service),
      );
      if (films.length === 0) return unknown(['studies: no radiographs of this region']);
      const reported = films.filter((s) => s.item.officialReport !== false);
      if (reported.length > 0)
        return known(
          'reported',
          reported.map((s) => `${s.path} = xray${s.item.date ? ` ${s.item.date}` : ''}`),
        );
      return known(
        'mentioned',
        films.map((s) => `${s.path}.officialReport = false`),
      );
    },
  }),
  defineFact<readonly string[]>({
    id: 'imaging.suspectedConditions',
    type: 'list',
    description:
      'Conditions the request or the diagnoses name for the region (osteonecrosis, stress-fracture, occult-fracture, fracture, tumor, infection, labral-tear, instability, impingement, rotator-cuff-tear, ligament-tear, tendon-tear, meniscal-tear, internal-derangement, loose-body, osteochondral, nerve-entrapment, epicondylitis, bursitis, crps, foreign-body, hip-oa-risk). Not documented when none is named.',
    reads: ['services[].purpose', 'services[].label', 'services[].text', 'diagnoses[]'],
    derive: (ctx) => {
      const texts: { text: string; path: string }[] = [];
      const sv = ctx.service;
      if (sv.raw.purpose) texts.push({ text: sv.raw.purpose.toLowerCase(), path: `services[${sv.index}].purpose` });
      if (sv.words.trim()) texts.push({ text: sv.words, path: `services[${sv.index}].label` });
      const raw = ctx.request.raw.diagnoses ?? [];
      diagnosisTexts(ctx.request.raw).forEach((d, i) => {
        const dx = raw[i]!;
        const region = typeof dx === 'string' ? undefined : dx.region;
        if (region === undefined || sameRegion(region, typeof dx === 'string' ? undefined : dx.side, sv)) texts.push(d);
      });
      const found = new Map<string, string>();
      for (const t of texts)
        for (const [name, re] of CONDITIONS) if (re.test(t.text) && !found.has(name)) found.set(name, `${t.path} = ${t.text.trim()}`);
      return found.size > 0
        ? known([...found.keys()], [...new Set(found.values())])
        : unknown(['no suspected condition named in the request or the diagnoses']);
    },
  }),
  defineFact<boolean>({
    id: 'imaging.kneeDerangementSigns',
    type: 'boolean',
    description:
      'Locking or catching, or objective evidence of ligament or meniscal injury on exam (instability, laxity, McMurray/Apley). False when those tests were done and negative.',
    reads: ['exam[]', 'symptoms[]'],
    derive: (ctx) => {
      const exam = regionFindings(ctx).filter((e) => e.item.finding === 'joint-instability' || e.item.finding === 'meniscal-sign');
      const symptoms = indexed(ctx.request.raw.symptoms, 'symptoms').filter(
        (s) => /lock|catch|giving way|buckl/.test(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase()) && s.item.result !== 'negative',
      );
      const positive = [
        ...exam
          .filter((e) => isPositive(e.item) && e.item.result !== 'not-tested')
          .map((e) => `${e.path} = ${e.item.finding}${e.item.text ? ` (${e.item.text})` : ''} positive`),
        ...symptoms.map((s) => `${s.path}.kind = ${s.item.kind}`),
      ];
      if (positive.length > 0) return known(true, positive);
      const negative = exam.filter((e) => isNegative(e.item));
      return negative.length > 0
        ? known(
            false,
            negative.map((e) => `${e.path} = ${e.item.finding} negative`),
          )
        : unknown(['exam: no locking, catching, instability or meniscal test recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'imaging.headNeurologicSigns',
    type: 'boolean',
    description:
      'Abnormal mental status, a focal neurologic deficit, a seizure, loss of consciousness or amnesia recorded after a head injury; false when the exam records them absent.',
    reads: ['exam[]', 'symptoms[]'],
    derive: (ctx) => {
      const exam = indexed(ctx.request.raw.exam, 'exam').filter(
        (e) =>
          HEAD_SIGN.test((e.item.text ?? '').toLowerCase()) ||
          (e.item.region === 'head' && ['sensory-deficit', 'motor-weakness', 'reflex-change'].includes(e.item.finding)),
      );
      const symptoms = indexed(ctx.request.raw.symptoms, 'symptoms').filter((s) =>
        HEAD_SIGN.test(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase().replace(/-/g, ' ')),
      );
      const positive = [
        ...exam
          .filter((e) => isPositive(e.item) && e.item.result !== 'not-tested')
          .map((e) => cite(e.path, 'text', e.item.text ?? e.item.finding)),
        ...symptoms.filter((s) => s.item.result !== 'negative').map((s) => cite(s.path, 'kind', s.item.kind)),
      ];
      if (positive.length > 0) return known(true, positive);
      const negative = [
        ...exam.filter((e) => isNegative(e.item)).map((e) => `${e.path} = ${e.item.text ?? e.item.finding} negative`),
        ...symptoms.map((s) => `${s.path} = ${s.item.kind} denied`),
      ];
      return negative.length > 0 ? known(false, negative) : unknown(['exam: mental status and focal neurologic findings not recorded']);
    },
  }),
  defineFact<number>({
    id: 'imaging.crpsSignCategories',
    type: 'number',
    description:
      'How many of the four Budapest sign categories (sensory, vasomotor, sudomotor/oedema, motor/trophic) have a positive exam finding in the region. Not documented when the region has no exam finding.',
    reads: ['exam[]'],
    derive: (ctx) => {
      const findings = regionFindings(ctx).filter((e) => isPositive(e.item) && e.item.result !== 'not-tested');
      if (regionFindings(ctx).length === 0) return unknown(['exam: no finding recorded for this region']);
      const hits = CRPS_CATEGORIES.map(([name, test]) => ({ name, hit: findings.find((e) => test(e.item)) })).filter((c) => c.hit);
      return known(
        hits.length,
        hits.length > 0
          ? hits.map((c) => `${c.hit!.path} = ${c.hit!.item.text ?? c.hit!.item.finding} (${c.name})`)
          : ['exam: no CRPS sign recorded for this region'],
      );
    },
  }),
  defineFact<number>({
    id: 'imaging.crpsSymptomCategories',
    type: 'number',
    description:
      'How many of the four Budapest symptom categories (sensory, vasomotor, sudomotor/oedema, motor/trophic) the worker reports for the region (symptoms[] kind and text; a symptom without a region counts). Not documented when no symptom is recorded.',
    reads: ['symptoms[]'],
    derive: (ctx) => {
      const symptoms = indexed(ctx.request.raw.symptoms, 'symptoms').filter(
        (s) => s.item.result !== 'negative' && (s.item.region === undefined || sameRegion(s.item.region, s.item.side, ctx.service)),
      );
      if (symptoms.length === 0) return unknown(['symptoms: none recorded for this region']);
      const hits = CRPS_SYMPTOM_CATEGORIES.map(([name, re]) => ({
        name,
        hit: symptoms.find((s) => re.test(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase().replace(/-/g, ' '))),
      })).filter((c) => c.hit);
      return known(
        hits.length,
        hits.length > 0
          ? hits.map((c) => `${c.hit!.path} = ${c.hit!.item.text ?? c.hit!.item.kind} (${c.name})`)
          : ['symptoms: no CRPS symptom reported for this region'],
      );
    },
  }),
  defineFact<boolean>({
    id: 'imaging.ctUnavailable',
    type: 'boolean',
    description:
      'The request states that CT is not available (the one case where skull x-rays are recommended). Never false: silence is not documented.',
    reads: ['services[].label', 'services[].text', 'services[].purpose'],
    derive: (ctx) => {
      const words = `${ctx.service.words} ${ctx.service.raw.purpose ?? ''}`.toLowerCase();
      return /\bct\b[^.]{0,20}\b(not available|unavailable)|no ct (scan(ner)? )?available/.test(words)
        ? known(true, [`services[${ctx.service.index}].label/text states CT is unavailable`])
        : unknown(['the request does not state that CT is unavailable']);
    },
  }),
  defineFact<readonly string[]>({
    id: 'imaging.technique',
    type: 'list',
    description:
      'Special techniques the request names: myelography, discography, arthrography (also an mri-arthrogram modality), contrast (gadolinium). An empty list when the request names none (an ordinary study).',
    reads: ['services[].label', 'services[].text', 'services[].purpose', 'services[].modality'],
    derive: (ctx) => {
      const sv = ctx.service;
      const words = `${sv.words} ${sv.raw.purpose ?? ''}`.toLowerCase();
      const found = TECHNIQUES.filter(([, re]) => re.test(words)).map(([name]) => name);
      if (sv.raw.modality === 'mri-arthrogram' && !found.includes('arthrography')) found.push('arthrography');
      return known(
        found,
        found.length > 0 ? [`services[${sv.index}] names ${found.join(', ')}`] : [`services[${sv.index}]: no special technique named`],
      );
    },
  }),
  defineFact<boolean>({
    id: 'imaging.mriUnavailable',
    type: 'boolean',
    description:
      'The request or the record states that MRI cannot be done (contraindicated, unavailable, pacemaker, claustrophobia, metal implant). Never false: silence is not documented.',
    reads: ['services[].label', 'services[].text', 'services[].purpose', 'documentation.notes'],
    derive: (ctx) => {
      const sources: [string, string][] = [
        [`services[${ctx.service.index}]`, `${ctx.service.words} ${ctx.service.raw.purpose ?? ''}`],
        ['documentation.notes', ctx.request.raw.documentation?.notes ?? ''],
      ];
      const hit = sources.find(([, text]) => MRI_UNAVAILABLE.test(text.toLowerCase()));
      return hit
        ? known(true, [`${hit[0]} states that MRI cannot be done`])
        : unknown(['the record does not state that MRI cannot be done']);
    },
  }),
  defineFact<readonly string[]>({
    id: 'imaging.eventSincePrior',
    type: 'list',
    description:
      'Events since the latest earlier study of the region that change what a new study can show: a surgery of the region dated after it (recurrent or residual lesion), or a new injury (injury date after it). Not documented when there is no dated earlier study or no such event is recorded.',
    reads: ['studies[]', 'surgeries[]', 'injury.date'],
    derive: (ctx) => {
      const at = ctx.get<string>('imaging.requestDate').value;
      const types = repeatTypes(ctx.get<string>('service.modality').value);
      const dated = earlierStudies(ctx, types, at).filter((s) => s.item.date !== undefined);
      if (dated.length === 0) return unknown(['no dated earlier study of this region']);
      const latest = dated.reduce((a, b) => (dayNumber(b.item.date!) > dayNumber(a.item.date!) ? b : a));
      const since = (d: string | undefined): boolean =>
        d !== undefined && dayNumber(d) > dayNumber(latest.item.date!) && (at === undefined || dayNumber(d) <= dayNumber(at));
      const events: string[] = [];
      regionSurgeries(ctx, at)
        .filter((s) => since(s.date))
        .forEach((s) => events.push(`${s.path} = ${s.kind} ${s.date} (after ${latest.path} of ${latest.item.date})`));
      const injury = ctx.request.raw.injury?.date;
      if (since(injury)) events.push(`injury.date = ${injury} (after ${latest.path} of ${latest.item.date})`);
      return events.length > 0
        ? known(events, events)
        : unknown([`no surgery or new injury of this region recorded after ${latest.path} (${latest.item.date})`]);
    },
  }),
  defineFact<readonly string[]>({
    id: 'imaging.regionSurgeries',
    type: 'list',
    description:
      'Surgeries of the region imaged (by region or spinal levels) recorded before the request. Not documented when none is recorded.',
    reads: ['surgeries[]'],
    derive: (ctx) => {
      const found = regionSurgeries(ctx, ctx.get<string>('imaging.requestDate').value);
      return found.length > 0
        ? known(
            found.map((s) => s.kind),
            found.map((s) => `${s.path} = ${s.kind}${s.date ? ` ${s.date}` : ''}`),
          )
        : unknown(['surgeries: none recorded for this region']);
    },
  }),
  defineFact<boolean>({
    id: 'imaging.nonMusculoskeletalQuestion',
    type: 'boolean',
    description:
      'The study is of the abdomen or chest, or names a question outside the musculoskeletal chapters (hernia, kidney, bladder, bowel, other abdominal or pelvic organs). Never false: a study that names none is not documented as such.',
    reads: ['services[].region', 'services[].regions', 'services[].label', 'services[].text', 'services[].purpose'],
    derive: (ctx) => {
      const sv = ctx.service;
      const organ = sv.regions.filter((r) => r === 'abdomen' || r === 'chest');
      if (organ.length > 0) return known(true, [`services[${sv.index}] covers the ${organ.join(' and ')}`]);
      const m = NON_MUSCULOSKELETAL.exec(`${sv.words} ${sv.raw.purpose ?? ''}`.toLowerCase());
      return m
        ? known(true, [`services[${sv.index}] names ${m[0]}`])
        : unknown([`services[${sv.index}]: no abdominal or pelvic organ question named`]);
    },
  }),
  defineFact<readonly string[]>({
    id: 'imaging.boneFragility',
    type: 'list',
    description:
      'Risk factors for a fracture after minor trauma that the record names: osteoporosis (or osteopenia) among the diagnoses, systemic corticosteroid use among the medications or treatments. Not documented when none is named (age is read by the rules from patient.age).',
    reads: ['diagnoses[]', 'medications[]', 'treatments[]'],
    derive: (ctx) => {
      const found: string[] = [];
      const evidence: string[] = [];
      const osteo = diagnosisTexts(ctx.request.raw).find((d) => /osteopor|osteopen/.test(d.text));
      if (osteo) {
        found.push('osteoporosis');
        evidence.push(`${osteo.path} = ${osteo.text}`);
      }
      const steroid = indexed(ctx.request.raw.medications, 'medications').find(
        (m) => m.item.drugClass === 'oral-corticosteroid' || /prednis|methylpred|medrol|dexameth|cortisone/.test(m.item.name.toLowerCase()),
      );
      const steroidTx = indexed(ctx.request.raw.treatments, 'treatments').find((t) => t.item.kind === 'oral-corticosteroid');
      if (steroid) {
        found.push('corticosteroids');
        evidence.push(`${steroid.path} = ${steroid.item.name}`);
      } else if (steroidTx) {
        found.push('corticosteroids');
        evidence.push(`${steroidTx.path}.kind = oral-corticosteroid`);
      }
      return found.length > 0 ? known(found, evidence) : unknown(['no osteoporosis or corticosteroid use recorded']);
    },
  }),
  defineFact<readonly string[]>({
    id: 'imaging.headCtRiskFactors',
    type: 'list',
    description:
      'ODG risk criteria for head CT the record names (besides age over 60): signs of basilar skull fracture, physical evidence of trauma above the clavicles, an acute traumatic seizure, an interval of disturbed consciousness, amnesia, intoxication. Not documented when none is named.',
    reads: ['symptoms[]', 'exam[]', 'diagnoses[]'],
    derive: (ctx) => {
      const texts: { text: string; path: string }[] = [
        ...indexed(ctx.request.raw.symptoms, 'symptoms')
          .filter((x) => x.item.result !== 'negative')
          .map((x) => ({ text: `${x.item.kind} ${x.item.text ?? ''}`.toLowerCase().replace(/-/g, ' '), path: x.path })),
        ...indexed(ctx.request.raw.exam, 'exam')
          .filter((e) => isPositive(e.item) && e.item.result !== 'not-tested')
          .map((e) => ({
            text: `${e.item.text ?? ''}${e.item.region === 'head' ? ` head ${e.item.finding.replace(/-/g, ' ')}` : ''}`.toLowerCase(),
            path: e.path,
          })),
        ...diagnosisTexts(ctx.request.raw),
      ];
      const found = new Map<string, string>();
      for (const t of texts)
        for (const [name, re] of HEAD_CT_RISKS) if (re.test(t.text) && !found.has(name)) found.set(name, `${t.path} = ${t.text.trim()}`);
      return found.size > 0
        ? known([...found.keys()], [...found.values()])
        : unknown([
            'no risk criterion for head CT named (skull-fracture signs, trauma above the clavicles, seizure, disturbed consciousness, amnesia, intoxication)',
          ]);
    },
  }),
  defineFact<boolean>({
    id: 'imaging.procedurePlanning',
    type: 'boolean',
    description:
      "The study's own request (purpose, label, text) says it is to plan a surgery or an injection (pre-operative, surgical planning, before an epidural injection). Never false: silence is not documented.",
    reads: ['services[].purpose', 'services[].label', 'services[].text'],
    derive: (ctx) => {
      const sv = ctx.service;
      const m = PROCEDURE_PLANNING.exec(`${sv.raw.purpose ?? ''} ${sv.words}`.toLowerCase());
      // "for failed back surgery", "for post-surgical pain" name a past surgery, not one being planned
      return m && !/failed|post|after/.test(m[0])
        ? known(true, [`services[${sv.index}] names "${m[0]}"`])
        : unknown([`services[${sv.index}]: no surgery or injection the study is to plan is named`]);
    },
  }),
  defineFact<boolean>({
    id: 'imaging.localFindings',
    type: 'boolean',
    description:
      'Physical findings localized to the region imaged: effusion, swelling, joint or point tenderness, instability, or a positive provocative test of the region. False when the region was examined and these were negative.',
    reads: ['exam[]'],
    derive: (ctx) => {
      const kinds: readonly ExamFinding['finding'][] = [
        'joint-effusion',
        'swelling',
        'joint-tenderness',
        'joint-instability',
        'meniscal-sign',
        'impingement-sign',
        'rotator-cuff-weakness',
        'tinel-sign',
        'phalen-sign',
      ];
      const found = regionFindings(ctx).filter((e) => kinds.includes(e.item.finding));
      const positive = found.filter((e) => isPositive(e.item) && e.item.result !== 'not-tested');
      if (positive.length > 0)
        return known(
          true,
          positive.map((e) => `${e.path} = ${e.item.finding}${e.item.text ? ` (${e.item.text})` : ''} positive`),
        );
      const negative = found.filter((e) => isNegative(e.item));
      return negative.length > 0
        ? known(
            false,
            negative.map((e) => `${e.path} = ${e.item.finding} negative`),
          )
        : unknown(['exam: no effusion, swelling, tenderness or instability recorded for this region']);
    },
  }),
];
