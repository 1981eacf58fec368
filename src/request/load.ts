// Safe loading of YAML and JSON documents: no custom tags, bounded alias expansion, no
// prototype keys, no duplicate keys, no collection keys, and the budgets of budgets.ts (size
// before parsing; depth, list and text lengths after). Returns plain data plus a way to find the
// source line of a path, so later validation errors can point at the line.
import { parseAllDocuments, isNode, isCollection, isPair, visit, LineCounter, type Document } from 'yaml';
import { type InputIssue, type PathSegment, formatPath, InputError } from './issues.js';
import { BUDGETS, BudgetError, capIssues, checkStructure, decodeUtf8, excerpt, tooLarge } from './budgets.js';
import { parsePath } from './validate.js';

/** A request is a few kilobytes; anything near this is a mistake or an attack. */
export const MAX_DOCUMENT_BYTES = BUDGETS.documentBytes;
const MAX_ALIAS_COUNT = 100;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface LoadedDocument {
  /** `file` or `file#N` for the N-th document of a stream. */
  name: string;
  data: unknown;
  /** 1-based line and column of a path, when the path exists in the source. */
  locate: (path: readonly PathSegment[]) => { line: number; column: number } | undefined;
}

/** Parses one file's text: a JSON document, a YAML document, or a YAML stream (`---`). */
export function loadDocuments(text: string, file: string, options: { stream?: boolean } = {}): LoadedDocument[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.trimStart();
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && !options.stream) {
    return [loadJson(body, file)];
  }
  return loadYaml(body, file, options.stream ?? false);
}

/**
 * Parses a file's bytes: strict UTF-8 (byte-order mark allowed), `.json` files as JSON only
 * (a trailing comma is an error, not YAML), others as a YAML document or stream.
 */
export function loadFileBytes(bytes: Uint8Array, file: string): LoadedDocument[] {
  if (bytes.length > BUDGETS.documentBytes) throw new InputError([tooLarge(file, bytes.length)]);
  let text: string;
  try {
    text = decodeUtf8(bytes, file);
  } catch (err) {
    if (err instanceof BudgetError) throw new InputError([err.issue]);
    throw err;
  }
  if (/\.json$/i.test(file)) return text.trim() === '' ? [] : [loadJson(text, file)];
  return loadDocuments(text, file, { stream: true });
}

/** Parses one JSON text (one line of a JSON Lines stream, or a whole .json file). */
export function loadJson(text: string, name: string): LoadedDocument {
  checkSize(text, name);
  const locate = (path: readonly PathSegment[]): { line: number; column: number } | undefined => {
    const offset = findJsonValue(text, path);
    return offset === undefined ? undefined : lineColumn(text, offset);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const position = /at position (\d+)/.exec(message);
    const at = position ? lineColumn(text, Number(position[1])) : {};
    throw new InputError([{ file: name, path: '', code: 'json-syntax', message: `not valid JSON: ${excerpt(message, 120)}`, ...at }]);
  }
  // One walk in the common case (within budget, no prototype key); otherwise the checks that say what is wrong.
  let walked = keysWithinBudgets(data, 0);
  if (walked < 0) {
    const budget = checkStructure(data, name);
    if (budget.length > 0) throw new InputError(capIssues(withJsonLines(budget, locate)));
    walked = countKeys(data, 0);
    if (walked < 0) throw new InputError(capIssues(withJsonLines(checkPlainData(data, name), locate)));
  }
  // JSON.parse keeps one of two equal keys, so the parsed value has fewer keys than the text
  // names: compare the counts (cheap), and only on a difference scan for the duplicate's path.
  if (walked !== countKeyTokens(text)) {
    const problem = scanJsonKeys(text);
    if (problem?.kind === 'duplicate') {
      throw new InputError([
        {
          file: name,
          path: problem.path,
          code: 'duplicate-key',
          message: 'this key appears twice in the same object; the first value would be lost',
          ...lineColumn(text, problem.offset),
        },
      ]);
    }
  }
  return { name, data, locate };
}

function withJsonLines(issues: InputIssue[], locate: LoadedDocument['locate']): InputIssue[] {
  return issues.map((i) => {
    const loc = locate(parsePath(i.path));
    return loc ? { ...i, ...loc } : i;
  });
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function checkSize(text: string, name: string): void {
  // a UTF-8 character is at most 3 bytes per UTF-16 unit: skip the count when it cannot matter
  if (text.length * 3 <= BUDGETS.documentBytes) return;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > BUDGETS.documentBytes) throw new InputError([tooLarge(name, bytes)]);
}

function loadYaml(text: string, file: string, stream: boolean): LoadedDocument[] {
  checkSize(text, file);
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, {
      schema: 'core',
      customTags: [],
      uniqueKeys: true,
      prettyErrors: false,
      lineCounter,
      strict: true,
      logLevel: 'error',
    });
    docs = Array.isArray(parsed) ? parsed : [parsed];
  } catch (err) {
    if (err instanceof RangeError) throw new InputError([tooDeep(file, '')]);
    throw err;
  }
  const nonEmpty = docs.filter((d) => d.contents !== null || d.errors.length > 0);
  if (!stream && nonEmpty.length > 1) {
    throw new InputError([
      {
        file,
        path: '',
        code: 'multiple-documents',
        message: `found ${nonEmpty.length} YAML documents; a file holds one (use \`precheck check -\` for a stream)`,
      },
    ]);
  }
  return nonEmpty.map((doc, i) => {
    const name = stream && nonEmpty.length > 1 ? `${file}#${i + 1}` : file;
    return toLoaded(doc, name, lineCounter);
  });
}

