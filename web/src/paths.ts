// Request paths as the server writes them (`exam[1].result`), and reading/writing a plain
// object at such a path. The form, the error flags and the state all use this one spelling.
export type Segment = string | number;

export function formatPath(path: readonly Segment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

export function getAt(root: unknown, path: readonly Segment[]): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** Sets a value, creating objects and arrays on the way; `undefined` deletes the key (empty field). */
export function setAt(root: Record<string, unknown>, path: readonly Segment[], value: unknown): void {
  let node: Record<string | number, unknown> = root;
  path.slice(0, -1).forEach((seg, i) => {
    const next = path[i + 1];
    if (node[seg] === undefined || node[seg] === null || typeof node[seg] !== 'object') node[seg] = typeof next === 'number' ? [] : {};
    node = node[seg] as Record<string | number, unknown>;
  });
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete node[last];
  } else node[last] = value;
  prune(root);
}

/** Drops empty objects left behind by cleared fields (an empty `patient: {}` says nothing). */
function prune(node: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(node)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      prune(v as Record<string, unknown>);
      if (Object.keys(v).length === 0) delete node[k];
    }
  }
}

/** The inverse of formatPath: `exam[1].result` → ['exam', 1, 'result']. */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}
