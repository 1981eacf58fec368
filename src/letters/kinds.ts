// Guesses a service's kind (and modality, regions, side, drug class, quantity, …) from the
// item heading as the letter writes it, and whether the item is associated with a primary
// procedure (`for:`) or was decided by it (`dependsOn`). Guesses only: the author checks them.
import { INJECTION_KINDS, type Region, type ServiceKind, type Side } from '../request/vocabulary.js';
import { regionsInText } from '../request/regions.js';
import { parseVisitCourse, quantityInText } from '../request/visits.js';
import { parseLevels } from '../request/levels.js';
import { drugClassOfName } from '../facts/drugs.js';

export interface KindGuess {
  kind: ServiceKind;
  modality?: 'xray' | 'mri' | 'mri-arthrogram' | 'ct' | 'ultrasound' | 'bone-scan';
  regions?: Region[];
  side?: Side;
  levels?: string[];
  approach?: 'transforaminal' | 'interlaminar' | 'caudal';
  name?: string;
  strength?: string;
  drugClass?: 'opioid' | 'nsaid' | 'muscle-relaxant' | 'oral-corticosteroid' | 'neuropathic' | 'topical' | 'other';
  route?: 'oral' | 'topical' | 'transdermal' | 'injection' | 'other';
  quantity?: number;
  unit?: string;
  visitsPerWeek?: number;
  weeks?: number;
  specialty?: string;
}

/** Words that only say how the item was requested, dropped before classifying. */
const PREFIXES =
  /^(?:associated surgical services?|retrospective(?: request)?(?: for)?|retro|prospective|request(?:ed)? for|purchase of|rental of)\s*:?\s*/i;

const MED_EXTRA_NAMES =
  /\b(viagra|sildenafil|cialis|pepcid|famotidine|prilosec|omeprazole|pantoprazole|protonix|prevacid|lansoprazole|nexium|esomeprazole|ranitidine|zantac|zofran|ondansetron|colace|docusate|senna|senokot|miralax|ambien|zolpidem|lunesta|xanax|alprazolam|valium|diazepam|klonopin|clonazepam|ativan|lorazepam|fioricet|butalbital|trazodone|desyrel|wellbutrin|bupropion|zoloft|sertraline|prozac|fluoxetine|lexapro|celexa|paxil|tylenol|acetaminophen|aspirin|lidoderm|lidocaine|terocin|flector|salonpas|capsaicin|menthoderm|ketoprofen|dendracin|theramine|sentra|gabadone|trepadone|keratek|imitrex|sumatriptan|topamax|elavil|cymbalta|remeron|mirtazapine|seroquel|abilify|provigil|nuvigil|lyrica|norco|percocet|ultram|tramadol|medrol|prednisone|dexilant|amrix|linzess|movantik|relistor|amitiza|restoril|temazepam|buspirone|hydroxyzine|vistaril|meclizine|clonidine|tizanidine|keflex|cephalexin|antibiotic)\b/i;
const STRENGTH = /\b\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?)*\s*(?:mg|mcg|g|gm|grams?|ml|%|percent|units?)\b/i;
const MED_FORM =
  /\b(tablets?|tabs?|capsules?|caps?|cream|gel|ointment|lotion|patch(?:es)?|solution|spray|suspension|dosepak|dose pack|compound(?:ed)?|medications?|prescription|refills?|supply of)\b/i;

const KIND_ABBREVIATIONS: Partial<Record<ServiceKind, string>> = {
  'epidural-steroid-injection': 'esi',
  'facet-joint-injection': 'facet',
  'medial-branch-block': 'mbb',
  'facet-radiofrequency-neurotomy': 'rfa',
  'trigger-point-injection': 'tpi',
  'sacroiliac-joint-injection': 'si-injection',
  'fluoroscopic-guidance': 'fluoro',
  'iv-sedation': 'sedation',
  'physical-therapy': 'pt',
  'occupational-therapy': 'ot',
  'functional-capacity-evaluation': 'fce',
  'durable-medical-equipment': 'dme',
  'urine-drug-screen': 'uds',
  'preoperative-testing': 'preop',
  electrodiagnostics: 'emg-ncv',
  'surgical-assistant': 'assistant',
  'passive-modality': 'modality',
  'psychological-services': 'psych',
  consultation: 'consult',
  transportation: 'transport',
};

