// PDF → text, through unpdf (a zero-dependency, serverless build of Mozilla's PDF.js): the
// text items of each page are put back into lines by their position, top to bottom and left
// to right, the way pdftotext's reading order gives them, so the letter parser sees the same
// text from a PDF as from a converted .txt.
import { extractTextItems } from 'unpdf';

/** A PDF starts with "%PDF-" (some writers put a few bytes of junk first). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
  hasEOL: boolean;
}

/** Items of one page → lines: grouped by baseline, sorted by x, spaces where the gap is a word gap. */
export function itemsToLines(items: readonly TextItem[]): string[] {
  const words = items.filter((it) => it.str.trim() !== '');
  const lines: { y: number; size: number; items: TextItem[] }[] = [];
  for (const it of [...words].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const size = it.fontSize || it.height || 10;
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(1.5, 0.35 * Math.min(size, l.size)));
    if (line) line.items.push(it);
    else lines.push({ y: it.y, size, items: [it] });
  }
  lines.sort((a, b) => b.y - a.y);
  const out: string[] = [];
  let previous: { y: number; size: number } | undefined;
  for (const line of lines) {
    // a gap of more than ~1.8 lines is a paragraph break
    if (previous && previous.y - line.y > 1.8 * Math.max(previous.size, line.size) * 1.15) out.push('');
    const sorted = line.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const it of sorted) {
      const gap = it.x - end;
      const size = it.fontSize || it.height || 10;
      if (text !== '' && gap > 0.15 * size && !text.endsWith(' ') && !it.str.startsWith(' ')) text += ' ';
      text += it.str;
      end = it.x + it.width;
    }
    out.push(text.replace(/\s+$/, ''));
    previous = line;
  }
  return out;
}

/** The text of a PDF, page after page. Throws when the bytes are not a readable PDF. */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  // PDF.js takes ownership of the buffer it is given: pass a copy
  const { items } = await extractTextItems(new Uint8Array(bytes));
  return items.map((page) => itemsToLines(page as TextItem[]).join('\n')).join('\n\n');
}
