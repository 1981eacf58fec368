// `npm run bench`: throughput of the engine API and of `precheck check - --format jsonl`
// on 10,000 generated requests, beside a hand-written predicate for the same criteria and
// json-rules-engine's own async Engine; one-request CLI time beside `node -e 0`; peak RSS.
// Prints a table and writes bench/results.json.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { generate } from './generate.js';
import { handWritten } from './baseline.js';
// The engine as shipped (dist/, built by `npm run bench`), so the figures are the build's.
import { requestSchema } from '../dist/request/schema.js';
import { checkRequest, requestFromDocument } from '../dist/api.js';
import { loadJson } from '../dist/request/load.js';
import { normalizeRequest } from '../dist/request/normalize.js';
import { rulePack } from '../dist/rules/pack.js';
import { FactStore } from '../dist/facts/store.js';
import { TRUE } from '../dist/rules/evaluate.js';
import { jreEngine } from '../test/support/jre.js';
import type { Engine } from 'json-rules-engine';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli/precheck.js');
const N = Number(process.env.BENCH_N ?? 10_000);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rate = (n: number, ms: number): number => Math.round((n / ms) * 1000);

/** Best of `repeats` timed runs (ms), after one warm-up: these machines are noisy. */
function time(fn: () => void, repeats = 3): number {
  return timeWithFirst(fn, repeats).best;
}

/** The same, with the warm-up run's time: the first pass runs code the JIT has not optimized yet, as a CLI run does. */
function timeWithFirst(fn: () => void, repeats = 3): { best: number; first: number } {
  const t0 = performance.now();
  fn();
  const first = performance.now() - t0;
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { best, first };
}

async function timeAsync(fn: () => Promise<void>, repeats = 2): Promise<number> {
  await fn();
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Runs the CLI on a JSON Lines stream; wall time and peak RSS (VmHWM, polled from /proc). */
function cliStream(lines: string[]): Promise<{ ms: number; peakRssMb: number; outLines: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, 'check', '-', '--format', 'jsonl'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let peak = 0;
    let out = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]));
      } catch {
        /* exited */
      }
    }, 10);
    // counted on the bytes: decoding and splitting 60 MB here would take CPU from the CLI on a 2-core machine
    child.stdout.on('data', (chunk: Buffer) => {
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, nl + 1)) out++;
    });
    child.on('error', reject);
    child.on('close', () => {
      clearInterval(poll);
      resolve({ ms: performance.now() - t0, peakRssMb: Math.round(peak / 1024), outLines: out });
    });
    (async () => {
      for (const line of lines) if (!child.stdin.write(`${line}\n`)) await new Promise((r) => child.stdin.once('drain', r));
      child.stdin.end();
    })().catch(reject);
  });
}

function cliOnce(args: string[]): number {
  const t0 = performance.now();
  spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  return performance.now() - t0;
}

