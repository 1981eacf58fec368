// `precheck check <files…|->`: decides each request and prints the determination.
// Exit codes (spec §2): 0 every requested service overturned; 1 at least one upheld;
// 3 only not-covered besides overturned ones; 2 invalid input or no request found;
// 4 internal error (a bug: please report it).
import type { Command } from 'commander';
import { requestFromDocument, checkRequest } from '../../api.js';
import { InputError, type InputIssue } from '../../request/issues.js';
import type { Request } from '../../request/schema.js';
import { rulePack } from '../../rules/pack.js';
import type { RequestResult } from '../../engine/result.js';
import { renderText } from '../../report/text.js';
import { renderMarkdown } from '../../report/markdown.js';
import {
  expandPaths,
  flattenBatches,
  flushOutput,
  isBad,
  openInput,
  printIssues,
  readFileSources,
  readLineBatches,
  readStreamSources,
  useColor,
  write,
  type Line,
  type Source,
} from '../io.js';
import { describeBudgets, escapeControl, excerpt } from '../../request/budgets.js';
import { JsonResults } from '../json-output.js';
import { BatchSummary, EXIT_CODES_HELP, FAIL_ON, OutDir, policyExitCode, sourceRef, withSource, type FailOn } from '../batch.js';
import { csvErrorRow, csvHeader, csvRows } from '../../report/csv.js';
import { decideLine, errorResult, resultOutcome, type LineOutcome } from '../decide-line.js';

export const FORMATS = ['text', 'json', 'jsonl', 'markdown', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export const EXIT = { overturned: 0, upheld: 1, invalid: 2, notCovered: 3, internal: 4 } as const;

interface Tally {
  invalid: boolean;
  upheld: boolean;
  notCovered: boolean;
}

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
    .argument(
      '<inputs...>',
      'request files (YAML or JSON), directories of them, or - for a stream on standard input (JSON Lines or YAML documents separated by ---)',
    )
    .option('-f, --format <format>', `output format: ${FORMATS.join(' | ')}`, 'text')
    .option(
      '--out-dir <dir>',
      'write one report per request into <dir> (named after its file, or its id for a stream); text and markdown runs print the summary',
    )
    .option('--fail-on <policy>', `when to exit non-zero: ${FAIL_ON.join(' | ')} (see exit codes below)`, 'upheld')
    .option(
      '--draft',
      'the inputs are clinical text (note, RFA, letter): draft a request from each, then decide it (drafted facts need confirming)',
    )
    .addHelpText(
      'after',
      `${EXIT_CODES_HELP}
Limits per request (each breach is one error naming the limit and the path):
  ${describeBudgets().split('; ').join('\n  ')}`,
    )
    .action(async (inputs: string[], opts: { format: string; outDir?: string; failOn: string; draft?: boolean }) => {
      if (!(FAIL_ON as readonly string[]).includes(opts.failOn)) {
        process.stderr.write(`precheck check: unknown --fail-on "${opts.failOn}"; expected one of: ${FAIL_ON.join(', ')}\n`);
        process.exitCode = EXIT.invalid;
        return;
      }
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        process.stderr.write(`precheck check: unknown --format "${opts.format}"; expected one of: ${FORMATS.join(', ')}\n`);
        process.exitCode = EXIT.invalid;
        return;
      }
      if (opts.draft) {
        // the drafter is loaded only for --draft
        const { runCheckDraft } = await import('./draft.js');
        process.exitCode = policyExitCode(await runCheckDraft(inputs, opts.format), opts.failOn as FailOn);
        return;
      }
      process.exitCode = policyExitCode(await runCheck(inputs, opts.format as Format, { outDir: opts.outDir }), opts.failOn as FailOn);
    });
}

/** The first non-blank, non-comment line of a batched line stream, and the stream from its batch on. */
async function peek(batches: AsyncGenerator<Line[]>): Promise<{ first: string | undefined; rest: AsyncGenerator<Line[]> }> {
  const seen: Line[][] = [];
  for (let next = await batches.next(); !next.done; next = await batches.next()) {
    seen.push(next.value);
    const head = next.value.map((l) => (isBad(l) ? '' : l.trim())).find((t) => t !== '' && !t.startsWith('#'));
    if (head !== undefined)
      return {
        first: head,
        rest: (async function* () {
          yield* seen;
          yield* batches;
        })(),
      };
  }
  return {
    first: undefined,
    rest: (async function* () {
      yield* seen;
    })(),
  };
}

