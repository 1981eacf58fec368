// The expert reviewer's citation line ("MAXIMUS guideline: Decision based on …") → one
// citation per guideline cited, each mapped to a source id as test/cases/README.md lays down:
//
//   MTUS Chronic Pain Medical Treatment … (Page(s) or Section(s))      → MTUS-CPMTG, section
//   MTUS ACOEM Chapter N …, MTUS <Body part> Complaints 2004/2007     → MTUS-ACOEM, chapter + topic
//   MTUS General Approaches 2004                                       → MTUS-ACOEM, General Approaches + topic
//   MTUS Postsurgical Treatment 2009                                   → MTUS-PSTG, section
//   MTUS Acupuncture Treatment 2007                                    → MTUS-AMTG
//   MTUS Opioid Treatment 2016, Section(s): 3.3.9 …                    → MTUS-OTG, section
//   Non-MTUS … Official Disability Guidelines (ODG) Chapter, Topic     → ODG, section + topic
//   Non-MTUS … DHCS / Medi-Cal transportation criteria                 → DHCS
//   any other Non-MTUS source                                          → OTHER, as printed
//
// and, when the citation catalog (guidelines/*.yaml) has an entry of that source whose pages
// or section/topic match, its `SOURCE#section` reference.
import type { Catalog, SourceId } from '../guidelines/catalog.js';
import { oneLine } from './text.js';

export interface LetterCitation {
  /** The citation as printed (one guideline of the line). */
  text: string;
  source: SourceId;
  section?: string;
  topic?: string;
  pages?: string;
  /** The year printed after the guideline's title ("2016" in "Chronic Pain Medical Treatment 2016"). */
  edition?: string;
  /** The catalog entry it matches, e.g. `MTUS-CPMTG#esi`. */
  ref?: string;
}

interface MtusTitle {
  re: RegExp;
  source: SourceId;
  /** The ACOEM chapter the title names (MTUS-ACOEM only). */
  chapter?: string;
}

