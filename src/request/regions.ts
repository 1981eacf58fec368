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

/** Limb-wide regions cover the joints of that limb (an upper-extremity EMG concerns the wrist). */
const LIMB_PARTS: Partial<Record<Region, readonly Region[]>> = {
  'upper-extremity': ['shoulder', 'elbow', 'forearm', 'wrist', 'hand', 'cervical'],
  'lower-extremity': ['hip', 'knee', 'leg', 'ankle', 'foot', 'lumbar'],
};

/** Whether a finding recorded in `findingRegion` bears on a service in `serviceRegion`. */
export function regionsOverlap(serviceRegion: Region, findingRegion: Region): boolean {
  if (serviceRegion === findingRegion) return true;
  if (LIMB_PARTS[serviceRegion]?.includes(findingRegion)) return true;
  if (LIMB_PARTS[findingRegion]?.includes(serviceRegion)) return true;
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
