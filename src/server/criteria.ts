// What the rules will ask for a service before anything is documented: the service is decided
// against an otherwise empty record, so the criteria listed are exactly those the engine
// evaluates (topic selection, applicability and editions included), each with its "to document" line.
import { checkRequest } from '../api.js';
import { requestSchema, REQUEST_FORMAT, type Request } from '../request/schema.js';
import { InputError, fromZodIssues } from '../request/issues.js';
import type { RulePack } from '../rules/pack.js';
import type { CriterionResult, RequestResult, ServiceResult } from '../engine/result.js';

export interface CriteriaQuery {
  kind?: string;
  region?: string;
  modality?: string;
  levels?: string;
  side?: string;
  approach?: string;
  purpose?: string;
  quantity?: string;
  decisionDate?: string;
  name?: string;
}

export interface CriterionWithAdvice extends CriterionResult {
  /** What to document so the criterion is met; null when nothing can (not recommended) or none is written. */
  toDocument: string | null;
}

/** Pairs each failing criterion with its `toOverturn` line: the engine lists them in criterion order. */
export function criteriaWithAdvice(service: ServiceResult, pack: RulePack): CriterionWithAdvice[] {
  let next = 0;
  return service.criteria.map((c) => {
    const spec = pack.criteria.get(c.id)?.criterion.spec;
    if (c.status === 'met' || c.presumed || !spec) return { ...c, toDocument: null };
    if (c.status === 'unmet' && spec.unmetMeans === 'not-recommended') return { ...c, toDocument: null };
    return { ...c, toDocument: spec.toOverturn ? (service.toOverturn[next++] ?? null) : null };
  });
}

/** Builds the one-service request a query describes; throws InputError with query-parameter paths. */
export function queryRequest(q: CriteriaQuery): Request {
  const service: Record<string, unknown> = { id: 'service', kind: q.kind };
  if (q.region) service.region = q.region;
  for (const key of ['modality', 'levels', 'side', 'approach', 'purpose', 'name'] as const) if (q[key]) service[key] = q[key];
  if (q.quantity !== undefined && q.quantity !== '') service.quantity = Number(q.quantity);
  const raw = {
    format: REQUEST_FORMAT,
    id: 'criteria-query',
    ...(q.decisionDate ? { decisionDate: q.decisionDate } : {}),
    services: [service],
  };
  const parsed = requestSchema.safeParse(raw, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issues = fromZodIssues('<query>', parsed.error.issues, () => undefined).map((i) => ({
    ...i,
    path: i.path.replace(/^services\[0\]\./, ''),
  }));
  throw new InputError(issues);
}

export interface CriteriaAnswer {
  service: Request['services'][number];
  decisionDate: string;
  topics: string[];
  guideline: ServiceResult['guideline'];
  /** The prediction for a record that documents nothing yet. */
  predictionWithEmptyRecord: ServiceResult['prediction'];
  notRecommended?: string;
  criteria: CriterionWithAdvice[];
  notices: string[];
}

export function criteriaFor(q: CriteriaQuery, pack: RulePack): CriteriaAnswer {
  const request = queryRequest(q);
  const result: RequestResult = checkRequest(request, { pack });
  const s = result.services[0]!;
  const answer: CriteriaAnswer = {
    service: request.services[0]!,
    decisionDate: result.decisionDate,
    topics: s.topics,
    guideline: s.guideline,
    predictionWithEmptyRecord: s.prediction,
    criteria: criteriaWithAdvice(s, pack),
    notices: [...s.notices, ...(s.prediction === 'not-covered' ? [s.rationale] : []), ...result.notices],
  };
  if (s.notRecommended) answer.notRecommended = s.notRecommended;
  return answer;
}

/** Every topic in the pack with its applicability, guideline references, editions and criteria. */
export function topicList(pack: RulePack) {
  return pack.topics.map((t) => ({
    id: t.id,
    title: t.spec.title,
    file: t.file,
    kinds: [...t.kinds],
    editions: t.editions.map((e) => `${e.source}@${e.edition}`),
    guideline: t.guideline.map((g) => pack.catalog.resolve(g.ref)).filter((c) => c !== undefined),
    criteria: t.criteria.map((c) => ({
      id: c.id,
      text: c.spec.text,
      citations: c.citations.map((r) => pack.catalog.resolve(r)).filter((x) => x !== undefined),
      toDocument: c.spec.toOverturn ?? null,
      presumed: c.spec.presumed === true,
    })),
  }));
}
