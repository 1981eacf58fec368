// A letter's text → its header, clinical summary and disputed items, each item with its
// citations mapped to sources (and catalog references), its guessed kind, and whether it is
// associated with (or decided by) a primary procedure.
import type { Catalog } from '../guidelines/catalog.js';
import { normalizeText } from './text.js';
import { clinicalSummary, isImrLetter, itemsSection, parseHeader, type LetterHeader } from './sections.js';
import { splitItems, type LetterItem } from './items.js';
import { parseGuidelineLine, type LetterCitation } from './citations.js';
import { associationOf, guessKind, type Association, type KindGuess } from './kinds.js';

export interface ParsedItem extends LetterItem {
  citations: LetterCitation[];
  guess: KindGuess;
  association: Association;
}

export interface ParsedLetter {
  header: LetterHeader;
  summary: string;
  items: ParsedItem[];
}

/** The text is not an IMR Final Determination letter, or no decided item could be found in it. */
export class NotALetterError extends Error {}

export function parseLetterText(raw: string, catalog?: Catalog): ParsedLetter {
  const text = normalizeText(raw);
  if (!isImrLetter(text)) {
    throw new NotALetterError(
      'not an IMR Final Determination letter (no "IMR ISSUES, DECISIONS AND RATIONALES" section with a decision rationale)',
    );
  }
  const items = splitItems(itemsSection(text));
  if (items.length === 0) throw new NotALetterError('no disputed item with an outcome ("…: Upheld" / "…: Overturned") found in the letter');
  return {
    header: parseHeader(text),
    summary: clinicalSummary(text),
    items: items.map((item) => {
      const guess = guessKind(item.label);
      return {
        ...item,
        citations: parseGuidelineLine(item.maximusGuideline, catalog),
        guess,
        association: associationOf(item.label, item.rationale, guess.kind),
      };
    }),
  };
}