const tooDeep = (file: string, path: string): InputIssue => ({
  file,
  path,
  code: 'too-deep',
  message: `nesting deeper than ${BUDGETS.depth} levels (budget: depth)`,
});

function toLoaded(doc: Document.Parsed, name: string, lineCounter: LineCounter): LoadedDocument {
  const at = (offset: number | undefined): { line?: number; column?: number } => {
    if (offset === undefined) return {};
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const locate = (path: readonly PathSegment[]): { line: number; column: number } | undefined => {
    const node = doc.getIn(path as PathSegment[], true);
    if (!isNode(node) || !node.range) return undefined;
    const pos = lineCounter.linePos(node.range[0]);
    return { line: pos.line, column: pos.col };
  };
  const issues: InputIssue[] = [];
  for (const err of doc.errors) {
    if (/call stack/i.test(err.message)) throw new InputError([{ ...tooDeep(name, ''), ...at(err.pos[0]) }]);
    issues.push({
      file: name,
      path: '',
      code: 'yaml-syntax',
      message: excerpt(err.message.split('\n')[0] ?? err.message, 200),
      ...at(err.pos[0]),
    });
  }
  try {
    visit(doc, {
      Node(_key, node) {
        if (isNode(node) && node.tag) {
          issues.push({
            file: name,
            path: '',
            code: 'yaml-tag',
            message: `YAML tags such as "${excerpt(node.tag)}" are not allowed in a request`,
            ...at(node.range?.[0]),
          });
        }
      },
      Pair(_key, pair) {
        if (isPair(pair) && isCollection(pair.key)) {
          issues.push({
            file: name,
            path: '',
            code: 'yaml-key',
            message: 'a key must be text, not a list or mapping',
            ...at(pair.key.range?.[0]),
          });
        }
      },
    });
  } catch (err) {
    if (err instanceof RangeError) throw new InputError([tooDeep(name, '')]);
    throw err;
  }
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED')
      issues.push({
        file: name,
        path: '',
        code: 'yaml-tag',
        message: excerpt(w.message.split('\n')[0] ?? w.message, 200),
        ...at(w.pos[0]),
      });
  }
  if (issues.length > 0) throw new InputError(capIssues(issues));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (err instanceof RangeError) throw new InputError([tooDeep(name, '')]);
    throw new InputError([
      {
        file: name,
        path: '',
        code: 'yaml-aliases',
        message: `${excerpt((err as Error).message, 200)} (aliases may expand to at most ${MAX_ALIAS_COUNT} nodes)`,
      },
    ]);
  }
  const located = (list: InputIssue[]): InputIssue[] =>
    list.map((i) => {
      const segs = parsePath(i.path);
      for (let n = segs.length; n >= 0; n--) {
        const loc = locate(segs.slice(0, n));
        if (loc) return { ...i, ...loc };
      }
      return i;
    });
  const budget = checkStructure(data, name);
  if (budget.length > 0) throw new InputError(capIssues(located(budget)));
  const dataIssues = checkPlainData(data, name);
  if (dataIssues.length > 0) throw new InputError(capIssues(located(dataIssues)));
  return { name, data, locate };
}

/** Rejects prototype keys and non-plain values (binary, dates); runs after checkStructure bounded the depth. */
function checkPlainData(root: unknown, file: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const walk = (value: unknown, path: PathSegment[]): void => {
    if (issues.length > BUDGETS.issues) return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
      return;
    }
    if (value !== null && typeof value === 'object') {
      if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
        issues.push({
          file,
          path: formatPath(path),
          code: 'invalid-type',
          message: 'expected plain data (text, numbers, true/false, lists, mappings)',
        });
        return;
      }
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          issues.push({
            file,
            path: formatPath([...path, key]),
            code: 'forbidden-key',
            message: `the key "${key}" is not allowed (it could alter how objects behave)`,
          });
          continue;
        }
        walk((value as Record<string, unknown>)[key], [...path, key]);
      }
    }
  };
  walk(root, []);
  return issues;
}

