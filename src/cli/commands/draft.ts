// `precheck draft <file.txt|.pdf|->`: drafts an `imr-precheck/request@1` from clinical text
// (progress note, RFA, or IMR letter), every drafted field with the words it came from under
// `extensions.evidence`. Also `precheck check --draft`: draft, then decide, then show the
// drafted facts that decided each criterion. Exit 0 on a draft; 2 when the input cannot be read.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { stringify } from 'yaml';
import { checkRequest, InputError } from '../../api.js';
import { loadJson } from '../../request/load.js';
import { validateRequest } from '../../request/validate.js';
import { rulePack } from '../../rules/pack.js';
import { describeFsError } from '../io.js';
import { renderText } from '../../report/text.js';
import type { RequestResult } from '../../engine/result.js';
import { draftRequest, DRAFT_WARNING, type Draft, type ServicesFrom } from '../../draft/draft.js';
import { MAX_DRAFT_CHARS } from '../../draft/source.js';
import { printIssues, useColor, write, flushOutput } from '../io.js';

export const DRAFT_FORMATS = ['yaml', 'json'] as const;
const SERVICES_FROM = ['auto', 'rfa', 'letter', 'none'] as const;

interface DraftCliOptions {
  format: string;
  servicesFrom: string;
  noteDate?: string;
}

export function registerDraft(program: Command): void {
  program
    .command('draft')
    .description(
      'draft a request (imr-precheck/request@1) from a progress note, RFA or IMR letter; every drafted fact quotes its source words',
    )
    .argument('<file>', 'clinical text: a .txt file, a PDF, or - for standard input')
    .option('-f, --format <format>', `output format: ${DRAFT_FORMATS.join(' | ')}`, 'yaml')
    .option('--services-from <source>', `where the requested services come from: ${SERVICES_FROM.join(' | ')}`, 'auto')
    .option('--note-date <date>', 'the note\'s date (YYYY-MM-DD), for relative dates such as "3 weeks ago"')
    .action(async (file: string, opts: DraftCliOptions) => {
      process.exitCode = await runDraft(file, opts);
    });
}

/** Reads clinical text from a file, a PDF or standard input (bounded). */
export async function readClinicalText(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      const b = Buffer.from(chunk as Buffer);
      size += b.length;
      if (size > 4 * MAX_DRAFT_CHARS) break;
      chunks.push(b);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  const bytes = readFileSync(file);
  if (extname(file).toLowerCase() === '.pdf' || bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) {
    const { pdfToText } = await import('../../letters/pdf.js');
    return pdfToText(bytes);
  }
  return bytes.toString('utf8');
}

function readError(command: string, file: string, err: unknown): number {
  process.stderr.write(`precheck ${command}: ${file}: ${describeFsError(err)}\n`);
  return 2;
}

function draftOf(file: string, text: string, opts: { servicesFrom?: string; noteDate?: string }): Draft {
  const id = file === '-' ? 'draft' : basename(file, extname(file)).replace(/[^A-Za-z0-9._-]+/g, '-') || 'draft';
  return draftRequest(text, {
    id,
    servicesFrom: (opts.servicesFrom ?? 'auto') as ServicesFrom,
    ...(opts.noteDate ? { noteDate: opts.noteDate } : {}),
  });
}

