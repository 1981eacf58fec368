// `npx tsx bench/evaluator.ts`: the compiled three-valued evaluator beside json-rules-engine on
// the rule pack, condition evaluation only. The fact values of every requested service of every
// case (rules/**/*.test.yaml, test/cases) are derived first, so each engine is timed on the same
// values and nothing else: the compiled closures (evaluate, and explain with leaf results),
// json-rules-engine's Engine.run with one engine per topic (two-valued, as it ships), and
// json-rules-engine through the three-valued adapter (test/support/jre.ts), which gives the
// same answers as the compiled evaluator. Prints a table; writes bench/evaluator.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Engine } from 'json-rules-engine';
import { loadCases } from '../src/cases/load.js';
import { normalizeRequest } from '../src/request/normalize.js';
import { FactStore } from '../src/facts/store.js';
import { rulePack, type CompiledTopic } from '../src/rules/pack.js';
import { TRUE, UNKNOWN, type Tri } from '../src/rules/evaluate.js';
import type { Fact } from '../src/facts/types.js';
import { jreEngine, jreTriEngine, jreTri } from '../test/support/jre.js';

const ROOT = join(import.meta.dirname, '..');
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

/** Best of `REPEATS` timed runs (ms), after one warm-up. */
async function best(fn: () => unknown): Promise<number> {
  await fn();
  let ms = Infinity;
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    await fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return ms;
}

interface Input {
  topic: CompiledTopic;
  facts: Record<string, unknown>;
  read: (id: string) => Fact;
}

function inputs(): Input[] {
  const pack = rulePack();
  const { cases } = loadCases([join(ROOT, 'rules'), join(ROOT, 'test/cases')], ROOT);
  const out: Input[] = [];
  for (const tc of cases) {
    const request = normalizeRequest(tc.request);
    for (const service of request.services.filter((s) => s.requested)) {
      const store = new FactStore(request, service);
      for (const topic of pack.byKind.get(service.kind) ?? []) {
        const facts: Record<string, unknown> = {};
        for (const c of topic.criteria) for (const f of c.condition.facts) facts[f] = store.get(f).value;
        const fixed = new Map(Object.entries(facts).map(([id, value]) => [id, { value, evidence: [] } as Fact]));
        out.push({ topic, facts, read: (id) => fixed.get(id)! });
      }
    }
  }
  return out;
}

async function main(): Promise<void> {
  const pack = rulePack();
  const all = inputs();
  const evaluations = all.reduce((n, x) => n + x.topic.criteria.length, 0);
  const engines = new Map<CompiledTopic, Engine>(pack.topics.map((t) => [t, jreEngine(t.criteria)]));
  const triEngines = new Map<CompiledTopic, Engine>(
    pack.topics.map((t) => [
      t,
      jreTriEngine(t.criteria.map((c) => ({ id: c.id, condition: c.condition.source, strict: c.condition.strict }))),
    ]),
  );

  // the adapter and the evaluator agree on every input (the benchmark compares like with like)
  let agree = 0;
  const values = { met: 0, unmet: 0, unknown: 0 };
  for (const x of all) {
    const theirs = await jreTri(triEngines.get(x.topic)!, x.facts);
    for (const c of x.topic.criteria) {
      const ours: Tri = c.condition.evaluate(x.read);
      if (ours === (theirs.get(c.id) ?? UNKNOWN)) agree++;
      values[ours === TRUE ? 'met' : ours === UNKNOWN ? 'unknown' : 'unmet']++;
    }
  }

  const evaluateMs = await best(() => {
    for (const x of all) for (const c of x.topic.criteria) c.condition.evaluate(x.read);
  });
  const explainMs = await best(() => {
    for (const x of all) for (const c of x.topic.criteria) c.condition.explain(x.read);
  });
  const jreMs = await best(async () => {
    for (const x of all) await engines.get(x.topic)!.run(x.facts);
  });
  const triMs = await best(async () => {
    for (const x of all) await triEngines.get(x.topic)!.run(x.facts);
  });

  const perSecond = (ms: number): number => Math.round((evaluations / ms) * 1000);
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    inputs: all.length,
    criterionEvaluations: evaluations,
    values,
    adapterAgreement: `${agree} of ${evaluations}`,
    compiledEvaluate: { ms: round(evaluateMs), perSecond: perSecond(evaluateMs) },
    compiledExplain: { ms: round(explainMs), perSecond: perSecond(explainMs) },
    jsonRulesEngine: { ms: round(jreMs), perSecond: perSecond(jreMs), note: 'two-valued, as json-rules-engine ships: no "not documented"' },
    jsonRulesEngineThreeValued: {
      ms: round(triMs),
      perSecond: perSecond(triMs),
      note: 'two rules per criterion through the three-valued adapter',
    },
  };
  writeFileSync(join(ROOT, 'bench/evaluator.json'), `${JSON.stringify(results, null, 2)}\n`);
  const row = (name: string, ms: number): string =>
    `${name.padEnd(44)} ${perSecond(ms).toLocaleString('en-US').padStart(12)} criteria/s  ${(jreMs / ms).toFixed(1).padStart(7)}× json-rules-engine`;
  console.log(
    `${all.length} (service, topic) inputs from ${evaluations} criterion evaluations (met ${values.met}, unmet ${values.unmet}, unknown ${values.unknown}); adapter agreement ${results.adapterAgreement}`,
  );
  console.log(row('compiled evaluator, evaluate (engine path)', evaluateMs));
  console.log(row('compiled evaluator, explain (leaf results)', explainMs));
  console.log(row('json-rules-engine Engine.run, two-valued', jreMs));
  console.log(row('json-rules-engine, three-valued adapter', triMs));
}

const round = (x: number): number => Math.round(x * 10) / 10;

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
