// Compares one expected item with the engine's result for that service.
import type { ServiceResult } from '../engine/result.js';
import type { Expectation } from './schema.js';

export interface ItemComparison {
  outcome: boolean;
  /** undefined when the expectation does not state it */
  dependsOn?: boolean;
  guideline?: boolean;
  criteria?: { id: string; expected: string; got: string }[];
  pass: boolean;
}

/** Page numbers in "300, 308-310" or "s 98 and 99" → {300, 308, 309, 310} / {98, 99}. */
export function pageSet(pages: string | number | undefined): Set<number> {
  const out = new Set<number>();
  if (pages === undefined) return out;
  for (const m of String(pages).matchAll(/(\d+)\s*(?:-|–|to)\s*(\d+)|(\d+)/g)) {
    if (m[3] !== undefined) out.add(Number(m[3]));
    else for (let p = Number(m[1]); p <= Number(m[2]) && p - Number(m[1]) < 200; p++) out.add(p);
  }
  return out;
}

/**
 * A letter's guideline agrees when the source is the same and, if the letter gives pages, they
 * overlap the pages the result cites for that source (its guideline or a criterion's citation).
 */
export function guidelineAgrees(expected: NonNullable<Expectation['guideline']>, got: ServiceResult): boolean {
  if (!got.guideline || got.guideline.source !== expected.source) return false;
  const wanted = pageSet(expected.pages);
  if (wanted.size === 0) return true;
  const cited = [got.guideline, ...got.criteria.map((c) => c.citation)].filter((c) => c.source === expected.source);
  return cited.some((c) => [...pageSet(c.pages)].some((p) => wanted.has(p)));
}

export function compareItem(expected: Expectation, got: ServiceResult): ItemComparison {
  const out: ItemComparison = { outcome: got.prediction === expected.outcome, pass: false };
  if (expected.dependsOn !== undefined) out.dependsOn = (expected.dependsOn ?? null) === got.dependsOn;
  if (expected.guideline) out.guideline = guidelineAgrees(expected.guideline, got);
  if (expected.criteria) {
    const diffs: { id: string; expected: string; got: string }[] = [];
    for (const [id, status] of Object.entries(expected.criteria)) {
      const found = got.criteria.find((c) => c.id === id);
      const actual = found ? found.status : 'not-applicable';
      if (actual !== status) diffs.push({ id, expected: status, got: actual });
    }
    out.criteria = diffs;
  }
  out.pass = out.outcome && out.dependsOn !== false && out.guideline !== false && (out.criteria?.length ?? 0) === 0;
  return out;
}