export async function runDraft(file: string, opts: DraftCliOptions): Promise<number> {
  if (!(DRAFT_FORMATS as readonly string[]).includes(opts.format)) {
    process.stderr.write(`precheck draft: unknown --format "${opts.format}"; expected one of: ${DRAFT_FORMATS.join(', ')}\n`);
    return 2;
  }
  if (!(SERVICES_FROM as readonly string[]).includes(opts.servicesFrom)) {
    process.stderr.write(`precheck draft: unknown --services-from "${opts.servicesFrom}"; expected one of: ${SERVICES_FROM.join(', ')}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readClinicalText(file);
  } catch (err) {
    return readError('draft', file, err);
  }
  const draft = draftOf(file, text, opts);
  for (const w of draft.warnings) process.stderr.write(`precheck draft: ${file}: ${w}\n`);
  process.stderr.write(`precheck draft: ${DRAFT_WARNING}\n`);
  await write(
    opts.format === 'json'
      ? `${JSON.stringify(draft.request, null, 2)}\n`
      : `# ${DRAFT_WARNING}\n${stringify(draft.request, { lineWidth: 120 })}`,
  );
  await flushOutput();
  return 0;
}

/** The quoted words behind a criterion's evidence path ("studies[0].officialReport = false"). */
export function quotesFor(request: Record<string, unknown>, evidence: string): string[] {
  type Span = { line: number; column: number; quote: string };
  const show = (e: Span): string => `${e.line}:${e.column} "${e.quote.replace(/\s+/g, ' ')}"`;
  const item = /^([a-zA-Z]+)\[(\d+)\]/.exec(evidence);
  if (item) {
    const found = ((request[item[1]!] as unknown[] | undefined) ?? [])[Number(item[2])] as
      { extensions?: { evidence?: unknown } } | undefined;
    const ev = found?.extensions?.evidence;
    return Array.isArray(ev) ? (ev as Span[]).map(show) : [];
  }
  // a documentation or patient field keeps its words under its object's extensions.evidence.<field>
  const field = /^(documentation|patient)\.([A-Za-z]+(?:\.[A-Za-z]+)?)/.exec(evidence);
  if (!field) return [];
  const byField = (request[field[1]!] as { extensions?: { evidence?: Record<string, Span> } } | undefined)?.extensions?.evidence ?? {};
  return Object.entries(byField)
    .filter(([k]) => k === field[2] || k.startsWith(`${field[2]}.`))
    .map(([, e]) => show(e));
}

/** `precheck check --draft`: drafts each input, decides it, and shows the drafted words behind each criterion. */
export async function runCheckDraft(inputs: string[], format: string): Promise<number> {
  const pack = rulePack();
  let exit = 0;
  const results: RequestResult[] = [];
  for (const file of inputs) {
    let text: string;
    try {
      text = await readClinicalText(file);
    } catch (err) {
      exit = 2;
      readError('check --draft', file, err);
      continue;
    }
    const draft = draftOf(file, text, {});
    for (const w of draft.warnings) process.stderr.write(`precheck check --draft: ${file}: ${w}\n`);
    process.stderr.write(`precheck check --draft: WARNING: ${DRAFT_WARNING}\n`);
    let result: RequestResult;
    try {
      result = checkRequest(validateRequest(loadJson(JSON.stringify(draft.request), file)), { pack });
    } catch (err) {
      if (err instanceof InputError) {
        printIssues(err.issues);
        exit = 2;
        continue;
      }
      throw err;
    }
    results.push(result);
    if (result.services.some((s) => s.prediction === 'upheld')) exit = Math.max(exit, 1);
    else if (exit === 0 && result.services.some((s) => s.prediction === 'not-covered')) exit = 3;
    if (format === 'json' || format === 'jsonl') continue;
    let out = renderText(result, pack.catalog, { color: useColor() });
    const lines: string[] = [];
    for (const s of result.services) {
      for (const c of s.criteria) {
        const quotes = [...new Set(c.evidence.flatMap((e) => quotesFor(draft.request, e)))];
        if (quotes.length > 0) lines.push(`  ${s.id} · ${c.id} (${c.status}): ${quotes.join('; ')}`);
      }
    }
    out += `\nDrafted facts behind the criteria (line:column "words"; confirm each):\n${lines.length > 0 ? lines.join('\n') : '  (no criterion was decided by a drafted fact)'}\n`;
    await write(`${out}\n`);
  }
  if (format === 'json') await write(`${JSON.stringify(results, null, 2)}\n`);
  else if (format === 'jsonl') for (const r of results) await write(`${JSON.stringify(r)}\n`);
  await flushOutput();
  return exit;
}
