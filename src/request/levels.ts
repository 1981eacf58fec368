// Spinal level parsing. A level expression is a motion segment ("L4-5", "L5-S1"), a range of
// segments ("L3-S1" = L3-4, L4-5, L5-S1), a single vertebra or root ("L5"), or a list of these.
// Everything is normalized to canonical names: "L4-5", "L5-S1", "C7-T1", "T12-L1", "L5".

export const VERTEBRAE: readonly string[] = [...range('C', 2, 7), ...range('T', 1, 12), ...range('L', 1, 5), 'S1'];

/** Nerve roots and dermatomes the request may name. */
export const ROOTS: readonly string[] = [...range('C', 2, 8), ...range('T', 1, 12), ...range('L', 1, 5), ...range('S', 1, 2)];

const VERTEBRA_INDEX = new Map(VERTEBRAE.map((v, i) => [v, i] as const));

function range(prefix: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(`${prefix}${n}`);
  return out;
}

export type LevelParse = { ok: true; levels: string[] } | { ok: false; message: string };

export const LEVEL_FORMS = 'a motion segment C2-3 … L5-S1 (e.g. "L4-5"), a range ("L3-S1"), a single level ("L5"), or a list of these';

const TOKEN = /^([CTLS])(\d{1,2})(?:\s*[-–/]\s*([CTLS])?(\d{1,2}))?$/;

/** Canonical name of the segment between two adjacent vertebrae: L4+L5 → "L4-5", L5+S1 → "L5-S1". */
export function segmentName(upper: string, lower: string): string {
  return upper[0] === lower[0] ? `${upper}-${lower.slice(1)}` : `${upper}-${lower}`;
}

/** Parses one token ("L3-S1", "L4-L5", "l5") into canonical levels. */
export function parseLevelToken(raw: string): LevelParse {
  const text = raw.trim();
  const m = TOKEN.exec(text.toUpperCase());
  if (!m) return { ok: false, message: `"${raw}" is not a spinal level` };
  const [, region1, num1, region2, num2] = m as unknown as [string, string, string, string | undefined, string | undefined];
  const first = `${region1}${Number(num1)}`;
  if (num2 === undefined) {
    if (VERTEBRA_INDEX.has(first) || ROOTS.includes(first)) return { ok: true, levels: [first] };
    return { ok: false, message: `"${raw}": ${first} is not a spinal level` };
  }
  const second = `${region2 ?? region1}${Number(num2)}`;
  const i = VERTEBRA_INDEX.get(first);
  const j = VERTEBRA_INDEX.get(second);
  if (i === undefined) return { ok: false, message: `"${raw}": ${first} is not a vertebra of a spinal motion segment` };
  if (j === undefined) return { ok: false, message: `"${raw}": ${second} is not a vertebra of a spinal motion segment` };
  if (j <= i) return { ok: false, message: `"${raw}": the lower vertebra ${second} must come below ${first}` };
  const levels: string[] = [];
  for (let k = i; k < j; k++) levels.push(segmentName(VERTEBRAE[k]!, VERTEBRAE[k + 1]!));
  return { ok: true, levels };
}

/** Parses a level expression in any accepted form; commas inside a string separate items. */
export function parseLevels(value: string | readonly string[]): LevelParse {
  // split on commas, then on a word "and" (tokens are trimmed when parsed): `\s*,\s*` would
  // rescan a run of spaces from each of its positions, quadratic time on a long value
  const tokens = typeof value === 'string' ? value.split(',').flatMap((part) => part.split(/(?<=\s)and(?=\s)/)) : value;
  const levels: string[] = [];
  for (const token of tokens) {
    if (token.trim() === '') continue;
    const parsed = parseLevelToken(token);
    if (!parsed.ok) return parsed;
    for (const level of parsed.levels) if (!levels.includes(level)) levels.push(level);
  }
  if (levels.length === 0) return { ok: false, message: 'no level given' };
  return { ok: true, levels };
}

/** The two vertebrae bounding a canonical segment, or the vertebra itself. */
export function segmentVertebrae(level: string): string[] {
  const m = /^([CTLS]\d{1,2})(?:-([CTLS])?(\d{1,2}))?$/.exec(level);
  if (!m) return [];
  if (m[3] === undefined) return [m[1]!];
  return [m[1]!, `${m[2] ?? m[1]![0]}${m[3]}`];
}

/** Spine region of a level or root: "cervical" | "thoracic" | "lumbar" (sacral counts as lumbar). */
export function spineRegionOf(level: string): 'cervical' | 'thoracic' | 'lumbar' {
  const head = segmentVertebrae(level)[0] ?? level;
  if (head.startsWith('C')) return 'cervical';
  if (head.startsWith('T')) return 'thoracic';
  return 'lumbar';
}

/**
 * Whether an imaging level can explain symptoms in a given nerve root. A root is compressed
 * either where it traverses the disc above its own vertebra (L4-5 disc → L5 root) or where it
 * exits through its foramen (L5-S1 foramen → L5 root in the lumbar spine, C5-6 → C6 in the neck),
 * so both adjacent segments count. A single-vertebra level matches its own root.
 */
export function levelConsistentWithRoot(level: string, root: string): boolean {
  const bounds = segmentVertebrae(level);
  if (bounds.length === 1) return bounds[0] === root;
  return bounds.includes(root) || (root === 'C8' && bounds.includes('T1'));
}
