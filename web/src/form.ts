// A form generated from the request's JSON Schema (served in /v1/openapi.json, generated from
// the zod schemas): objects become fieldsets, lists get Add/Remove buttons, closed vocabularies
// become selects, true/false flags get "not stated". Every input carries `data-path`, the same
// path the server names in a validation issue, so an invalid field is flagged at its input.
import { formatPath, getAt, setAt, type Segment } from './paths.js';
import { valueText } from './text.js';

export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: string[];
  anyOf?: Schema[];
  const?: unknown;
  description?: string;
  /** Suggested values of a free string (e.g. the symptom vocabulary): offered, not enforced. */
  examples?: string[];
  minimum?: number;
  maximum?: number;
}

export interface FormContext {
  state: Record<string, unknown>;
  /** Called after every edit of the state. */
  changed(): void;
  /** Called after a list redraws its items (the drafted-field marks are put back on them). */
  rendered?(root: HTMLElement): void;
}

let uid = 0;
const nextId = (): string => `f${++uid}`;

export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/icd10/i, 'ICD-10')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const isObject = (s: Schema): boolean => s.type === 'object' && s.properties !== undefined;
const stringVariant = (s: Schema): Schema | undefined => s.anyOf?.find((a) => a.type === 'string');
const objectVariant = (s: Schema): Schema | undefined => s.anyOf?.find(isObject);

/** One labelled field (input, select) bound to `path`. */
function scalarField(key: string, schema: Schema, path: Segment[], ctx: FormContext, required: boolean): HTMLElement {
  const id = nextId();
  const p = formatPath(path);
  const value = getAt(ctx.state, path);
  const help = schema.description ?? '';
  const label = el('label', { for: id }, humanize(key), required ? el('span', { class: 'req', title: 'required' }, ' *') : '');
  let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  let suggestions: HTMLElement | undefined;
  const set = (v: unknown): void => {
    setAt(ctx.state, path, v);
    ctx.changed();
  };
  if (schema.enum || schema.type === 'boolean') {
    const select = el('select', { id });
    const options: [string, string][] =
      schema.type === 'boolean'
        ? [
            ['', 'not stated'],
            ['true', 'yes'],
            ['false', 'no'],
          ]
        : [['', '—'], ...schema.enum!.map((v): [string, string] => [v, v])];
    for (const [v, text] of options) select.append(el('option', { value: v }, text));
    select.value = value === undefined ? '' : valueText(value);
    select.addEventListener('change', () =>
      set(select.value === '' ? undefined : schema.type === 'boolean' ? select.value === 'true' : select.value),
    );
    input = select;
  } else if (schema.type === 'number' || schema.type === 'integer') {
    const num = el('input', { id, type: 'number', inputmode: 'decimal', step: schema.type === 'integer' ? '1' : 'any' });
    if (schema.minimum !== undefined) num.min = String(schema.minimum);
    if (schema.maximum !== undefined) num.max = String(schema.maximum);
    num.value = value === undefined ? '' : valueText(value);
    num.addEventListener('input', () => set(num.value === '' ? undefined : Number(num.value)));
    input = num;
  } else if (key === 'notes') {
    // free text that can run to paragraphs (a drafted note's unplaced sentences land here)
    const area = el('textarea', { id, rows: '4' });
    area.value = value === undefined ? '' : valueText(value);
    area.addEventListener('input', () => set(area.value.trim() === '' ? undefined : area.value));
    input = area;
  } else {
    const text = el('input', { id, type: 'text', autocomplete: 'off' });
    if (schema.examples) {
      const list = el('datalist', { id: `${id}-list` }, ...schema.examples.map((v) => el('option', { value: v })));
      text.setAttribute('list', list.id);
      suggestions = list;
    }
    text.value = value === undefined ? '' : valueText(value, ', ');
    text.addEventListener('input', () => set(text.value.trim() === '' ? undefined : text.value));
    input = text;
  }
  input.dataset.path = p;
  input.title = help;
  const helpId = `${id}-help`;
  input.setAttribute('aria-describedby', `${helpId} ${id}-error`);
  return el(
    'div',
    { class: 'field' },
    label,
    input,
    ...(suggestions ? [suggestions] : []),
    el('small', { id: helpId, class: 'help' }, help),
    el('small', { id: `${id}-error`, class: 'error', 'aria-live': 'polite' }),
  );
}

