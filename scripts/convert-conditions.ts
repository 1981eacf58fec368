// Rewrites rule conditions (rules/**/*.yaml) into the forms of docs/rule-authoring.md,
// "Conditions", keeping every comment and the rest of each file byte for byte:
//   - the exclusion idiom  any: [ {fact: f, operator: documented, value: false}, {fact: f, …} ]
//       in a `when`                        → { fact: f, …, undocumented: met }
//       as a criterion's top-level `any`   → { fact: f, …, undocumented: omit }
//       deeper in a criterion's condition  → the guard is dropped (there it never held: strict)
//   - all: [ {fact: f, operator: documented, value: true}, {fact: f, …} ] → { fact: f, …, undocumented: unmet }
//   - a subtree equal to a named condition of rules/conditions.yaml (or, in an all/any, a set of
//     alternatives equal to a named all/any)  → { condition: name }
// Each rewrite keeps what the engine evaluates (the loader lowers the new forms back to the same
// condition). Idempotent: a second run changes nothing. Re-run after merging rule edits:
//   npx tsx scripts/convert-conditions.ts [--check] [rules-dir]
// `--check` changes nothing and exits 1 when a file would change.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument, parse, isMap, isSeq, isScalar, isPair, type Node, type YAMLMap } from 'yaml';
import { listRuleFiles, PROJECT_ROOT } from '../src/rules/pack.js';

type Json = unknown;
type Context = 'condition' | 'when';
/** Text replacements [start, end) → text, applied from the end of the file. */
type Edit = { start: number; end: number; text: string }[];

export interface Counts {
  /** `documented: false` guards rewritten (met / omit) or dropped (no-op in a criterion's condition). */
  met: number;
  omit: number;
  droppedGuard: number;
  /** `documented: true` conjuncts rewritten to `undocumented: unmet`. */
  unmet: number;
  /** Subtrees replaced by a named condition, by name. */
  named: Record<string, number>;
}

export const emptyCounts = (): Counts => ({ met: 0, omit: 0, droppedGuard: 0, unmet: 0, named: {} });

// ---------------------------------------------------------------- named conditions

/** Sorted-key JSON of a written condition with its named references expanded. */
function canonical(value: Json, named: ReadonlyMap<string, Json>, seen: readonly string[] = []): string {
  const norm = (v: Json, stack: readonly string[]): Json => {
    if (Array.isArray(v)) return v.map((x) => norm(x, stack));
    if (v !== null && typeof v === 'object') {
      const o = v as Record<string, Json>;
      if (typeof o.condition === 'string' && Object.keys(o).length === 1 && named.has(o.condition) && !stack.includes(o.condition)) {
        return norm(named.get(o.condition), [...stack, o.condition]);
      }
      const entries = Object.entries(o).filter(([k, x]) => !(k === 'undocumented' && x === 'not-documented'));
      return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, norm(x, stack)]));
    }
    return v;
  };
  return JSON.stringify(norm(value, seen));
}

/** The named conditions of rules/conditions.yaml, largest first (a larger match wins). */
export function readNamedConditions(rulesDir: string): { name: string; body: Json; key: string; size: number }[] {
  const file = join(rulesDir, 'conditions.yaml');
  if (!existsSync(file)) return [];
  const data = parse(readFileSync(file, 'utf8')) as { conditions?: Record<string, { condition: Json }> } | null;
  const map = new Map(Object.entries(data?.conditions ?? {}).map(([k, v]) => [k, v.condition] as const));
  return [...map]
    .map(([name, body]) => {
      const key = canonical(body, map, [name]);
      return { name, body, key, size: key.length };
    })
    .sort((a, b) => b.size - a.size || a.name.localeCompare(b.name));
}

// ---------------------------------------------------------------- finding one edit

const isLeaf = (n: unknown): n is YAMLMap => isMap(n) && n.has('fact') && n.has('operator');
const str = (n: YAMLMap, key: string): unknown => {
  const v = n.get(key, true);
  return isScalar(v) ? v.value : v;
};
const guardOf = (n: unknown, value: boolean): string | undefined =>
  isLeaf(n) && str(n, 'operator') === 'documented' && str(n, 'value') === value ? String(str(n, 'fact')) : undefined;
/** A plain comparison on `fact` that can take `undocumented:` (not `documented`, not fact vs fact, none set yet). */
const plainOn = (n: unknown, fact: string): n is YAMLMap =>
  isLeaf(n) &&
  str(n, 'fact') === fact &&
  str(n, 'operator') !== 'documented' &&
  !n.has('undocumented') &&
  !n.has('params') &&
  !isMap(n.get('value', true));

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}
function lineEnd(text: string, at: number): number {
  const i = text.indexOf('\n', at);
  return i < 0 ? text.length : i + 1;
}

