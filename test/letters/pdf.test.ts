import { describe, expect, it } from 'vitest';
import { isPdf, itemsToLines, pdfToText } from '../../src/letters/pdf.js';
import { parseLetterText } from '../../src/letters/parse.js';
import { LETTER_2016 } from './fixtures.js';
import { makePdf } from './make-pdf.js';

describe('pdfToText', () => {
  it('reads the lines of a text PDF back, across pages', async () => {
    const text = await pdfToText(makePdf(['Case Number:', 'first (line)', 'second line'], 2));
    expect(text.split('\n').filter((l) => l !== '')).toEqual(['Case Number:', 'first (line)', 'second line']);
  });

  it('gives a letter the parser reads as it reads the .txt', async () => {
    const lines = LETTER_2016.split('\n').filter((l) => l !== '');
    const fromPdf = parseLetterText(await pdfToText(makePdf(lines, 40)));
    const fromText = parseLetterText(LETTER_2016);
    expect(fromPdf.header).toEqual(fromText.header);
    expect(fromPdf.items.map((i) => [i.label, i.outcome, i.maximusGuideline])).toEqual(
      fromText.items.map((i) => [i.label, i.outcome, i.maximusGuideline]),
    );
  });

  it('tells PDFs apart and rejects a broken one', async () => {
    expect(isPdf(makePdf(['x']))).toBe(true);
    expect(isPdf(new TextEncoder().encode('Case Number:'))).toBe(false);
    await expect(pdfToText(new TextEncoder().encode('%PDF-1.4\nbroken'))).rejects.toThrow();
  });
});

describe('itemsToLines', () => {
  const item = (str: string, x: number, y: number, width: number) => ({ str, x, y, width, height: 10, fontSize: 10, hasEOL: false });
  it('joins the items of a row left to right, with spaces at word gaps', () => {
    expect(
      itemsToLines([
        item('Date:', 100, 700, 25),
        item('Case', 10, 700.5, 20),
        item('01/04/2017', 130, 700, 50),
        item('below', 10, 688, 25),
      ]),
    ).toEqual(['Case Date: 01/04/2017', 'below']);
  });
});
