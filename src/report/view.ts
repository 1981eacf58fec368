// What every report format shows, derived once from a result so the text, Markdown and any
// other renderer show the same content: verdict words, failing criteria first, advice.
import type { RequestResult, ServiceResult, CriterionResult, Prediction } from '../engine/result.js';

export const VERDICT: Record<Prediction, string> = {
  upheld: 'UPHELD — denial would stand (not medically necessary)',
  overturned: 'OVERTURNED — medically necessary',
  'not-covered': 'NOT COVERED — no rule applies; no prediction',
};

export const STATUS_WORD: Record<CriterionResult['status'], string> = {
  met: 'met',
  unmet: 'unmet',
  'not-documented': 'not documented',
  'not-stated': 'not stated (presumed, not met)',
};

export interface ServiceView {
  result: ServiceResult;
  failing: CriterionResult[];
  met: CriterionResult[];
  /** Not stated but presumed: shown as advice, not as a failure. */
  presumed: CriterionResult[];
  /** "To overturn, document …" items, or the reason no documentation can. */
  advice: { kind: 'document'; items: string[] } | { kind: 'not-recommended'; reason: string } | { kind: 'none' };
}

export function viewService(result: ServiceResult): ServiceView {
  const failing = result.criteria.filter((c) => c.status === 'unmet' || c.status === 'not-documented');
  const met = result.criteria.filter((c) => c.status === 'met');
  const presumed = result.criteria.filter((c) => c.status === 'not-stated');
  const advice: ServiceView['advice'] = result.notRecommended
    ? { kind: 'not-recommended', reason: result.notRecommended }
    : result.toOverturn.length > 0
      ? { kind: 'document', items: result.toOverturn }
      : { kind: 'none' };
  return { result, failing, met, presumed, advice };
}

export function summaryCounts(result: RequestResult): Record<Prediction, number> {
  const counts: Record<Prediction, number> = { upheld: 0, overturned: 0, 'not-covered': 0 };
  for (const s of result.services) counts[s.prediction]++;
  return counts;
}

/** "file", "file line 3" or "file document 2": where a result came from, when the CLI recorded it. */
export function sourceLabel(result: RequestResult): string | undefined {
  const source = (result as { source?: { file: string; line?: number; document?: number } }).source;
  if (!source) return undefined;
  return `${source.file}${source.line !== undefined ? ` line ${source.line}` : source.document !== undefined ? ` document ${source.document}` : ''}`;
}
