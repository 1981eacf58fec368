// Which guideline editions the rule pack encodes, and what that means for a decision date:
// the one "edition status" line every result headline, the web page banner and the README show.
import type { RulePack } from '../rules/pack.js';

export interface EncodedEdition {
  source: string;
  edition: string;
  title: string;
  effective?: string;
  supersededOn?: string;
}

export interface EditionStatus {
  editions: EncodedEdition[];
  /** The first day on which an encoded MTUS text has been replaced (null if none has). */
  encodedUntil: string | null;
  /** One sentence for a banner, without a decision date. */
  summary: string;
}

const memo = new WeakMap<RulePack, EditionStatus>();

export function editionStatus(pack: RulePack): EditionStatus {
  const done = memo.get(pack);
  if (done) return done;
  const seen = new Map<string, EncodedEdition>();
  for (const topic of pack.topics) {
    for (const e of topic.editions) {
      const key = `${e.source}@${e.edition}`;
      if (seen.has(key)) continue;
      const edition = pack.catalog.source(e.source)?.editions.find((x) => x.id === e.edition);
      if (!edition) continue;
      seen.set(key, {
        source: e.source,
        edition: e.edition,
        title: edition.title,
        effective: edition.effective,
        supersededOn: edition.supersededOn,
      });
    }
  }
  const editions = [...seen.values()].sort(
    (a, b) => a.source.localeCompare(b.source) || (a.effective ?? '').localeCompare(b.effective ?? ''),
  );
  // a source's encoded text runs out when its latest encoded edition is superseded
  const latest = new Map<string, EncodedEdition>();
  for (const e of editions) latest.set(e.source, e);
  const ends = [...latest.values()]
    .map((e) => e.supersededOn)
    .filter((d): d is string => d !== undefined)
    .sort();
  const encodedUntil = ends[0] ?? null;
  const bySource = new Map<string, string[]>();
  for (const e of editions) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e.edition]);
  const names = [...bySource].map(([source, ids]) => `${source} ${ids.join(' and ')}`).join('; ');
  const summary = encodedUntil
    ? `The rule pack encodes the guideline editions in force before ${encodedUntil} (${names}); it does not encode the MTUS update of ${encodedUntil}.`
    : `The rule pack encodes these guideline editions: ${names}.`;
  const status = { editions, encodedUntil, summary };
  memo.set(pack, status);
  return status;
}

/** The headline notice of a result decided at `decisionDate`. */
export function editionNotice(pack: RulePack, decisionDate: string): string {
  const status = editionStatus(pack);
  if (status.encodedUntil && decisionDate >= status.encodedUntil) {
    return `Edition status: ${status.summary} For this decision date (${decisionDate}) the prediction applies those earlier editions and is indicative only.`;
  }
  return `Edition status: ${status.summary}`;
}
