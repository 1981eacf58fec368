// What each topic's guideline states but the pack does not encode (`limitations:` in the rule
// files), gathered per service family so lint and the README can show where the gaps are.
import { FAMILIES, familyOf, type Family } from '../cases/families.js';
import type { CompiledTopic, RulePack } from '../rules/pack.js';

export interface FamilyCoverage {
  family: Family;
  topics: number;
  criteria: number;
  limitations: number;
}

/** A topic's family: that of its first service kind (a topic's kinds share one family). */
export const topicFamily = (topic: CompiledTopic): Family => familyOf(topic.spec.appliesTo.kinds[0]!);

export function coverageByFamily(pack: RulePack): FamilyCoverage[] {
  return FAMILIES.map((family) => {
    const topics = pack.topics.filter((t) => topicFamily(t) === family);
    return {
      family,
      topics: topics.length,
      criteria: topics.reduce((n, t) => n + t.criteria.length, 0),
      limitations: topics.reduce((n, t) => n + (t.spec.limitations?.length ?? 0), 0),
    };
  });
}

/** Every limitation with the topic and file that states it. */
export function listLimitations(pack: RulePack): { family: Family; topic: string; file: string; text: string }[] {
  return pack.topics.flatMap((t) =>
    (t.spec.limitations ?? []).map((text) => ({ family: topicFamily(t), topic: t.id, file: t.file, text })),
  );
}
