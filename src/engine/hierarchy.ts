// California's strength-of-evidence hierarchy and guideline editions, applied once for every
// topic: among the sources a topic cites, the guideline is the highest tier (MTUS, then ODG,
// then others) whose edition is in force on the decision date.
import { TIERS, type Catalog, type Citation } from '../guidelines/catalog.js';
import type { CompiledTopic } from '../rules/pack.js';

export type EditionCheck = { ok: true; notices: string[] } | { ok: false; reason: string };

const tierRank = (catalog: Catalog, source: string): number => TIERS.indexOf(catalog.tier(source));

const choiceMemo = new WeakMap<Catalog, Map<string, Citation | null>>();
/** Criteria's citation lists are fixed arrays: memoized by the array, then by date (no key to build). */
const listMemo = new WeakMap<readonly string[], Map<string, Citation | null>>();

/** The first reference, by tier and then by the rule's own order, whose source is in force. */
export function chooseCitation(catalog: Catalog, refs: readonly string[], date: string, fixedList = false): Citation | undefined {
  let memo: Map<string, Citation | null> | undefined;
  let key = date;
  if (fixedList) {
    memo = listMemo.get(refs);
    if (!memo) { memo = new Map(); listMemo.set(refs, memo); }
  } else {
    memo = choiceMemo.get(catalog);
    if (!memo) { memo = new Map(); choiceMemo.set(catalog, memo); }
    key = `${date}|${refs.join('|')}`;
  }
  const hit = memo.get(key);
  if (hit !== undefined) return hit ?? undefined;
  // shared between results, so frozen: a caller cannot change another result's citation
  const found = chooseCitationUncached(catalog, refs, date);
  const choice = found ? Object.freeze(found) : undefined;
  if (memo.size > 100_000) memo.clear();
  memo.set(key, choice ?? null);
  return choice;
}

function chooseCitationUncached(catalog: Catalog, refs: readonly string[], date: string): Citation | undefined {
  const candidates = refs
    .map((ref, order) => ({ ref, order, citation: catalog.resolve(ref) }))
    .filter((c) => c.citation && catalog.editionInForce(c.citation.source, date));
  candidates.sort((a, b) => tierRank(catalog, a.citation!.source) - tierRank(catalog, b.citation!.source) || a.order - b.order);
  const best = candidates[0];
  if (!best) return undefined;
  const edition = catalog.editionInForce(best.citation!.source, date)!;
  const { ref, ...rest } = catalog.resolve(best.ref, edition.id)!;
  return { ...rest, edition: edition.id, ref };
}

const editionMemo = new WeakMap<CompiledTopic, Map<string, EditionCheck>>();

/** Checks the decision date against the editions a topic implements. */
export function checkEditions(catalog: Catalog, topic: CompiledTopic, refs: readonly string[], date: string): EditionCheck {
  let memo = editionMemo.get(topic);
  if (!memo) { memo = new Map(); editionMemo.set(topic, memo); }
  const key = `${date}|${refs.join('|')}`;
  let check = memo.get(key);
  if (!check) {
    check = checkEditionsUncached(catalog, topic, refs, date);
    if (memo.size > 10_000) memo.clear();
    memo.set(key, check);
  }
  return check;
}

function checkEditionsUncached(catalog: Catalog, topic: CompiledTopic, refs: readonly string[], date: string): EditionCheck {
  const citation = chooseCitation(catalog, refs, date);
  if (!citation) {
    const first = refs.map((r) => catalog.resolve(r)).find(Boolean);
    const source = first ? catalog.source(first.source) : undefined;
    const earliest = source?.editions.map((e) => e.effective).filter(Boolean).sort()[0];
    return { ok: false, reason: `decisionDate ${date} precedes ${source?.title ?? 'the guideline'}${earliest ? ` (in force from ${earliest})` : ''}, the edition these rules (${topic.id}) implement` };
  }
  const notices: string[] = [];
  const inForce = catalog.editionInForce(citation.source, date)!;
  const implemented = topic.editions.filter((e) => e.source === citation.source).map((e) => e.edition);
  if (implemented.length > 0 && !implemented.includes(inForce.id)) {
    const impl = catalog.source(citation.source)!.editions.filter((e) => implemented.includes(e.id));
    const latestImpl = impl.map((e) => e.effective ?? '').sort().at(-1) ?? '';
    if ((inForce.effective ?? '') < latestImpl) {
      return { ok: false, reason: `decisionDate ${date} falls under ${inForce.title}; these rules (${topic.id}) implement ${impl.map((e) => e.title).join(', ')}` };
    }
    notices.push(`On ${date} the ${citation.source} edition in force is "${inForce.title}"; these rules implement ${impl.map((e) => `"${e.title}"`).join(', ')}, so this prediction applies the earlier text.`);
  }
  const superseded = catalog.source(citation.source)!.editions.find((e) => e.id === inForce.id && e.supersededOn && e.supersededOn <= date);
  if (superseded) {
    notices.push(`The ${citation.source} ${superseded.id} text these rules encode was superseded on ${superseded.supersededOn}${superseded.supersededBy ? ` by ${superseded.supersededBy}` : ''}; for a ${date} decision the prediction is indicative.`);
  }
  return { ok: true, notices };
}

/** "MTUS does not address X; ODG … applies", when the chosen guideline is not an MTUS source. */
export function silenceNotice(catalog: Catalog, topic: CompiledTopic, citation: Citation): string | undefined {
  if (catalog.tier(citation.source) === 'mtus') return undefined;
  const title = catalog.source(citation.source)?.title ?? citation.source;
  const where = [citation.section, citation.topic].filter(Boolean).join(', ');
  const why = topic.spec.mtusSilent ? ` (${topic.spec.mtusSilent})` : '';
  return `MTUS does not address ${topic.spec.question}${why}; ${title}${where ? `, ${where}` : ''} applies.`;
}
