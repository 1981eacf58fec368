// The words that point to a nerve (vocab/nerve-words.yaml), one vocabulary for the questions that
// read them: neuropathic pain and CRPS (pain-conditions.ts), radiculopathy (radiculopathy.ts), the
// electrodiagnostic ones (electrodiagnostics.ts) and the conditions an imaging request names
// (imaging.ts). Each composes the lists its question needs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { anyPhrase, phraseList } from './record-terms.js';

const VOCAB_FILE = join(fileURLToPath(new URL('../../', import.meta.url)), 'vocab', 'nerve-words.yaml');

const vocabSchema = z.strictObject({
  symptoms: z.strictObject({
    radiating: phraseList.min(1),
    radicular: phraseList.min(1),
    sensory: phraseList.min(1),
    neuropathicPain: phraseList.min(1),
    motor: phraseList.min(1),
    limbPain: phraseList.min(1),
  }),
  diagnoses: z.strictObject({
    radicular: phraseList.min(1),
    neuritis: phraseList.min(1),
    plexus: phraseList.min(1),
    entrapment: phraseList.min(1),
    neuropathy: phraseList.min(1),
    neuropathyRisk: phraseList.min(1),
    centralNeurologic: phraseList.min(1),
    crps: phraseList.min(1),
    neuropathicPain: phraseList.min(1),
  }),
});
export type NerveVocabulary = z.infer<typeof vocabSchema>;
/** A list of the vocabulary: `symptoms.radiating`, `diagnoses.entrapment`, … */
export type NerveWordList = {
  [S in keyof NerveVocabulary]: `${S & string}.${keyof NerveVocabulary[S] & string}`;
}[keyof NerveVocabulary];

/** The lists that name a neuropathic pain condition, of a root or any other nerve: every neuropathic-pain question reads them. */
export const NEUROPATHIC_DIAGNOSES = [
  'diagnoses.radicular',
  'diagnoses.neuritis',
  'diagnoses.plexus',
  'diagnoses.entrapment',
  'diagnoses.neuropathy',
  'diagnoses.crps',
  'diagnoses.neuropathicPain',
] as const satisfies readonly NerveWordList[];

/** Parses and validates the vocabulary; throws with the file and path of the first problem. */
export function parseNerveVocabulary(text: string, file = VOCAB_FILE): NerveVocabulary {
  const parsed = vocabSchema.safeParse(parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

let vocabulary: NerveVocabulary | undefined;

/**
 * One matcher for the words of the named lists (lower-cased text, non-global: safe for `test`).
 * Read once per list set, when a fact module loads.
 */
export function nerveWords(...lists: readonly NerveWordList[]): RegExp {
  vocabulary ??= parseNerveVocabulary(readFileSync(VOCAB_FILE, 'utf8'));
  const v = vocabulary;
  return anyPhrase(
    lists.flatMap((list) => {
      const [section, name] = list.split('.') as [keyof NerveVocabulary, string];
      return (v[section] as Record<string, string[]>)[name]!;
    }),
  );
}
