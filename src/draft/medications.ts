// Medications the patient takes: a drug the project's drug dictionary (src/facts/drugs.ts)
// knows, with strength, directions and quantity from the words after it.
import type { Medication } from '../request/schema.js';
import { drugClassOfName, drugsNamed } from '../facts/drugs.js';
import { assertionOf } from './assertion.js';
import { withEvidence, type DraftContext } from './context.js';
import type { Sentence } from './source.js';
import { directionsIn, quantityIn, strengthIn } from './values.js';

const WORD = /(?<![A-Za-z])[A-Za-z][A-Za-z-]{3,24}(?![A-Za-z])/g;
const NOT_DRUGS = /^(medication|medications|compound|compounded|cream|creams|patch|patches|topical|gel|tablet|tablets)$/i;

/** The generic a word names, or the word when it names an opioid or corticosteroid only. */
export function drugOfWord(word: string): { generic: string; drugClass?: string } | undefined {
  if (NOT_DRUGS.test(word)) return undefined;
  const named = drugsNamed(word.toLowerCase());
  const cls = drugClassOfName(word);
  if (named.length > 0) return { generic: named[0]!.generic, ...(cls ? { drugClass: cls } : {}) };
  if (cls === 'opioid' || cls === 'oral-corticosteroid') return { generic: word.toLowerCase(), drugClass: cls };
  return undefined;
}

export function medicationsIn(ctx: DraftContext, s: Sentence): Medication[] {
  const { v, source } = ctx;
  const out: Medication[] = [];
  const words = [...s.text.matchAll(WORD)];
  words.forEach((w, i) => {
    const drug = drugOfWord(w[0]);
    if (!drug) return;
    const start = s.start + w.index;
    const end = start + w[0].length;
    const a = assertionOf(v, s, start, end);
    if (a.negated || a.uncertain) return;
    // the words up to the next drug name describe this one
    let until = s.end;
    for (const next of words.slice(i + 1))
      if (drugOfWord(next[0])) {
        until = s.start + next.index;
        break;
      }
    const tail = source.text.slice(end, Math.min(until, end + 80));
    const strength = strengthIn(tail, end);
    const quantity = quantityIn(tail, end);
    const directions = directionsIn(tail, end);
    const item: Medication = { name: w[0] };
    if (strength) item.strength = strength.value;
    if (quantity) item.quantity = quantity.value;
    if (drug.drugClass) item.drugClass = drug.drugClass as Medication['drugClass'];
    if (drug.drugClass === 'opioid') item.opioid = true;
    if (drug.drugClass === 'topical') item.route = 'topical';
    if (directions) item.text = directions.value;
    out.push(withEvidence(item, source, [{ start, end }, strength, quantity, directions]));
  });
  return out;
}

export function mergeMedications(list: Medication[]): Medication[] {
  const out = new Map<string, Medication>();
  for (const m of list) {
    const key = drugOfWord(m.name)?.generic ?? m.name.toLowerCase();
    const have = out.get(key);
    if (!have) {
      out.set(key, m);
      continue;
    }
    have.strength ??= m.strength;
    have.quantity ??= m.quantity;
    have.text ??= m.text;
  }
  return [...out.values()];
}
