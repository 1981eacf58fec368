// Decides every requested service of a request: finds the rule topics that cover it, evaluates
// their criteria over the derived facts, and explains the outcome. Associated services
// (`for:`) follow their primary first.
import type { NormalizedRequest, NormalizedService } from '../request/normalize.js';
import { FactStore } from '../facts/store.js';
import { TRUE, UNKNOWN, type FactReader } from '../rules/evaluate.js';
import { guidelineRefsFor, editionsInForce, selectTopics, type CompiledTopic, type RulePack } from '../rules/pack.js';
import { chooseCitation, checkEditions, silenceNotice } from './hierarchy.js';
import { renderTemplate } from './templates.js';
import { RESULT_FORMAT, type CriterionResult, type RequestResult, type ServiceResult } from './result.js';

/**
 * The letters' rule for associated services ("Since the primary procedure is not medically
 * necessary, none of the associated services are medically necessary"): engine-level, since
 * it holds for every pairing of a primary and its add-ons.
 */
const FOLLOWS_PRIMARY_ID = 'associated.follows-primary';
const FOLLOWS_PRIMARY_TEXT = 'An associated service is medically necessary only if its primary procedure is';

export function determine(request: NormalizedRequest, pack: RulePack): RequestResult {
  const decided = new Map<string, ServiceResult>();
  const decide = (service: NormalizedService): ServiceResult => {
    const done = decided.get(service.id);
    if (done) return done;
    const result = service.raw.for !== undefined
      ? decideAssociated(request, pack, service, decide(request.byId.get(service.raw.for)!))
      : decideOnOwn(request, pack, service);
    decided.set(service.id, result);
    return result;
  };
  const services = request.services.filter((s) => s.requested).map(decide);
  const notices = request.decisionDateGiven ? [] : [`decisionDate not given: rules applied as of ${request.decisionDate}.`];
  return {
    format: RESULT_FORMAT,
    request: request.id,
    decisionDate: request.decisionDate,
    rulePack: { version: pack.version, hash: pack.hash },
    services,
    notices,
  };
}

const labelOf = (service: NormalizedService): string => service.raw.label ?? service.raw.text ?? service.kind;

/** A service result with every field in the spec's order (one object shape for all results). */
function serviceResult(service: NormalizedService, fields: Omit<ServiceResult, 'id' | 'kind' | 'label' | 'notRecommended'>, notRecommended?: string): ServiceResult {
  const result: ServiceResult = {
    id: service.id,
    kind: service.kind,
    label: labelOf(service),
    prediction: fields.prediction,
    medicallyNecessary: fields.medicallyNecessary,
    dependsOn: fields.dependsOn,
    guideline: fields.guideline,
    criteria: fields.criteria,
    rationale: fields.rationale,
    toOverturn: fields.toOverturn,
    topics: fields.topics,
    notices: fields.notices,
  };
  if (notRecommended !== undefined) result.notRecommended = notRecommended;
  return result;
}

function notCovered(service: NormalizedService, reason: string, extra: Partial<Pick<ServiceResult, 'dependsOn' | 'notices' | 'topics'>> = {}): ServiceResult {
  return serviceResult(service, {
    prediction: 'not-covered', medicallyNecessary: null, dependsOn: extra.dependsOn ?? null, guideline: null,
    criteria: [], rationale: reason, toOverturn: [], topics: extra.topics ?? [], notices: extra.notices ?? [],
  });
}

function decideOnOwn(request: NormalizedRequest, pack: RulePack, service: NormalizedService): ServiceResult {
  const store = new FactStore(request, service);
  const read: FactReader = (id) => store.get(id);
  const { topics, uncovered, reason } = selectTopics(pack, service, read);
  if (topics.length === 0) return notCovered(service, `${reason} The engine does not guess.`);
  const result = evaluateTopics(request, pack, service, topics, store);
  if (uncovered.length === 0) return result;
  // A part no rule decides: a failing part still decides the request; a passing one does not.
  const part = `No rule in the pack covers ${uncovered.join(', ')}, also requested here.`;
  if (result.prediction === 'upheld') { result.notices.push(part); return result; }
  return notCovered(service, `${part} The engine does not guess.`, { notices: result.notices, topics: result.topics });
}

