// Red flags for serious pathology: one list (the request vocabulary) with the named subsets the
// guidelines use, read from documentation.redFlags or — when the record gives no list — from
// its words (vocab/record-terms.yaml `redFlags`). The one place for "is there a red flag".
import type { Request } from '../request/schema.js';
import type { Region } from '../request/vocabulary.js';
import { known, unknown, type Fact } from './types.js';
import { redFlagsInWords } from './record-terms.js';

export const RED_FLAG_SUBSETS = {
  /** Every flag of the vocabulary. */
  any: ['trauma', 'cancer-history', 'infection', 'progressive-neurologic-deficit', 'cauda-equina', 'fracture-suspected', 'other'],
  /** Serious pathology (ACOEM imaging): trauma alone is not one. */
  serious: ['cancer-history', 'infection', 'cauda-equina', 'fracture-suspected', 'progressive-neurologic-deficit', 'other'],
  /** A fracture to rule out (radiographs): trauma or a suspected fracture. */
  fracture: ['trauma', 'fracture-suspected'],
  /** A condition that indicates surgery whatever the conservative care (surgical consultation): the serious ones the vocabulary names, not `other`. */
  surgical: ['fracture-suspected', 'progressive-neurologic-deficit', 'cauda-equina', 'infection', 'cancer-history'],
} as const;
export type RedFlagSubset = keyof typeof RED_FLAG_SUBSETS;

/** The flags of a subset the record's own list names (`documentation.redFlags`); [] when it lists none or gives no list. */
export function listedRedFlags(request: Request, subset: RedFlagSubset): string[] {
  const wanted: readonly string[] = RED_FLAG_SUBSETS[subset];
  return (request.documentation?.redFlags ?? []).filter((f) => wanted.includes(f));
}

/** The red flags of a subset the record shows: [] when its list names none of them; unknown when it states nothing. Words about other regions than `regions` do not count. */
export function redFlags(request: Request, subset: RedFlagSubset = 'any', regions: readonly Region[] = []): Fact<readonly string[]> {
  const wanted: readonly string[] = RED_FLAG_SUBSETS[subset];
  const stated = request.documentation?.redFlags;
  if (stated !== undefined)
    return known(
      stated.filter((f) => wanted.includes(f)),
      [`documentation.redFlags = [${stated.join(', ')}]`],
    );
  const words = redFlagsInWords(request, regions).filter((w) => wanted.includes(w.flag));
  return words.length > 0
    ? known(
        words.map((w) => w.flag),
        words.map((w) => `${w.evidence} (${w.flag})`),
      )
    : unknown(['documentation.redFlags not stated']);
}
