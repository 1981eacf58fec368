// The explanation step: words a decision (decide.ts) for the physician — the rationale, each
// criterion's evidence (the paths of the leaves that decided it) and citation, what would
// overturn the decision, and the guideline notices (editions, MTUS silence).
import type { Catalog, Citation } from '../guidelines/catalog.js';
import type { EditionNote, EditionProblem, GuidelineContext } from '../guidelines/context.js';
import type { NormalizedService } from '../request/normalize.js';
import type { CompiledTopic } from '../rules/pack.js';
import type { ConditionTrace, FactReader } from '../rules/evaluate.js';
import type { CriterionDecision, RequestDecision, ServiceDecision, TopicsDecision } from './decide.js';
import type { NoTopic } from './select.js';
import { renderTemplate } from './templates.js';
import { RESULT_FORMAT, type CriterionResult, type CriterionStatus, type RequestResult, type ServiceResult } from './result.js';

/**
 * The letters' rule for associated services ("Since the primary procedure is not medically
 * necessary, none of the associated services are medically necessary"): engine-level, since
 * it holds for every pairing of a primary and its add-ons.
 */
const FOLLOWS_PRIMARY_ID = 'associated.follows-primary';
const FOLLOWS_PRIMARY_TEXT = 'An associated service is medically necessary only if its primary procedure is';
const NO_GUESS = 'The engine does not guess.';

export function explainDecision(decision: RequestDecision): RequestResult {
  const { request, pack } = decision;
  const explained = new Map<ServiceDecision, ServiceResult>();
  const explain = (d: ServiceDecision): ServiceResult => {
    let result = explained.get(d);
    if (!result) {
      result = explainService(d, pack.catalog, request.decisionDate, explain);
      explained.set(d, result);
    }
    return result;
  };
  return {
    format: RESULT_FORMAT,
    request: request.id,
    decisionDate: request.decisionDate,
    rulePack: { version: pack.version, hash: pack.hash },
    services: decision.services.map(explain),
    notices: request.decisionDateGiven ? [] : [`decisionDate not given: rules applied as of ${request.decisionDate}.`],
  };
}