/** A list of closed-vocabulary values (regions, red flags): a group of checkboxes. */
function checkboxGroup(key: string, schema: Schema, path: Segment[], ctx: FormContext): HTMLElement {
  const current = (getAt(ctx.state, path) as string[] | undefined) ?? [];
  const box = el('fieldset', { class: 'checks', 'data-path': formatPath(path) }, el('legend', {}, humanize(key)));
  if (schema.description) box.append(el('small', { class: 'help' }, schema.description));
  for (const v of schema.items!.enum!) {
    const id = nextId();
    const cb = el('input', { type: 'checkbox', id, value: v });
    cb.checked = current.includes(v);
    cb.addEventListener('change', () => {
      const now = new Set((getAt(ctx.state, path) as string[] | undefined) ?? []);
      if (cb.checked) now.add(v);
      else now.delete(v);
      const list = schema.items!.enum!.filter((x) => now.has(x));
      // an empty red-flag list means "none" (documented); elsewhere empty = not stated
      setAt(ctx.state, path, list.length > 0 || key === 'redFlags' ? list : undefined);
      ctx.changed();
    });
    box.append(el('span', { class: 'check' }, cb, el('label', { for: id }, v)));
  }
  box.append(el('small', { class: 'error', 'aria-live': 'polite' }));
  return box;
}

/** A list of items: each item's fields, a Remove button, and an Add button. */
function listField(key: string, schema: Schema, path: Segment[], ctx: FormContext): HTMLElement {
  const box = el('fieldset', { class: 'list', 'data-path': formatPath(path) }, el('legend', {}, humanize(key)));
  if (schema.description) box.append(el('small', { class: 'help' }, schema.description));
  const items = el('div', { class: 'items' });
  const item = schema.items!;
  const singular = humanize(key).replace(/ies$/, 'y').replace(/s$/, '');
  const redraw = (): void => {
    items.replaceChildren();
    const values = (getAt(ctx.state, path) as unknown[] | undefined) ?? [];
    values.forEach((v, i) => {
      const itemPath = [...path, i];
      const variant = isObject(item) ? item : typeof v === 'object' && v !== null ? objectVariant(item) : (stringVariant(item) ?? item);
      const body =
        variant && isObject(variant)
          ? objectFields(variant, itemPath, ctx)
          : [scalarField(`${singular} ${i + 1}`, variant ?? { type: 'string' }, itemPath, ctx, false)];
      const remove = el('button', { type: 'button', class: 'remove' }, `Remove ${singular.toLowerCase()} ${i + 1}`);
      remove.addEventListener('click', () => {
        setAt(ctx.state, itemPath, undefined);
        if (((getAt(ctx.state, path) as unknown[]) ?? []).length === 0) setAt(ctx.state, path, undefined);
        redraw();
        ctx.changed();
      });
      items.append(
        el(
          'div',
          { class: 'item', 'data-path': formatPath(itemPath) },
          el('div', { class: 'item-head' }, el('strong', {}, `${singular} ${i + 1}`), remove),
          el('div', { class: 'grid' }, ...body),
        ),
      );
    });
    if (items.isConnected) ctx.rendered?.(items); // the first draw is marked with the whole form
  };
  const add = el('button', { type: 'button', class: 'add' }, `Add ${singular.toLowerCase()}`);
  add.addEventListener('click', () => {
    const values = (getAt(ctx.state, path) as unknown[] | undefined) ?? [];
    const blank = isObject(item) ? {} : '';
    setAt(ctx.state, [...path, values.length], blank);
    redraw();
    ctx.changed();
    items.lastElementChild?.querySelector<HTMLElement>('input, select')?.focus();
  });
  redraw();
  box.append(items, add, el('small', { class: 'error', 'aria-live': 'polite' }));
  return box;
}

function objectFields(schema: Schema, path: Segment[], ctx: FormContext, only?: readonly string[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  const keys = only ?? Object.keys(schema.properties ?? {});
  for (const key of keys) {
    const child = schema.properties?.[key];
    if (!child || key === 'extensions' || key === 'format') continue;
    out.push(field(key, child, [...path, key], ctx, schema.required?.includes(key) ?? false));
  }
  return out;
}

/** Any field of the schema at `path`. */
export function field(key: string, schema: Schema, path: Segment[], ctx: FormContext, required = false): HTMLElement {
  if (isObject(schema)) {
    const box = el('fieldset', { class: 'object', 'data-path': formatPath(path) }, el('legend', {}, humanize(key)));
    if (schema.description) box.append(el('small', { class: 'help' }, schema.description));
    box.append(el('div', { class: 'grid' }, ...objectFields(schema, path, ctx)), el('small', { class: 'error', 'aria-live': 'polite' }));
    return box;
  }
  if (schema.type === 'array' && schema.items?.enum) return checkboxGroup(key, schema, path, ctx);
  if (schema.type === 'array' && schema.items) return listField(key, schema, path, ctx);
  const single = schema.anyOf ? { ...(stringVariant(schema) ?? { type: 'string' }), description: schema.description } : schema;
  return scalarField(key, single, path, ctx, required);
}

/** The fields of one object schema, a chosen subset in a chosen order. */
export function fields(schema: Schema, path: Segment[], ctx: FormContext, only: readonly string[]): HTMLElement[] {
  return objectFields(schema, path, ctx, only);
}
