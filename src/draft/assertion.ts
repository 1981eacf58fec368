// NegEx-style assertion of a mention: negated ("denies numbness", "SLR was negative"),
// uncertain ("rule out", "possible", "?"), or history ("status post", "previously"). A `pre`
// trigger reaches forward, a `post` trigger backward, each up to a terminator ("but",
// "however", ";") and at most MAX_SCOPE_WORDS words away.
import type { Clause, Sentence } from './source.js';
import { clauses } from './source.js';
import type { CompiledVocabulary, PhraseMatch, PhraseSet } from './vocab.js';

export const MAX_SCOPE_WORDS = 6;

export interface Assertion {
  negated: boolean;
  uncertain: boolean;
  history: boolean;
  /** The trigger that decided negation or uncertainty, when one did. */
  trigger?: PhraseMatch;
}

const words = (s: string): number => (s.match(/[A-Za-z0-9]+/g) ?? []).length;

/** A trigger of `set` before [start, end) in the sentence, in scope. */
function before(
  set: PhraseSet,
  v: CompiledVocabulary,
  sentence: Sentence,
  start: number,
  maxWords = MAX_SCOPE_WORDS,
): PhraseMatch | undefined {
  const head = sentence.text.slice(0, start - sentence.start);
  const triggers = set.find(head, sentence.start);
  for (let i = triggers.length - 1; i >= 0; i--) {
    const t = triggers[i]!;
    const between = sentence.text.slice(t.end - sentence.start, start - sentence.start);
    if (v.terminators.has(between) || /[.;:]/.test(between)) return undefined;
    if (words(between) <= maxWords) return t;
    return undefined;
  }
  return undefined;
}

/** A trigger of `set` after [start, end) within the same clause. */
function after(set: PhraseSet, v: CompiledVocabulary, clause: Clause | undefined, end: number): PhraseMatch | undefined {
  if (!clause) return undefined;
  const tail = clause.text.slice(end - clause.start);
  const t = set.find(tail, end)[0];
  if (!t) return undefined;
  const between = clause.text.slice(end - clause.start, t.start - clause.start);
  if (v.terminators.has(between) || words(between) > MAX_SCOPE_WORDS) return undefined;
  return t;
}

export function clauseAt(sentence: Sentence, offset: number): Clause | undefined {
  return clauses(sentence).find((c) => offset >= c.start && offset < c.end);
}

/** The assertion of the mention [start, end) of a sentence. */
export function assertionOf(v: CompiledVocabulary, sentence: Sentence, start: number, end: number): Assertion {
  const clause = clauseAt(sentence, start);
  const negPre = before(v.negatedPre, v, sentence, start);
  const negPost = negPre ? undefined : after(v.negatedPost, v, clause, end);
  const unc =
    before(v.uncertain, v, sentence, start, 10) ??
    (sentence.text.slice(end - sentence.start, end - sentence.start + 3).includes('?')
      ? { key: 'yes', start: end, end: end + 1, text: '?' }
      : undefined);
  const hist = before(v.history, v, sentence, start, 10);
  const trigger = negPre ?? negPost ?? unc;
  return { negated: Boolean(negPre ?? negPost), uncertain: Boolean(unc), history: Boolean(hist), ...(trigger ? { trigger } : {}) };
}