export async function runCheck(inputs: string[], format: Format, options: { outDir?: string } = {}): Promise<number> {
  const pack = rulePack();
  const tally: Tally = { invalid: false, upheld: false, notCovered: false };
  const color = useColor();
  let first = true;
  const json = new JsonResults(write);
  const summary = new BatchSummary();
  const out = options.outDir
    ? new OutDir(options.outDir, { text: 'txt', markdown: 'md', json: 'json', jsonl: 'jsonl', csv: 'csv' }[format])
    : undefined;
  if (format === 'csv' && !out) await write(csvHeader());
  const emit = async (sourceless: RequestResult, request: Request, name: string): Promise<void> => {
    const source = sourceRef(name);
    const result = withSource(sourceless, source);
    const o = resultOutcome(result);
    tally.upheld ||= o.upheld;
    tally.notCovered ||= o.notCovered;
    summary.add(result);
    if (out) {
      out.write(
        source,
        result.request,
        format === 'csv'
          ? csvHeader() + csvRows(result, source)
          : format === 'markdown'
            ? renderMarkdown(result, pack.catalog, request)
            : format === 'text'
              ? renderText(result, pack.catalog)
              : `${JSON.stringify(result, null, format === 'json' ? 2 : 0)}\n`,
      );
      return;
    }
    if (format === 'csv') {
      await write(csvRows(result, source));
      return;
    }
    if (format === 'jsonl') await write(`${JSON.stringify(result)}\n`);
    else if (format === 'json') await json.add(result);
    else if (format === 'markdown')
      await write(`${first ? '' : '\n---\n\n'}${renderMarkdown(escapeStrings(result), pack.catalog, escapeStrings(request, true))}`);
    else await write(`${first ? '' : '\n'}${renderText(escapeStrings(result), pack.catalog, { color })}`);
    first = false;
    process.exitCode = exitCodeFor(tally);
  };
  const fail = async (name: string, issues: InputIssue[], requestId: string | null): Promise<void> => {
    tally.invalid = true;
    summary.addInvalid(name, issues);
    process.exitCode = exitCodeFor(tally); // also when the reader closes the output early
    await flushOutput(); // keep stdout and stderr in input order
    printIssues(issues);
    if (out) return;
    const source = sourceRef(name);
    if (format === 'jsonl') await write(`${JSON.stringify({ ...errorResult(name, issues, requestId), source })}\n`);
    else if (format === 'json') await json.add({ ...errorResult(name, issues, requestId), source });
    else if (format === 'csv') await write(csvErrorRow(requestId, source, issues));
  };
  let found = 0;
  const decide = async (source: Source): Promise<void> => {
    found++;
    if ('issues' in source) {
      await fail(source.name, source.issues, null);
      return;
    }
    const data = source.doc.data as { id?: unknown; request?: { id?: unknown } } | null;
    const rawId = typeof data?.id === 'string' ? data.id : typeof data?.request?.id === 'string' ? data.request.id : null;
    const id = rawId === null ? null : excerpt(rawId);
    let request: Request;
    try {
      request = requestFromDocument(source.doc);
    } catch (err) {
      if (err instanceof InputError) {
        await fail(source.doc.name, err.issues, id);
        return;
      }
      throw err;
    }
    await emit(checkRequest(request, { pack }), request, source.doc.name);
  };
  const sink = async (o: LineOutcome): Promise<void> => {
    tally.invalid ||= o.invalid;
    tally.upheld ||= o.upheld;
    tally.notCovered ||= o.notCovered;
    process.exitCode = exitCodeFor(tally);
    if (o.stderr.length > 0) {
      await flushOutput();
      process.stderr.write(`${o.stderr.map((l) => escapeControl(l)).join('\n')}\n`);
    }
    await write(o.text);
  };

  for (const input of inputs) {
    const before = found;
    if (input !== '-') {
      for (const entry of expandPaths([input])) {
        if ('issues' in entry) await decide(entry);
        else for (const source of readFileSources(entry.file)) await decide(source);
      }
      continue;
    }
    const { first: head, rest } = await peek(readLineBatches(openInput('-')));
    if (format !== 'jsonl' || out || !head?.startsWith('{')) {
      for await (const source of readStreamSources(flattenBatches(rest))) await decide(source);
      if (found === before)
        await decide({
          name: '<stdin>',
          issues: [{ file: '<stdin>', path: '', code: 'no-request', message: 'no request found: standard input is empty' }],
        });
      continue;
    }
    // JSON Lines in, JSON Lines out: a chunk of lines at a time, each decided as it comes
    let count = 0;
    let lineNo = 0;
    for await (const batch of rest) {
      for (const line of batch) {
        lineNo++;
        if (!isBad(line) && line.trim() === '') continue;
        count++;
        found++;
        const name = `<stdin>#${count}`;
        if (isBad(line)) await fail(name, [{ file: name, path: '', ...line.bad }], null);
        else await sink(decideLine(name, line, pack, { file: '<stdin>', line: lineNo }));
      }
    }
  }
  if (format === 'json' && !out) await json.end();
  if (out) process.stderr.write(`precheck check: wrote ${out.written} report(s) to ${out.dir}\n`);
  if ((format === 'text' || format === 'markdown') && (summary.worthShowing || out)) {
    await write(
      `${out || first ? '' : format === 'markdown' ? '\n---\n\n' : '\n'}${format === 'markdown' ? summary.markdown() : summary.text()}`,
    );
  }
  await flushOutput();
  return exitCodeFor(tally);
}

/** Result fields that quote the request; everything else is the rule pack's wording. */
const QUOTED = new Set(['request', 'id', 'label', 'evidence', 'dependsOn']);

/**
 * A copy with control characters in every string escaped, so a label cannot move the cursor,
 * clear the screen or start a fake line on a terminal. Text quoting the request is escaped
 * whole (`fromRequest`); the rule pack's own texts keep their newlines.
 */
function escapeStrings<T>(value: T, fromRequest = false): T {
  if (typeof value === 'string') return escapeControl(value, !fromRequest) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((v) => escapeStrings(v, fromRequest)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeStrings(v, fromRequest || QUOTED.has(k));
    return out as T;
  }
  return value;
}