function evaluateTopics(request: NormalizedRequest, pack: RulePack, service: NormalizedService, topics: CompiledTopic[], store: FactStore): ServiceResult {
  const { catalog } = pack;
  const date = request.decisionDate;
  const read: FactReader = (id) => store.get(id);
  const notices: string[] = [];
  const inForce: CompiledTopic[] = [];
  const refs = new Map(topics.map((t) => [t, guidelineRefsFor(t, read, catalog, date)] as const));
  for (const topic of topics) {
    const check = checkEditions(catalog, topic, refs.get(topic)!, date);
    if (check.ok) { inForce.push(topic); notices.push(...check.notices); } else notices.push(check.reason);
  }
  if (inForce.length === 0) {
    return notCovered(service, `No rule applies on ${date}: ${notices.join(' ')}`, { notices, topics: topics.map((t) => t.id) });
  }
  const render = (text: string): string => renderTemplate(text, read);

  const criteria: CriterionResult[] = [];
  const messages: string[] = [];
  const toOverturn: string[] = [];
  let notRecommended: string | undefined;
  let failing = 0;
  for (const topic of inForce) {
    for (const c of topic.criteria) {
      if (!editionsInForce(catalog, c.editions, date)) continue;
      if (c.when && c.when.evaluate(read) !== TRUE) continue;
      if (c.stated && c.stated.evaluate(read) !== TRUE) continue; // an exclusion the record does not raise
      const value = c.condition.evaluate(read);
      const status = value === TRUE ? 'met' : value === UNKNOWN ? (c.spec.presumed ? 'not-stated' : 'not-documented') : 'unmet';
      const evidence = evidenceOf(c.condition.facts, store);
      const citation = chooseCitation(catalog, c.citations, date, true) ?? catalog.resolve(c.citations[0]!)!;
      const result: CriterionResult = { id: c.id, status, text: c.spec.text, evidence, citation };
      criteria.push(result);
      if (status === 'met') continue;
      if (status === 'not-stated') {
        result.presumed = true;
        continue;
      }
      failing++;
      messages.push(render(status === 'unmet' ? c.spec.unmet : c.spec.notDocumented));
      if (status === 'unmet' && c.spec.unmetMeans === 'not-recommended') notRecommended ??= render(c.spec.unmet);
      else if (c.spec.toOverturn) toOverturn.push(render(c.spec.toOverturn));
    }
  }

  const guideline = chooseCitation(catalog, inForce.flatMap((t) => refs.get(t)!), date)!;
  const silence = silenceNotice(catalog, inForce.find((t) => refs.get(t)!.includes(guideline.ref)) ?? inForce[0]!, guideline);
  if (silence) notices.unshift(silence);
  const statement = inForce.map((t) => render(t.spec.statement)).join(' ');
  const upheld = failing > 0;
  const rationale = upheld
    ? `${statement} ${messages.join(' ')} Therefore the request is not medically necessary.`
    : `${statement} The record documents every criterion (${criteria.length} of ${criteria.length}), so the request is medically necessary.`;
  return serviceResult(service, {
    prediction: upheld ? 'upheld' : 'overturned',
    medicallyNecessary: !upheld,
    dependsOn: null,
    guideline,
    criteria,
    rationale,
    toOverturn: notRecommended ? [] : toOverturn.filter((t, i) => toOverturn.indexOf(t) === i),
    topics: inForce.map((t) => t.id),
    notices,
  }, notRecommended);
}

/** The evidence of the facts a condition reads, each line once. */
function evidenceOf(facts: readonly string[], store: FactStore): string[] {
  if (facts.length === 1) return store.get(facts[0]!).evidence.slice();
  const out: string[] = [];
  for (const f of facts) for (const e of store.get(f).evidence) if (!out.includes(e)) out.push(e);
  return out;
}

