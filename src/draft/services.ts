// The requested services: from an IMR letter's disputed items (parse-letter), or from the
// lines of an RFA's requested-treatment table; each keeps the line it came from.
import { guessKind, PRIMARY_KINDS, serviceIdBase } from '../letters/kinds.js';

const PARTS = new Set(['fluoroscopic-guidance', 'iv-sedation', 'anesthesia', 'additional-level']);
import { buildCaseSkeleton, serviceOf } from '../letters/skeleton.js';
import type { ParsedLetter } from '../letters/parse.js';
import type { Evidence, SourceText } from './source.js';
import { regionsIn, sidesIn } from './values.js';
import type { CompiledVocabulary } from './vocab.js';

export type DraftService = Record<string, unknown> & { id: string; kind: string };

/** Where a label is written in the text (its words, whatever white space the lines put between them). */
function labelSpan(source: SourceText, label: string, from: number): { start: number; end: number } | undefined {
  const words = label
    .split(/\s+/)
    .filter((w) => w !== '')
    .slice(0, 40)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  if (words.length === 0) return undefined;
  const re = new RegExp(words.join('\\s+'), 'g');
  re.lastIndex = from;
  const m = re.exec(source.text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/** Services of a letter's disputed items, as parse-letter builds them (associated items linked), each with its heading's words. */
export function servicesFromLetter(letter: ParsedLetter, source: SourceText, itemsStart: number, v?: CompiledVocabulary): DraftService[] {
  let from = itemsStart;
  return buildCaseSkeleton(letter).request.services.map((s, i) => {
    const span = typeof s.label === 'string' ? labelSpan(source, s.label, from) : undefined;
    if (span) from = span.end;
    const evidence = span ? [source.evidence(span.start, span.end)] : [];
    const service: DraftService = { ...s, extensions: { evidence } };
    if (v && span && REGIONAL_KINDS.has(s.kind) && s.region === undefined && s.regions === undefined)
      regionOfHeading(v, source, span, letter.items[i]?.originalRequest, service, evidence);
    return service;
  });
}

// kinds whose rules read the service's region
const REGIONAL_KINDS = new Set(['surgery', 'injection', 'imaging', 'electrodiagnostics', 'durable-medical-equipment']);

/**
 * "with open carpal tunnel release" (the disputed part of "Open reduction internal fixation on
 * left distal radius fracture with open carpal tunnel release"): the region the heading names
 * in the draft's own words ("carpal" → wrist), and the side its original request names, when
 * parse-letter's guess found none. Only one region and one side: a heading naming two is left alone.
 */
function regionOfHeading(
  v: CompiledVocabulary,
  source: SourceText,
  span: { start: number; end: number },
  originalRequest: string | undefined,
  service: DraftService,
  evidence: Evidence[],
): void {
  const regions = regionsIn(v, source.text.slice(span.start, span.end), span.start);
  if (new Set(regions.map((r) => r.value)).size !== 1) return;
  service.region = regions[0]!.value;
  evidence.push(source.evidence(regions[0]!.start, regions[0]!.end));
  if (service.side !== undefined) return;
  const at = originalRequest ? source.text.indexOf(originalRequest) : -1;
  const sides = at < 0 ? [] : sidesIn(originalRequest!, at);
  if (new Set(sides.map((x) => x.value)).size !== 1) return;
  service.side = sides[0]!.value;
  evidence.push(source.evidence(sides[0]!.start, sides[0]!.end));
}

const VISIT_KINDS = new Set(['physical-therapy', 'occupational-therapy', 'chiropractic', 'acupuncture', 'massage', 'work-hardening']);

/**
 * Visits the claims administrator already authorized: an item decided "in part" names its
 * original request ("Physical therapy 2 times 6"); what it asked beyond the disputed part was
 * authorized. A fact of the letter's item heading, not of the reviewer's rationale.
 */
export function authorizedVisits(letter: ParsedLetter, source: SourceText): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const item of letter.items) {
    if (!item.originalRequest || !VISIT_KINDS.has(item.guess.kind)) continue;
    const original = guessKind(item.originalRequest).quantity;
    const disputed = item.guess.quantity;
    if (original === undefined || disputed === undefined || original <= disputed) continue;
    const quote = source.text.includes(item.originalRequest) ? item.originalRequest : item.label;
    const at = source.text.indexOf(quote);
    if (at < 0) continue;
    out.push({
      kind: item.guess.kind,
      sessionsAuthorized: original - disputed,
      outcome: 'unknown',
      text: `authorized part of the original request "${item.originalRequest}"`,
      extensions: { evidence: [source.evidence(at, at + quote.length)] },
    });
  }
  return out;
}

const RFA_HEADING =
  /^[ \t]*(requested treatment|request for authori[sz]ation|requests?|requested services?|treatment requested|services? requested|plan|treatment plan|requested)[ \t]*:?[ \t]*$/im;
const ROW = /^[ \t]*(?:[-•*]|\d{1,2}[.)])?[ \t]*(.{3,160}?)[ \t]*$/;
const CPT = /\b\d{5}\b/;

/**
 * Services from an RFA-like table: the lines after a "Requested treatment" heading (or lines
 * holding a CPT code), up to the first blank line; a line whose kind cannot be guessed is
 * kept as kind `other`.
 */
export function servicesFromRfa(source: SourceText): DraftService[] {
  const text = source.text;
  const heading = RFA_HEADING.exec(text);
  const lines: Array<{ line: string; start: number }> = [];
  if (heading) {
    let at = heading.index + heading[0].length + 1;
    while (at < text.length) {
      const end = text.indexOf('\n', at);
      const line = text.slice(at, end < 0 ? text.length : end);
      if (line.trim() === '' && lines.length > 0) break;
      if (line.trim() !== '') lines.push({ line, start: at });
      if (end < 0) break;
      at = end + 1;
    }
  } else {
    let at = 0;
    for (const line of text.split('\n')) {
      if (CPT.test(line)) lines.push({ line, start: at });
      at += line.length + 1;
    }
  }
  const out: DraftService[] = [];
  const used = new Set<string>();
  for (const { line, start } of lines.slice(0, 30)) {
    const m = ROW.exec(line);
    if (!m) continue;
    const label = m[1]!.replace(/\s+/g, ' ').trim();
    const guess = guessKind(label);
    let id = serviceIdBase(guess);
    for (let n = 2; used.has(id); n++) id = `${serviceIdBase(guess)}-${n}`;
    used.add(id);
    const at = start + line.indexOf(m[1]!);
    const service = serviceOf(id, guess, label);
    // a level's digit ("L4-5") is not a quantity
    if (
      typeof service.quantity === 'number' &&
      new RegExp(`[CTLS]\\d{1,2}-[CTLS]?${service.quantity}\\b`).test(label) &&
      !/\b\d+\s*(x|times|sessions?|visits?|#)/i.test(label)
    )
      delete service.quantity;
    out.push({ ...service, extensions: { evidence: [source.evidence(at, at + m[1]!.length)] } });
  }
  // guidance, sedation and add-on levels go with the injection they serve
  const primary = out.find((sv) => PRIMARY_KINDS.has(sv.kind as never) && !PARTS.has(sv.kind));
  if (primary) for (const sv of out) if (PARTS.has(sv.kind)) sv.for = primary.id;
  return out;
}
