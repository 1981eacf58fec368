// Per-request budgets: how much input one request may use, checked before any parsing or
// validation work grows with it. Every source reads through a capped reader (`readCapped` for
// files, pipes and devices, `readStreamCapped` for a stream such as an HTTP body; stdin lines are
// capped in cli/io.ts), bytes are decoded by `decodeUtf8`, and every loaded document passes
// `checkStructure` (load.ts) and `checkRequestBudgets` (validate.ts), so a breach is one clear
// error naming the limit and the path, never unbounded time or memory.
// The numbers are generous multiples of the largest real request (21 services, lists of 23,
// strings of 1.8 K characters, nesting 9 deep, `for:` chains of 2).
import { closeSync, openSync, readSync } from 'node:fs';
import { type InputIssue, type PathSegment, formatPath } from './issues.js';

export const BUDGETS = {
  /** Bytes of one request document (file, stream document, JSON line or HTTP body). */
  documentBytes: 1024 * 1024,
  /** Levels of nested lists and mappings. */
  depth: 32,
  /** Items in any one list. */
  arrayItems: 1000,
  /** Characters in any one text value or key. */
  stringChars: 20_000,
  /** Entries in `services`. */
  services: 100,
  /** Links in a `for:` chain (a service for a service for a service …). */
  forChain: 8,
  /** Problems reported per document; the rest are counted in a last "and N more" line. */
  issues: 20,
  /** Characters of an input value quoted in a message. */
  excerptChars: 60,
  /** Characters of one message. */
  messageChars: 2000,
} as const;

/** Human wording of the budgets, for `check --help` and the README. */
export function describeBudgets(): string {
  const b = BUDGETS;
  return [
    `${b.documentBytes / 1048576} MB per request (enforced while reading files, pipes, devices and stdin)`,
    `nesting ${b.depth} levels deep`,
    `${b.arrayItems} items per list`,
    `${b.stringChars} characters per text value`,
    `${b.services} services per request`,
    `\`for:\` chains ${b.forChain} links long`,
    `${b.issues} problems reported per request (then "and N more")`,
  ].join('; ');
}

export class BudgetError extends Error {
  constructor(readonly issue: InputIssue) {
    super(issue.message);
  }
}

/** A short quotation of a value: at most `excerptChars` characters, control characters escaped. */
export function excerpt(text: string, max: number = BUDGETS.excerptChars): string {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return escapeControl(cut);
}

