// "Paste a note": the fields a draft prefilled, the words each came from, and whether the person
// has looked at each one yet. A drafted fact is remembered by the object that holds it (the item
// carrying `extensions.evidence`) and its key there, so the marks follow an item when the list
// around it changes, and a field the person adds is never taken for a drafted one.
import { getAt, type Segment } from './paths.js';

export interface Span {
  line: number;
  column: number;
  quote: string;
}
/** `pending`: not looked at yet; `seen`: focused and left; `edited`: changed by the person. */
export type ReviewState = 'pending' | 'seen' | 'edited';
export interface DraftAnswer {
  warning: string;
  warnings: string[];
  request: Record<string, unknown>;
  text: string;
}

type Owner = Record<string, unknown>;
const isPlain = (v: unknown): v is Owner => v !== null && typeof v === 'object' && !Array.isArray(v);
const evidenceOf = (o: Owner): unknown => (isPlain(o.extensions) ? o.extensions.evidence : undefined);

/** Request keys that are bookkeeping, not drafted facts. */
const NOT_FACTS = new Set(['format', 'id', 'extensions']);

export class DraftReview {
  readonly text: string;
  private readonly root: Owner;
  private readonly drafted = new WeakMap<Owner, Map<string, ReviewState>>();
  private readonly ids = new Map<Owner, number>();
  /** Character ranges of the text that some drafted field quotes. */
  readonly ranges: { start: number; end: number; ids: string[] }[];

  constructor(answer: DraftAnswer) {
    this.root = answer.request;
    this.text = answer.text;
    this.collect(this.root, this.root, []);
    this.ranges = this.marks();
  }

  /** Records every drafted leaf (a value, or a list of values) under its owner. */
  private collect(node: unknown, owner: Owner, within: string[]): void {
    if (Array.isArray(node) && node.every((v) => !isPlain(v) && !Array.isArray(v))) {
      this.remember(owner, within);
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((v, i) =>
        isPlain(v) && evidenceOf(v) !== undefined ? this.collect(v, v, []) : this.collect(v, owner, [...within, String(i)]),
      );
      return;
    }
    if (!isPlain(node)) {
      this.remember(owner, within);
      return;
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'extensions' || (node === this.root && NOT_FACTS.has(k))) continue;
      const own = isPlain(v) && evidenceOf(v) !== undefined;
      this.collect(v, own ? v : owner, own ? [] : [...within, k]);
    }
  }

  private remember(owner: Owner, within: string[]): void {
    if (within.length === 0) return;
    let keys = this.drafted.get(owner);
    if (!keys) this.drafted.set(owner, (keys = new Map<string, ReviewState>()));
    keys.set(within.join('.'), 'pending');
  }

  /** The owner of the value at `path` in the current state, and the key of the value within it. */
  locate(state: Owner, path: Segment[]): { owner: Owner; ownerPath: Segment[]; key: string } | undefined {
    for (let cut = path.length - 1; cut >= 0; cut--) {
      const node = cut === 0 ? state : getAt(state, path.slice(0, cut));
      if (!isPlain(node)) continue;
      if (cut === 0 || evidenceOf(node) !== undefined) {
        return { owner: node, ownerPath: path.slice(0, cut), key: path.slice(cut).join('.') };
      }
    }
    return undefined;
  }

  stateOf(owner: Owner, key: string): ReviewState | undefined {
    return this.drafted.get(owner)?.get(key);
  }

  setState(owner: Owner, key: string, next: ReviewState): void {
    const keys = this.drafted.get(owner);
    const now = keys?.get(key);
    if (!keys || now === undefined || now === 'edited' || (now === 'seen' && next === 'seen')) return;
    keys.set(key, next);
  }

  /** The words a field came from: the item's list, or the field's own entry in its owner's map. */
  spans(owner: Owner, key: string): Span[] {
    const ev = evidenceOf(owner);
    if (Array.isArray(ev)) return ev as Span[];
    if (!isPlain(ev)) return [];
    return Object.entries(ev)
      .filter(([k]) => k === key || k.startsWith(`${key}.`))
      .map(([, v]) => v as Span);
  }

  /** Whether the owner keeps one list of words for the whole item (shown once, at the item). */
  itemLevel(owner: Owner): boolean {
    return Array.isArray(evidenceOf(owner));
  }

  /** The ids of the marks (in `marks()`) that hold a field's words. */
  markIds(owner: Owner, key: string): string[] {
    const id = this.ids.get(owner);
    if (id === undefined) return [];
    const ev = evidenceOf(owner);
    if (Array.isArray(ev)) return [`o${id}`];
    return isPlain(ev)
      ? Object.keys(ev)
          .filter((k) => k === key || k.startsWith(`${key}.`))
          .map((k) => `o${id}:${k}`)
      : [];
  }

  /** Character ranges of every span in the text, each with the ids of the fields' words it holds. */
  private marks(): { start: number; end: number; ids: string[] }[] {
    const lineStarts = [0];
    for (let i = 0; i < this.text.length; i++) if (this.text[i] === '\n') lineStarts.push(i + 1);
    const out: { start: number; end: number; ids: string[] }[] = [];
    const add = (s: Span, id: string): void => {
      const start = (lineStarts[s.line - 1] ?? -1) + s.column - 1;
      if (start < 0 || this.text.slice(start, start + s.quote.length) !== s.quote) return; // never mark words the span does not quote
      out.push({ start, end: start + s.quote.length, ids: [id] });
    };
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) {
        node.forEach(visit);
        return;
      }
      if (!isPlain(node)) return;
      const ev = evidenceOf(node);
      if (ev !== undefined) {
        if (!this.ids.has(node)) this.ids.set(node, this.ids.size);
        const id = this.ids.get(node)!;
        if (Array.isArray(ev)) for (const s of ev as Span[]) add(s, `o${id}`);
        else if (isPlain(ev)) for (const [k, s] of Object.entries(ev)) add(s as Span, `o${id}:${k}`);
      }
      for (const [k, v] of Object.entries(node)) if (k !== 'extensions') visit(v);
    };
    visit(this.root);
    out.sort((a, b) => a.start - b.start || b.end - a.end);
    // overlapping spans become one mark that holds the words of all their fields
    const merged: typeof out = [];
    for (const m of out) {
      const last = merged.at(-1);
      if (last && m.start < last.end) {
        last.end = Math.max(last.end, m.end);
        last.ids = [...new Set([...last.ids, ...m.ids])];
      } else merged.push({ ...m });
    }
    return merged;
  }
}

export const describeSpan = (s: Span): string => `line ${s.line}, column ${s.column}: “${s.quote.replace(/\s+/g, ' ')}”`;
