// What each sentence is: a fact of the record, the plan or request, or a utilization
// review's / reviewer's conclusion (who said it: a conclusion is not a fact of the record),
// and the helpers every extractor shares to quote its evidence.
import type { Evidence, Sentence, SourceText } from './source.js';
import type { CompiledVocabulary } from './vocab.js';

export type SentenceRole = 'fact' | 'plan' | 'review';

export function sentenceRole(v: CompiledVocabulary, s: Sentence): SentenceRole {
  if (v.review.has(s.text)) return 'review';
  if (
    v.reviewer.has(s.text) &&
    /\b(guidelines?|criteria|medically necessary|MTUS|ODG|ACOEM)\b/.test(s.text) &&
    !/\b(revealed|showed|noted|reported)\b/.test(s.text)
  )
    return 'review';
  if (v.planSection.is(s.section) || v.plan.has(s.text)) return 'plan';
  return 'fact';
}

// "3.1 Opioids for Chronic Pain …", "(Airaksinen, 2006)": a guideline's section or source named in a rationale
const GUIDELINE_SECTION = /(?<![\d.])\d{1,2}\.\d{1,2}\s+[A-Z]|\([A-Z][A-Za-z]+(?: et al\.?)?,? (?:19|20)\d\d\)/;

/**
 * A sentence of a letter's decision rationale that restates the record ("As of 01/11/17 she had
 * attended five treatment sessions"), not the reviewer's reasoning: it names the patient or
 * the record (vocab `sentenceCues.recordSubject`), and has no word of a guideline, a judgement or a supposition (vocab
 * `sentenceRoles.judgement`). Quoted guideline text is excluded by the caller.
 */
export function restatesRecord(v: CompiledVocabulary, s: Sentence): boolean {
  return v.recordSubject.has(s.text) && !GUIDELINE_SECTION.test(s.text) && !v.judgement.has(s.text) && sentenceRole(v, s) === 'fact';
}

/** A plan sentence that still states what the patient takes now ("continue Norco"; vocab sentenceCues.continuation). */
export function isContinuation(v: CompiledVocabulary, s: Sentence): boolean {
  return v.continuation.has(s.text);
}

export interface DraftContext {
  v: CompiledVocabulary;
  source: SourceText;
  /** The note's own date, for relative dates ("3 weeks ago"). */
  noteDate?: string;
}

/** The `extensions` of a drafted item: where its words are. */
export function withEvidence<T extends object>(
  item: T,
  source: SourceText,
  spans: ReadonlyArray<{ start: number; end: number } | undefined>,
): T & { extensions: { evidence: Evidence[] } } {
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const span of spans) {
    if (!span || span.end <= span.start) continue;
    const key = `${span.start}:${span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    evidence.push(source.evidence(span.start, span.end));
  }
  return { ...item, extensions: { evidence } };
}
