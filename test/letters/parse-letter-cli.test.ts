import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { caseSource, runParseLetter } from '../../src/cli/commands/parse-letter.js';
import { caseSchema } from '../../src/request/schema.js';
import { LETTER_2016 } from './fixtures.js';
import { makePdf } from './make-pdf.js';

describe('precheck parse-letter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parse-letter-'));
  let stderr: string;
  beforeEach(() => {
    stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('writes a YAML case with the schema comment line', async () => {
    const letter = join(dir, 'CM16-0999999.txt');
    const out = join(dir, 'case.yaml');
    writeFileSync(letter, LETTER_2016);
    expect(await runParseLetter(letter, { format: 'yaml', out })).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../schemas/case.schema.json');
    expect(caseSchema.safeParse(parse(text)).success).toBe(true);
    expect(stderr).toContain('4 item(s), 2 upheld, 2 overturned');
  });

  it('writes JSON and reads a PDF letter', async () => {
    const letter = join(dir, 'letter.pdf');
    const out = join(dir, 'case.json');
    writeFileSync(letter, makePdf(LETTER_2016.split('\n').filter((l) => l !== '')));
    expect(await runParseLetter(letter, { format: 'json', out })).toBe(0);
    const c = JSON.parse(readFileSync(out, 'utf8'));
    expect(c.request.id).toBe('CM16-0999999');
    expect(c.expected).toHaveLength(4);
  });

  it('fails with one line and exit 2 for a missing file, a non-letter, a broken PDF or a bad format', async () => {
    expect(await runParseLetter(join(dir, 'nope.txt'), { format: 'yaml' })).toBe(2);
    expect(stderr).toMatch(/^precheck parse-letter: .*nope\.txt: file not found\n$/);
    stderr = '';
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'Shopping list: milk, eggs.');
    expect(await runParseLetter(notes, { format: 'yaml' })).toBe(2);
    expect(stderr).toMatch(/notes\.txt: not an IMR Final Determination letter/);
    stderr = '';
    const broken = join(dir, 'broken.pdf');
    writeFileSync(broken, '%PDF-1.4\nnot really');
    expect(await runParseLetter(broken, { format: 'yaml' })).toBe(2);
    expect(stderr).toMatch(/broken\.pdf: not a readable PDF/);
    expect(await runParseLetter(notes, { format: 'xml' })).toBe(2);
  });

  it('names the source relative to shared/', () => {
    expect(caseSource('/work/shared/letters/imr-ca-2016/CM16-0230548.txt')).toBe('letters/imr-ca-2016/CM16-0230548.txt');
  });
});
