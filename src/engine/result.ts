// The result format `imr-precheck/result@1` (shared/spec/request-format.md §2), plus
// `decisionDate`, `notices` and `notRecommended`, which the spec allows as extra fields.
import type { Citation } from '../guidelines/catalog.js';

export const RESULT_FORMAT = 'imr-precheck/result@1';

export type Prediction = 'upheld' | 'overturned' | 'not-covered';
/**
 * `not-stated`: the request does not say how the procedure is performed (e.g. under
 * fluoroscopy); reviewers presume the standard way, so it does not decide the outcome — but it
 * is never shown as met. Only criteria marked `presumed` in the rule file can have it.
 */
export type CriterionStatus = 'met' | 'unmet' | 'not-documented' | 'not-stated';

export interface CriterionResult {
  id: string;
  status: CriterionStatus;
  text: string;
  evidence: string[];
  citation: Citation;
  /** Set with status `not-stated` (kept for readers of the earlier field). */
  presumed?: true;
}

export interface ServiceResult {
  id: string;
  kind: string;
  label: string;
  prediction: Prediction;
  medicallyNecessary: boolean | null;
  dependsOn: string | null;
  guideline: Citation | null;
  criteria: CriterionResult[];
  rationale: string;
  toOverturn: string[];
  /** Set when a guideline does not recommend the service as requested: no documentation can overturn it. */
  notRecommended?: string;
  /** Rule topics (rule file ids) that decided the service. */
  topics: string[];
  /** Edition, hierarchy and coverage remarks ("MTUS does not address …; ODG …"). */
  notices: string[];
}

export interface RequestResult {
  format: typeof RESULT_FORMAT;
  request: string;
  decisionDate: string;
  rulePack: { version: string; hash: string };
  services: ServiceResult[];
  notices: string[];
}

/** One line of a `--format jsonl` stream for a request that could not be read. */
export interface ErrorResult {
  format: typeof RESULT_FORMAT;
  request: string | null;
  error: { message: string; issues: { file: string; path: string; code: string; message: string; line?: number }[] };
}
