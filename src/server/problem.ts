// RFC 9457 problem details for every error the server returns: one shape, the same issue
// messages the CLI prints, never a stack trace.
import type { InputIssue } from '../request/issues.js';
import { formatIssue } from '../request/issues.js';

export const PROBLEM_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Every input problem, with its path (and line for YAML), as the CLI reports them. */
  issues?: (InputIssue & { text: string })[];
}

const TYPE_BASE = 'https://imr-precheck.local/problems/';

export function problem(status: number, slug: string, title: string, detail: string, issues?: readonly InputIssue[]): Problem {
  const p: Problem = { type: `${TYPE_BASE}${slug}`, title, status, detail };
  if (issues) p.issues = issues.map((i) => ({ ...i, text: formatIssue(i) }));
  return p;
}

export function invalidRequest(issues: readonly InputIssue[]): Problem {
  return problem(
    400,
    'invalid-request',
    'The request is not valid imr-precheck/request@1',
    `${issues.length} problem(s); fix each one at its path (docs/request-format.md is the reference)`,
    issues,
  );
}
