// `npm run bench` (after bench/run.ts): POST /v1/check throughput and latency at 50 concurrent
// keep-alive clients, against `precheck serve` in its own process on 127.0.0.1, with the
// README's example request. A small client of our own (node:http), so no load-testing package.
// Merges `serveCheck` into bench/results.json.
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli/precheck.js');
const EXAMPLE = 'examples/esi-no-mri-report.yaml';
const CONCURRENCY = 50;
const WARMUP_MS = 2_000;
const DURATION_MS = Number(process.env.BENCH_SERVE_MS ?? 10_000);

async function startServer(): Promise<{ port: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', () => reject(new Error(`precheck serve exited: ${stderr}`)));
  });
  return {
    port,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function post(agent: Agent, port: number, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/v1/check',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function benchServe() {
  const body = Buffer.from(JSON.stringify(parse(readFileSync(join(ROOT, EXAMPLE), 'utf8'))));
  const server = await startServer();
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let errors = 0;
  let recording = false;
  let stopAt = Infinity;
  const client = async (): Promise<void> => {
    while (performance.now() < stopAt) {
      const t0 = performance.now();
      const status = await post(agent, server.port, body);
      if (!recording) continue;
      if (status === 200) latencies.push(performance.now() - t0);
      else errors++;
    }
  };
  const started = performance.now();
  stopAt = started + WARMUP_MS + DURATION_MS;
  setTimeout(() => {
    recording = true;
  }, WARMUP_MS);
  const load = loadavg()[0]!;
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  agent.destroy();
  await server.stop();
  const sorted = latencies.sort((a, b) => a - b);
  const pct = (p: number): number => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! * 10) / 10;
  return {
    route: 'POST /v1/check',
    request: EXAMPLE,
    concurrency: CONCURRENCY,
    durationSeconds: DURATION_MS / 1000,
    requests: sorted.length,
    errors,
    requestsPerSecond: Math.round(sorted.length / (DURATION_MS / 1000)),
    latencyMs: { p50: pct(0.5), p90: pct(0.9), p99: pct(0.99), max: pct(1) },
    machine: { cpus: cpus().length, loadAverageAtStart: Math.round(load * 100) / 100 },
    note: 'client and server on the same machine (server in its own process, client in this one), keep-alive, JSON body; the target is ≥ 2,000 req/s and p99 ≤ 50 ms on 2 cores',
  };
}

const results = await benchServe();
const file = join(ROOT, 'bench/results.json');
const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
all.serveCheck = results;
writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
console.log(
  `POST /v1/check at ${CONCURRENCY} clients: ${results.requestsPerSecond} req/s, p50 ${results.latencyMs.p50} ms, p99 ${results.latencyMs.p99} ms (${results.errors} errors; load average ${results.machine.loadAverageAtStart} on ${results.machine.cpus} cpus)`,
);