/** Keys in a parsed JSON value; -1 when it has a forbidden key or nests too deep. */
function countKeys(value: unknown, depth: number): number {
  if (value === null || typeof value !== 'object') return 0;
  if (depth > BUDGETS.depth) return -1;
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

/**
 * countKeys, and -1 as well on anything checkStructure would refuse (a text, list or mapping over
 * its budget, nesting too deep): one walk of the parsed value for a request within its budgets.
 */
function keysWithinBudgets(value: unknown, depth: number): number {
  if (typeof value === 'string') return value.length > BUDGETS.stringChars ? -1 : 0;
  if (value === null || typeof value !== 'object') return 0;
  if (depth >= BUDGETS.depth) return -1;
  let n = 0;
  if (Array.isArray(value)) {
    if (value.length > BUDGETS.arrayItems) return -1;
    for (const v of value) {
      const k = keysWithinBudgets(v, depth + 1);
      if (k < 0) return -1;
      n += k;
    }
    return n;
  }
  let keys = 0;
  for (const key in value) {
    if (key.length > BUDGETS.stringChars || FORBIDDEN_KEYS.has(key)) return -1;
    const k = keysWithinBudgets((value as Record<string, unknown>)[key], depth + 1);
    if (k < 0) return -1;
    n += k + 1;
    keys++;
  }
  return keys > BUDGETS.arrayItems ? -1 : n;
}

/** JSON's whitespace: all that may stand between a key and its colon. */
const isJsonSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Keys a JSON text names: closing quotes (not escaped) followed by a colon, found from the
 * colons (fewer than the quotes; indexOf is fast). Every key is counted; a string value that
 * starts with a colon is counted too, which only sends the text to the full scan.
 */
function countKeyTokens(text: string): number {
  let n = 0;
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let quote = colon - 1;
    while (quote >= 0 && isJsonSpace(text.charCodeAt(quote))) quote--;
    if (text.charCodeAt(quote) !== 34) continue;
    let slashes = 0;
    for (let b = quote - 1; text.charCodeAt(b) === 92; b--) slashes++;
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
function scanJsonKeys(text: string): { kind: 'duplicate'; path: string; offset: number } | { kind: 'unsafe' } | undefined {
  const keys: (Set<string> | null)[] = []; // per open container: its keys (objects) or null (arrays)
  const current: PathSegment[] = []; // per open container: the key or index being read in it
  const expectingKey: boolean[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // a string: find its closing quote (one not escaped)
      const closed = closingQuote(text, i);
      if (!closed) return undefined;
      const { end, escaped } = closed;
      const depth = keys.length - 1;
      const set = depth >= 0 ? keys[depth] : null;
      if (set && expectingKey[depth]) {
        const key = escaped ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end);
        if (set.has(key)) return { kind: 'duplicate', path: formatPath([...current.slice(0, depth), key]), offset: i };
        if (FORBIDDEN_KEYS.has(key)) return { kind: 'unsafe' };
        set.add(key);
        current[depth] = key;
        expectingKey[depth] = false;
      }
      i = end;
    } else if (c === 123 || c === 91) {
      // { [
      if (keys.length >= BUDGETS.depth) return { kind: 'unsafe' };
      keys.push(c === 123 ? new Set() : null);
      current.push(c === 123 ? '' : 0);
      expectingKey.push(c === 123);
    } else if (c === 125 || c === 93) {
      // } ]
      keys.pop();
      current.pop();
      expectingKey.pop();
    } else if (c === 44) {
      // ,
      const d = keys.length - 1;
      if (d >= 0) {
        if (keys[d]) expectingKey[d] = true;
        else current[d] = (current[d] as number) + 1;
      }
    }
  }
  return undefined;
}

/**
 * Offset of the value at `path` in a JSON text JSON.parse has accepted (undefined when absent):
 * one linear scan, so every error on a JSON request can name its line and column.
 */
function findJsonValue(text: string, target: readonly PathSegment[]): number | undefined {
  const path: PathSegment[] = [];
  const isObject: boolean[] = [];
  let expectingKey = false;
  const matches = (): boolean => path.length === target.length && path.every((p, k) => p === target[k]);
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 58) continue; // space, tab, newline, :
    if (c === 44) {
      // ,
      const d = path.length - 1;
      if (d >= 0) {
        if (isObject[d]) expectingKey = true;
        else path[d] = (path[d] as number) + 1;
      }
      continue;
    }
    if (c === 125 || c === 93) {
      path.pop();
      isObject.pop();
      expectingKey = false;
      continue;
    } // } ]
    if (c === 34) {
      const closed = closingQuote(text, i);
      if (!closed) return undefined;
      const { end } = closed;
      if (expectingKey) {
        path[path.length - 1] = JSON.parse(text.slice(i, end + 1)) as string;
        expectingKey = false;
      } else if (matches()) return i;
      i = end;
      continue;
    }
    if (matches()) return i;
    if (c === 123 || c === 91) {
      // { [
      isObject.push(c === 123);
      path.push(c === 123 ? '' : 0);
      expectingKey = c === 123;
      continue;
    }
    while (i + 1 < n && !/[\s,\]}]/.test(text[i + 1]!)) i++; // a number, true, false or null
  }
  return undefined;
}

/** The closing quote of the JSON string opening at `start` (one not escaped), and whether the string holds an escaped quote. */
function closingQuote(text: string, start: number): { end: number; escaped: boolean } | undefined {
  let end = start;
  let escaped = false;
  for (;;) {
    end = text.indexOf('"', end + 1);
    if (end < 0) return undefined;
    let slashes = 0;
    for (let b = end - 1; text.charCodeAt(b) === 92; b--) slashes++;
    if (slashes % 2 === 0) return { end, escaped };
    escaped = true;
  }
}
