// `precheck check <files…|->`: decides each request and prints the determination.
// Exit codes (spec §2): 0 every requested service overturned; 1 at least one upheld;
// 3 only not-covered besides overturned ones; 2 invalid input.
import type { Command } from 'commander';
import { requestFromDocument, checkRequest } from '../../api.js';
import { InputError, type InputIssue } from '../../request/issues.js';
import type { Request } from '../../request/schema.js';
import { rulePack } from '../../rules/pack.js';
import { RESULT_FORMAT, type ErrorResult, type RequestResult } from '../../engine/result.js';
import { renderText } from '../../report/text.js';
import { renderMarkdown } from '../../report/markdown.js';
import { expandPaths, flushOutput, openInput, printIssues, readFileSources, readStreamSources, useColor, write, type Source } from '../io.js';

export const FORMATS = ['text', 'json', 'jsonl', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export const EXIT = { overturned: 0, upheld: 1, invalid: 2, notCovered: 3 } as const;

interface Tally { invalid: boolean; upheld: boolean; notCovered: boolean }

export function exitCodeFor(t: Tally): number {
  if (t.invalid) return EXIT.invalid;
  if (t.upheld) return EXIT.upheld;
  if (t.notCovered) return EXIT.notCovered;
  return EXIT.overturned;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('predict the IMR outcome of each service in one or more requests')
    .argument('<inputs...>', 'request files (YAML or JSON), directories of them, or - for a stream on standard input (JSON Lines or YAML documents separated by ---)')
    .option('-f, --format <format>', `output format: ${FORMATS.join(' | ')}`, 'text')
    .action(async (inputs: string[], opts: { format: string }) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        process.stderr.write(`precheck check: unknown --format "${opts.format}"; expected one of: ${FORMATS.join(', ')}\n`);
        process.exitCode = EXIT.invalid;
        return;
      }
      process.exitCode = await runCheck(inputs, opts.format as Format);
    });
}

async function* sources(inputs: string[]): AsyncGenerator<Source> {
  for (const input of inputs) {
    if (input === '-') yield* readStreamSources(openInput('-'));
    else for (const file of expandPaths([input])) yield* readFileSources(file);
  }
}

export async function runCheck(inputs: string[], format: Format): Promise<number> {
  const pack = rulePack();
  const tally: Tally = { invalid: false, upheld: false, notCovered: false };
  const color = useColor();
  let first = true;
  const emit = async (result: RequestResult, request: Request): Promise<void> => {
    for (const s of result.services) {
      if (s.prediction === 'upheld') tally.upheld = true;
      if (s.prediction === 'not-covered') tally.notCovered = true;
    }
    if (format === 'jsonl') await write(`${JSON.stringify(result)}\n`);
    else if (format === 'json') await write(`${first ? '[\n' : ',\n'}${JSON.stringify(result, null, 2)}`);
    else if (format === 'markdown') await write(`${first ? '' : '\n---\n\n'}${renderMarkdown(result, pack.catalog, request)}`);
    else await write(`${first ? '' : '\n'}${renderText(result, pack.catalog, { color })}`);
    first = false;
  };
  const fail = async (name: string, issues: InputIssue[], requestId: string | null): Promise<void> => {
    tally.invalid = true;
    await flushOutput(); // keep stdout and stderr in input order
    printIssues(issues);
    if (format === 'jsonl' || format === 'json') {
      const line: ErrorResult = {
        format: RESULT_FORMAT, request: requestId,
        error: { message: `${name}: ${issues.length} problem(s); the first: ${issues[0]?.path ? `${issues[0].path}: ` : ''}${issues[0]?.message ?? ''}`, issues },
      };
      if (format === 'jsonl') await write(`${JSON.stringify(line)}\n`);
      else { await write(`${first ? '[\n' : ',\n'}${JSON.stringify(line, null, 2)}`); first = false; }
    }
  };

  for await (const source of sources(inputs)) {
    if ('issues' in source) { await fail(source.name, source.issues, null); continue; }
    const data = source.doc.data as { id?: unknown; request?: { id?: unknown } } | null;
    const id = typeof data?.id === 'string' ? data.id : typeof data?.request?.id === 'string' ? data.request.id : null;
    let request: Request;
    try {
      request = requestFromDocument(source.doc);
    } catch (err) {
      if (err instanceof InputError) { await fail(source.doc.name, err.issues, id); continue; }
      throw err;
    }
    await emit(checkRequest(request, { pack }), request);
  }
  if (format === 'json') await write(first ? '[]\n' : '\n]\n');
  await flushOutput();
  return exitCodeFor(tally);
}
