// Safe loading of YAML and JSON documents: no custom tags, bounded alias expansion, no
// prototype keys, no duplicate keys, a size cap. Returns plain data plus a way to find the
// source line of a path, so later validation errors can point at the line.
import { parseAllDocuments, isNode, visit, LineCounter, type Document } from 'yaml';
import { type InputIssue, type PathSegment, formatPath, InputError } from './issues.js';

/** A request is a few kilobytes; anything near this is a mistake or an attack. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
const MAX_ALIAS_COUNT = 100;
const MAX_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface LoadedDocument {
  /** `file` or `file#N` for the N-th document of a stream. */
  name: string;
  data: unknown;
  /** 1-based line and column of a path, when the source is YAML and the path exists. */
  locate(path: readonly PathSegment[]): { line: number; column: number } | undefined;
}

const noLocation = (): undefined => undefined;

/** Parses one file's text: a JSON document, a YAML document, or a YAML stream (`---`). */
export function loadDocuments(text: string, file: string, options: { stream?: boolean } = {}): LoadedDocument[] {
  const trimmed = text.trimStart();
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && !options.stream) {
    return [loadJson(text, file)];
  }
  return loadYaml(text, file, options.stream ?? false);
}

/** Parses one JSON text (one line of a JSON Lines stream, or a whole .json file). */
export function loadJson(text: string, name: string): LoadedDocument {
  checkSize(text, name);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError([{ file: name, path: '', code: 'json-syntax', message: `not valid JSON: ${(err as Error).message}` }]);
  }
  // JSON.parse keeps one of two equal keys, so the parsed value has fewer keys than the text
  // names: compare the counts (cheap), and only on a difference scan for the duplicate's path.
  const walked = countKeys(data, 0);
  if (walked < 0) throw new InputError(checkPlainData(data, name));
  if (walked !== countKeyTokens(text)) {
    const problem = scanJsonKeys(text);
    if (problem?.kind === 'duplicate') {
      throw new InputError([{ file: name, path: problem.path, code: 'duplicate-key', message: 'this key appears twice in the same object; the first value would be lost' }]);
    }
  }
  return { name, data, locate: noLocation };
}

function checkSize(text: string, name: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new InputError([{
      file: name, path: '', code: 'too-large',
      message: `document is ${(bytes / 1048576).toFixed(1)} MB; a request or case may be at most ${MAX_DOCUMENT_BYTES / 1048576} MB`,
    }]);
  }
}

function loadYaml(text: string, file: string, stream: boolean): LoadedDocument[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    schema: 'core', customTags: [], uniqueKeys: true, prettyErrors: false, lineCounter, strict: true,
  });
  const list = Array.isArray(docs) ? docs : [docs];
  const nonEmpty = list.filter((d) => d.contents !== null || d.errors.length > 0);
  if (!stream && nonEmpty.length > 1) {
    throw new InputError([{ file, path: '', code: 'multiple-documents', message: `found ${nonEmpty.length} YAML documents; a file holds one (use \`precheck check -\` for a stream)` }]);
  }
  return nonEmpty.map((doc, i) => {
    const name = stream && nonEmpty.length > 1 ? `${file}#${i + 1}` : file;
    return toLoaded(doc, name, lineCounter, text);
  });
}

function toLoaded(doc: Document.Parsed, name: string, lineCounter: LineCounter, text: string): LoadedDocument {
  const at = (offset: number | undefined): { line?: number; column?: number } => {
    if (offset === undefined) return {};
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const range = doc.range;
  if (range) checkSize(text.slice(range[0], range[2]), name);
  const issues: InputIssue[] = [];
  for (const err of doc.errors) {
    issues.push({ file: name, path: '', code: 'yaml-syntax', message: err.message.split('\n')[0] ?? err.message, ...at(err.pos[0]) });
  }
  visit(doc, {
    Node(_key, node) {
      if (isNode(node) && node.tag) {
        issues.push({ file: name, path: '', code: 'yaml-tag', message: `YAML tags such as "${node.tag}" are not allowed in a request`, ...at(node.range?.[0]) });
      }
    },
  });
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') issues.push({ file: name, path: '', code: 'yaml-tag', message: w.message.split('\n')[0] ?? w.message, ...at(w.pos[0]) });
  }
  if (issues.length > 0) throw new InputError(issues);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new InputError([{ file: name, path: '', code: 'yaml-aliases', message: `${(err as Error).message} (aliases may expand to at most ${MAX_ALIAS_COUNT} nodes)` }]);
  }
  const dataIssues = checkPlainData(data, name);
  if (dataIssues.length > 0) throw new InputError(dataIssues);
  return {
    name,
    data,
    locate(path) {
      const node = doc.getIn(path as PathSegment[], true);
      if (!isNode(node) || !node.range) return undefined;
      const pos = lineCounter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    },
  };
}