// eslint-disable-next-line no-control-regex -- these are the control characters we neutralize
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- the same, keeping tab and newline
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Control characters (C0, DEL, C1, line separators, bidirectional overrides) as visible
 * escapes such as `\x1b`; with `keepLines`, newline and tab stay (the rule pack's own texts use them).
 */
export function escapeControl(text: string, keepLines = false): string {
  return text.replace(keepLines ? CONTROL_BUT_LINES : CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Keeps the first `issues` problems and replaces the rest by one "and N more" line; shortens long messages. */
export function capIssues(issues: readonly InputIssue[]): InputIssue[] {
  const shorten = (i: InputIssue): InputIssue => {
    const path = i.path.length > 200 ? `${i.path.slice(0, 199)}…` : i.path;
    const message = i.message.length > BUDGETS.messageChars ? `${i.message.slice(0, BUDGETS.messageChars - 1)}…` : i.message;
    return path === i.path && message === i.message ? i : { ...i, path, message };
  };
  if (issues.length <= BUDGETS.issues) return issues.map(shorten);
  const kept = issues.slice(0, BUDGETS.issues).map(shorten);
  const first = issues[0]!;
  kept.push({
    file: first.file,
    path: '',
    code: 'more-issues',
    message: `and ${issues.length - BUDGETS.issues} more problem(s) (at most ${BUDGETS.issues} are listed)`,
  });
  return kept;
}

/** The problem for a document over the byte budget. */
export function tooLarge(file: string, bytes?: number): InputIssue {
  const size = bytes === undefined ? 'more than' : `${(bytes / 1048576).toFixed(1)} MB;`;
  return {
    file,
    path: '',
    code: 'too-large',
    message:
      bytes === undefined
        ? `document is ${size} ${BUDGETS.documentBytes / 1048576} MB, the limit per request (budget: documentBytes)`
        : `document is ${size} a request may be at most ${BUDGETS.documentBytes / 1048576} MB (budget: documentBytes)`,
  };
}

/**
 * Reads a file, FIFO or device up to the byte budget, whatever size it reports: `/dev/zero`
 * or `<(yes)` stop one byte past the budget instead of filling memory. Throws BudgetError.
 */
export function readCapped(file: string, limit: number = BUDGETS.documentBytes): Buffer {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) throw new BudgetError(tooLarge(file));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Reads a whole stream (an HTTP body, say) up to the byte budget; throws BudgetError past it. */
export async function readStreamCapped(
  stream: AsyncIterable<Buffer | string>,
  name: string,
  limit: number = BUDGETS.documentBytes,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += buf.length;
    if (total > limit) throw new BudgetError(tooLarge(name));
    chunks.push(buf);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Decodes UTF-8 strictly: a byte-order mark is dropped, an invalid sequence is an error naming
 * its byte offset (replacement characters would silently change what the request says).
 */
export function decodeUtf8(bytes: Uint8Array, file: string, baseOffset = 0): string {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const at = invalidUtf8Offset(body) + start + baseOffset;
    throw new BudgetError({
      file,
      path: '',
      code: 'invalid-utf8',
      message: `not valid UTF-8 at byte offset ${at}; save the file as UTF-8`,
    });
  }
}

/** Offset of the first byte that does not begin a valid UTF-8 sequence (-1 when all are valid). */
export function invalidUtf8Offset(b: Uint8Array): number {
  const n = b.length;
  for (let i = 0; i < n;) {
    const c = b[i]!;
    let len: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0xc2 && c <= 0xdf) {
      len = 2;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      min = 0x10000;
    } else return i;
    if (i + len > n) return i;
    let cp = c & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const cc = b[i + k]!;
      if ((cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return -1;
}

/**
 * Checks a parsed document against the structural budgets (depth, list length, text length),
 * in one walk that goes no deeper than the depth budget (so no input can exhaust the call stack)
 * and formats a path only for a breach. Returns the breaches found (capped).
 */
export function checkStructure(root: unknown, file: string): InputIssue[] {
  const issues: InputIssue[] = [];
  // one path, extended and shortened as the walk goes: a path is formatted only for a problem
  const path: PathSegment[] = [];
  const breach = (code: string, message: string): void => {
    issues.push({ file, path: formatPath(path), code, message });
  };
  const walk = (value: unknown): void => {
    if (issues.length > BUDGETS.issues) return;
    if (typeof value === 'string') {
      if (value.length > BUDGETS.stringChars) {
        breach('too-long', `text of ${value.length} characters; at most ${BUDGETS.stringChars} are allowed (budget: stringChars)`);
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (path.length >= BUDGETS.depth) {
      breach('too-deep', `nesting deeper than ${BUDGETS.depth} levels (budget: depth)`);
      return;
    }
    if (Array.isArray(value)) {
      if (value.length > BUDGETS.arrayItems) {
        breach('too-many-items', `list of ${value.length} items; at most ${BUDGETS.arrayItems} are allowed (budget: arrayItems)`);
        return;
      }
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
      return;
    }
    const keys = Object.keys(value);
    if (keys.length > BUDGETS.arrayItems) {
      breach('too-many-items', `mapping of ${keys.length} keys; at most ${BUDGETS.arrayItems} are allowed (budget: arrayItems)`);
      return;
    }
    for (const key of keys) {
      if (key.length > BUDGETS.stringChars) {
        breach('too-long', `a key of ${key.length} characters; at most ${BUDGETS.stringChars} are allowed (budget: stringChars)`);
        continue;
      }
      path.push(key);
      walk((value as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  walk(root);
  return issues;
}

/**
 * Checks the request-level budgets: services per request and `for:` chain length. Runs on raw
 * data before schema validation (which would otherwise do work in proportion to the breach).
 * `base` is the request's path inside its document (`['request']` in a case file).
 */
export function checkRequestBudgets(request: unknown, file: string, base: readonly PathSegment[] = []): InputIssue[] {
  if (request === null || typeof request !== 'object') return [];
  const services = (request as { services?: unknown }).services;
  if (!Array.isArray(services)) return [];
  const at = (...segs: PathSegment[]): string => formatPath([...base, 'services', ...segs]);
  if (services.length > BUDGETS.services) {
    return [
      {
        file,
        path: at(),
        code: 'too-many-services',
        message: `${services.length} services; a request may hold at most ${BUDGETS.services} (budget: services)`,
      },
    ];
  }
  const forOf = new Map<string, string>();
  for (const s of services) {
    const { id, for: target } = (s ?? {}) as { id?: unknown; for?: unknown };
    if (typeof id === 'string' && typeof target === 'string' && !forOf.has(id)) forOf.set(id, target);
  }
  const issues: InputIssue[] = [];
  services.forEach((s, i) => {
    const id = (s as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    let links = 0;
    const seen = new Set<string>([id]);
    for (let next = forOf.get(id); next !== undefined && !seen.has(next); next = forOf.get(next)) {
      seen.add(next);
      if (++links > BUDGETS.forChain) {
        issues.push({
          file,
          path: at(i, 'for'),
          code: 'for-chain-too-long',
          message: `the \`for:\` chain from "${excerpt(id)}" is longer than ${BUDGETS.forChain} links (budget: forChain)`,
        });
        return;
      }
    }
  });
  return issues;
}
