// A seeded property run over generated and mutated requests through the library API, in
// process: whatever the input, loading and deciding never crash (only InputError), the exit
// code is one of 0-3, and the same input gives the same output. 10^5 inputs per `npm test`, in
// two halves (property-a/b.test.ts) that vitest runs on both cores; set PROPERTY_SEED to replay
// a failure (the seed is printed when a run fails) and PROPERTY_RUNS to change the count.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocuments } from '../../src/request/load.js';
import { InputError } from '../../src/request/issues.js';
import { requestFromDocument, checkRequest } from '../../src/api.js';
import { rulePack } from '../../src/rules/pack.js';
import { exitCodeFor } from '../../src/cli/commands/check.js';

const ROOT = join(import.meta.dirname, '../..');
const TOTAL_RUNS = Number(process.env.PROPERTY_RUNS ?? 100_000);
const pack = rulePack();

const seeds: unknown[] = [
  'esi-no-mri-report.yaml',
  'esi-overturned.yaml',
  'pain-consult-and-medications.yaml',
  'tpi-and-facet.yaml',
  'lumbar-mri-overturned.yaml',
].map((f) => loadDocuments(readFileSync(join(ROOT, 'examples', f), 'utf8'), f)[0]!.data);

/** Exit code the CLI would give one input, and its output. */
function decide(text: string): { code: number; output: string } {
  try {
    const docs = loadDocuments(text, '<property>');
    if (docs.length !== 1) return { code: 2, output: `documents: ${docs.length}` };
    const result = checkRequest(requestFromDocument(docs[0]!), { pack, today: '2016-06-01' });
    const upheld = result.services.some((s) => s.prediction === 'upheld');
    const notCovered = result.services.some((s) => s.prediction === 'not-covered');
    return { code: exitCodeFor({ invalid: false, upheld, notCovered }), output: JSON.stringify(result) };
  } catch (err) {
    if (err instanceof InputError) return { code: 2, output: JSON.stringify(err.issues) };
    throw err;
  }
}

const KEYS = [
  'format',
  'id',
  'services',
  'kind',
  'label',
  'for',
  'levels',
  'quantity',
  'decisionDate',
  'diagnoses',
  'treatments',
  'medications',
  'studies',
  'documentation',
  'region',
  'text',
  '__proto__',
  'constructor',
  'extensions',
];
const scalar = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '',
    '2x6',
    'L4-5',
    'L4-S1',
    'epidural-steroid-injection',
    'transportation',
    'physical-therapy',
    'surgery',
    '\u001b[2J',
    '\ufeff',
    '2016-02-30',
    '-1',
    '1e309',
    'NaN',
    '9'.repeat(300),
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.constantFrom(...KEYS), scalar, { maxKeys: 4 }));

type Mutation = { path: number[]; op: 'delete' | 'set' | 'duplicate'; key: string; value: unknown };
const mutation = fc.record({
  path: fc.array(fc.nat(), { maxLength: 4 }),
  op: fc.constantFrom<Mutation['op']>('delete', 'set', 'duplicate'),
  key: fc.constantFrom(...KEYS),
  value,
});

/** Applies a structural mutation at a node chosen by walking `path` (indices into each node's entries). */
function mutate(root: unknown, m: Mutation): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let node: unknown = copy;
  for (const step of m.path) {
    const entries = node && typeof node === 'object' ? Object.values(node) : [];
    const next = entries.filter((v) => v && typeof v === 'object');
    if (next.length === 0) break;
    node = next[step % next.length];
  }
  if (!node || typeof node !== 'object') return copy;
  const target = node as Record<string, unknown>;
  if (Array.isArray(target)) {
    if (m.op === 'delete') target.pop();
    else if (m.op === 'duplicate' && target.length > 0) target.push(structuredClone(target[0]));
    else target.push(m.value);
  } else if (m.op === 'delete') {
    delete target[Object.keys(target)[0] ?? m.key];
  } else if (m.op === 'duplicate') {
    const k = Object.keys(target)[0];
    if (k !== undefined) target[m.key] = structuredClone(target[k]);
  } else Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Text-level damage after serializing: truncation, an inserted character, a doubled slice. */
const textEdit = fc.option(
  fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('truncate', 'insert', 'double'),
    char: fc.constantFrom('{', '}', '"', ',', ':', '\n', '\\', '\u0000', '&a', '*a', '!tag ', '- ', '#', '\t'),
  }),
  { freq: 3 },
);

const input = fc.record({
  seed: fc.nat({ max: seeds.length - 1 }),
  mutations: fc.array(mutation, { maxLength: 4 }),
  // YAML parsing costs several times JSON's: one input in eight goes through it
  asYaml: fc.nat({ max: 7 }).map((n) => n === 0),
  edit: textEdit,
});

function render(i: {
  seed: number;
  mutations: Mutation[];
  asYaml: boolean;
  edit: { at: number; kind: string; char: string } | null;
}): string {
  let data = seeds[i.seed];
  for (const m of i.mutations) data = mutate(data, m);
  let text = i.asYaml ? toFlowYaml(data) : JSON.stringify(data);
  if (i.edit) {
    const at = i.edit.at % (text.length + 1);
    if (i.edit.kind === 'truncate') text = text.slice(0, at);
    else if (i.edit.kind === 'insert') text = text.slice(0, at) + i.edit.char + text.slice(at);
    else text = text.slice(0, at) + text.slice(Math.max(0, at - 20), at) + text.slice(at);
  }
  return text;
}

/** JSON is YAML; a block-style first line makes the YAML loader (not JSON.parse) read it. */
const toFlowYaml = (data: unknown): string => `# yaml\n${JSON.stringify(data, null, 1) ?? 'null'}\n`;

/** One half of the run: `part` 0 or 1, each with its own seed (derived from PROPERTY_SEED when set). */
export function propertyRun(part: 0 | 1): void {
  const RUNS = Math.ceil(TOTAL_RUNS / 2);
  const SEED = process.env.PROPERTY_SEED !== undefined ? Number(process.env.PROPERTY_SEED) + part : (Date.now() + part * 7919) % 2 ** 31;
  describe(`property (half ${part + 1} of 2): any generated or mutated request`, () => {
    it(`is decided or refused, exit 0-3, deterministically (${RUNS} inputs, seed ${SEED})`, () => {
      let tried = 0;
      const codes = [0, 0, 0, 0];
      const start = performance.now();
      try {
        fc.assert(
          fc.property(input, (i) => {
            const text = render(i);
            const first = decide(text);
            tried++;
            codes[first.code]!++;
            if (![0, 1, 2, 3].includes(first.code)) throw new Error(`exit code ${first.code}`);
            // determinism on a sample (deciding twice doubles the time): the same text, the same output
            if (tried % 10 === 0 && JSON.stringify(decide(text)) !== JSON.stringify(first))
              throw new Error('the same input gave another output');
          }),
          { numRuns: RUNS, seed: SEED },
        );
      } catch (err) {
        console.error(`property run failed: replay with PROPERTY_SEED=${SEED - part}`);
        throw err;
      }
      const seconds = ((performance.now() - start) / 1000).toFixed(1);
      console.log(`property run (half ${part + 1}): ${tried} inputs in ${seconds} s, seed ${SEED}; exit codes 0/1/2/3: ${codes.join('/')}`);
      expect(tried).toBe(RUNS);
      // the run must exercise both valid and refused inputs, or it tests nothing
      expect(codes[2]).toBeGreaterThan(RUNS / 100);
      expect(codes[0]! + codes[1]! + codes[3]!).toBeGreaterThan(RUNS / 100);
    }, 900_000);
  });
}