function decideAssociated(request: NormalizedRequest, pack: RulePack, service: NormalizedService, primary: ServiceResult): ServiceResult {
  const store = new FactStore(request, service);
  const read: FactReader = (id) => store.get(id);
  const own = selectTopics(pack, service, read).topics;
  const ownGuideline = own.length > 0 ? chooseCitation(pack.catalog, own.flatMap((t) => guidelineRefsFor(t, read, pack.catalog, request.decisionDate)), request.decisionDate) : undefined;
  const link = `services[${service.index}].for = ${primary.id}`;
  const follows = (status: CriterionResult['status']): CriterionResult => ({
    id: FOLLOWS_PRIMARY_ID, status, text: `${FOLLOWS_PRIMARY_TEXT} (${primary.label})`, evidence: [link, `${primary.id}: ${primary.prediction}`],
    citation: ownGuideline ?? primary.guideline!,
  });

  // Topics that judge the service on its own merits (pre-operative tests, cold therapy, slings).
  const judged = own.filter((t) => t.spec.appliesTo.associated === true);
  const judgedGuideline = judged.length > 0 ? chooseCitation(pack.catalog, judged.flatMap((t) => guidelineRefsFor(t, read, pack.catalog, request.decisionDate)), request.decisionDate) : undefined;
  if (primary.prediction === 'not-covered') {
    // The primary is not in dispute here (requested: false) or no rule decides it: a service with
    // criteria of its own is judged by them, as reviewers do; otherwise the engine abstains.
    const alone = judged.length > 0 ? evaluateTopics(request, pack, service, judged, store) : undefined;
    if (alone) {
      alone.notices.unshift(`Its primary (${primary.label}) is not decided by the rules; this service is judged on its own criteria.`);
      return alone;
    }
    return notCovered(service, `This service is requested for ${primary.label}, which no rule covers; it is decided by its primary.`, { dependsOn: primary.id });
  }
  if (primary.prediction === 'upheld') {
    // Reviewers often give the service's own reasons besides the primary's: show both.
    const alone = judged.length > 0 ? evaluateTopics(request, pack, service, judged, store) : undefined;
    const ownFailing = alone?.prediction === 'upheld' ? alone.criteria.filter((c) => c.status !== 'met' && !c.presumed) : [];
    return serviceResult(service, {
      prediction: 'upheld',
      medicallyNecessary: false,
      dependsOn: primary.id,
      // Reviewers cite the service's own section when a topic judges it on its own merits (post-operative
      // opioids, antiemetics, cold therapy, slings); a service bundled with its primary cites the primary's.
      guideline: judgedGuideline ?? primary.guideline,
      criteria: [follows('unmet'), ...primary.criteria.filter((c) => c.status !== 'met' && !c.presumed), ...ownFailing],
      rationale: `Since the primary procedure (${primary.label}) is not medically necessary, this associated service is not medically necessary either.`
        + (ownFailing.length > 0 ? ` On its own merits as well: ${alone!.rationale}` : ''),
      toOverturn: [...primary.toOverturn, ...(ownFailing.length > 0 ? alone!.toOverturn.filter((t) => !primary.toOverturn.includes(t)) : [])],
      topics: primary.topics,
      notices: [],
    }, primary.notRecommended);
  }
  if (judged.length > 0) {
    const result = evaluateTopics(request, pack, service, judged, store);
    result.criteria.unshift(follows('met'));
    return result;
  }
  return serviceResult(service, {
    prediction: 'overturned',
    medicallyNecessary: true,
    dependsOn: primary.id,
    guideline: primary.guideline,
    criteria: [follows('met')],
    rationale: `The primary procedure (${primary.label}) is medically necessary, and this service is part of it.`,
    toOverturn: [],
    topics: primary.topics,
    notices: [],
  });
}