function sideOf(text: string): Side | undefined {
  if (/\b(bilateral(?:ly)?|both|b\/l|\(b\))\b|\(b\)/i.test(text)) return 'bilateral';
  const left = /\bleft\b|\blt\.?\b/i.test(text);
  const right = /\bright\b|\brt\.?\b/i.test(text);
  if (left && right) return 'bilateral';
  if (left) return 'left';
  if (right) return 'right';
  return undefined;
}

/** Spinal levels named in the text ("L4-5, L5-S1", "L3-S1", "L4 and L5"), when they parse. */
function levelsOf(text: string): string[] | undefined {
  const tokens = [...text.matchAll(/\b([CTL]\d{1,2}|S1)\s*(?:-|–|to)\s*([CTLS]?\d{1,2})\b/gi)].map((m) => `${m[1]}-${m[2]}`);
  if (tokens.length === 0) return undefined;
  const parsed = parseLevels(tokens);
  return parsed.ok ? parsed.levels : undefined;
}

function modalityOf(t: string): KindGuess['modality'] | undefined {
  if (/\bmri\b|\bmra\b|magnetic resonance/.test(t)) return /arthrogra/.test(t) ? 'mri-arthrogram' : 'mri';
  if (/\bct\b|\bcat scan|computed tomograph/.test(t)) return 'ct';
  if (/bone scan|scintigra/.test(t)) return 'bone-scan';
  if (/x-?rays?\b|radiograph/.test(t)) return 'xray';
  if (/ultrasound|sonogra/.test(t)) return 'ultrasound';
  return undefined;
}

