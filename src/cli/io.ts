// Input and output plumbing shared by the subcommands: reading request files and streams
// within the byte budget, writing with backpressure, and printing input problems without
// stack traces.
import { createReadStream, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocuments, loadFileBytes, loadJson, type LoadedDocument } from '../request/load.js';
import { InputError, formatIssue, type InputIssue } from '../request/issues.js';
import { BUDGETS, BudgetError, capIssues, escapeControl, invalidUtf8Offset, readCapped } from '../request/budgets.js';

/** A document to process, or the problems that stopped it from being read. */
export type Source = { doc: LoadedDocument } | { name: string; issues: InputIssue[] };

/** A file to read, or the problem with a directory entry that could not be followed. */
export type PathEntry = { file: string } | { name: string; issues: InputIssue[] };

const REQUEST_FILE = /\.(ya?ml|json)$/;

const problem = (file: string, code: string, message: string): { name: string; issues: InputIssue[] } => ({
  name: file,
  issues: [{ file, path: '', code, message }],
});

/**
 * Expands arguments: files as given, directories to their YAML/JSON files (sorted). A broken
 * entry (dangling link, link cycle, unreadable directory) is reported on its own and the rest
 * of the directory is still read; a directory with no request files is reported too.
 */
export function expandPaths(paths: readonly string[]): PathEntry[] {
  return paths.flatMap((p): PathEntry[] => {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      /* reported when read */
    }
    if (!isDir) return [{ file: p }];
    const entries = walkRequestFiles(p, new Set());
    if (entries.length === 0) return [problem(p, 'no-request', 'no request found: the directory holds no .yaml, .yml or .json files')];
    return entries;
  });
}

function walkRequestFiles(dir: string, seen: Set<string>): PathEntry[] {
  let real: string;
  let names: string[];
  try {
    real = realpathSync(dir);
    names = readdirSync(dir).sort();
  } catch (err) {
    return [problem(dir, 'unreadable', describeFsError(err))];
  }
  if (seen.has(real)) return [problem(dir, 'symlink-cycle', 'symbolic link cycle: this directory is already being read; skipped')];
  seen.add(real);
  const out: PathEntry[] = [];
  for (const name of names) {
    const full = join(dir, name);
    let isDir: boolean;
    try {
      isDir = statSync(full).isDirectory();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      let link = false;
      try {
        link = lstatSync(full).isSymbolicLink();
      } catch {
        /* vanished */
      }
      if (code === 'ELOOP') out.push(problem(full, 'symlink-cycle', 'symbolic link cycle; skipped'));
      else if (link && code === 'ENOENT') out.push(problem(full, 'dangling-link', 'symbolic link to a missing file; skipped'));
      else out.push(problem(full, 'unreadable', describeFsError(err)));
      continue;
    }
    if (isDir) out.push(...walkRequestFiles(full, seen));
    else if (REQUEST_FILE.test(name)) out.push({ file: full });
  }
  seen.delete(real);
  return out;
}

/** A file system error in words, for every command that reads a file: "file not found", "is a directory", … */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? 'file not found'
    : code === 'EISDIR'
      ? 'is a directory'
      : code === 'EACCES'
        ? 'permission denied'
        : code === 'ELOOP'
          ? 'symbolic link cycle'
          : (err as Error).message;
}

/**
 * Reads one file into its documents (a YAML file may hold a `---` stream of requests). The
 * byte budget is enforced while reading, so pipes and devices (`/dev/zero`, `<(yes)`) stop at
 * it whatever size they report; an empty file is "no request found".
 */
export function readFileSources(file: string): Source[] {
  try {
    if (statSync(file).isDirectory()) return [problem(file, 'is-directory', 'is a directory')];
    const docs = loadFileBytes(readCapped(file), file);
    if (docs.length === 0) return [problem(file, 'no-request', 'no request found: the file is empty')];
    return docs.map((doc) => ({ doc }));
  } catch (err) {
    if (err instanceof InputError) return [{ name: file, issues: capIssues(err.issues) }];
    if (err instanceof BudgetError) return [{ name: file, issues: [err.issue] }];
    return [problem(file, 'unreadable', describeFsError(err))];
  }
}

/** A stream line that could not be taken as text: over the byte budget, or not UTF-8. */
export interface BadLine {
  bad: { code: string; message: string };
}
export type Line = string | BadLine;

export const isBad = (line: Line): line is BadLine => typeof line !== 'string';

/**
 * Reads requests from a stream, one at a time, in flat memory: JSON Lines (one request per
 * line) or a YAML stream (documents separated by `---`), told apart by the first character.
 */
