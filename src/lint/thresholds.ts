// Threshold mutation: every numeric comparison in the pack is shifted one step each way, and
// every enumerated string value swapped for another the pack compares the same fact with; a
// mutation that changes no criterion status in any case is a threshold no case pins, so a rule
// author could change it (18 visits → 16) and the suite would not notice.
import { normalizeRequest, type NormalizedRequest } from '../request/normalize.js';
import { FactStore } from '../facts/store.js';
import { compileCondition, exclusionGuards, TRUE, UNKNOWN, type CompiledCondition, type Tri } from '../rules/evaluate.js';
import type { Condition } from '../rules/schema.js';
import type { CompiledCriterion, CompiledTopic, RulePack } from '../rules/pack.js';
import type { TestCase } from '../cases/load.js';
import type { TestReport } from '../cases/run.js';
import { leavesOf } from '../rules/leaf-types.js';

export interface Mutation {
  topic: string;
  criterion: string;
  /** Where in the criterion: `condition.all[1]` or `when.any[0]`. */
  path: string;
  fact: string;
  operator: string;
  from: unknown;
  to: unknown;
  /** Cases whose criterion status the mutation changes (0 = undetected). */
  detectedBy: number;
}

type Leaf = ReturnType<typeof leavesOf>[number]['leaf'];

/** A copy of `condition` with the leaves at `paths` given another value. */
function replaceLeaves(condition: Condition, paths: readonly string[], value: unknown, base: string): Condition {
  const walk = (c: Condition, at: string): Condition => {
    if ('all' in c) return { all: c.all.map((x, i) => walk(x, `${at}.all[${i}]`)) };
    if ('any' in c) return { any: c.any.map((x, i) => walk(x, `${at}.any[${i}]`)) };
    if ('not' in c) return { not: walk(c.not, `${at}.not`) };
    return paths.includes(at) ? { ...c, value: value as never } : c;
  };
  return walk(condition, base);
}

const decimals = (n: number): number => (Number.isInteger(n) ? 0 : (String(n).split('.')[1] ?? '').length);

/** The values a leaf is mutated to: one step each way for numbers, the other compared values for strings. */
function mutatedValues(leaf: Leaf, stringsByFact: Map<string, Set<string>>): unknown[] {
  const v = leaf.value;
  if (typeof v === 'number') {
    const step = 10 ** -decimals(v);
    const round = (x: number): number => Number(x.toFixed(decimals(v)));
    return [round(v - step), round(v + step)].filter((x) => !(leaf.operator.startsWith('length') && x < 0));
  }
  if (typeof v === 'string' && (leaf.operator === 'equal' || leaf.operator === 'notEqual')) {
    return [...(stringsByFact.get(leaf.fact) ?? [])].filter((x) => x !== v);
  }
  if (Array.isArray(v) && v.length > 1 && (leaf.operator === 'in' || leaf.operator === 'notIn')) {
    const values = v as unknown[];
    return values.map((_, i) => values.filter((__, j) => j !== i));
  }
  return [];
}

function stringValuesByFact(pack: RulePack): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { criterion } of pack.criteria.values()) {
    for (const cond of [criterion.spec.condition, criterion.spec.when]) {
      if (!cond) continue;
      for (const { leaf } of leavesOf(cond)) {
        const values =
          typeof leaf.value === 'string'
            ? [leaf.value]
            : Array.isArray(leaf.value)
              ? leaf.value.filter((x): x is string => typeof x === 'string')
              : [];
        if (values.length === 0) continue;
        const set = out.get(leaf.fact) ?? new Set<string>();
        values.forEach((x) => set.add(x));
        out.set(leaf.fact, set);
      }
    }
  }
  return out;
}

interface Compiled {
  when?: CompiledCondition | undefined;
  stated?: CompiledCondition | undefined;
  condition: CompiledCondition;
}

/** A criterion's condition compiled as the pack compiles it: strict, with its exclusion guards. */
function compileCriterionCondition(condition: Condition): Omit<Compiled, 'when'> {
  const guards = exclusionGuards(condition);
  return {
    condition: compileCondition(guards ? guards.rest : condition, { strict: true }),
    stated: guards ? compileCondition({ all: guards.facts.map((fact) => ({ fact, operator: 'documented', value: true })) }) : undefined,
  };
}