/** The medication's name: the words before its strength, quantity or dosing. */
function medicationName(label: string): string {
  const cut = label.split(/\s+(?=\d|#|x\s*\d|qty|quantity|\(|,|apply|take|one month|for\b|times\b)/i)[0] ?? label;
  return (
    cut
      .replace(/^(?:post-?\s?op(?:erative)?|pre-?\s?op(?:erative)?)\s+/i, '')
      .replace(/^(?:(?:one|two|three|\d+) months?'? (?:coverage|supply) of)\s+/i, '')
      .trim() || label.trim()
  );
}

/** The first matching rule decides; order matters (an "injection under fluoroscopy" is an injection). */
const RULES: ReadonlyArray<[ServiceKind, RegExp]> = [
  ['preoperative-testing', /\bpre-?\s?op(?:erative)?\b|medical clearance|surgical clearance|\bclearance\b/],
  ['fluoroscopic-guidance', /^(?:under )?fluoro(?:scop(?:y|ic))?(?: guidance)?\b/],
  ['iv-sedation', /\b(?:iv|intravenous|conscious|moderate) sedation\b|^sedation\b/],
  ['anesthesia', /^anesthesia\b|\banesthesia (?:services|for)\b|\bmonitored anesthesia\b/],
  ['additional-level', /^(?:\d+(?:st|nd|rd|th)|first|second|third|each|ea\.?|add'?l|additional)\s+(?:add'?l\s+)?levels?\b/],
  ['facet-radiofrequency-neurotomy', /radiofrequency|rhizotomy|neurotomy|\brfa\b|\brf ablation|ablation/],
  ['medial-branch-block', /medial branch|\bmbb\b|\bmmb\b/],
  ['epidural-steroid-injection', /epidural|\besi\b|\btfesi\b|transforaminal|interlaminar|caudal/],
  ['facet-joint-injection', /\bfacet/],
  ['sacroiliac-joint-injection', /(?:sacroiliac|\bsi\b)(?: joint)? (?:injection|block)/],
  ['trigger-point-injection', /trigger points? injections?|\btpi\b/],
  [
    'injection',
    /\binjections?\b|\bprp\b|platelet[- ]rich|viscosupplement|synvisc|orthovisc|euflexxa|supartz|cortisone shot|steroid shot|\bnerve block\b/,
  ],
  ['surgical-assistant', /assistant surgeon|surgical assist|\bpa assist|\bco-?surgeon|\bassist(?:ant)?\b.*\bsurg/],
  ['urine-drug-screen', /urine (?:drug |tox(?:icology)? )?(?:test|screen)|\budt\b|\buds\b|drug (?:test|screen)|urine test/],
  ['laboratory', /\blabs?\b|laborator|blood (?:work|test)|\bcbc\b|\bcmp\b|\bpanel\b|hba1c|\bpt\/ptt\b|urinalysis/],
  ['electrodiagnostics', /\bemg\b|\bncv\b|\bncs\b|nerve conduction|electromyogra|\bssep\b|\beeg\b|electrodiagnostic/],
  ['home-exercise-kit', /home exercise kit|exercise kit/],
  ['transportation', /transport|\btaxi\b|\buber\b|\bmileage\b/],
  ['inpatient-stay', /inpatient|hospital stay|length of stay|\blos\b|skilled nursing|\bsnf\b|rehabilitation unit|admission/],
  ['home-health', /home health|home care|\bnurse\b|nursing visits|wound care|\bhhs\b|home assistance/],
  [
    'psychological-services',
    /psycholog|psychiatr|\bcbt\b|cognitive behavio|partial hospitali[sz]ation|functional restoration|\bfrp\b|multidisciplinary/,
  ],
  ['functional-capacity-evaluation', /functional capacity|\bfce\b/],
  ['work-hardening', /work hardening|work conditioning/],
  ['acupuncture', /acupunct/],
  ['chiropractic', /chiro|manipulation/],
  ['occupational-therapy', /occupational therap|\bot\b/],
  [
    'durable-medical-equipment',
    /\btens\b.*\b(?:purchase|rental)\b|\b(?:purchase|rental)\b.*\btens\b|brace|splint|sling|orthotic|orthosis|insoles?\b|pillow|\bcane\b|walker|wheelchair|scooter|crutch|cold therapy|cryotherapy|\bice (?:machine|unit)|hot\/cold unit|game ready|\bsupport\b|collar\b|hearing aids?|mattress|\bbed\b|gloves|wipes|commode|shower chair|grab bar|compression (?:stockings?|garment|sleeve)|\bdme\b|\bunit\b.*\b(?:purchase|rental)\b|\bmachine\b/,
  ],
  [
    'passive-modality',
    /\btens\b|e-?stim|electrical (?:muscle )?stimulation|\bems\b|interferential|infrared|traction|spinolator|pulsed ultrasound|ultrasound therap|therapeutic ultrasound|shock ?wave|\beswt\b|myofascial release|massage|hot\/cold|ice\/heat|heat(?:ing)? pads?|\bheat\b|paraffin|laser|\blllt\b|neurostimulation|iontophoresis|diathermy|hydrotherapy|whirlpool|\bmodalit/,
  ],
  [
    'physical-therapy',
    /physical therap|\bpt\b|physiotherap|physio|aquatic therap|pool therap|manual therap|therapeutic exercise|post-?\s?op(?:erative)? therap|rehab(?:ilitation)?(?: sessions| visits)?\b|therapy sessions/,
  ],
];

const SURGERY =
  /arthroscop|arthroplast|replacement|fusion|laminectomy|laminotomy|discectomy|decompression|repair|release\b|reconstruct|osteotomy|\borif\b|open reduction|meniscectomy|tenodesis|surgery|surgical|excision|debridement|neuroplasty|fixation|removal of hardware|hardware removal|\w+ectomy\b|\w+plasty\b|\w+otomy\b|\w+desis\b/;
const CONSULT_STRONG = /consult|referral|\brefer to\b|office visits?|follow[- ]?up|re-?exam|\bspecialist\b|second opinion/;
const CONSULT_WEAK = /\bevaluat|\bvisits?\b/;
const THERAPY_KINDS: ReadonlySet<ServiceKind> = new Set<ServiceKind>([
  'psychological-services',
  'work-hardening',
  'acupuncture',
  'chiropractic',
  'occupational-therapy',
  'passive-modality',
  'physical-therapy',
]);
/** "Deprizine (unknown quantity)", "Ketophene #60": a one- or two-word name and a quantity. */
const BARE_DRUG = /^[A-Z][a-z]+(?:[ -][A-Z]?[a-z]+)?\s*(?:\((?:unknown|unspecified) (?:quantity|amount|dosage)\)|#\s*\d+)/;
const OTHER_TESTS =
  /electrocardiogra|\bekg\b|\becg\b|echocardiogra|sleep study|polysomnogra|impedance imaging|\bgrip test|jamar|range of motion (?:of )?test|computeri[sz]ed range|muscle testing|gym membership|\bgym\b|pool membership/;

/** Injections, blocks and their parts: they name imaging ("under fluoroscopy") and drugs, so they are decided first. */
const INJECTION_AND_PART_KINDS: ReadonlySet<ServiceKind> = new Set<ServiceKind>([
  'fluoroscopic-guidance',
  'iv-sedation',
  'anesthesia',
  'additional-level',
  'facet-radiofrequency-neurotomy',
  'medial-branch-block',
  'epidural-steroid-injection',
  'facet-joint-injection',
  'sacroiliac-joint-injection',
  'trigger-point-injection',
  'injection',
  'surgical-assistant',
]);
const COUNTED_TEST_KINDS: ReadonlySet<ServiceKind> = new Set<ServiceKind>(['urine-drug-screen', 'laboratory', 'electrodiagnostics']);
/** Services named by a word no drug shares. */
const NAMED_SERVICE_KINDS: ReadonlySet<ServiceKind> = new Set<ServiceKind>([
  'transportation',
  'inpatient-stay',
  'home-health',
  'functional-capacity-evaluation',
  'home-exercise-kit',
]);

/** The regions and side a label names. */
function whereGuess(clean: string): Partial<KindGuess> {
  const regions = regionsInText(clean);
  const side = sideOf(clean);
  return { ...(regions.length > 0 ? { regions } : {}), ...(side ? { side } : {}) };
}

/** Levels and (for an ESI) the approach an injection or surgery label names. */
function injectionDetails(kind: ServiceKind, clean: string, t: string): Partial<KindGuess> {
  const levels = levelsOf(clean);
  const approach = /transforaminal|\btfesi\b/.test(t)
    ? 'transforaminal'
    : /interlaminar/.test(t)
      ? 'interlaminar'
      : /caudal/.test(t)
        ? 'caudal'
        : undefined;
  return { ...(levels ? { levels } : {}), ...(kind === 'epidural-steroid-injection' && approach ? { approach } : {}) };
}

/** A medicine by its wording: a strength, a dosage form, or (for no other kind) a bare name with a quantity. */
function namesMedication(clean: string, t: string, hasKind: boolean): boolean {
  if (MED_EXTRA_NAMES.test(t) || STRENGTH.test(t)) return true;
  if (hasKind || CONSULT_STRONG.test(t)) return false;
  return MED_FORM.test(t) || (!SURGERY.test(t) && BARE_DRUG.test(clean));
}

/** A requested medicine: name, strength, quantity ("#60"), class and route as the label gives them. */
function medicationGuess(clean: string, name: KindGuess['name'], drugClass: string | undefined): KindGuess {
  const strength = STRENGTH.exec(clean)?.[0];
  const quantity = /#\s*(\d+)/.exec(clean)?.[1];
  const topical = /cream|gel\b|ointment|lotion|patch|topical|lidoderm|terocin|salonpas|flector/i.test(clean);
  return {
    kind: 'medication',
    name,
    ...(strength ? { strength } : {}),
    ...(quantity ? { quantity: Number(quantity) } : {}),
    drugClass: (drugClass ?? 'other') as KindGuess['drugClass'],
    ...(topical
      ? { route: 'topical' as const }
      : /\b(?:po|oral(?:ly)?|by mouth|tablets?|tabs?|capsules?)\b/i.test(clean)
        ? { route: 'oral' as const }
        : {}),
  };
}

/** The specialty a consultation label names ("referral to a spine surgeon", "orthopedic consult"). */
function consultationSpecialty(clean: string): Partial<KindGuess> {
  const specialty =
    /(?:with|to|by) (?:an? |the )?([a-z][a-z /-]*?)(?: specialist| physician| surgeon| doctor| consult| for\b|$)/i.exec(clean)?.[1] ??
    /^([a-z][a-z /-]*?) (?:consult|consultation|evaluation|referral|re-?exam|follow)/i.exec(clean)?.[1];
  return specialty ? { specialty: specialty.trim() } : {};
}

/** The service kind and what else the label says about the service. */
export function guessKind(label: string): KindGuess {
  const clean = label.replace(PREFIXES, '').trim();
  // "post-injection physical therapy" is therapy, "post-op Percocet" a medication: the timing words go
  const t = clean
    .toLowerCase()
    .replace(/\bpost[- ]?(?:injection|op(?:erative)?|surgical|procedure)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const base = whereGuess(clean);
  const withCourse = (kind: ServiceKind): KindGuess => {
    const course = parseVisitCourse(clean);
    return {
      kind,
      ...base,
      ...(course.visits !== undefined ? { quantity: course.visits, unit: 'visits' } : {}),
      ...(course.visitsPerWeek !== undefined ? { visitsPerWeek: course.visitsPerWeek } : {}),
      ...(course.weeks !== undefined ? { weeks: course.weeks } : {}),
    };
  };
  const counted = (kind: ServiceKind, extra: Partial<KindGuess> = {}): KindGuess => {
    const quantity = quantityInText(clean);
    return { kind, ...base, ...extra, ...(quantity !== undefined ? { quantity } : {}) };
  };

  const course = parseVisitCourse(clean);
  const weeklyCourse = course.visitsPerWeek !== undefined || course.weeks !== undefined;
  const hasCourse = weeklyCourse || course.visits !== undefined;
  const modality = modalityOf(t);
  const rule = RULES.find(([, re]) => re.test(t));
  const kind = rule?.[0];

  // injections, blocks and their parts come first: they name imaging ("under fluoroscopy") and drugs
  const kindIn = (set: ReadonlySet<ServiceKind>): boolean => kind !== undefined && set.has(kind);
  if (kind && kindIn(INJECTION_AND_PART_KINDS)) {
    return counted(kind, injectionDetails(kind, clean, t));
  }
  if (kind === 'preoperative-testing') return { kind, ...base };
  if (OTHER_TESTS.test(t) && !modality) return { kind: 'other', ...base };
  if (kind && kindIn(COUNTED_TEST_KINDS)) return counted(kind);
  if (modality && !(modality === 'ultrasound' && (hasCourse || /pulsed|therap/.test(t)))) {
    return counted('imaging', { modality });
  }

  // services named by a word no drug shares, and courses of therapy (which may name a drug: "acupuncture with capsaicin patch")
  if (kind && kindIn(NAMED_SERVICE_KINDS)) return { kind, ...base };
  if (kind && THERAPY_KINDS.has(kind) && weeklyCourse) return withCourse(kind);

  // a requested medicine: a known drug name, a strength, a dosage form, or a bare name with a quantity
  const name = medicationName(clean);
  const drugClass = kind ? undefined : drugClassOfName(clean);
  if (drugClass || namesMedication(clean, t, kind !== undefined)) return medicationGuess(clean, name, drugClass);

  if (kind === 'durable-medical-equipment') return counted(kind);
  const consultation = (): KindGuess => ({ kind: 'consultation', ...base, ...consultationSpecialty(clean) });
  if (CONSULT_STRONG.test(t) && !weeklyCourse) return consultation();
  if (SURGERY.test(t) && !(kind && THERAPY_KINDS.has(kind))) return { kind: 'surgery', ...base, ...injectionDetails('surgery', clean, t) };
  if (CONSULT_WEAK.test(t) && !weeklyCourse && !hasCourse) return consultation();
  if (kind) return THERAPY_KINDS.has(kind) ? withCourse(kind) : { kind, ...base };
  if (/\btherap(?:y|ies)\b/.test(t) && hasCourse) return withCourse('physical-therapy');
  return { kind: 'other', ...base };
}

/** A readable service id for a guess: "mri-lumbar", "pt", "flexeril". Not yet unique. */
export function serviceIdBase(guess: KindGuess): string {
  const slug = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 24)
      .replace(/-+$/, '');
  if (guess.kind === 'medication' && guess.name) return slug(guess.name.split(/\s+/).slice(0, 2).join(' ')) || 'medication';
  if (guess.kind === 'imaging') return [guess.modality ?? 'imaging', ...(guess.regions ?? []).slice(0, 2)].join('-');
  const base = KIND_ABBREVIATIONS[guess.kind] ?? guess.kind;
  return guess.regions &&
    guess.regions.length === 1 &&
    ['physical-therapy', 'chiropractic', 'acupuncture', 'electrodiagnostics', 'durable-medical-equipment'].includes(guess.kind)
    ? `${base}-${guess.regions[0]}`
    : base;
}

// ---------------------------------------------------------------------------------------------
// Associated items

/** The label says the item belongs to a primary procedure. */
const ASSOCIATED_LABEL =
  /associated surgical services?|\bpost-?\s?(?:op(?:erative)?|surgical|injection|procedure)\b|\bpre-?\s?(?:op(?:erative)?|surgical|procedure)\b/i;
/** Kinds that exist only as parts of a procedure. */
const PART_KINDS: ReadonlySet<ServiceKind> = new Set<ServiceKind>([
  'fluoroscopic-guidance',
  'iv-sedation',
  'anesthesia',
  'additional-level',
  'surgical-assistant',
  'preoperative-testing',
]);

/** The rationale decides the item by its primary ("Since the primary procedure is not medically necessary…"). */
const DECIDED_BY_PRIMARY: readonly RegExp[] = [
  /since the primary (?:procedure|surgery|request|service)s? (?:is|are|was|were|has been|have been) (?:not|non)/i,
  /none of the associated services/i,
  /medical necessity (?:is )?based on the (?:medical )?necessity of/i,
  /(?:primary|accompanying|associated|related|requested) (?:request|procedure|surgery|service|injection|treatment)[^.]{0,120}?(?:is|was|has been|have been|are|were) (?:also )?(?:not|non-?|deemed not|found not|determined (?:to be )?not|determined not to be)[- ]?(?:medically necessary|certified|supported|approved|authorized|indicated)[^.]{0,80}?\b(?:so|therefore|thus|as such|consequently|hence)\b/i,
  /(?:as|since|because) the (?:requested |proposed )?[a-z0-9 /-]{3,80}? (?:is|was|has been|have been) (?:not|non-?|deemed not|found not|determined (?:to be )?not|determined not to be)[- ]?(?:medically necessary|certified|supported|approved|authorized|indicated)[^.]{0,60}?,? (?:so is|neither is|the (?:associated|associated surgical|requested|post-?\s?op(?:erative)?|pre-?\s?op(?:erative)?)[^.]{0,60}?(?:is|are) (?:also )?not|(?:this|the) (?:request|associated)[^.]{0,60}?(?:is|are) (?:also )?not|[a-z -]{0,40}(?:is|are) also not)/i,
  /(?:surgery|procedure|injection|surgical request)s? (?:is|are|was|were|has been) (?:not|non-?)[- ]?(?:medically necessary|certified|approved|authorized|supported)[^.]{0,40}?;?,? (?:therefore|so|thus|consequently|hence),? (?:the |this |any |all )?(?:associated|related|post-?\s?op(?:erative)?|pre-?\s?op(?:erative)?|request)/i,
];

/** The rationale says the item serves another procedure ("consultation … is for epidural steroid injection"). */
const SERVES_PRIMARY =
  /\b(?:is|are|was|were) (?:requested )?(?:for|in preparation for|to perform|prior to|in anticipation of) (?:an? |the )?(?:planned |proposed |requested )?([a-z0-9 /-]*?(?:epidural steroid injection|\besi\b|facet[a-z ]*(?:injection|block)s?|medial branch blocks?|radiofrequency[a-z ]*|surgery|surgical procedure|arthroscopy|arthroplasty|fusion|injection))\b/i;

export interface Association {
  /** The item is associated with a primary procedure (`for:`). */
  associated: boolean;
  /** The rationale decides the item by its primary (`dependsOn`). */
  decidedByPrimary: boolean;
  /** Words naming the primary, when the letter names one ("epidural steroid injection"). */
  primaryHint?: string;
}

export function associationOf(label: string, rationale: string, kind: ServiceKind = guessKind(label).kind): Association {
  const decidedByPrimary = DECIDED_BY_PRIMARY.some((re) => re.test(rationale));
  const serves = SERVES_PRIMARY.exec(rationale);
  const associated =
    decidedByPrimary ||
    PART_KINDS.has(kind) ||
    ASSOCIATED_LABEL.test(label) ||
    (serves !== null && /consult|evaluat|referral|clearance|\blabs?\b|\bpre-?op/i.test(label));
  const hint = serves?.[1] ?? (/associated surgical|post-?\s?op|pre-?\s?op|assist/i.test(label) ? 'surgery' : undefined);
  return { associated, decidedByPrimary, ...(associated && hint ? { primaryHint: hint.trim() } : {}) };
}

/** Kinds a primary procedure may have. */
export const PRIMARY_KINDS: ReadonlySet<ServiceKind> = new Set<ServiceKind>(['surgery', ...INJECTION_KINDS]);
