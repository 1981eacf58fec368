// Figures of issue 10's closing note: criteria that are one `{fact, operator, value}` leaf, and
// facts that serve exactly one criterion (named in its condition or `when`), with the facts no
// criterion names (read only by topics, messages or other facts, or by nothing).
//   npx tsx scripts/fact-figures.ts [--json]
import { loadRulePack } from '../src/rules/pack.js';
import { FACTS } from '../src/facts/registry.js';

/** The fact ids a condition names, at any depth (named shared conditions are not expanded). */
function factsNamed(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const x of node) factsNamed(x, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.fact === 'string') out.add(o.fact);
    for (const [k, v] of Object.entries(o)) if (k !== 'fact') factsNamed(v, out);
    if (o.value && typeof o.value === 'object' && typeof (o.value as Record<string, unknown>).fact === 'string')
      out.add((o.value as { fact: string }).fact);
  }
  return out;
}

const pack = loadRulePack();
const criteria = [...pack.criteria.values()].map(({ criterion }) => criterion.spec as unknown as Record<string, unknown>);
const singleLeaf = criteria.filter((c) => {
  const cond = c.condition as Record<string, unknown> | undefined;
  return !!cond && typeof cond.fact === 'string' && 'operator' in cond;
}).length;
const served = new Map<string, number>();
for (const c of criteria) for (const f of factsNamed([c.condition, c.when])) served.set(f, (served.get(f) ?? 0) + 1);
const ids = [...FACTS.keys()];
const figures = {
  criteria: criteria.length,
  singleLeafCriteria: singleLeaf,
  facts: ids.length,
  factsServingOneCriterion: ids.filter((id) => served.get(id) === 1).length,
  factsServingNoCriterion: ids.filter((id) => !served.has(id)).length,
};
if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
else
  console.log(
    `criteria ${figures.criteria}, of which a single {fact, operator, value} leaf: ${figures.singleLeafCriteria}; facts ${figures.facts}, serving exactly one criterion: ${figures.factsServingOneCriterion}, serving none (read by topics, messages or other facts only): ${figures.factsServingNoCriterion}`,
  );
