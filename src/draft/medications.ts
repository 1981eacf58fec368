// Medications the patient takes: a drug the project's drug dictionary (src/facts/drugs.ts)
// knows, with strength, directions and quantity from the words after it.
import type { Medication } from '../request/schema.js';
import { drugClassOfName, drugsNamed } from '../facts/drugs.js';
import { assertionOf } from './assertion.js';
import { withEvidence, type DraftContext } from './context.js';
import type { Sentence } from './source.js';
import { directionsIn, quantityIn, strengthIn } from './values.js';
import type { CompiledVocabulary } from './vocab.js';

const WORD = /(?<![A-Za-z])[A-Za-z][A-Za-z-]{3,24}(?![A-Za-z])/g;

const INJECTED_AFTER = /^(?:\/[A-Za-z-]{1,25})?\s(?:injections?|shots?|infusions?|trigger point)\b/i;
const INJECTED_BEFORE =
  /\b(?:injected with|injection of|injections of|infusion of)\s(?:(?:\d{1,3}(?:\.\d{1,2})?\s?(?:cc|ml|mg)\s)?(?:of\s)?)$/i;

/** The generic a word names, or the word when it names an opioid or corticosteroid only (never a word of vocab notDrugs). */
export function drugOfWord(v: CompiledVocabulary, word: string): { generic: string; drugClass?: string } | undefined {
  if (v.notDrugs.is(word)) return undefined;
  const lower = word.toLowerCase();
  // the word must begin with the drug's name ("cialis" is no drug in "specialist")
  const named = drugsNamed(lower).filter((d) => lower.search(d.pattern) === 0);
  if (named.length === 0 && drugsNamed(lower).length > 0) return undefined;
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
    const drug = drugOfWord(v, w[0]);
    if (!drug) return;
    const start = s.start + w.index;
    const end = start + w[0].length;
    const a = assertionOf(v, s, start, end);
    if (a.negated || a.uncertain) return;
    // "oxycodone/acetaminophen": one combination product, named by its first drug
    if (i > 0 && s.text.slice(words[i - 1]!.index + words[i - 1]![0].length, w.index) === '/' && drugOfWord(v, words[i - 1]![0])) return;
    // "a Toradol injection", "injected with lidocaine/dexamethasone": what an injection contained
    if (
      INJECTED_AFTER.test(source.text.slice(end, Math.min(s.end, end + 40))) ||
      INJECTED_BEFORE.test(source.text.slice(Math.max(s.start, start - 40), start))
    )
      return;
    // the words up to the next drug name describe this one
    let until = s.end;
    for (const next of words.slice(i + 1))
      if (drugOfWord(v, next[0])) {
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
  // "Current medications include Tramadol ER, Metoprolol and Hydrochlorothiazide": the ones the rules do not read too
  for (const m of v.otherMedications.find(s.text, s.start)) {
    const a = assertionOf(v, s, m.start, m.end);
    if (a.negated || a.uncertain) continue;
    const tail = source.text.slice(m.end, Math.min(s.end, m.end + 30));
    const strength = strengthIn(tail, m.end);
    const item: Medication = { name: m.text, drugClass: 'other' };
    if (strength) item.strength = strength.value;
    out.push(withEvidence(item, source, [m, strength]));
  }
  return out;
}

export function mergeMedications(v: CompiledVocabulary, list: Medication[]): Medication[] {
  const out = new Map<string, Medication>();
  for (const m of list) {
    const key = drugOfWord(v, m.name)?.generic ?? m.name.toLowerCase();
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
