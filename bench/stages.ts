// Per-stage time of the jsonl path on generated requests, in process (warm, best of 5, CPU time: the machine is shared):
// a profile in numbers, to see which step of a line costs what.
import { generate } from './generate.js';
import { loadJson } from '../dist/request/load.js';
import { requestFromDocument, checkRequest } from '../dist/api.js';
import { normalizeRequest } from '../dist/request/normalize.js';
import { decide } from '../dist/engine/decide.js';
import { explainDecision } from '../dist/engine/explain.js';
import { rulePack } from '../dist/rules/pack.js';
import { decideLine } from '../dist/cli/decide-line.js';

const N = Number(process.env.BENCH_N ?? 10_000);
const lines = generate(N, 42).map((x) => x.json);
const pack = rulePack();
function time(label: string, fn: () => void): void {
  fn();
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  console.log(`${label.padEnd(28)} ${((best / N) * 1000).toFixed(1).padStart(7)} µs/request  ${Math.round((N / best) * 1000)} req/s`);
}
const docs = lines.map((l) => loadJson(l, 'bench'));
const requests = docs.map((d) => requestFromDocument(d));
const normalized = requests.map((r) => normalizeRequest(r));
const decisions = normalized.map((r) => decide(r, pack));
const results = requests.map((r) => checkRequest(r, { pack }));
time('JSON.parse', () => {
  for (const l of lines) JSON.parse(l);
});
time('loadJson', () => {
  for (const l of lines) loadJson(l, 'bench');
});
time('requestFromDocument', () => {
  for (const d of docs) requestFromDocument(d);
});
time('normalizeRequest', () => {
  for (const r of requests) normalizeRequest(r);
});
time('decide', () => {
  for (const r of normalized) decide(r, pack);
});
time('explainDecision', () => {
  for (const d of decisions) explainDecision(d);
});
time('checkRequest', () => {
  for (const r of requests) checkRequest(r, { pack });
});
time('JSON.stringify', () => {
  for (const r of results) JSON.stringify(r);
});
time('decideLine', () => {
  for (const l of lines) decideLine('x', l, pack, { file: '<stdin>', line: 1 });
});
time('load+validate+check', () => {
  for (const l of lines) checkRequest(requestFromDocument(loadJson(l, 'bench')), { pack });
});
time('validate+check (fresh)', () => {
  for (const d of docs) checkRequest(requestFromDocument(d), { pack });
});
time('check on fresh normalize', () => {
  for (const r of requests) decide(normalizeRequest(r), pack);
});