/** Three-valued status of a criterion, with "does not apply" (a false `when`, an exclusion not raised) as its own value. */
function statusOf({ when, stated, condition }: Compiled, store: FactStore): Tri | 'n/a' {
  const read = (id: string): ReturnType<FactStore['get']> => store.get(id);
  if (when && when.evaluate(read) !== TRUE) return 'n/a';
  if (stated && stated.evaluate(read) !== TRUE) return 'n/a';
  const v = condition.evaluate(read);
  return v === TRUE ? TRUE : v === UNKNOWN ? UNKNOWN : v;
}

/**
 * Runs every mutation against the services each topic decided in the report (the cases' own
 * decisions), and counts the cases each one would change.
 */
export function thresholdMutations(pack: RulePack, cases: readonly TestCase[], report: TestReport): Mutation[] {
  const byCase = new Map(cases.map((c) => [c.id, c] as const));
  const normalized = new Map<string, NormalizedRequest>();
  const stores = new Map<string, FactStore>();
  const topicOf = new Map([...pack.criteria.values()].map(({ topic, criterion }) => [criterion.id, topic] as const));
  // (case, service) pairs on which each topic decided, from the report.
  const decidedBy = new Map<CompiledTopic, { caseId: string; service: string }[]>();
  for (const run of report.cases) {
    for (const item of run.items) {
      if (!item.got || item.got.dependsOn) continue;
      const topics = new Set(item.got.criteria.map((c) => topicOf.get(c.id)).filter((t): t is CompiledTopic => t !== undefined));
      for (const t of topics) decidedBy.set(t, [...(decidedBy.get(t) ?? []), { caseId: run.caseId, service: item.service }]);
    }
  }
  const storeFor = (caseId: string, serviceId: string): FactStore | undefined => {
    const key = `${caseId}\u0000${serviceId}`;
    let store = stores.get(key);
    if (store) return store;
    const tc = byCase.get(caseId);
    if (!tc) return undefined;
    let request = normalized.get(caseId);
    if (!request) {
      request = normalizeRequest(tc.request);
      normalized.set(caseId, request);
    }
    const service = request.byId.get(serviceId);
    if (!service) return undefined;
    store = new FactStore(request, service);
    stores.set(key, store);
    return store;
  };
  const strings = stringValuesByFact(pack);
  const out: Mutation[] = [];
  const mutate = (topic: CompiledTopic, criterion: CompiledCriterion, part: 'when' | 'condition'): void => {
    const cond = criterion.spec[part];
    if (!cond) return;
    const pairs = decidedBy.get(topic) ?? [];
    // One threshold written on several leaves (an at-least bound and an exact count, both ≤ 18)
    // is one parameter: its leaves move together.
    const groups = new Map<string, { leaf: Leaf; paths: string[] }>();
    for (const { leaf, path } of leavesOf(cond, part)) {
      const key = typeof leaf.value === 'number' ? `${leaf.operator}\u0000${leaf.value}` : path;
      const group = groups.get(key);
      if (group) group.paths.push(path);
      else groups.set(key, { leaf, paths: [path] });
    }
    for (const { leaf, paths } of groups.values()) {
      for (const to of mutatedValues(leaf, strings)) {
        const replaced = replaceLeaves(cond, paths, to, part);
        const original: Compiled = { when: criterion.when, stated: criterion.stated, condition: criterion.condition };
        const mutated: Compiled =
          part === 'when'
            ? { ...original, when: compileCondition(replaced) }
            : { when: criterion.when, ...compileCriterionCondition(replaced) };
        let detectedBy = 0;
        for (const { caseId, service } of pairs) {
          const store = storeFor(caseId, service);
          if (store && statusOf(original, store) !== statusOf(mutated, store)) detectedBy++;
        }
        out.push({
          topic: topic.id,
          criterion: criterion.id,
          path: paths.join(' + '),
          fact: leaf.fact,
          operator: leaf.operator,
          from: leaf.value,
          to,
          detectedBy,
        });
      }
    }
  };
  for (const topic of pack.topics) {
    for (const criterion of topic.criteria) {
      mutate(topic, criterion, 'when');
      mutate(topic, criterion, 'condition');
    }
  }
  return out;
}
