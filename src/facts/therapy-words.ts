// What the words of a therapy request or of an earlier course say, read as data for the
// physical-medicine facts: the modality they name, objective functional measures and pain relief
// alone (a trial's duration is util/durations.ts durationInText; the part of a request already
// authorized at review is request/visits.ts authorizedPartInText, beside the visit counts).

/**
 * Modalities named in free text, most specific first ("electrical muscle stimulation" is NMES,
 * not generic e-stim; "infrared heat" is infrared, not heat).
 */
const MODALITY_WORDS: ReadonlyArray<[string, RegExp]> = [
  ['hyperstimulation', /hyperstimulation|intense neurostimulation|\blint\b/],
  ['shockwave', /shock ?wave|\beswt\b/],
  ['biofeedback', /biofeedback/],
  // ACOEM Ch. 12 Physical Methods: "sympathetic therapy, … also known as interferential therapy"
  ['interferential', /interferential|\bif unit\b|\bifc\b|sympathetic (?:therapy|stim)/],
  ['h-wave', /\bh-?wave\b/],
  ['galvanic', /galvanic/],
  ['pens', /\bpens\b|percutaneous electrical nerve/],
  ['nmes', /\bnmes\b|\bems\b|neuromuscular (?:electrical )?stim|electrical muscle stim|muscle stimulat/],
  ['microcurrent', /micro-?current|\bmens\b/],
  ['tens', /\btens\b|transcutaneous electrical nerve/],
  ['electrical-stimulation', /\be-?stim|electrical stim|electric stim|electro-?therapy/],
  ['laser', /laser|\blllt\b/],
  ['ultrasound', /ultrasound|ultra-sound|phonophoresis/],
  ['infrared', /infra-?red/],
  ['diathermy', /diathermy/],
  ['traction', /traction|spinolator|spinalator|\bvax-?d\b|(?:spinal|non-?surgical) decompression|decompression (?:therapy|table)/],
  ['heat-cold', /\bice\b|\bheat\b|\bhot\b|\bcold\b|cryo|paraffin|whirlpool|hydrocollator/],
  ['massage', /massage|myofascial|soft[- ]tissue mobili[sz]ation/],
  ['gym-membership', /\bgym\b|health club|fitness (?:club|center|centre|membership)|pool membership|\bymca\b/],
  ['home-exercise-kit', /exercise kit|exercise equipment|home exercise (?:kit|equipment)|theraband|resistance band|exercise ball|pulley/],
  // an earlier program written as `other` (the shared format has no work-hardening treatment kind)
  ['work-hardening', /work[- ](?:hardening|conditioning)/],
];

/** Words of a request for a device the worker uses at home (a unit, its rental or purchase), not clinic sessions. */
export const HOME_UNIT_WORDS = /\bunits?\b|device|\bhome\b|purchase|rental|\brent\b/;

/** The electrical stimulation modalities: one group for earlier courses (TENS and its kin). */
export const ELECTRICAL = [
  'tens',
  'electrical-stimulation',
  'nmes',
  'interferential',
  'h-wave',
  'galvanic',
  'pens',
  'microcurrent',
  'hyperstimulation',
] as const;

export function modalityInWords(words: string): string | undefined {
  const text = words.toLowerCase();
  return MODALITY_WORDS.find(([, re]) => re.test(text))?.[0];
}

/** Every modality the words name: a combination unit ("TENS/EMS", "IF/NMES") names each of its parts. */
export function modalitiesInWords(words: string): string[] {
  const text = words.toLowerCase();
  return MODALITY_WORDS.filter(([, re]) => re.test(text)).map(([m]) => m);
}

/**
 * Objective functional measures a course's own words report (8 CCR 9792.20(e): activities of
 * daily living, work restrictions, measured range of motion or strength). Pain relief and
 * "feels better" are not among them; a negated measure ("no improvement in function") is not read.
 */
const OBJECTIVE_FUNCTION =
  /range of motion|\brom\b|(?<!\d)\d+ (?:to|->|→) \d+ degrees|\badls?\b|activities of daily living|work restrictions?|(?:returned|return|back) to (?:full |modified |regular )?(?:duty|work)|(?:lifting|walking|sitting|standing) (?:tolerance|distance|capacity|limit)|(?:improved|increased) (?:function|strength|mobility|endurance)|(?:function|strength|mobility|endurance) (?:improved|increased)|functional (?:improvement|gains?)/;
const NEGATED_FUNCTION =
  /\b(?:no|not|without|lack of|minimal|unchanged)\b[^.;]{0,40}(?:function|range of motion|\brom\b|adl|strength|duty|work)/;

/** A course's words report pain relief and nothing about function ("pain down from 7 to 3"). */
export function painReliefOnly(text: string | undefined): boolean {
  const t = (text ?? '').toLowerCase();
  return (
    /\bpain\b|\bvas\b|\/10\b/.test(t) &&
    !/function|flexib|mobility|strength|motion|\brom\b|walk|sit|stand|lift|\badls?\b|work|duty|buckling|activit/.test(t)
  );
}

export function objectiveFunctionInText(text: string | undefined): boolean {
  const t = (text ?? '').toLowerCase();
  return OBJECTIVE_FUNCTION.test(t) && !NEGATED_FUNCTION.test(t);
}