/** Removes one item of a block sequence: its whole line(s). */
function removeItem(text: string, item: Node): Edit[number] {
  const start = lineStart(text, item.range![0]);
  if (!/^\s*-\s*$/.test(text.slice(start, item.range![0]))) throw new Error(`not a block sequence item at offset ${item.range![0]}`);
  return { start, end: lineEnd(text, item.range![1] - 1), text: '' };
}

/** Adds `undocumented: mode` to a leaf (flow `{ … }` or block map). */
function addUndocumented(text: string, leaf: YAMLMap, mode: string): Edit[number] {
  const [s, e] = [leaf.range![0], leaf.range![1]];
  const body = text.slice(s, e);
  if (leaf.flow) {
    const close = s + body.lastIndexOf('}');
    const pad = text[close - 1] === ' ' ? 1 : 0;
    return { start: close - pad, end: close - pad, text: `, undocumented: ${mode}` };
  }
  const last = leaf.items[leaf.items.length - 1]!;
  const col = (last.key as Node).range![0] - lineStart(text, (last.key as Node).range![0]);
  const at = lineEnd(text, ((last.value as Node | null)?.range ?? (last.key as Node).range)![1] - 1);
  return { start: at, end: at, text: `${' '.repeat(col)}undocumented: ${mode}\n` };
}

/** Replaces `node` (the value of `pair`, or a sequence item) with one line of flow text. */
function replaceWithFlow(text: string, node: Node, parentPair: { key: Node } | undefined, flow: string): Edit[number] {
  if (parentPair) {
    const keyEnd = parentPair.key.range![1];
    return { start: keyEnd, end: lineEnd(text, node.range![1] - 1) - 1, text: `: ${flow}` };
  }
  return { start: node.range![0], end: lineEnd(text, node.range![1] - 1) - 1, text: flow };
}

const oneLine = (text: string, n: Node): string | undefined => {
  const s = text.slice(n.range![0], n.range![1]).trimEnd();
  return s.includes('\n') ? undefined : s;
};

interface Found {
  edit: Edit;
  count: (c: Counts) => void;
}

/**
 * The first rewrite in one condition tree. `top` is the tree's root; `negated` counts `not`s.
 * Returns undefined when the tree is in its final form.
 */
function findIn(
  text: string,
  node: Node,
  context: Context,
  named: ReturnType<typeof readNamedConditions>,
  parentPair: { key: Node } | undefined,
  depth: number,
  negated: boolean,
): Found | undefined {
  if (!isMap(node)) return undefined;
  // a named condition (largest first); a leaf named only replaces a leaf, a subtree its equal
  const json = node.toJSON() as Json;
  const key = canonical(json, new Map(named.map((n) => [n.name, n.body] as const)));
  const isRef = node.has('condition') && node.items.length === 1;
  if (!isRef) {
    for (const n of named) {
      if (n.key === key)
        return {
          edit: [replaceWithFlow(text, node, parentPair, `{ condition: ${n.name} }`)],
          count: (c) => {
            c.named[n.name] = (c.named[n.name] ?? 0) + 1;
          },
        };
    }
  }
  for (const op of ['any', 'all'] as const) {
    const seq = node.get(op, true);
    if (!isSeq(seq) || seq.flow) continue;
    const items = seq.items as Node[];
    // the idioms
    for (const item of items) {
      const fact = guardOf(item, op === 'any' ? false : true);
      if (!fact) continue;
      const sibling = items.find((x) => x !== item && plainOn(x, fact)) as YAMLMap | undefined;
      if (!sibling) continue;
      if (op === 'all') {
        if (context === 'condition' && negated) continue; // unmet under a not would be met on silence: leave as written
        return {
          edit: [addUndocumented(text, sibling, 'unmet'), removeItem(text, item)],
          count: (c) => {
            c.unmet++;
          },
        };
      }
      if (context === 'when')
        return {
          edit: [addUndocumented(text, sibling, 'met'), removeItem(text, item)],
          count: (c) => {
            c.met++;
          },
        };
      if (depth === 0)
        return {
          edit: [addUndocumented(text, sibling, 'omit'), removeItem(text, item)],
          count: (c) => {
            c.omit++;
          },
        };
      return {
        edit: [removeItem(text, item)],
        count: (c) => {
          c.droppedGuard++;
        },
      };
    }
    // a lone alternative or conjunct: the node is that item
    if (items.length === 1 && node.items.length === 1) {
      const only = oneLine(text, items[0]!);
      if (only) return { edit: [replaceWithFlow(text, node, parentPair, only)], count: () => {} };
    }
    // a named all/any among the items
    for (const n of named) {
      const body = n.body as Record<string, Json[]> | null;
      if (!body || typeof body !== 'object' || !Array.isArray(body[op]) || Object.keys(body).length !== 1) continue;
      const namedMap = new Map(named.map((x) => [x.name, x.body] as const));
      const wanted = body[op].map((x) => canonical(x, namedMap));
      if (wanted.length >= items.length) continue;
      const keys = items.map((x) => canonical(x.toJSON() as Json, namedMap));
      const picked: number[] = [];
      for (const w of wanted) {
        const i = keys.findIndex((k, j) => k === w && !picked.includes(j));
        if (i < 0) break;
        picked.push(i);
      }
      if (picked.length !== wanted.length) continue;
      const [first, ...rest] = [...picked].sort((a, b) => a - b);
      return {
        edit: [
          replaceWithFlow(text, items[first!]!, undefined, `{ condition: ${n.name} }`),
          ...rest.map((i) => removeItem(text, items[i]!)),
        ],
        count: (c) => {
          c.named[n.name] = (c.named[n.name] ?? 0) + 1;
        },
      };
    }
    for (const item of items) {
      const found = findIn(text, item, context, named, undefined, depth + 1, negated);
      if (found) return found;
    }
  }
  const not = node.get('not', true);
  if (isMap(not)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'not')!;
    return findIn(text, not, context, named, { key: pair.key as Node }, depth + 1, !negated);
  }
  return undefined;
}

