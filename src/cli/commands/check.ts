// `precheck check <files…|->`: decides each request and prints the determination.
// Exit codes (spec §2): 0 every requested service overturned; 1 at least one upheld;
// 3 only not-covered besides overturned ones; 2 invalid input.
import type { Command } from 'commander';
import { requestFromDocument, checkRequest } from '../../api.js';
import { InputError, type InputIssue } from '../../request/issues.js';
import type { Request } from '../../request/schema.js';
import { rulePack } from '../../rules/pack.js';
import type { RequestResult } from '../../engine/result.js';
import { renderText } from '../../report/text.js';
import { renderMarkdown } from '../../report/markdown.js';
import { expandPaths, flattenBatches, flushOutput, openInput, printIssues, readFileSources, readLineBatches, readStreamSources, useColor, write, type Source } from '../io.js';
import { decideLine, errorResult, resultOutcome, type LineOutcome } from '../decide-line.js';
import { runCheckDraft } from './draft.js';

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
    .option('--draft', 'the inputs are clinical text (note, RFA, letter): draft a request from each, then decide it (drafted facts need confirming)')
    .action(async (inputs: string[], opts: { format: string; draft?: boolean }) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        process.stderr.write(`precheck check: unknown --format "${opts.format}"; expected one of: ${FORMATS.join(', ')}\n`);
        process.exitCode = EXIT.invalid;
        return;
      }
      if (opts.draft) { process.exitCode = await runCheckDraft(inputs, opts.format); return; }
      process.exitCode = await runCheck(inputs, opts.format as Format);
    });
}

/** The first non-blank, non-comment line of a batched line stream, and the stream from its batch on. */
async function peek(batches: AsyncGenerator<string[]>): Promise<{ first: string | undefined; rest: AsyncGenerator<string[]> }> {
  const seen: string[][] = [];
  for (let next = await batches.next(); !next.done; next = await batches.next()) {
    seen.push(next.value);
    const head = next.value.map((l) => l.trim()).find((t) => t !== '' && !t.startsWith('#'));
    if (head !== undefined) return { first: head, rest: (async function* () { yield* seen; yield* batches; })() };
  }
  return { first: undefined, rest: (async function* () { yield* seen; })() };
}

export async function runCheck(inputs: string[], format: Format): Promise<number> {
  const pack = rulePack();
  const tally: Tally = { invalid: false, upheld: false, notCovered: false };
  const color = useColor();
  let first = true;
  const emit = async (result: RequestResult, request: Request): Promise<void> => {
    const o = resultOutcome(result);
    tally.upheld ||= o.upheld;
    tally.notCovered ||= o.notCovered;
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
    if (format === 'jsonl') await write(`${JSON.stringify(errorResult(name, issues, requestId))}\n`);
    else if (format === 'json') { await write(`${first ? '[\n' : ',\n'}${JSON.stringify(errorResult(name, issues, requestId), null, 2)}`); first = false; }
  };
  const decide = async (source: Source): Promise<void> => {
    if ('issues' in source) { await fail(source.name, source.issues, null); return; }
    const data = source.doc.data as { id?: unknown; request?: { id?: unknown } } | null;
    const id = typeof data?.id === 'string' ? data.id : typeof data?.request?.id === 'string' ? data.request.id : null;
    let request: Request;
    try {
      request = requestFromDocument(source.doc);
    } catch (err) {
      if (err instanceof InputError) { await fail(source.doc.name, err.issues, id); return; }
      throw err;
    }
    await emit(checkRequest(request, { pack }), request);
  };
  const sink = async (o: LineOutcome): Promise<void> => {
    tally.invalid ||= o.invalid;
    tally.upheld ||= o.upheld;
    tally.notCovered ||= o.notCovered;
    if (o.stderr.length > 0) { await flushOutput(); process.stderr.write(`${o.stderr.join('\n')}\n`); }
    await write(o.text);
  };

  for (const input of inputs) {
    if (input !== '-') {
      for (const file of expandPaths([input])) for (const source of readFileSources(file)) await decide(source);
      continue;
    }
    const { first: head, rest } = await peek(readLineBatches(openInput('-')));
    if (format !== 'jsonl' || !head?.startsWith('{')) {
      for await (const source of readStreamSources(flattenBatches(rest))) await decide(source);
      continue;
    }
    // JSON Lines in, JSON Lines out: a chunk of lines at a time, each decided as it comes
    let count = 0;
    for await (const batch of rest) {
      for (const line of batch) {
        if (line.trim() === '') continue;
        count++;
        await sink(decideLine(`<stdin>#${count}`, line, pack));
      }
    }
  }
  if (format === 'json') await write(first ? '[]\n' : '\n]\n');
  await flushOutput();
  return exitCodeFor(tally);
}