/** Rejects prototype keys, non-plain values (binary, dates) and runaway nesting. */
function checkPlainData(root: unknown, file: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const walk = (value: unknown, path: PathSegment[], depth: number): void => {
    if (issues.length >= 20) return;
    if (depth > MAX_DEPTH) {
      issues.push({ file, path: formatPath(path), code: 'too-deep', message: `nesting deeper than ${MAX_DEPTH} levels` });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i], depth + 1));
      return;
    }
    if (value !== null && typeof value === 'object') {
      if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
        issues.push({ file, path: formatPath(path), code: 'invalid-type', message: 'expected plain data (text, numbers, true/false, lists, mappings)' });
        return;
      }
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          issues.push({ file, path: formatPath([...path, key]), code: 'forbidden-key', message: `the key "${key}" is not allowed` });
          continue;
        }
        walk((value as Record<string, unknown>)[key], [...path, key], depth + 1);
      }
    }
  };
  walk(root, [], 0);
  return issues;
}

/** Keys in a parsed JSON value; -1 when it has a forbidden key or nests too deep. */
function countKeys(value: unknown, depth: number): number {
  if (value === null || typeof value !== 'object') return 0;
  if (depth > MAX_DEPTH) return -1;
  let n = 0;
  if (Array.isArray(value)) {
    for (const v of value) {
      const k = countKeys(v, depth + 1);
      if (k < 0) return -1;
      n += k;
    }
    return n;
  }
  for (const key in value) {
    if (FORBIDDEN_KEYS.has(key)) return -1;
    const k = countKeys((value as Record<string, unknown>)[key], depth + 1);
    if (k < 0) return -1;
    n += k + 1;
  }
  return n;
}

const KEY_END = /"\s*:/g;

/** Keys a JSON text names: closing quotes (not escaped) followed by a colon. */
function countKeyTokens(text: string): number {
  let n = 0;
  KEY_END.lastIndex = 0;
  for (let m = KEY_END.exec(text); m; m = KEY_END.exec(text)) {
    let slashes = 0;
    for (let b = m.index - 1; text.charCodeAt(b) === 92; b--) slashes++;
    if (slashes % 2 === 0) n++;
  }
  return n;
}

/** A duplicate key (as a path), or a forbidden key or nesting deeper than allowed. */
export function findDuplicateJsonKey(text: string): string | undefined {
  const problem = scanJsonKeys(text);
  return problem?.kind === 'duplicate' ? problem.path : undefined;
}

/**
 * JSON.parse keeps the last of two equal keys and drops the first without a word; this scan
 * finds such a key (as a path) so the loader can refuse it instead of losing data, and notes
 * prototype keys and deep nesting on the way. It runs on text JSON.parse has accepted, so it
 * only tracks strings, containers and commas.
 */
function scanJsonKeys(text: string): { kind: 'duplicate'; path: string } | { kind: 'unsafe' } | undefined {
  const keys: (Set<string> | null)[] = []; // per open container: its keys (objects) or null (arrays)
  const current: PathSegment[] = []; // per open container: the key or index being read in it
  const expectingKey: boolean[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) { // a string: find its closing quote (one not escaped)
      let end = i;
      let escaped = false;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end < 0) return undefined;
        let slashes = 0;
        for (let b = end - 1; text.charCodeAt(b) === 92; b--) slashes++;
        if (slashes % 2 === 0) break;
        escaped = true;
      }
      const depth = keys.length - 1;
      const set = depth >= 0 ? keys[depth] : null;
      if (set && expectingKey[depth]) {
        const key = escaped ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end);
        if (set.has(key)) return { kind: 'duplicate', path: formatPath([...current.slice(0, depth), key]) };
        if (FORBIDDEN_KEYS.has(key)) return { kind: 'unsafe' };
        set.add(key);
        current[depth] = key;
        expectingKey[depth] = false;
      }
      i = end;
    } else if (c === 123 || c === 91) { // { [
      if (keys.length >= MAX_DEPTH) return { kind: 'unsafe' };
      keys.push(c === 123 ? new Set() : null);
      current.push(c === 123 ? '' : 0);
      expectingKey.push(c === 123);
    } else if (c === 125 || c === 93) { // } ]
      keys.pop();
      current.pop();
      expectingKey.pop();
    } else if (c === 44) { // ,
      const d = keys.length - 1;
      if (d >= 0) {
        if (keys[d]) expectingKey[d] = true;
        else current[d] = (current[d] as number) + 1;
      }
    }
  }
  return undefined;
}