/** The condition trees of a rule file, each with its context and the pair it is the value of. */
function conditionRoots(doc: ReturnType<typeof parseDocument>): { node: Node; context: Context; pair: { key: Node } }[] {
  const out: { node: Node; context: Context; pair: { key: Node } }[] = [];
  const add = (map: unknown, key: string, context: Context): void => {
    if (!isMap(map)) return;
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (pair && isMap(pair.value)) out.push({ node: pair.value, context, pair: { key: pair.key as Node } });
  };
  add(doc.get('appliesTo', true), 'when', 'when');
  const guideline = doc.get('guideline', true);
  if (isSeq(guideline)) for (const g of guideline.items) add(g, 'when', 'when');
  const criteria = doc.get('criteria', true);
  if (isSeq(criteria))
    for (const c of criteria.items) {
      add(c, 'when', 'when');
      add(c, 'condition', 'condition');
    }
  return out;
}

/** Rewrites one rule file's text until no rewrite applies. */
export function convertText(text: string, named: ReturnType<typeof readNamedConditions>, counts: Counts = emptyCounts()): string {
  for (let round = 0; round < 10_000; round++) {
    const doc = parseDocument(text);
    if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message);
    let found: Found | undefined;
    for (const root of conditionRoots(doc)) {
      found = findIn(text, root.node, root.context, named, root.pair, 0, false);
      if (found) break;
    }
    if (!found) return text;
    found.count(counts);
    for (const e of [...found.edit].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  }
  throw new Error('no fixpoint after 10000 rewrites');
}

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const rulesDir = resolve(args.find((a) => !a.startsWith('--')) ?? join(PROJECT_ROOT, 'rules'));
  const named = readNamedConditions(rulesDir);
  const counts = emptyCounts();
  const changed: string[] = [];
  for (const file of listRuleFiles(rulesDir)) {
    const before = readFileSync(file, 'utf8');
    const after = convertText(before, named, counts);
    if (after === before) continue;
    changed.push(relative(process.cwd(), file));
    if (!check) writeFileSync(file, after);
  }
  const namedTotal = Object.values(counts.named).reduce((a, b) => a + b, 0);
  process.stdout.write(
    `${check ? 'would change' : 'changed'} ${changed.length} file(s)${changed.length ? `: ${changed.join(', ')}` : ''}\n`,
  );
  process.stdout.write(
    `undocumented: met ${counts.met}, omit ${counts.omit}, unmet ${counts.unmet}; no-op guards dropped ${counts.droppedGuard}; named conditions ${namedTotal}${
      namedTotal
        ? ` (${Object.entries(counts.named)
            .sort()
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')})`
        : ''
    }\n`,
  );
  if (check && changed.length > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