async function main(): Promise<void> {
  // the figures depend on what else the machine runs: recorded beside them
  const loadAtStart = loadavg().map((l) => Math.round(l * 100) / 100);
  const all = generate(N, 42);
  const subset = all.filter((x) => x.kind === 'esi' || x.kind === 'facet' || x.kind === 'mbb' || x.kind === 'tpi');
  const pack = rulePack();
  const validated = subset.map((x) => requestSchema.parse(JSON.parse(x.json)));
  const baselineOn = (json: string) => handWritten(requestSchema.parse(JSON.parse(json)));

  // engine API end to end: parse JSON, validate, decide (all services, with explanations); the
  // first pass is what a CLI run over the same stream pays (the figure is the best warm pass)
  const { best: apiAll, first: apiFirst } = timeWithFirst(() => {
    for (const x of all) checkRequest(requestFromDocument(loadJson(x.json, 'bench')), { pack });
  });
  // the same on the ESI/facet/MBB/TPI subset, beside the hand-written baseline on the same input
  const apiSubset = time(() => {
    for (const x of subset) checkRequest(requestFromDocument(loadJson(x.json, 'bench')), { pack });
  });
  const baseSubset = time(() => {
    for (const x of subset) baselineOn(x.json);
  });
  // the decision step alone (requests already validated)
  const decideOnly = time(() => {
    for (const r of validated) checkRequest(r, { pack });
  });
  const baseOnly = time(() => {
    for (const r of validated) handWritten(r);
  });

  // json-rules-engine's async Engine on the same criteria and facts (one engine per topic, shared)
  const engines = new Map<string, Engine>(pack.topics.map((t) => [t.id, jreEngine(t.criteria)]));
  const jreRun = async (): Promise<void> => {
    for (const r of validated) {
      const norm = normalizeRequest(r);
      for (const s of norm.services) {
        const store = new FactStore(norm, s);
        const read = (id: string) => store.get(id);
        for (const t of pack.byKind.get(s.kind) ?? []) {
          if (t.when && t.when.evaluate(read) !== TRUE) continue;
          const facts: Record<string, unknown> = {};
          for (const c of t.criteria) for (const f of c.condition.facts) facts[f] = store.get(f).value;
          await engines.get(t.id)!.run(facts);
        }
      }
    }
  };
  const jreMs = await timeAsync(jreRun);

  // the CLI on a stream: 10,000 requests, and a tenth of that, to see that memory stays flat
  // best of two runs, as for the in-process figures (noisy machines); peak RSS is the larger
  const lines = all.map((x) => x.json);
  const runs = [await cliStream(lines), await cliStream(lines)];
  const stream = { ...runs.reduce((a, b) => (a.ms <= b.ms ? a : b)), peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)) };
  const streamSmall = await cliStream(all.slice(0, Math.max(1, Math.floor(N / 10))).map((x) => x.json));

  // one request through the CLI beside bare node
  const example = join(ROOT, 'examples/esi-overturned.yaml');
  const cliMs = median(Array.from({ length: 11 }, () => cliOnce([CLI, 'check', example, '--format', 'json'])));
  const nodeMs = median(Array.from({ length: 11 }, () => cliOnce(['-e', '0'])));

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    requests: N,
    subsetRequests: subset.length,
    engineApi: {
      requestsPerSecond: rate(N, apiAll),
      firstPassRequestsPerSecond: rate(N, apiFirst),
      note: 'best of three passes after a warm-up; firstPass: the warm-up pass (unoptimized code, as in a CLI run)',
    },
    cliStreamJsonl: {
      requestsPerSecond: rate(N, stream.ms),
      eachRunRequestsPerSecond: runs.map((r) => rate(N, r.ms)),
      peakRssMb: stream.peakRssMb,
      outputLines: stream.outLines,
      peakRssMbAtTenth: streamSmall.peakRssMb,
    },
    baselineComparison: {
      note: 'ESI/facet/MBB/TPI requests; both sides parse and validate the same JSON; the engine also explains (criteria, evidence, citations, advice)',
      engineRequestsPerSecond: rate(subset.length, apiSubset),
      handWrittenRequestsPerSecond: rate(subset.length, baseSubset),
      ratio: Math.round((apiSubset / baseSubset) * 100) / 100,
      decisionOnly: {
        engineRequestsPerSecond: rate(validated.length, decideOnly),
        handWrittenRequestsPerSecond: rate(validated.length, baseOnly),
        ratio: Math.round((decideOnly / baseOnly) * 100) / 100,
      },
    },
    jsonRulesEngineAsync: {
      requestsPerSecond: rate(validated.length, jreMs),
      note: 'criteria evaluated by json-rules-engine Engine.run (facts from the same fact layer), decision only',
    },
    cliOneRequest: { medianMs: Math.round(cliMs), nodeBareMs: Math.round(nodeMs), ratio: Math.round((cliMs / nodeMs) * 100) / 100 },
    peakRssMbBench: Math.round(process.memoryUsage().rss / 1048576),
    targets: { requestsPerSecond: 5000, ratioToBaseline: 3, cliOneRequestMs: 250 },
    machine: { cpus: cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100) },
  };
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const ok = (b: boolean): string => (b ? 'meets target' : 'MISSES target');
  console.log(`imr-precheck benchmark, ${N} generated requests (${subset.length} ESI/facet/MBB/TPI), ${process.version}`);
  console.log(
    `engine API (parse, validate, decide):      ${results.engineApi.requestsPerSecond} req/s  (${ok(results.engineApi.requestsPerSecond >= 5000)} ≥5000); first pass ${results.engineApi.firstPassRequestsPerSecond} req/s`,
  );
  console.log(
    `precheck check - --format jsonl:           ${results.cliStreamJsonl.requestsPerSecond} req/s  (${ok(results.cliStreamJsonl.requestsPerSecond >= 5000)} ≥5000), peak RSS ${stream.peakRssMb} MB (${streamSmall.peakRssMb} MB at ${Math.floor(N / 10)} requests)`,
  );
  console.log(
    `vs hand-written predicate (same input):    engine ${results.baselineComparison.engineRequestsPerSecond} req/s, baseline ${results.baselineComparison.handWrittenRequestsPerSecond} req/s, ratio ${results.baselineComparison.ratio}× (${ok(results.baselineComparison.ratio <= 3)} ≤3×)`,
  );
  console.log(
    `  decision step only:                      engine ${results.baselineComparison.decisionOnly.engineRequestsPerSecond} req/s, baseline ${results.baselineComparison.decisionOnly.handWrittenRequestsPerSecond} req/s, ratio ${results.baselineComparison.decisionOnly.ratio}×`,
  );
  console.log(`json-rules-engine async Engine.run:        ${results.jsonRulesEngineAsync.requestsPerSecond} req/s (decision only)`);
  console.log(
    `one-request CLI:                           ${results.cliOneRequest.medianMs} ms median vs node -e 0 ${results.cliOneRequest.nodeBareMs} ms (${results.cliOneRequest.ratio}×; ${ok(results.cliOneRequest.medianMs <= 250)} ≤250 ms)`,
  );
  console.log(
    `machine: ${results.machine.cpus} CPUs, load average ${loadAtStart.join(' ')} at start, ${results.machine.loadAverageAtEnd.join(' ')} at end`,
  );
  console.log('written to bench/results.json');
}

await main();
