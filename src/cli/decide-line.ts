// One JSON Lines request in, one JSON Lines result out: the fast path of `check - --format jsonl`,
// which skips the general document sources; error results have the same shape as theirs.
import { loadJson } from '../request/load.js';
import { InputError, formatIssue, type InputIssue } from '../request/issues.js';
import { capIssues, excerpt } from '../request/budgets.js';
import { requestFromDocument, checkRequest } from '../api.js';
import type { RulePack } from '../rules/pack.js';
import { RESULT_FORMAT, type ErrorResult, type RequestResult } from '../engine/result.js';
import { withSource } from './batch.js';
import type { SourceRef } from '../report/csv.js';

export interface LineOutcome {
  /** The result (or error result) as one JSON line, newline included. */
  text: string;
  /** Problems to print on stderr, one formatted line each. */
  stderr: string[];
  upheld: boolean;
  notCovered: boolean;
  invalid: boolean;
}

export function errorResult(name: string, issues: readonly InputIssue[], requestId: string | null): ErrorResult {
  return {
    format: RESULT_FORMAT,
    request: requestId,
    error: {
      message: `${name}: ${issues.length} problem(s); the first: ${issues[0]?.path ? `${issues[0].path}: ` : ''}${issues[0]?.message ?? ''}`,
      issues: [...issues],
    },
  };
}

export function resultOutcome(result: RequestResult): Pick<LineOutcome, 'upheld' | 'notCovered'> {
  return {
    upheld: result.services.some((s) => s.prediction === 'upheld'),
    notCovered: result.services.some((s) => s.prediction === 'not-covered'),
  };
}

/** Decides one line; `source` (file and line) is added to the result when given. */
export function decideLine(name: string, line: string, pack: RulePack, source?: SourceRef): LineOutcome {
  let data: unknown;
  try {
    const doc = loadJson(line, name);
    data = doc.data;
    const result = checkRequest(requestFromDocument(doc), { pack });
    return {
      text: `${JSON.stringify(source ? withSource(result, source) : result)}\n`,
      stderr: [],
      invalid: false,
      ...resultOutcome(result),
    };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const d = data as { id?: unknown } | null | undefined;
    const id = d && typeof d === 'object' && typeof d.id === 'string' ? excerpt(d.id) : null;
    const issues = capIssues(err.issues);
    return {
      text: `${JSON.stringify(source ? { ...errorResult(name, issues, id), source } : errorResult(name, issues, id))}\n`,
      stderr: issues.map(formatIssue),
      upheld: false,
      notCovered: false,
      invalid: true,
    };
  }
}
