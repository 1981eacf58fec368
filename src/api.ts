// The library API: what the CLI, the tests, the benchmark and any server call.
import { loadDocuments, type LoadedDocument } from './request/load.js';
import { validateRequest, validateEmbeddedRequest } from './request/validate.js';
import { normalizeRequest } from './request/normalize.js';
import { InputError } from './request/issues.js';
import type { Request } from './request/schema.js';
import { rulePack, type RulePack } from './rules/pack.js';
import { determine } from './engine/determine.js';
import type { RequestResult } from './engine/result.js';
import { editionNotice } from './report/editions.js';
import { symptomKindNotices } from './request/symptom-kinds.js';

export { InputError, formatIssue } from './request/issues.js';
export type { Request } from './request/schema.js';
export type { RequestResult, ServiceResult, CriterionResult, ErrorResult } from './engine/result.js';
export { rulePack, loadRulePack } from './rules/pack.js';

export interface CheckOptions {
  pack?: RulePack;
  /** The date used when a request has no decisionDate (default: today). */
  today?: string;
}

/** Validates one loaded document as a request; a case document yields its embedded request. */
export function requestFromDocument(doc: LoadedDocument): Request {
  const data = doc.data as { format?: unknown } | null;
  if (data && typeof data === 'object' && data.format === 'imr-precheck/case@1' && 'request' in data) {
    return validateEmbeddedRequest(doc);
  }
  return validateRequest(doc);
}

/** Decides a validated request. */
export function checkRequest(request: Request, options: CheckOptions = {}): RequestResult {
  const pack = options.pack ?? rulePack();
  const result = determine(normalizeRequest(request, options.today), pack);
  result.notices.push(...symptomKindNotices(request), editionNotice(pack, result.decisionDate));
  return result;
}

/** Parses, validates and decides one request given as YAML or JSON text; throws InputError. */
export function checkText(text: string, name = '<input>', options: CheckOptions = {}): RequestResult {
  const docs = loadDocuments(text, name);
  if (docs.length !== 1) throw new InputError([{ file: name, path: '', code: 'empty', message: 'no request in the input' }]);
  return checkRequest(requestFromDocument(docs[0]!), options);
}
