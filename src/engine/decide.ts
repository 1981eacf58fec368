// The decision step: request + rule pack + decision date → for every requested service, the
// topics that decide it, each criterion's status with the leaf results behind it, and the
// outcome. No sentences are written here (explain.ts words the decision), so what is decided
// can be read, tested and compared without parsing text.
import type { NormalizedRequest, NormalizedService } from '../request/normalize.js';
import { FactStore } from '../facts/store.js';
import { TRUE, UNKNOWN, type ConditionTrace, type FactReader } from '../rules/evaluate.js';
import type { CompiledCriterion, CompiledTopic, RulePack } from '../rules/pack.js';
import type { Citation } from '../guidelines/catalog.js';
import { GuidelineResolver, type GuidelineContext } from '../guidelines/context.js';
import { selectTopics, type NoTopic } from './select.js';
import type { CriterionStatus, Prediction } from './result.js';

export interface CriterionDecision {
  criterion: CompiledCriterion;
  topic: CompiledTopic;
  status: CriterionStatus;
  /** The condition's leaf results and the leaves that decided the status. */
  trace: ConditionTrace;
  citation: Citation;
}

/** A set of topics' criteria evaluated for one service. */
export interface TopicsDecision {
  context: GuidelineContext;
  /** `not-in-force`: no topic's editions are in force on the decision date; nothing was evaluated. */
  outcome: 'upheld' | 'overturned' | 'not-in-force';
  /** The applicable criteria of the in-force topics, in rule order. */
  criteria: CriterionDecision[];
}

interface DecisionBase {
  service: NormalizedService;
  /** The service's facts (the explanation fills templates from them). */
  read: FactReader;
  prediction: Prediction;
}

export type ServiceDecision = DecisionBase &
  /** No topic decides the service. */
  (
    | { route: 'no-topic'; none: NoTopic }
    /** Decided by its own topics; `uncovered`: procedures it names that none of them decides. */
    | { route: 'topics'; evaluation: TopicsDecision; uncovered: string[] }
    /** An associated service (`for:`): decided with its primary, and by its own criteria where it has them. */
    | { route: 'associated'; primary: ServiceDecision; judged?: TopicsDecision; own: GuidelineContext }
  );

export interface RequestDecision {
  request: NormalizedRequest;
  pack: RulePack;
  /** The requested services, in request order. */
  services: ServiceDecision[];
}

export function decide(request: NormalizedRequest, pack: RulePack): RequestDecision {
  const decided = new Map<string, ServiceDecision>();
  const decideService = (service: NormalizedService): ServiceDecision => {
    const done = decided.get(service.id);
    if (done) return done;
    const result =
      service.raw.for !== undefined
        ? decideAssociated(request, pack, service, decideService(request.byId.get(service.raw.for)!))
        : decideOnOwn(request, pack, service);
    decided.set(service.id, result);
    return result;
  };
  return { request, pack, services: request.services.filter((s) => s.requested).map(decideService) };
}

function readerOf(request: NormalizedRequest, service: NormalizedService): FactReader {
  const store = new FactStore(request, service);
  return (id) => store.get(id);
}

function decideOnOwn(request: NormalizedRequest, pack: RulePack, service: NormalizedService): ServiceDecision {
  const read = readerOf(request, service);
  const { topics, uncovered, none } = selectTopics(pack, service, read);
  if (topics.length === 0) return { service, read, prediction: 'not-covered', route: 'no-topic', none: none! };
  const evaluation = evaluateTopics(new GuidelineResolver(pack.catalog, request.decisionDate, read), topics, read);
  // A part no rule decides: a failing part still decides the request; a passing one does not.
  const prediction = uncovered.length > 0 && evaluation.outcome !== 'upheld' ? 'not-covered' : predictionOf(evaluation);
  return { service, read, prediction, route: 'topics', evaluation, uncovered };
}

const predictionOf = (e: TopicsDecision): Prediction => (e.outcome === 'not-in-force' ? 'not-covered' : e.outcome);

function evaluateTopics(guidelines: GuidelineResolver, topics: CompiledTopic[], read: FactReader): TopicsDecision {
  const context = guidelines.context(topics);
  if (context.inForce.length === 0) return { context, outcome: 'not-in-force', criteria: [] };
  const criteria: CriterionDecision[] = [];
  for (const { topic } of context.inForce) {
    for (const criterion of topic.criteria) {
      if (!guidelines.criterionInForce(criterion)) continue;
      if (criterion.when && criterion.when.evaluate(read) !== TRUE) continue;
      if (criterion.stated && criterion.stated.evaluate(read) !== TRUE) continue; // an exclusion the record does not raise
      const trace = criterion.condition.explain(read);
      const status: CriterionStatus =
        trace.value === TRUE ? 'met' : trace.value === UNKNOWN ? (criterion.spec.presumed ? 'not-stated' : 'not-documented') : 'unmet';
      criteria.push({ criterion, topic, status, trace, citation: guidelines.criterionCitation(criterion) });
    }
  }
  const failing = criteria.some((c) => c.status === 'unmet' || c.status === 'not-documented');
  return { context, outcome: failing ? 'upheld' : 'overturned', criteria };
}

function decideAssociated(
  request: NormalizedRequest,
  pack: RulePack,
  service: NormalizedService,
  primary: ServiceDecision,
): ServiceDecision {
  const read = readerOf(request, service);
  const guidelines = new GuidelineResolver(pack.catalog, request.decisionDate, read);
  const own = selectTopics(pack, service, read).topics;
  // Topics that judge the service on its own merits (pre-operative tests, cold therapy, slings).
  const judgedTopics = own.filter((t) => t.spec.appliesTo.associated === true);
  const judged = judgedTopics.length > 0 ? evaluateTopics(guidelines, judgedTopics, read) : undefined;
  const prediction: Prediction = primary.prediction === 'upheld' ? 'upheld' : judged ? predictionOf(judged) : primary.prediction;
  return { service, read, prediction, route: 'associated', primary, ...(judged ? { judged } : {}), own: guidelines.context(own) };
}