/** MTUS guideline titles as letters print them, after "MTUS ". Order matters: first match wins. */
const MTUS_TITLES: readonly MtusTitle[] = [
  { re: /Chronic Pain (?:Medical )?Treatment(?: Guidelines)?/i, source: 'MTUS-CPMTG' },
  { re: /Post-?\s?surgical (?:Medical )?Treatment(?: Guidelines)?/i, source: 'MTUS-PSTG' },
  { re: /Acupuncture (?:Medical )?Treatment(?: Guidelines)?/i, source: 'MTUS-AMTG' },
  { re: /Opioids? Treatment(?: Guidelines)?/i, source: 'MTUS-OTG' },
  { re: /Neck and Upper Back Complaints/i, source: 'MTUS-ACOEM', chapter: 'Chapter 8 Neck and Upper Back Complaints' },
  { re: /Shoulder Complaints/i, source: 'MTUS-ACOEM', chapter: 'Chapter 9 Shoulder Complaints' },
  { re: /Elbow (?:Complaints|Disorders)/i, source: 'MTUS-ACOEM', chapter: 'Chapter 10 Elbow Complaints' },
  { re: /Forearm, Wrist,? and Hand Complaints/i, source: 'MTUS-ACOEM', chapter: 'Chapter 11 Forearm, Wrist, and Hand Complaints' },
  { re: /Low Back Complaints/i, source: 'MTUS-ACOEM', chapter: 'Chapter 12 Low Back Complaints' },
  { re: /Knee Complaints/i, source: 'MTUS-ACOEM', chapter: 'Chapter 13 Knee Complaints' },
  { re: /Ankle and Foot Complaints/i, source: 'MTUS-ACOEM', chapter: 'Chapter 14 Ankle and Foot Complaints' },
  { re: /Stress[- ]Related Conditions/i, source: 'MTUS-ACOEM', chapter: 'Chapter 15 Stress-Related Conditions' },
  { re: /Eye(?: Complaints)?(?= \d{4}|,|$)/i, source: 'MTUS-ACOEM', chapter: 'Chapter 16 Eye' },
  { re: /General Approaches/i, source: 'MTUS-ACOEM', chapter: 'General Approaches' },
  {
    re: /ACOEM(?: Practice Guidelines)?(?:,? 2nd Edition(?: \(2004\))?)?(?:,? Chapter \d+(?: [A-Z][A-Za-z,'& -]*?(?= Page| \d{4}|,|$))?)?/i,
    source: 'MTUS-ACOEM',
  },
];

const TITLE_ALTERNATION = MTUS_TITLES.map((t) => t.re.source).join('|');
/** ", and <MTUS title>" joins two MTUS guidelines in one "Decision based on MTUS …" sentence. */
const MTUS_JOIN = new RegExp(`,?\\s+and\\s+(?=(?:MTUS\\s+)?(?:${TITLE_ALTERNATION}))`, 'gi');

const NO_CITATION = /did not cite any (?:medical )?evidence/i;
const PREAMBLES = [
  /The Expert Reviewer did not base (?:their|his|her|its) decision on the MTUS\.?/gi,
  /The Expert Reviewer based (?:their|his|her|its) decision on recommendation\(s\) outside of the MTUS(?: Guidelines)?\.?/gi,
];
const NON_MTUS_PREFIX = /^(?:Non-?\s?MTUS(?: Citation)?|Other Medical Treatment Guidelines?)\s*:?\s*/i;

/** Pages as printed, tidied: "s 98 and 99" → "98, 99"; "412-418." → "412-418". */
export function tidyPages(pages: string): string {
  return pages
    .replace(/^\s*(?:s\.?\s+|pp?\.?\s*|pg\.?\s*|pages?\s+)/i, '')
    .replace(/\s+and\s+/gi, ', ')
    .replace(/[\s.;,]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const trimEnd = (s: string): string =>
  s
    .replace(/[\s.;,:]+$/, '')
    .replace(/^[\s.;,:]+/, '')
    .trim();

/** One MTUS citation (without the leading "MTUS"), e.g. "Low Back Complaints 2004, Section(s): Special Studies". */
function mtusCitation(text: string, printed: string): LetterCitation {
  const title = MTUS_TITLES.map((t) => ({ t, m: new RegExp(`^(?:${t.re.source})`, 'i').exec(text) })).find((x) => x.m);
  if (!title) return { text: printed, source: 'MTUS-ACOEM', ...sectionAndPages(text) };
  let rest = text.slice(title.m![0].length);
  const out: LetterCitation = { text: printed, source: title.t.source };
  const year = /^\s*((?:19|20)\d{2})\b(?:\s+Guidelines)?/.exec(rest);
  if (year) {
    out.edition = year[1]!;
    rest = rest.slice(year[0].length);
  }
  const { section, pages } = sectionAndPages(rest);
  if (title.t.source === 'MTUS-ACOEM') {
    const chapter = title.t.chapter ?? /Chapter \d+.*/i.exec(title.m![0])?.[0]?.trim();
    if (chapter) out.section = chapter;
    if (section) out.topic = section;
  } else if (section) out.section = section;
  if (pages) out.pages = pages;
  return out;
}

/** "…, Section(s): X" or " X Page(s): N" or " Page(s): N" after a title. */
function sectionAndPages(rest: string): { section?: string; pages?: string } {
  const out: { section?: string; pages?: string } = {};
  let text = rest;
  const pages = /\s*,?\s*Page\(?s?\)?\s*:?\s*(.+)$/i.exec(text);
  if (pages) {
    out.pages = tidyPages(pages[1]!);
    text = text.slice(0, pages.index);
  }
  const section = /Section\(?s?\)?\s*:\s*(.+)$/i.exec(text);
  const name = trimEnd(section ? section[1]! : text);
  if (name !== '') out.section = name;
  if (out.pages === '') delete out.pages;
  return out;
}

const ODG = /Official Disability Guidelines?(?:\s*\(ODG\))?|\bODG\b(?:\s+guidelines?)?/i;

/** ODG chapter names (the start of a chapter as letters print it). */
const ODG_CHAPTER =
  /^(?:low(?:er)? back|neck|shoulder|elbow|forearm|wrist|hand|hips?\b|knee|ankle|foot|pain\b|head\b|carpal tunnel|fitness for duty|mental|preface|integrated|burns|chest|eye|hernia|pulmonary|stress|traumatic brain|treatment in)/i;
/** Chapters whose names hold commas of their own. */
const ODG_COMMA_CHAPTER = /^(Forearm,\s*Wrist,?\s*(?:and|&)\s*Hand(?:\s*\([^()]*\))?)\s*(?:chapter|section)?\s*[,/]?\s*/i;

/** Splits at the first comma or slash outside parentheses. */
function splitOutsideParens(text: string): [string, string] | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if ((c === ',' || c === '/') && depth === 0) return [text.slice(0, i), text.slice(i + 1)];
  }
  return undefined;
}

/** "Low Back - Lumbar & Thoracic (Acute & Chronic), MRIs (…)" → chapter and topic. */
function odgChapterTopic(text: string): { section?: string; topic?: string; pages?: string } {
  let rest = text;
  const out: { section?: string; topic?: string; pages?: string } = {};
  const pages = /,?\s*(?:pages?|pp?\.|pg\.?)\s*(\d[\d\s,–-]*)\.?\s*$/i.exec(rest);
  if (pages) {
    out.pages = tidyPages(pages[1]!);
    rest = rest.slice(0, pages.index);
  }
  rest = trimEnd(rest.replace(/^\s*[,:-]\s*/, ''));
  let chapter = rest;
  let topic = '';
  const comma = ODG_COMMA_CHAPTER.exec(rest);
  const split = comma ? ([comma[1]!, rest.slice(comma[0].length)] as [string, string]) : splitOutsideParens(rest);
  if (split) [chapter, topic] = split;
  else {
    // "Low Back (Shock wave therapy)": a parenthesis that is not "(Acute & Chronic)" holds the topic;
    // "Head (trauma, …) Hearing aids": the topic follows the chapter's parenthesis
    const paren = /^([^()]+?)\s*\((?!.*\b(?:acute|chronic|lumbar|thoracic)\b)(.+)\)$/i.exec(rest);
    const after = /^([^()]+\([^()]*\))\s+([A-Za-z].*)$/.exec(rest);
    if (paren) {
      chapter = paren[1]!;
      topic = paren[2]!;
    } else if (after) {
      chapter = after[1]!;
      topic = after[2]!;
    }
  }
  chapter = trimEnd(chapter.replace(/\b(?:chapter|section)\s*$/i, ''));
  topic = trimEnd(topic.replace(/\s*\btopic\s*$/i, ''));
  if (/\bchapter$/i.test(topic)) [chapter, topic] = [topic.replace(/\s*\bchapter$/i, ''), chapter];
  else if (topic !== '' && !ODG_CHAPTER.test(chapter) && ODG_CHAPTER.test(topic)) [chapter, topic] = [topic, chapter];
  else if (topic === '' && !ODG_CHAPTER.test(chapter)) [chapter, topic] = ['', chapter];
  if (chapter !== '') out.section = chapter;
  if (topic !== '') out.topic = topic;
  return out;
}

/** One Non-MTUS citation (without the "Non-MTUS Citation" prefix). */
function nonMtusCitation(text: string, printed: string): LetterCitation {
  if (ODG.test(text)) {
    const m = ODG.exec(text)!;
    const before = trimEnd(text.slice(0, m.index));
    const after = text.slice(m.index + m[0].length);
    // "Shoulder (Acute & Chronic), Physical Therapy, ODG Preface": the chapter comes first
    const body = before !== '' ? `${before}${after.trim() ? `, ${trimEnd(after)}` : ''}` : after;
    return { text: printed, source: 'ODG', ...odgChapterTopic(body) };
  }
  if (/\bDHCS\b|dhcs\.ca\.gov|Department of Health Care Services|Medi-?Cal/i.test(text)) {
    const section =
      /Criteria for Medical Transportation/i.test(text) || /MedTrans/i.test(text) ? 'Criteria for Medical Transportation' : trimEnd(text);
    return { text: printed, source: 'DHCS', section };
  }
  const out: LetterCitation = { text: printed, source: 'OTHER' };
  let rest = text;
  const pages = /,?\s*(?:pages?|pp?\.|pg\.?)\s*(\d[\d\s,–-]*)\.?\s*$/i.exec(rest);
  if (pages) {
    out.pages = tidyPages(pages[1]!);
    rest = rest.slice(0, pages.index);
  }
  const section = trimEnd(rest.replace(/\s*https?:\/\/\S+.*$/i, ''));
  if (section !== '') out.section = section;
  return out;
}

/** Splits "Decision based on A. Decision based on B" and the joins inside each into citation texts. */
export function citationTexts(line: string): { mtus: boolean; text: string }[] {
  let text = oneLine(line);
  for (const re of PREAMBLES) text = text.replace(re, ' ');
  const out: { mtus: boolean; text: string }[] = [];
  for (const chunk of text
    .split(/Decision based on\s+/i)
    .map(trimEnd)
    .filter((c) => c !== '')) {
    if (NO_CITATION.test(chunk)) continue;
    if (NON_MTUS_PREFIX.test(chunk)) {
      const body = chunk.replace(NON_MTUS_PREFIX, '');
      for (const part of body.split(/\s+and\s+Other Medical Treatment Guidelines?\s*:?\s+/i)) {
        if (trimEnd(part) !== '') out.push({ mtus: false, text: trimEnd(part) });
      }
    } else if (/^MTUS\b/i.test(chunk)) {
      for (const part of chunk.replace(/^MTUS\s*:?\s*/i, '').split(MTUS_JOIN)) {
        const cleaned = trimEnd(part.replace(/^MTUS\s+/i, ''));
        if (cleaned !== '') out.push({ mtus: true, text: cleaned });
      }
    } else {
      out.push({ mtus: false, text: chunk });
    }
  }
  return out;
}

/** One citation text → source, section, topic, pages (and the catalog ref when one matches). */
export function mapCitation(part: { mtus: boolean; text: string }, catalog?: Catalog): LetterCitation {
  const printed = part.mtus ? `MTUS ${part.text}` : `Non-MTUS: ${part.text}`;
  const citation = part.mtus ? mtusCitation(part.text, printed) : nonMtusCitation(part.text, printed);
  if (catalog) {
    const ref = catalogRef(citation, catalog);
    if (ref) citation.ref = ref;
  }
  return citation;
}

/** Every citation on a MAXIMUS guideline line, in order; [] when the reviewer cited no evidence. */
export function parseGuidelineLine(line: string, catalog?: Catalog): LetterCitation[] {
  return citationTexts(line).map((p) => mapCitation(p, catalog));
}

// ---------------------------------------------------------------------------------------------
// Catalog matching

/** Page numbers in "300, 308-310" → {300, 308, 309, 310}. */
export function pageNumbers(pages: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const m of (pages ?? '').matchAll(/(\d+)\s*[-–]\s*(\d+)|(\d+)/g)) {
    if (m[3] !== undefined) out.add(Number(m[3]));
    else for (let p = Number(m[1]); p <= Number(m[2]) && p - Number(m[1]) < 200; p++) out.add(p);
  }
  return out;
}

/** Lower case, words only, plurals folded ("Epidural steroid injections (ESIs)" → "epidural steroid injection esi"). */
const norm = (s: string | undefined): string =>
  (s ?? '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9.]+/g, ' ')
    .replace(/\b([a-z]{3,})s\b/g, '$1')
    .trim();
const leadingNumber = (s: string): string | undefined => /^(\d+(?:\.\d+)*)\.?\s/.exec(s)?.[1];

/** How well two names agree: 3 equal, 2 one starts with the other, 0 otherwise (numbered sections by number). */
function nameScore(cited: string | undefined, entry: string | undefined): number {
  const a = norm(cited);
  const b = norm(entry);
  if (a === '' || b === '') return 0;
  const na = leadingNumber(a);
  const nb = leadingNumber(b);
  if (na !== undefined && nb !== undefined) return na === nb ? 3 : 0;
  if (a === b) return 3;
  if (a.startsWith(b) || b.startsWith(a)) return 2;
  return 0;
}

/** A chapter's first two words without filler ("Low Back Complaints - Thoracic or Lumbar" → "low back"). */
const chapterKey = (s: string | undefined): string =>
  norm(s)
    .replace(/\b(complaints|chapter|section|the|and|lower)\b/g, (w) => (w === 'lower' ? 'low' : ' '))
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .join(' ');

function chapterScore(cited: string | undefined, entry: string | undefined): number {
  const score = nameScore(cited, entry);
  if (score > 0) return score;
  const a = chapterKey(cited);
  return a !== '' && a === chapterKey(entry) ? 2 : 0;
}

/** The first topic of a list ("Special Studies, Summary" → "Special Studies"). */
const firstTopic = (topic: string | undefined): string | undefined => topic?.split(/[,;]/)[0];

/**
 * The catalog entry the citation names: the same source, and its pages overlapping (best by
 * Jaccard overlap) or its section/topic agreeing. An ambiguous best match gives no reference.
 */
export function catalogRef(c: LetterCitation, catalog: Catalog): string | undefined {
  const source = catalog.source(c.source);
  if (!source) return undefined;
  const entries = Object.entries(source.sections);
  if (c.section === undefined && c.topic === undefined && c.pages === undefined) {
    return entries.length === 1 ? `${source.id}#${entries[0]![0]}` : undefined;
  }
  const cited = pageNumbers(c.pages);
  const scored = entries
    .map(([key, e]) => {
      let score = 0;
      const pages = pageNumbers(e.pages);
      if (cited.size > 0 && pages.size > 0) {
        const shared = [...cited].filter((p) => pages.has(p)).length;
        if (shared > 0) score += 4 * (shared / new Set([...cited, ...pages]).size);
      }
      const isChapterSource = c.source === 'MTUS-ACOEM' || c.source === 'ODG';
      if (isChapterSource) {
        const chapter = chapterScore(c.section, e.section);
        const topic = nameScore(firstTopic(c.topic), e.topic) || nameScore(firstTopic(c.topic), firstTopic(e.topic));
        if (cited.size > 0) score += chapter > 0 ? 0.5 : 0;
        else if (chapter > 0 && topic > 0) score += chapter + topic;
        else if (chapter > 0 && c.topic === undefined && entries.filter(([, x]) => chapterScore(c.section, x.section) > 0).length === 1)
          score += chapter;
      } else if (cited.size === 0) {
        score += nameScore(c.section, e.section);
      }
      return { key, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best || (scored[1] && scored[1].score === best.score)) return undefined;
  return `${source.id}#${best.key}`;
}