function explainService(d: ServiceDecision, catalog: Catalog, date: string, explain: (d: ServiceDecision) => ServiceResult): ServiceResult {
  if (d.route === 'no-topic') return notCovered(d.service, `${noTopicReason(d.none, d.service.kind)} ${NO_GUESS}`);
  if (d.route === 'topics') {
    const result = explainTopics(d.service, d.read, d.evaluation, catalog, date);
    if (d.uncovered.length === 0) return result;
    const part = `No rule in the pack covers ${d.uncovered.join(', ')}, also requested here.`;
    if (d.prediction === 'upheld') {
      result.notices.push(part);
      return result;
    }
    return notCovered(d.service, `${part} ${NO_GUESS}`, { notices: result.notices, topics: result.topics });
  }
  const primary = explain(d.primary);
  const alone = d.judged ? explainTopics(d.service, d.read, d.judged, catalog, date) : undefined;
  const link = `services[${d.service.index}].for = ${primary.id}`;
  const follows = (status: CriterionStatus): CriterionResult => ({
    id: FOLLOWS_PRIMARY_ID,
    status,
    text: `${FOLLOWS_PRIMARY_TEXT} (${primary.label})`,
    evidence: [link, `${primary.id}: ${primary.prediction}`],
    citation: d.own.citedGuideline ?? primary.guideline!,
  });
  if (primary.prediction === 'not-covered') {
    // The primary is not in dispute here (requested: false) or no rule decides it: a service with
    // criteria of its own is judged by them, as reviewers do; otherwise the engine abstains.
    if (alone) {
      alone.notices.unshift(`Its primary (${primary.label}) is not decided by the rules; this service is judged on its own criteria.`);
      return alone;
    }
    return notCovered(d.service, `This service is requested for ${primary.label}, which no rule covers; it is decided by its primary.`, {
      dependsOn: primary.id,
    });
  }
  if (primary.prediction === 'upheld') {
    // Reviewers often give the service's own reasons besides the primary's: show both.
    const ownFailing = alone?.prediction === 'upheld' ? failingOf(alone) : [];
    return serviceResult(
      d.service,
      {
        prediction: 'upheld',
        medicallyNecessary: false,
        dependsOn: primary.id,
        // Reviewers cite the service's own section when a topic judges it on its own merits (post-operative
        // opioids, antiemetics, cold therapy, slings); a service bundled with its primary cites the primary's.
        guideline: d.judged?.context.citedGuideline ?? primary.guideline,
        criteria: [follows('unmet'), ...failingOf(primary), ...ownFailing],
        rationale:
          `Since the primary procedure (${primary.label}) is not medically necessary, this associated service is not medically necessary either.` +
          (ownFailing.length > 0 ? ` On its own merits as well: ${alone!.rationale}` : ''),
        toOverturn: [
          ...primary.toOverturn,
          ...(ownFailing.length > 0 ? alone!.toOverturn.filter((t) => !primary.toOverturn.includes(t)) : []),
        ],
        topics: primary.topics,
        notices: [],
      },
      primary.notRecommended,
    );
  }
  if (alone) {
    alone.criteria.unshift(follows('met'));
    return alone;
  }
  return serviceResult(d.service, {
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

const failingOf = (r: ServiceResult): CriterionResult[] => r.criteria.filter((c) => c.status !== 'met' && !c.presumed);

function explainTopics(
  service: NormalizedService,
  read: FactReader,
  evaluation: TopicsDecision,
  catalog: Catalog,
  date: string,
): ServiceResult {
  const { context } = evaluation;
  const notices = editionNotices(context);
  if (evaluation.outcome === 'not-in-force') {
    return notCovered(service, `No rule applies on ${date}: ${notices.join(' ')}`, {
      notices,
      topics: context.topics.map((t) => t.topic.id),
    });
  }
  const render = (text: string): string => renderTemplate(text, read);
  const messages: string[] = [];
  const toOverturn: string[] = [];
  let notRecommended: string | undefined;
  const criteria = evaluation.criteria.map((c) => {
    const result = criterionResult(c);
    const { spec } = c.criterion;
    if (c.status === 'met' || c.status === 'not-stated') return result;
    messages.push(render(c.status === 'unmet' ? spec.unmet : spec.notDocumented));
    if (c.status === 'unmet' && spec.unmetMeans === 'not-recommended') notRecommended ??= render(spec.unmet);
    else if (spec.toOverturn) toOverturn.push(render(spec.toOverturn));
    return result;
  });
  const guideline = context.guideline!;
  const silence = silenceNotice(catalog, context.guidelineTopic!, guideline);
  if (silence) notices.unshift(silence);
  const inForce = context.inForce.map((t) => t.topic);
  const statement = inForce.map((t) => render(t.spec.statement)).join(' ');
  const upheld = evaluation.outcome === 'upheld';
  const rationale = upheld
    ? `${statement} ${messages.join(' ')} Therefore the request is not medically necessary.`
    : `${statement} The record documents every criterion (${criteria.length} of ${criteria.length}), so the request is medically necessary.`;
  return serviceResult(
    service,
    {
      prediction: upheld ? 'upheld' : 'overturned',
      medicallyNecessary: !upheld,
      dependsOn: null,
      guideline,
      criteria,
      rationale,
      toOverturn: notRecommended ? [] : toOverturn.filter((t, i) => toOverturn.indexOf(t) === i),
      topics: inForce.map((t) => t.id),
      notices,
    },
    notRecommended,
  );
}

function criterionResult(c: CriterionDecision): CriterionResult {
  const result: CriterionResult = {
    id: c.criterion.id,
    status: c.status,
    text: c.criterion.spec.text,
    evidence: evidenceOf(c.trace),
    citation: c.citation,
  };
  if (c.status === 'not-stated') result.presumed = true;
  return result;
}

/** The evidence of the leaves that decided a condition, each line once. */
export function evidenceOf(trace: ConditionTrace): string[] {
  const out: string[] = [];
  for (const leaf of trace.deciding) for (const e of leaf.evidence) if (!out.includes(e)) out.push(e);
  return out;
}

const labelOf = (service: NormalizedService): string => service.raw.label ?? service.raw.text ?? service.kind;

/** A service result with every field in the spec's order (one object shape for all results). */
function serviceResult(
  service: NormalizedService,
  fields: Omit<ServiceResult, 'id' | 'kind' | 'label' | 'notRecommended'>,
  notRecommended?: string,
): ServiceResult {
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

function notCovered(
  service: NormalizedService,
  reason: string,
  extra: Partial<Pick<ServiceResult, 'dependsOn' | 'notices' | 'topics'>> = {},
): ServiceResult {
  return serviceResult(service, {
    prediction: 'not-covered',
    medicallyNecessary: null,
    dependsOn: extra.dependsOn ?? null,
    guideline: null,
    criteria: [],
    rationale: reason,
    toOverturn: [],
    topics: extra.topics ?? [],
    notices: extra.notices ?? [],
  });
}

function noTopicReason(none: NoTopic, kind: string): string {
  const coverage = (topics: CompiledTopic[]): string => topics.map((t) => t.spec.appliesTo.covers ?? t.spec.title).join('; ');
  if (none.kind === 'no-topic-of-kind') return `No rule in the pack covers ${kind} services.`;
  if (none.kind === 'out-of-scope')
    return `No rule in the pack covers this ${kind} service. The ${kind} topics cover: ${coverage(none.ofKind)}.`;
  return `No rule in the pack covers ${none.procedures.join(', ')} (${kind}); the topics for this service cover: ${coverage(none.inScope)}.`;
}

/** Per topic, in order: why it cannot decide on the date, or its edition notes. */
function editionNotices(context: GuidelineContext): string[] {
  return context.topics.flatMap((t) =>
    t.editions.ok ? t.editions.notes.map((n) => editionNoteText(n, context.date)) : [editionProblemText(t.editions.problem, context.date)],
  );
}

function editionProblemText(p: EditionProblem, date: string): string {
  if (p.kind === 'precedes')
    return `decisionDate ${date} precedes ${p.sourceTitle ?? 'the guideline'}${p.earliest ? ` (in force from ${p.earliest})` : ''}, the edition these rules (${p.topic}) implement`;
  return `decisionDate ${date} falls under ${p.inForceTitle}; these rules (${p.topic}) implement ${p.implementedTitles.join(', ')}`;
}

function editionNoteText(n: EditionNote, date: string): string {
  if (n.kind === 'earlier-text')
    return `On ${date} the ${n.source} edition in force is "${n.inForceTitle}"; these rules implement ${n.implementedTitles.map((t) => `"${t}"`).join(', ')}, so this prediction applies the earlier text.`;
  return `The ${n.source} ${n.edition} text these rules encode was superseded on ${n.supersededOn}${n.supersededBy ? ` by ${n.supersededBy}` : ''}; for a ${date} decision the prediction is indicative.`;
}

/** "MTUS does not address X; ODG … applies", when the chosen guideline is not an MTUS source. */
function silenceNotice(catalog: Catalog, topic: CompiledTopic, citation: Citation): string | undefined {
  if (catalog.tier(citation.source) === 'mtus') return undefined;
  const title = catalog.source(citation.source)?.title ?? citation.source;
  const where = [citation.section, citation.topic].filter(Boolean).join(', ');
  const why = topic.spec.mtusSilent ? ` (${topic.spec.mtusSilent})` : '';
  return `MTUS does not address ${topic.spec.question}${why}; ${title}${where ? `, ${where}` : ''} applies.`;
}
