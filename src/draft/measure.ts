// Measures `precheck draft` against the hand-encoded real-letter cases: each letter's case
// summary is drafted (services from its disputed items, via parse-letter; never from the
// rationales) and compared, field by field, with the case a person encoded from the same
// letter; then both requests are decided and their outcomes compared with the letter's.
//
// Matching rule (per letter, as multisets): a drafted item matches a hand-encoded item of the
// same section when their keys are equal, each item matching at most once:
//   symptoms      kind + result (positive unless stated)
//   exam          finding + result
//   studies       type, and region when both give one
//   treatments    kind
//   medications   the drug's generic name (from the drug dictionary), else the first word
//   documentation each stated value: patient.workStatus, each documentation flag, each
//                 opioidMonitoring flag, and redFlags as a set
// Precision = matched / drafted, recall = matched / hand-encoded, summed over letters.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkRequest } from '../api.js';
import { loadCases } from '../cases/load.js';
import { loadJson } from '../request/load.js';
import { validateRequest } from '../request/validate.js';
import type { Request } from '../request/schema.js';
import { rulePack } from '../rules/pack.js';
import { draftRequest } from './draft.js';
import { drugOfWord } from './medications.js';
import { draftVocabulary } from './vocab.js';

export const SECTIONS = ['symptoms', 'exam', 'studies', 'treatments', 'medications', 'documentation'] as const;
export type Section = (typeof SECTIONS)[number];

export interface SectionScore {
  drafted: number;
  hand: number;
  matched: number;
  precision: number;
  recall: number;
}
export interface Measurement {
  letters: number;
  sections: Record<Section, SectionScore>;
  endToEnd: {
    items: number;
    draftAgrees: number;
    handAgrees: number;
    servicesOnlyAgrees: number;
    alwaysUpheld: number;
    draftInvalid: number;
  };
}

type Item = Record<string, unknown>;
const list = (r: Request | Record<string, unknown>, key: string): Item[] =>
  ((r as Record<string, unknown>)[key] as Item[] | undefined) ?? [];

function medicationKey(name: string): string {
  for (const word of name.split(/[^A-Za-z-]+/)) {
    const drug = word.length >= 4 ? drugOfWord(draftVocabulary(), word) : undefined;
    if (drug) return drug.generic;
  }
  return name.toLowerCase().split(/\s+/)[0] ?? '';
}

