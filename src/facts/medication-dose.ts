// Doses read from what a prescription says: strength per unit, units a day from the directions
// ("1-2 tabs every 4-6 hrs", "four times a day") or from quantity over days ("#60 for 30 days"),
// and the oral morphine-equivalent dose of an opioid (MTUS-CPMTG "Opioids, dosing").
import { drugsNamed } from './drugs.js';

const FREQUENCIES: ReadonlyArray<[RegExp, number]> = [
  [/\b(?:6|six) times (?:a|per|each) day|\b(?:6|six) times daily/, 6],
  [/\b(?:5|five) times (?:a|per|each) day|\b(?:5|five) times daily/, 5],
  [/\b(?:4|four) times (?:a|per|each) day|\b(?:4|four) times daily|\bqid\b|q\.i\.d|\b4x (?:a |per )?day/, 4],
  [/\b(?:3|three) times (?:a|per|each) day|\b(?:3|three) times daily|\btid\b|t\.i\.d|\b3x (?:a |per )?day/, 3],
  [
    /\btwice (?:a|per|each) day|\btwice daily|\b(?:2|two) times (?:a|per|each) day|\b(?:2|two) times daily|\bbid\b|b\.i\.d|\b2x (?:a |per )?day/,
    2,
  ],
  [
    /\bonce (?:a|per|each) day|\bonce daily|\b(?:1|one) times? (?:a|per|each) day|\bdaily\b|\bqd\b|q\.d\.|every (?:day|night|morning)|at bedtime|\bqhs\b|\bnightly\b|\bqam\b|\bqpm\b/,
    1,
  ],
];
const EVERY_HOURS = /(?:every|\bq)\s*(\d+)(?:\s*(?:-|to)\s*(\d+))?\s*(?:hours?|hrs?|h\b)/;
const UNITS_PER_DOSE =
  /\b(\d)(?:\s*(?:-|to)\s*(\d))?\s*(?:tabs?|tablets?|caps?|capsules?|pills?)\b|\b(one|two) (?:tabs?|tablets?|caps?|capsules?|pills?|by mouth)\b/;

/** Most doses (units) a day the directions allow: "one by mouth three times a day" = 3; "1-2 tabs every 4-6 hrs" = 12. */
export function unitsPerDayInDirections(text: string): number | undefined {
  const t = text.toLowerCase();
  let perDay: number | undefined;
  const hours = EVERY_HOURS.exec(t);
  if (hours) perDay = Math.floor(24 / Math.min(Number(hours[1]), Number(hours[2] ?? hours[1])));
  else perDay = FREQUENCIES.find(([re]) => re.test(t))?.[1];
  if (perDay === undefined) return undefined;
  const dose = UNITS_PER_DOSE.exec(t);
  const units = dose ? (dose[3] ? (dose[3] === 'two' ? 2 : 1) : Math.max(Number(dose[1]), Number(dose[2] ?? dose[1]))) : 1;
  return perDay * units;
}

