// Which rule topics decide a service: those of its kind whose `when` holds and, for topics that
// list procedures, that decide a procedure the service names. A service is never handed to a
// neighbouring topic; when none fits, the selection says why (explain.ts words it).
import { TRUE, type FactReader } from '../rules/evaluate.js';
import { UNSPECIFIED_PROCEDURE, type CompiledTopic, type RulePack } from '../rules/pack.js';

const PROCEDURES_FACT = 'surgicalIndication.procedures';

/** Why no topic decides a service. */
export type NoTopic =
  | { kind: 'no-topic-of-kind' }
  /** Topics of the service's kind exist, but none admits this service. */
  | { kind: 'out-of-scope'; ofKind: CompiledTopic[] }
  /** Topics admit the service, but none decides a procedure it names. */
  | { kind: 'no-procedure-topic'; procedures: string[]; inScope: CompiledTopic[] };

export interface TopicSelection {
  /** Topics that decide the service. */
  topics: CompiledTopic[];
  /** Procedures the service names that none of the chosen topics decides. */
  uncovered: string[];
  /** Why no topic decides the service, when none does. */
  none?: NoTopic;
}

export function selectTopics(pack: RulePack, service: { kind: string }, read: FactReader): TopicSelection {
  const ofKind = pack.byKind.get(service.kind) ?? [];
  const inScope = ofKind.filter((t) => !t.when || t.when.evaluate(read) === TRUE);
  if (inScope.length === 0) {
    return { topics: [], uncovered: [], none: ofKind.length === 0 ? { kind: 'no-topic-of-kind' } : { kind: 'out-of-scope', ofKind } };
  }
  if (!inScope.some((t) => t.procedures)) return { topics: inScope, uncovered: [] };
  const named = read(PROCEDURES_FACT).value;
  const procedures = Array.isArray(named) && named.length > 0 ? named.map(String) : [UNSPECIFIED_PROCEDURE];
  const topics = inScope.filter((t) => !t.procedures || procedures.some((p) => t.procedures!.has(p)));
  const general = topics.some((t) => !t.procedures);
  const uncovered = general ? [] : procedures.filter((p) => !topics.some((t) => t.procedures!.has(p)));
  if (topics.length > 0) return { topics, uncovered };
  return { topics, uncovered, none: { kind: 'no-procedure-topic', procedures, inScope } };
}
