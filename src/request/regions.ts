// Body regions named in free text ("MRI of the right shoulder", "EMG/NCV bilateral lower
// extremities", "L4-5 facet injection"), for services whose `region` was not written.
import type { Region } from './vocabulary.js';

const REGION_WORDS: ReadonlyArray<[Region, RegExp]> = [
  ['lumbar', /\b(lumbar|lumbosacral|low(er)? back|l[1-5](\s*-\s*[ls]?\d)?|l\/s)\b/i],
  ['cervical', /\b(cervical|neck|c[2-7](\s*-\s*[ct]?\d)?)\b/i],
  ['thoracic', /\b(thoracic|mid[- ]back|upper back|t\d{1,2}(\s*-\s*\d{1,2})?)\b/i],
  ['sacroiliac', /\b(sacroiliac|si joint)\b/i],
  ['shoulder', /\bshoulders?\b/i],
  ['elbow', /\belbows?\b/i],
  ['forearm', /\bforearms?\b/i],
  ['wrist', /\bwrists?\b/i],
  ['hand', /\b(hands?|fingers?|thumbs?)\b/i],
  ['hip', /\bhips?\b/i],
  ['pelvis', /\bpelvi(s|c)\b/i],
  ['knee', /\bknees?\b/i],
  ['leg', /\b(lower legs?|calf|tibia)\b/i],
  ['ankle', /\bankles?\b/i],
  ['foot', /\b(foot|feet|toes?|heel)\b/i],
  ['head', /\b(head|brain|brainstem|skull)\b/i],
  ['chest', /\bchest\b/i],
  ['abdomen', /\babdom(en|inal)\b/i],
  ['upper-extremity', /\bupper (extremit(y|ies)|limbs?)\b|\b[blr]ues?\b/i],
  ['lower-extremity', /\blower (extremit(y|ies)|limbs?)\b|\b[blr]les?\b/i],
];

/** Every region the text names, in vocabulary order. */
export function regionsInText(text: string | undefined): Region[] {
  if (!text) return [];
  return REGION_WORDS.filter(([, re]) => re.test(text)).map(([region]) => region);
}

/** The spine region a body region belongs to, if any. */
export function spineRegion(region: Region | undefined): 'cervical' | 'thoracic' | 'lumbar' | undefined {
  if (region === 'cervical' || region === 'thoracic' || region === 'lumbar') return region;
  if (region === 'sacroiliac') return 'lumbar';
  return undefined;
}

/** The limb-wide regions. */
export type Limb = 'upper-extremity' | 'lower-extremity';
const LIMBS: readonly Limb[] = ['upper-extremity', 'lower-extremity'];

/** The joints and segments of each limb-wide region (an upper-extremity EMG concerns the wrist). */
const LIMB_PARTS: Partial<Record<Region, readonly Region[]>> = {
  'upper-extremity': ['shoulder', 'elbow', 'forearm', 'wrist', 'hand'],
  'lower-extremity': ['hip', 'knee', 'leg', 'ankle', 'foot'],
};
/** The spine that supplies each limb: a limb-wide service concerns it too (a lumbar finding and a leg EMG). */
const LIMB_SPINE: Partial<Record<Region, 'cervical' | 'lumbar'>> = { 'upper-extremity': 'cervical', 'lower-extremity': 'lumbar' };

/** The spine that supplies a limb. */
export function limbSpine(limb: Limb): 'cervical' | 'lumbar' {
  return LIMB_SPINE[limb]!;
}

/**
 * Whether two regions name one place, one of them more precisely: the same region, or a limb and
 * one of its parts (a straight leg raise of the "leg" and of the "lower extremity"). Narrower than
 * regionsOverlap: a neighbouring joint or the supplying spine is another place.
 */
export function samePlace(a: Region, b: Region): boolean {
  return a === b || (LIMB_PARTS[a]?.includes(b) ?? false) || (LIMB_PARTS[b]?.includes(a) ?? false);
}

/** Whether a finding recorded in `findingRegion` bears on a service in `serviceRegion`. */
export function regionsOverlap(serviceRegion: Region, findingRegion: Region): boolean {
  if (samePlace(serviceRegion, findingRegion)) return true;
  if (LIMB_SPINE[serviceRegion] === findingRegion || LIMB_SPINE[findingRegion] === serviceRegion) return true;
  return (
    (serviceRegion === 'lumbar' && findingRegion === 'sacroiliac') ||
    (serviceRegion === 'sacroiliac' && findingRegion === 'lumbar') ||
    (serviceRegion === 'hand' && findingRegion === 'wrist') ||
    (serviceRegion === 'wrist' && findingRegion === 'hand') ||
    (serviceRegion === 'hip' && findingRegion === 'pelvis') ||
    (serviceRegion === 'pelvis' && findingRegion === 'hip') ||
    (serviceRegion === 'ankle' && findingRegion === 'foot') ||
    (serviceRegion === 'foot' && findingRegion === 'ankle')
  );
}

/**
 * The limbs a region belongs to: the limb itself, one of its parts, the spine that supplies it,
 * or a region that bears on one of those (the pelvis beside the hip, the sacroiliac joints beside
 * the lumbar spine). None for the thoracic spine, the head or the trunk.
 */
export function limbsOfRegion(region: Region): Limb[] {
  return LIMBS.filter((limb) => [limb, ...LIMB_PARTS[limb]!, limbSpine(limb)].some((r) => regionsOverlap(r, region)));
}
