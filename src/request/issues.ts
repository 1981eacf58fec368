// One shape for every input problem (file, path, stable code, message) and one place that
// turns zod issues into messages a person can act on.
import type { z } from 'zod';
import { excerpt } from './budgets.js';

export type PathSegment = string | number;

export interface InputIssue {
  /** File name, `<stdin>` or `<stdin>#3` (third document of a stream). */
  file: string;
  /** Request path such as `services[2].levels`; empty for the whole document. */
  path: string;
  /** Stable machine-readable code, e.g. `unknown-field`, `invalid-value`, `yaml-syntax`. */
  code: string;
  message: string;
  line?: number;
  column?: number;
}

/** Thrown by loaders; carries every problem found, not only the first. */
export class InputError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'InputError';
  }
}

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

export function formatIssue(issue: InputIssue): string {
  const where =
    issue.line !== undefined ? `${issue.file}:${issue.line}${issue.column !== undefined ? `:${issue.column}` : ''}` : issue.file;
  return issue.path ? `${where}: ${issue.path}: ${issue.message}` : `${where}: ${issue.message}`;
}

/** A short, safe rendering of a found value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${excerpt(value)}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return excerpt(String(value));
  return `a ${typeof value}`;
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

/** The closest allowed word, when it is close enough to be a likely typo. */
export function didYouMean(word: string, allowed: readonly string[]): string | undefined {
  if (word.length > 64) return undefined; // no typo of a short word; and edit distance is quadratic
  let best: string | undefined;
  let bestScore = Infinity;
  const w = word.toLowerCase();
  for (const candidate of allowed) {
    const score = editDistance(w, candidate.toLowerCase());
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function listAllowed(values: readonly unknown[]): string {
  const shown = values.slice(0, 40).map(String);
  return shown.join(' | ') + (values.length > 40 ? ' | …' : '');
}

/** Keys an object schema at `path` allows; used to explain unknown-field errors. */
export type AllowedKeys = (path: readonly PathSegment[]) => readonly string[] | undefined;

/** Converts zod issues (parsed with `reportInput: true`) into input issues. */
export function fromZodIssues(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  allowedKeys: AllowedKeys,
  base: readonly PathSegment[] = [],
): InputIssue[] {
  const out: InputIssue[] = [];
  for (const iss of issues) out.push(...fromZodIssue(file, iss, allowedKeys, base));
  return out;
}

function fromZodIssue(file: string, iss: z.core.$ZodIssue, allowedKeys: AllowedKeys, base: readonly PathSegment[]): InputIssue[] {
  const segs = [...base, ...(iss.path as PathSegment[])];
  const path = formatPath(segs);
  const input = (iss as { input?: unknown }).input;
  switch (iss.code) {
    case 'unrecognized_keys': {
      const allowed = (allowedKeys(segs) ?? []).filter((k) => k !== 'extensions');
      return iss.keys.map((key) => {
        const guess = didYouMean(key, allowed);
        return {
          file,
          path: formatPath([...segs, excerpt(key)]),
          code: 'unknown-field',
          message: `unknown field "${excerpt(key)}"${guess ? `; did you mean "${guess}"?` : ''} Allowed here: ${allowed.join(', ')} (anything else goes under \`extensions:\`)`,
        };
      });
    }
    case 'invalid_value': {
      const values = iss.values as readonly unknown[];
      if (input === undefined) {
        return [{ file, path, code: 'missing-field', message: `required field is missing; allowed: ${listAllowed(values)}` }];
      }
      if (values.length === 1) {
        return [{ file, path, code: 'invalid-value', message: `expected ${JSON.stringify(values[0])}, found ${describeValue(input)}` }];
      }
      const guess = typeof input === 'string' ? didYouMean(input, values.map(String)) : undefined;
      return [
        {
          file,
          path,
          code: 'invalid-value',
          message: `invalid value ${describeValue(input)}${guess ? ` (did you mean "${guess}"?)` : ''}; expected one of: ${listAllowed(values)}`,
        },
      ];
    }
    case 'invalid_type': {
      if (input === undefined)
        return [{ file, path, code: 'missing-field', message: `required field is missing (expected ${iss.expected})` }];
      return [{ file, path, code: 'invalid-type', message: `expected ${iss.expected}, found ${describeValue(input)}` }];
    }
    case 'invalid_union': {
      // Report the branch that fits the input's shape (a mapping vs. a string), not every branch.
      const branches = (iss as { errors?: z.core.$ZodIssue[][] }).errors ?? [];
      const fitting = branches.find((b) => b.length > 0 && b.every((e) => e.code !== 'invalid_type' || e.path.length > 0));
      if (fitting) return fromZodIssues(file, fitting, allowedKeys, segs);
      return [
        {
          file,
          path,
          code: 'invalid-type',
          message: `${iss.message.replace(/^Invalid input:?\s*/i, '') || 'invalid value'}, found ${describeValue(input)}`,
        },
      ];
    }
    case 'too_small': {
      if (iss.origin === 'array')
        return [
          { file, path, code: 'too-small', message: `expected at least ${String(iss.minimum)} item(s), found ${describeValue(input)}` },
        ];
      if (iss.origin === 'string') return [{ file, path, code: 'too-small', message: 'expected a non-empty string' }];
      return [
        {
          file,
          path,
          code: 'out-of-range',
          message: `must be ${iss.inclusive ? '≥' : '>'} ${String(iss.minimum)}, found ${describeValue(input)}`,
        },
      ];
    }
    case 'too_big':
      return [
        {
          file,
          path,
          code: 'out-of-range',
          message: `must be ${iss.inclusive ? '≤' : '<'} ${String(iss.maximum)}, found ${describeValue(input)}`,
        },
      ];
    case 'invalid_format':
      return [{ file, path, code: 'invalid-format', message: `${iss.message}, found ${describeValue(input)}` }];
    case 'custom':
      // custom messages may quote the value (a `for:` target, an id): keep them short
      return [{ file, path, code: 'invalid-value', message: excerpt(iss.message, 300) }];
    default:
      return [{ file, path, code: 'invalid', message: `${excerpt(iss.message, 200)}, found ${describeValue(input)}` }];
  }
}
