// The guideline context of a decision, resolved in one place for the decision and its
// explanation: which of a topic's references apply to the service on the decision date, whether
// the editions the topic implements are in force, the guideline the decision rests on
// (California's hierarchy: MTUS, then ODG where MTUS is silent, then others — 8 CCR 9792.21,
// 9792.25) and the citation each criterion shows. Structured data only: the sentences that
// describe it are written by the explanation step (src/engine/explain.ts).
import { TIERS, type Catalog, type Citation, type SourceId } from './catalog.js';
import type { CompiledCriterion, CompiledTopic } from '../rules/pack.js';
import { TRUE, type FactReader } from '../rules/evaluate.js';

type EditionRef = { source: string; edition: string };

/** Why a topic's rules cannot decide on the date. */
export type EditionProblem =
  /** The date precedes every edition of the guideline the topic cites. */
  | { kind: 'precedes'; topic: string; sourceTitle?: string; earliest?: string }
  /** A later edition than the topic implements is in force. */
  | { kind: 'later-edition'; topic: string; inForceTitle: string; implementedTitles: string[] };

/** What a decision under a topic's rules should say about editions. */
export type EditionNote =
  /** The edition in force is older than the one implemented: the rules apply the earlier text. */
  | { kind: 'earlier-text'; source: SourceId; inForceTitle: string; implementedTitles: string[] }
  /** The text the rules encode was superseded on or before the date. */
  | { kind: 'superseded'; source: SourceId; edition: string; supersededOn: string; supersededBy?: string };

export type EditionCheck = { ok: true; notes: EditionNote[] } | { ok: false; problem: EditionProblem };

export interface TopicContext {
  topic: CompiledTopic;
  /** The topic's guideline references that apply to the service on the date. */
  refs: readonly string[];
  editions: EditionCheck;
}

export interface GuidelineContext {
  date: string;
  /** Every topic asked about, in order. */
  topics: TopicContext[];
  /** The topics whose editions are in force on the date (their criteria decide). */
  inForce: TopicContext[];
  /** The guideline the decision rests on: the highest tier among the in-force topics' references. */
  guideline?: Citation;
  /** The in-force topic that cites the guideline (the first in-force topic if none names it). */
  guidelineTopic?: CompiledTopic;
  /** The highest-tier reference of every topic asked about, editions of the rules aside. */
  citedGuideline?: Citation;
}

/**
 * Resolves guideline contexts for one service on one date; each topic is resolved once (its
 * references may depend on the service's facts through `guideline[].when`).
 */
export class GuidelineResolver {
  private readonly byTopic = new Map<CompiledTopic, TopicContext>();

  constructor(
    readonly catalog: Catalog,
    readonly date: string,
    private readonly read: FactReader,
  ) {}

  topic(topic: CompiledTopic): TopicContext {
    let ctx = this.byTopic.get(topic);
    if (!ctx) {
      const refs = guidelineRefsFor(topic, this.read, this.catalog, this.date);
      ctx = { topic, refs, editions: checkEditions(this.catalog, topic, refs, this.date) };
      this.byTopic.set(topic, ctx);
    }
    return ctx;
  }

  context(topics: readonly CompiledTopic[]): GuidelineContext {
    const all = topics.map((t) => this.topic(t));
    const inForce = all.filter((t) => t.editions.ok);
    const ctx: GuidelineContext = { date: this.date, topics: all, inForce };
    const guideline = chooseCitation(
      this.catalog,
      inForce.flatMap((t) => t.refs),
      this.date,
    );
    if (guideline) {
      ctx.guideline = guideline;
      ctx.guidelineTopic = (inForce.find((t) => t.refs.includes(guideline.ref)) ?? inForce[0]!).topic;
    }
    const cited = chooseCitation(
      this.catalog,
      all.flatMap((t) => t.refs),
      this.date,
    );
    if (cited) ctx.citedGuideline = cited;
    return ctx;
  }

  /** Whether a criterion's own editions (if it names any) are in force. */
  criterionInForce(criterion: CompiledCriterion): boolean {
    return editionsInForce(this.catalog, criterion.editions, this.date);
  }

  /** The citation a criterion shows: its highest-tier reference in force, else its first. */
  criterionCitation(criterion: CompiledCriterion): Citation {
    return chooseCitation(this.catalog, criterion.citations, this.date, true) ?? this.catalog.resolve(criterion.citations[0]!)!;
  }
}

/** Whether one of the editions is in force on the date (no list: always). */
export function editionsInForce(catalog: Catalog, editions: readonly EditionRef[] | undefined, date: string): boolean {
  return !editions || editions.some((e) => catalog.editionInForce(e.source, date)?.id === e.edition);
}

/** The topic's guideline references that apply to a service on a date (entries whose `when` and editions hold). */
export function guidelineRefsFor(topic: CompiledTopic, read: FactReader, catalog: Catalog, date: string): string[] {
  return topic.guideline
    .filter((g) => (!g.when || g.when.evaluate(read) === TRUE) && editionsInForce(catalog, g.editions, date))
    .map((g) => g.ref);
}

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
    if (!memo) {
      memo = new Map();
      listMemo.set(refs, memo);
    }
  } else {
    memo = choiceMemo.get(catalog);
    if (!memo) {
      memo = new Map();
      choiceMemo.set(catalog, memo);
    }
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
  if (!memo) {
    memo = new Map();
    editionMemo.set(topic, memo);
  }
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
    const earliest = source?.editions
      .map((e) => e.effective)
      .filter(Boolean)
      .sort()[0];
    return {
      ok: false,
      problem: { kind: 'precedes', topic: topic.id, ...(source ? { sourceTitle: source.title } : {}), ...(earliest ? { earliest } : {}) },
    };
  }
  const notes: EditionNote[] = [];
  const inForce = catalog.editionInForce(citation.source, date)!;
  const implemented = topic.editions.filter((e) => e.source === citation.source).map((e) => e.edition);
  if (implemented.length > 0 && !implemented.includes(inForce.id)) {
    const impl = catalog.source(citation.source)!.editions.filter((e) => implemented.includes(e.id));
    const implementedTitles = impl.map((e) => e.title);
    const latestImpl =
      impl
        .map((e) => e.effective ?? '')
        .sort()
        .at(-1) ?? '';
    if ((inForce.effective ?? '') < latestImpl) {
      return { ok: false, problem: { kind: 'later-edition', topic: topic.id, inForceTitle: inForce.title, implementedTitles } };
    }
    notes.push({ kind: 'earlier-text', source: citation.source, inForceTitle: inForce.title, implementedTitles });
  }
  const superseded = catalog.source(citation.source)!.editions.find((e) => e.id === inForce.id && e.supersededOn && e.supersededOn <= date);
  if (superseded) {
    notes.push({
      kind: 'superseded',
      source: citation.source,
      edition: superseded.id,
      supersededOn: superseded.supersededOn!,
      ...(superseded.supersededBy ? { supersededBy: superseded.supersededBy } : {}),
    });
  }
  return { ok: true, notes };
}
