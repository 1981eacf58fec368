// `precheck parse-letter <letter.txt|.pdf>`: turns an IMR Final Determination letter into an
// `imr-precheck/case@1` skeleton (request, services, expected outcomes and guidelines) for a
// case author to complete. Exit 0 on success; 2 when the file cannot be read or is not a letter.
import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, resolve, relative } from 'node:path';
import { stringify } from 'yaml';
import { loadCatalog, DEFAULT_GUIDELINES_DIR } from '../../rules/pack.js';
import type { InputIssue } from '../../request/issues.js';
import { parseLetterText, NotALetterError } from '../../letters/parse.js';
import { buildCaseSkeleton, SCHEMA_COMMENT, type CaseSkeleton } from '../../letters/skeleton.js';
import { describeFsError } from '../io.js';

export const PARSE_LETTER_FORMATS = ['yaml', 'json'] as const;

interface ParseLetterOptions {
  format: string;
  out?: string;
}

export function registerParseLetter(program: Command): void {
  program
    .command('parse-letter')
    .description('turn an IMR Final Determination letter (text or PDF) into a case skeleton (imr-precheck/case@1) to complete')
    .argument('<letter>', 'the letter: a text file (as pdftotext gives it) or a PDF')
    .option('-f, --format <format>', `output format: ${PARSE_LETTER_FORMATS.join(' | ')}`, 'yaml')
    .option('-o, --out <file>', 'write the case to this file instead of standard output')
    .action(async (file: string, opts: ParseLetterOptions) => {
      process.exitCode = await runParseLetter(file, opts);
    });
}

/** `source:` of a case: the letter's path relative to shared/ when it lies under one, else as given. */
export function caseSource(file: string): string {
  const abs = resolve(file).split('\\').join('/');
  const at = abs.lastIndexOf('/shared/');
  return at >= 0 ? abs.slice(at + '/shared/'.length) : relative(process.cwd(), abs).split('\\').join('/') || file;
}

export function renderCase(c: CaseSkeleton, format: 'yaml' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(c, null, 2)}\n`;
  return `${SCHEMA_COMMENT}\n${stringify(c, { lineWidth: 100, minContentWidth: 40 })}`;
}

async function letterText(file: string): Promise<string> {
  const bytes = readFileSync(file);
  if (extname(file).toLowerCase() === '.pdf' || bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) {
    const { pdfToText } = await import('../../letters/pdf.js');
    try {
      return await pdfToText(bytes);
    } catch (err) {
      throw new NotALetterError(`not a readable PDF (${(err as Error).message})`);
    }
  }
  return bytes.toString('utf8');
}

export async function runParseLetter(file: string, opts: ParseLetterOptions): Promise<number> {
  const fail = (message: string): number => {
    process.stderr.write(`precheck parse-letter: ${file}: ${message}\n`);
    return 2;
  };
  if (!(PARSE_LETTER_FORMATS as readonly string[]).includes(opts.format)) {
    process.stderr.write(`precheck parse-letter: unknown --format "${opts.format}"; expected one of: ${PARSE_LETTER_FORMATS.join(', ')}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await letterText(file);
  } catch (err) {
    if (err instanceof NotALetterError) return fail(err.message);
    return fail(describeFsError(err));
  }
  const issues: InputIssue[] = [];
  const { catalog } = loadCatalog(DEFAULT_GUIDELINES_DIR, issues);
  if (issues.length > 0)
    process.stderr.write(
      `precheck parse-letter: the guideline catalog has ${issues.length} problem(s); citations are mapped without it where it failed to load\n`,
    );
  let skeleton: CaseSkeleton;
  try {
    skeleton = buildCaseSkeleton(parseLetterText(text, catalog), { source: caseSource(file), fallbackId: basename(file, extname(file)) });
  } catch (err) {
    if (err instanceof NotALetterError) return fail(err.message);
    throw err;
  }
  const output = renderCase(skeleton, opts.format as 'yaml' | 'json');
  if (opts.out) {
    try {
      writeFileSync(opts.out, output);
    } catch (err) {
      process.stderr.write(`precheck parse-letter: cannot write ${opts.out}: ${(err as Error).message}\n`);
      return 2;
    }
    const items = skeleton.expected;
    const overturned = items.filter((e) => e.outcome === 'overturned').length;
    process.stderr.write(`${opts.out}: ${items.length} item(s), ${items.length - overturned} upheld, ${overturned} overturned\n`);
  } else {
    process.stdout.write(output);
  }
  return 0;
}