/** A value as part of a key: scalars as String() writes them, an object as its JSON (never "[object Object]"). */
function keyText(value: unknown): string {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function documentationKeys(r: Record<string, unknown>): string[] {
  const out: string[] = [];
  const patient = (r.patient ?? {}) as Item;
  if (patient.workStatus) out.push(`workStatus=${keyText(patient.workStatus)}`);
  const doc = (r.documentation ?? {}) as Item;
  for (const [k, value] of Object.entries(doc)) {
    if (k === 'notes' || k === 'extensions') continue;
    if (k === 'redFlags') out.push(`redFlags=${[...(value as string[])].sort().join(',')}`);
    else if (k === 'opioidMonitoring')
      for (const [m, b] of Object.entries(value as Item)) {
        if (m !== 'extensions') out.push(`opioidMonitoring.${m}=${keyText(b)}`);
      }
    else out.push(`${k}=${keyText(value)}`);
  }
  return out;
}

/** Keys of one section of a request, for the matching rule above. */
export function sectionKeys(r: Record<string, unknown>, section: Section): string[] {
  switch (section) {
    case 'symptoms':
      return list(r, 'symptoms').map((s) => `${keyText(s.kind)}|${keyText(s.result ?? 'positive')}`);
    case 'exam':
      return list(r, 'exam').map((e) => `${keyText(e.finding)}|${keyText(e.result ?? 'positive')}`);
    case 'studies':
      return list(r, 'studies').map((s) => `${keyText(s.type)}|${keyText(s.region ?? '')}`);
    case 'treatments':
      return list(r, 'treatments').map((t) => keyText(t.kind));
    case 'medications':
      return list(r, 'medications').map((m) => medicationKey(keyText(m.name)));
    case 'documentation':
      return documentationKeys(r);
  }
}

/** Pairs of matched items between two key lists (multisets); a study's empty region matches any region. */
export function matchPairs(drafted: string[], hand: string[], section: Section): Array<[number, number]> {
  const used = new Set<number>();
  const pairs: Array<[number, number]> = [];
  drafted.forEach((d, di) => {
    let i = hand.findIndex((h, hi) => !used.has(hi) && h === d);
    if (i < 0 && section === 'studies') {
      const [type, region] = d.split('|');
      i = hand.findIndex((h, hi) => {
        const [t, r] = h.split('|');
        return !used.has(hi) && t === type && (r === '' || region === '');
      });
    }
    if (i >= 0) {
      used.add(i);
      pairs.push([di, i]);
    }
  });
  return pairs;
}

export function matchCount(drafted: string[], hand: string[], section: Section): number {
  return matchPairs(drafted, hand, section).length;
}

/** What one section's matching missed in one letter: hand items not drafted, drafted items not in the hand encoding. */
export interface SectionErrors {
  letter: string;
  missed: string[];
  extra: string[];
}

const sectionItems = (r: Record<string, unknown>, section: Section): unknown[] =>
  section === 'documentation' ? documentationKeys(r) : list(r, section === 'exam' ? 'exam' : section);

const describe = (item: unknown): string => {
  if (typeof item === 'string') return item;
  const { extensions, ...rest } = item as Item;
  const quotes = ((extensions as { evidence?: Array<{ quote: string }> } | undefined)?.evidence ?? []).map((e) => e.quote);
  return `${JSON.stringify(rest)}${quotes.length > 0 ? `  ⟵ ${quotes.map((q) => JSON.stringify(q)).join(' ')}` : ''}`;
};

/** The unmatched items of a section, letter by letter (scripts/measure-draft.ts --dump). */
export function sectionErrors(casesDir: string, lettersDir: string, section: Section): SectionErrors[] {
  const letters = new Set(readdirSync(lettersDir));
  const out: SectionErrors[] = [];
  for (const c of loadCases([casesDir]).cases) {
    const file = `${c.request.id}.txt`;
    if (!letters.has(file)) continue;
    const draft = draftRequest(readFileSync(join(lettersDir, file), 'utf8'), { servicesFrom: 'letter' }).request;
    const hand = c.request as unknown as Record<string, unknown>;
    const d = sectionKeys(draft, section);
    const h = sectionKeys(hand, section);
    const pairs = matchPairs(d, h, section);
    const dItems = sectionItems(draft, section);
    const hItems = sectionItems(hand, section);
    const missed = hItems.filter((_, i) => !pairs.some(([, hi]) => hi === i)).map(describe);
    const extra = dItems.filter((_, i) => !pairs.some(([di]) => di === i)).map(describe);
    if (missed.length + extra.length > 0) out.push({ letter: c.request.id, missed, extra });
  }
  return out;
}

/** One disputed item where draft-then-check and the encoded request disagree about the letter's outcome. */
export interface ItemDisagreement {
  letter: string;
  service: string;
  label: string;
  expected: string;
  hand: string;
  draft: string;
  /** Criteria whose status differs between the two requests: `id: hand → draft  (draft evidence)`. */
  criteria: string[];
}

/** The items whose outcome draft-then-check and the encoded request do not both get right (scripts/measure-draft.ts --items). */
export function itemDisagreements(casesDir: string, lettersDir: string): ItemDisagreement[] {
  const pack = rulePack();
  const letters = new Set(readdirSync(lettersDir));
  const out: ItemDisagreement[] = [];
  for (const c of loadCases([casesDir]).cases) {
    const file = `${c.request.id}.txt`;
    if (!letters.has(file)) continue;
    const draft = draftRequest(readFileSync(join(lettersDir, file), 'utf8'), { servicesFrom: 'letter' });
    const handResult = checkRequest(c.request, { pack });
    let draftResult: ReturnType<typeof checkRequest> | undefined;
    try {
      draftResult = checkRequest(validateRequest(loadJson(JSON.stringify(draft.request), file)), { pack });
    } catch {
      /* an invalid draft disagrees on every item */
    }
    const draftServices = ((draft.request.services as Item[]) ?? []).filter((s) => s.requested !== false);
    c.expected.forEach((exp, i) => {
      const h = handResult.services.find((s) => s.id === exp.service);
      const id = draftServices[i]?.id;
      const d = draftResult?.services.find((s) => s.id === id);
      if (h?.prediction === exp.outcome && d?.prediction === exp.outcome) return;
      const criteria: string[] = [];
      const ids = new Set([...(h?.criteria ?? []), ...(d?.criteria ?? [])].map((x) => x.id));
      for (const cid of ids) {
        const hc = h?.criteria.find((x) => x.id === cid);
        const dc = d?.criteria.find((x) => x.id === cid);
        if (hc?.status === dc?.status) continue;
        criteria.push(
          `${cid}: ${hc?.status ?? '-'} → ${dc?.status ?? '-'}${dc && dc.evidence.length > 0 ? `  (${dc.evidence.join('; ')})` : ''}`,
        );
      }
      out.push({
        letter: c.request.id,
        service: exp.service,
        label: `${h?.label ?? '?'} | drafted: ${d?.label ?? 'none'} [${d?.topics.join(',') ?? ''} vs ${h?.topics.join(',') ?? ''}]`,
        expected: exp.outcome,
        hand: h?.prediction ?? 'none',
        draft: d?.prediction ?? 'none',
        criteria,
      });
    });
  }
  return out;
}

export function measureDrafts(casesDir: string, lettersDir: string): Measurement {
  const pack = rulePack();
  const loaded = loadCases([casesDir]);
  const totals = Object.fromEntries(SECTIONS.map((s) => [s, { drafted: 0, hand: 0, matched: 0 }])) as Record<
    Section,
    { drafted: number; hand: number; matched: number }
  >;
  const letters = new Set(readdirSync(lettersDir));
  const e2e = { items: 0, draftAgrees: 0, handAgrees: 0, servicesOnlyAgrees: 0, alwaysUpheld: 0, draftInvalid: 0 };
  let count = 0;
  for (const c of loaded.cases) {
    const file = `${c.request.id}.txt`;
    if (!letters.has(file)) continue;
    count++;
    const draft = draftRequest(readFileSync(join(lettersDir, file), 'utf8'), { servicesFrom: 'letter' });
    for (const section of SECTIONS) {
      const d = sectionKeys(draft.request, section);
      const h = sectionKeys(c.request, section);
      totals[section].drafted += d.length;
      totals[section].hand += h.length;
      totals[section].matched += matchCount(d, h, section);
    }
    const handResult = checkRequest(c.request, { pack });
    let drafted: Request | undefined;
    try {
      drafted = validateRequest(loadJson(JSON.stringify(draft.request), file));
    } catch {
      e2e.draftInvalid++;
    }
    const draftResult = drafted ? checkRequest(drafted, { pack }) : undefined;
    const draftServices = ((draft.request.services as Item[]) ?? []).filter((s) => s.requested !== false);
    // the same services with no clinical facts at all: what drafting adds over an empty record
    const bare = {
      format: draft.request.format,
      id: draft.request.id,
      decisionDate: draft.request.decisionDate,
      services: draft.request.services,
    };
    let bareResult: ReturnType<typeof checkRequest> | undefined;
    try {
      bareResult = checkRequest(validateRequest(loadJson(JSON.stringify(bare), file)), { pack });
    } catch {
      /* counted as disagreeing */
    }
    c.expected.forEach((exp, i) => {
      e2e.items++;
      if (handResult.services.find((s) => s.id === exp.service)?.prediction === exp.outcome) e2e.handAgrees++;
      const id = draftServices[i]?.id;
      if (draftResult && id !== undefined && draftResult.services.find((s) => s.id === id)?.prediction === exp.outcome) e2e.draftAgrees++;
      if (bareResult && id !== undefined && bareResult.services.find((s) => s.id === id)?.prediction === exp.outcome)
        e2e.servicesOnlyAgrees++;
      if (exp.outcome === 'upheld') e2e.alwaysUpheld++;
    });
  }
  const sections = Object.fromEntries(
    SECTIONS.map((s) => {
      const t = totals[s];
      return [s, { ...t, precision: t.drafted === 0 ? 0 : t.matched / t.drafted, recall: t.hand === 0 ? 0 : t.matched / t.hand }];
    }),
  ) as Record<Section, SectionScore>;
  return { letters: count, sections, endToEnd: e2e };
}