/** Days a supply is written for: "for 30 days", "30-day supply", "x 30 days". */
export function supplyDaysInText(text: string): number | undefined {
  const m = /(?:\bfor|\bx|×)\s*(\d+)\s*days?\b|\b(\d+)[- ]days?(?:'s?)? supply\b/.exec(text.toLowerCase());
  return m ? Number(m[1] ?? m[2]) : undefined;
}

const UNIT_WORDS = String.raw`g|gm|gms|grams?|ml|mls|milliliters?|oz|ounces?|patch(?:es)?|tubes?|jars?|bottles?|boxes|box|tabs?|tablets?|caps?|capsules?|pills?|softgels?|units?|packets?|sachets?|vials?|syringes?|pens?|doses?`;
/** "#60 grams", "#30", "qty: 2 tubes", "x 2 tubes" (the count a prescription states). */
const HASH_QUANTITY = new RegExp(
  String.raw`(?:#|\bno\.|\bqty:?|\bquantity:?|\bdispense:?|\bx)\s*(\d+(?:\.\d+)?)(?![\d.]|\s*-?\s*(?:days?|weeks?|months?|refills?)\b)(?:\s*(${UNIT_WORDS})\b)?`,
);
/** "106.32 g", "240g", "120 ml", "30 patches" (not a strength: no "/" before the number or after the unit). */
const UNIT_QUANTITY = new RegExp(String.raw`(?<![\d./])(\d+(?:\.\d+)?)\s*(${UNIT_WORDS})\b(?!\s*\/)`);

/** Canonical unit names for the quantity a request states. */
function unitName(u: string | undefined): string | undefined {
  if (!u) return undefined;
  if (/^(?:g|gm|gms|grams?)$/.test(u)) return 'g';
  if (/^(?:ml|mls|milliliters?)$/.test(u)) return 'ml';
  if (/^(?:tabs?|tablets?|pills?)$/.test(u)) return 'tablets';
  if (/^(?:caps?|capsules?|softgels?)$/.test(u)) return 'capsules';
  if (/^patch/.test(u)) return 'patches';
  return u.replace(/s$/, '').replace(/(?:ch|x)e$/, (m) => m.slice(0, -1));
}

/**
 * The quantity a medication request states in its own words, with its unit: "#60 grams" = 60 g,
 * "Ketoprofen 20% in cream base 240g" = 240 g, "106.32 g" = 106.32 g, "#30 patches" = 30 patches.
 * Strengths ("20%", "10/325 mg", "1 mg/ml") are not quantities.
 */
export function quantityWithUnit(text: string): { amount: number; unit?: string } | undefined {
  const t = text.toLowerCase();
  const hash = HASH_QUANTITY.exec(t);
  if (hash) {
    const unit = unitName(hash[2]);
    return unit !== undefined ? { amount: Number(hash[1]), unit } : { amount: Number(hash[1]) };
  }
  const m = UNIT_QUANTITY.exec(t);
  if (!m || /^units?$/.test(m[2] ?? '')) return undefined;
  return { amount: Number(m[1]), unit: unitName(m[2])! };
}

/** Strength of one unit in mg (mcg/hr for a patch): the opioid's part of a combination ("10/325 mg" = 10). */
export function strengthOfUnit(text: string): { amount: number; unit: 'mg' | 'mcg/hr' } | undefined {
  const t = text.toLowerCase();
  const patch = /(?<![\d.])(\d+(?:\.\d+)?)\s*(?:mcg|µg|ug)\s*\/\s*(?:hr|hour|h)\b/.exec(t);
  if (patch) return { amount: Number(patch[1]), unit: 'mcg/hr' };
  const mg =
    /(?<![\d.])(\d+(?:\.\d+)?)\s*(?:mg)?\s*\/\s*\d+(?:\.\d+)?\s*mg\b|(?<![\d.])(\d+(?:\.\d+)?)\s*mg\b/.exec(t) ??
    /\b(\d+(?:\.\d+)?)\s*\/\s*\d+(?:\.\d+)?\b/.exec(t);
  if (!mg) return undefined;
  return { amount: Number(mg[1] ?? mg[2]), unit: 'mg' };
}

/** Units that count doses (a quantity in grams or ml does not). */
export const COUNTED_UNITS = /^(?:tabs?|tablets?|caps?|capsules?|pills?|softgels?|doses?)$/i;

/** Methadone's factor rises with the daily dose (CPMTG dosing table). */
function methadoneFactor(mgPerDay: number): number {
  return mgPerDay <= 20 ? 4 : mgPerDay <= 40 ? 8 : mgPerDay <= 60 ? 10 : 12;
}

export interface DoseSource {
  path: string;
  name: string;
  strength?: string | undefined;
  directions: string;
  quantity?: number | undefined;
  unit?: string | undefined;
  stated?: number | undefined;
}
export interface DoseResult {
  mg?: number;
  drugs: string[];
  evidence: string;
}

/**
 * Daily oral morphine equivalent of one opioid entry: as stated, else strength × units a day ×
 * conversion factor. Units a day come from the directions, else from quantity over the days of
 * the supply; without either the dose is not computable (never assumed).
 */
export function morphineEquivalentOf(src: DoseSource): DoseResult {
  const drugs = drugsNamed(src.name).filter((d) => d.categories.includes('opioid') && !d.categories.includes('compounding-kit'));
  const generics = [...new Set(drugs.map((d) => d.generic))];
  if (src.stated !== undefined) return { mg: src.stated, drugs: generics, evidence: `${src.path}.morphineEquivalentDaily = ${src.stated}` };
  const drug = drugs[0];
  if (!drug) return { drugs: generics, evidence: `${src.path}: opioid not identified, dose not computable` };
  const strength =
    drug.unitStrengthMg !== undefined
      ? { amount: drug.unitStrengthMg, unit: 'mg' as const }
      : strengthOfUnit(`${src.strength ?? ''} ${src.name}`);
  if (!strength) return { drugs: generics, evidence: `${src.path}: strength of ${drug.generic} not stated` };
  if (strength.unit === 'mcg/hr') {
    if (drug.generic !== 'fentanyl' || drug.morphineFactor === undefined)
      return { drugs: generics, evidence: `${src.path}: no conversion for ${drug.generic} ${strength.amount} mcg/hr` };
    const mg = Math.round(strength.amount * drug.morphineFactor * 10) / 10;
    return { mg, drugs: generics, evidence: `${src.path}: fentanyl ${strength.amount} mcg/hr × ${drug.morphineFactor} = ${mg} mg MED` };
  }
  let perDay = unitsPerDayInDirections(src.directions);
  let how = perDay !== undefined ? `${perDay} a day per the directions` : '';
  if (perDay === undefined) {
    const days = supplyDaysInText(src.directions);
    const counted = src.unit === undefined || COUNTED_UNITS.test(src.unit);
    if (days !== undefined && src.quantity !== undefined && counted) {
      perDay = src.quantity / days;
      how = `${src.quantity} over ${days} days`;
    }
  }
  if (perDay === undefined)
    return { drugs: generics, evidence: `${src.path}: ${drug.generic} ${strength.amount} mg, directions not stated (dose not computable)` };
  const mgPerDay = strength.amount * perDay;
  const factor = drug.generic === 'methadone' ? methadoneFactor(mgPerDay) : drug.morphineFactor;
  if (factor === undefined) return { drugs: generics, evidence: `${src.path}: no morphine conversion for ${drug.generic}` };
  const mg = Math.round(mgPerDay * factor * 10) / 10;
  return { mg, drugs: generics, evidence: `${src.path}: ${drug.generic} ${strength.amount} mg, ${how} × ${factor} = ${mg} mg MED` };
}
