// Input and output plumbing shared by the subcommands: reading request files and streams,
// writing with backpressure, and printing input problems without stack traces.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { loadDocuments, loadJson, MAX_DOCUMENT_BYTES, type LoadedDocument } from '../request/load.js';
import { InputError, formatIssue, type InputIssue } from '../request/issues.js';
import { walk } from '../rules/pack.js';

/** A document to process, or the problems that stopped it from being read. */
export type Source = { doc: LoadedDocument } | { name: string; issues: InputIssue[] };

const REQUEST_FILE = /\.(ya?ml|json)$/;

/** Expands arguments: files as given, directories to their YAML/JSON files (sorted). */
export function expandPaths(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    try {
      return statSync(p).isDirectory() ? walk(p).filter((f) => REQUEST_FILE.test(f)) : [p];
    } catch {
      return [p];
    }
  });
}

/** Reads one file into its documents (a YAML file may hold a `---` stream of requests). */
export function readFileSources(file: string): Source[] {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return [{ name: file, issues: [{ file, path: '', code: 'is-directory', message: 'is a directory' }] }];
    if (stat.size > MAX_DOCUMENT_BYTES * 4) {
      return [{ name: file, issues: [{ file, path: '', code: 'too-large', message: `file is ${(stat.size / 1048576).toFixed(1)} MB; a request may be at most ${MAX_DOCUMENT_BYTES / 1048576} MB` }] }];
    }
    return loadDocuments(readFileSync(file, 'utf8'), file, { stream: true }).map((doc) => ({ doc }));
  } catch (err) {
    if (err instanceof InputError) return [{ name: file, issues: err.issues }];
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    return [{ name: file, issues: [{ file, path: '', code: 'unreadable', message }] }];
  }
}

/**
 * Reads requests from a stream, one at a time, in flat memory: JSON Lines (one request per
 * line) or a YAML stream (documents separated by `---`), told apart by the first character.
 */
export async function* readStreamSources(input: NodeJS.ReadableStream | AsyncIterable<string>, name = '<stdin>'): AsyncGenerator<Source> {
  const lines = 'pipe' in input || 'read' in input ? flattenBatches(readLineBatches(input as NodeJS.ReadableStream)) : input as AsyncIterable<string>;
  let mode: 'jsonl' | 'yaml' | undefined;
  let buffer: string[] = [];
  let bufferBytes = 0;
  let count = 0;
  const flushYaml = function* (): Generator<Source> {
    const text = buffer.join('\n');
    buffer = [];
    bufferBytes = 0;
    if (text.trim() === '' || /^(\s*#.*\n?)*\s*$/.test(text)) return;
    count++;
    const docName = `${name}#${count}`;
    try {
      for (const doc of loadDocuments(text, docName, { stream: true })) yield { doc: { ...doc, name: docName } };
    } catch (err) {
      if (err instanceof InputError) yield { name: docName, issues: err.issues };
      else throw err;
    }
  };
  for await (const line of lines) {
    if (mode === undefined) {
      const t = line.trim();
      if (t === '' || t.startsWith('#')) { buffer.push(line); continue; }
      mode = t.startsWith('{') ? 'jsonl' : 'yaml';
      if (mode === 'jsonl') buffer = [];
    }
    if (mode === 'jsonl') {
      if (line.trim() === '') continue;
      count++;
      const docName = `${name}#${count}`;
      try {
        yield { doc: loadJson(line, docName) };
      } catch (err) {
        if (err instanceof InputError) yield { name: docName, issues: err.issues };
        else throw err;
      }
      continue;
    }
    if (/^---(\s|$)/.test(line) && buffer.some((l) => l.trim() !== '' && !l.trim().startsWith('#'))) yield* flushYaml();
    if (/^\.\.\.\s*$/.test(line)) { yield* flushYaml(); continue; }
    buffer.push(line);
    bufferBytes += line.length + 1;
    if (bufferBytes > MAX_DOCUMENT_BYTES) {
      count++;
      const docName = `${name}#${count}`;
      buffer = [];
      bufferBytes = 0;
      yield { name: docName, issues: [{ file: docName, path: '', code: 'too-large', message: `document exceeds ${MAX_DOCUMENT_BYTES / 1048576} MB` }] };
      // skip the rest of this document
      mode = 'yaml';
    }
  }
  if (mode !== 'jsonl') yield* flushYaml();
}

/**
 * Lines of a stream, a chunk's worth at a time: the stream is read only as fast as the lines
 * are consumed (readline's async iterator queues every line, so a large batch would fill memory).
 */
export async function* readLineBatches(input: NodeJS.ReadableStream): AsyncGenerator<string[]> {
  let rest = '';
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const text = rest + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    const lines: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      lines.push(text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
    if (lines.length > 0) yield lines;
  }
  if (rest !== '') yield [rest];
}

/** Batches of lines, one line at a time. */
export async function* flattenBatches(batches: AsyncIterable<string[]>): AsyncGenerator<string> {
  for await (const batch of batches) yield* batch;
}

export function openInput(path: string): NodeJS.ReadableStream {
  return path === '-' ? process.stdin : createReadStream(path);
}

// Output is gathered while requests are decided and written when the process next waits for
// input (setImmediate runs then), or at 256 KB: one write per input chunk instead of one per
// request, with backpressure, so a large batch stays in flat memory.
let pending: string[] = [];
let pendingBytes = 0;
let scheduled = false;

function flushPending(): boolean {
  scheduled = false;
  if (pending.length === 0) return true;
  const text = pending.join('');
  pending = [];
  pendingBytes = 0;
  return process.stdout.write(text);
}

const drained = (): Promise<void> => new Promise((resolve) => process.stdout.once('drain', resolve));

export async function write(text: string): Promise<void> {
  pending.push(text);
  pendingBytes += text.length;
  if (pendingBytes >= 256 * 1024) {
    if (!flushPending()) await drained();
  } else if (!scheduled) {
    scheduled = true;
    setImmediate(flushPending);
  }
}

/** Writes whatever is gathered; call before the command returns. */
export async function flushOutput(): Promise<void> {
  if (!flushPending()) await drained();
}

export function printIssues(issues: readonly InputIssue[]): void {
  for (const issue of issues) process.stderr.write(`${formatIssue(issue)}\n`);
}

export const useColor = (): boolean => process.stdout.isTTY === true && !('NO_COLOR' in process.env);