export async function* readStreamSources(input: NodeJS.ReadableStream | AsyncIterable<Line>, name = '<stdin>'): AsyncGenerator<Source> {
  const lines = 'pipe' in input || 'read' in input ? flattenBatches(readLineBatches(input as NodeJS.ReadableStream)) : input;
  let mode: 'jsonl' | 'yaml' | undefined;
  let buffer: string[] = [];
  let bufferBytes = 0;
  let count = 0;
  /** After a document broke a budget: its remaining lines are skipped up to the next `---`. */
  let skipping = false;
  const refuse = (issue: { code: string; message: string }): Source => {
    count++;
    const docName = `${name}#${count}`;
    buffer = [];
    bufferBytes = 0;
    return { name: docName, issues: [{ file: docName, path: '', ...issue }] };
  };
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
      if (err instanceof InputError) yield { name: docName, issues: capIssues(err.issues) };
      else throw err;
    }
  };
  for await (const line of lines) {
    if (mode === undefined) {
      if (isBad(line)) {
        yield refuse(line.bad);
        continue;
      } // the next good line tells the mode
      const t = line.trim();
      if (t === '' || t.startsWith('#')) {
        buffer.push(line);
        continue;
      }
      mode = t.startsWith('{') ? 'jsonl' : 'yaml';
      if (mode === 'jsonl') buffer = [];
    }
    if (mode === 'jsonl') {
      if (isBad(line)) {
        yield refuse(line.bad);
        continue;
      }
      if (line.trim() === '') continue;
      count++;
      const docName = `${name}#${count}`;
      try {
        yield { doc: loadJson(line, docName) };
      } catch (err) {
        if (err instanceof InputError) yield { name: docName, issues: capIssues(err.issues) };
        else throw err;
      }
      continue;
    }
    if (isBad(line)) {
      if (!skipping) {
        yield refuse(line.bad);
        skipping = true;
      }
      continue;
    }
    const separator = /^---(\s|$)/.test(line);
    if (skipping) {
      if (separator || /^\.\.\.\s*$/.test(line)) skipping = false;
      if (!separator) continue;
    }
    if (separator && buffer.some((l) => l.trim() !== '' && !l.trim().startsWith('#'))) yield* flushYaml();
    if (/^\.\.\.\s*$/.test(line)) {
      yield* flushYaml();
      continue;
    }
    buffer.push(line);
    bufferBytes += line.length + 1;
    if (bufferBytes > BUDGETS.documentBytes) {
      yield refuse({
        code: 'too-large',
        message: `document is more than ${BUDGETS.documentBytes / 1048576} MB, the limit per request (budget: documentBytes)`,
      });
      skipping = true;
    }
  }
  if (mode !== 'jsonl' && !skipping) yield* flushYaml();
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Lines of a stream, a chunk's worth at a time: the stream is read only as fast as the lines
 * are consumed (readline's async iterator queues every line, so a large batch would fill
 * memory). Lines are cut on bytes, so a character split across chunks stays whole; a line over
 * the byte budget is dropped while it is read (linear time, flat memory) and comes out as a
 * BadLine, as does a line that is not UTF-8. A byte-order mark at the start is skipped.
 */
export async function* readLineBatches(input: NodeJS.ReadableStream): AsyncGenerator<Line[]> {
  const limit = BUDGETS.documentBytes;
  let rest: Buffer[] = [];
  let restBytes = 0;
  let overflow = false;
  let lineNumber = 0;
  let streamOffset = 0; // byte offset of the current line's start
  let first = true;
  const finish = (bytes: Buffer, out: Line[]): void => {
    lineNumber++;
    const start = streamOffset;
    streamOffset += bytes.length + 1;
    if (overflow) {
      overflow = false;
      out.push({
        bad: {
          code: 'too-large',
          message: `line ${lineNumber} is more than ${limit / 1048576} MB, the limit per request (budget: documentBytes)`,
        },
      });
      return;
    }
    let body = bytes;
    if (first && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
    first = false;
    if (body.length > 0 && body[body.length - 1] === 13) body = body.subarray(0, body.length - 1);
    try {
      out.push(utf8.decode(body));
    } catch {
      const at = invalidUtf8Offset(body) + start + (body.byteOffset - bytes.byteOffset);
      out.push({ bad: { code: 'invalid-utf8', message: `line ${lineNumber} is not valid UTF-8 (byte offset ${at} of the stream)` } });
    }
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const lines: Line[] = [];
    let start = 0;
    for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, start)) {
      const part = buf.subarray(start, nl);
      if (!overflow && restBytes + part.length > limit) overflow = true;
      if (overflow) {
        streamOffset += restBytes;
        rest = [];
        restBytes = 0;
        finish(part, lines);
      } else if (rest.length > 0) {
        rest.push(part);
        finish(Buffer.concat(rest, restBytes + part.length), lines);
        rest = [];
        restBytes = 0;
      } else finish(part, lines);
      start = nl + 1;
    }
    const tail = buf.subarray(start);
    if (!overflow && restBytes + tail.length > limit) overflow = true;
    if (overflow) {
      streamOffset += restBytes + tail.length;
      rest = [];
      restBytes = 0;
    } else if (tail.length > 0) {
      // copy: the stream may reuse its chunk buffers
      rest.push(Buffer.from(tail));
      restBytes += tail.length;
    }
    if (lines.length > 0) yield lines;
  }
  if (overflow || restBytes > 0) {
    const lines: Line[] = [];
    finish(Buffer.concat(rest, restBytes), lines);
    yield lines;
  }
}

/** Batches of lines, one line at a time. */
export async function* flattenBatches(batches: AsyncIterable<Line[]>): AsyncGenerator<Line> {
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
  for (const issue of issues) process.stderr.write(`${escapeControl(formatIssue(issue))}\n`);
}

export const useColor = (): boolean => process.stdout.isTTY === true && !('NO_COLOR' in process.env);
