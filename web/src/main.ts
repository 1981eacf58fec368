// The physician's page: choose the service, see the criteria the rules will apply, fill in the
// record, and watch the prediction update. The state is one request object (the same format
// the CLI reads); the form is generated from the request schema the server publishes.
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { field, fields, type FormContext, type Schema } from './form.js';
import { SOURCE_TITLES, type CriteriaAnswer, type CriteriaChecklist, type PredictionView, type Result } from './panels.js';

interface Issue { path: string; message: string; text: string; line?: number }
interface Problem { title: string; detail: string; issues?: Issue[] }
interface Editions { summary: string; encodedUntil: string | null }

const SERVICE_MAIN = ['kind', 'region', 'modality', 'levels', 'side', 'approach', 'purpose', 'quantity', 'unit', 'label'];
const SERVICE_SKIP = new Set([...SERVICE_MAIN, 'id', 'for', 'requested', 'extensions']);
const RECORD = ['patient', 'injury', 'diagnoses', 'symptoms', 'exam', 'studies', 'treatments', 'surgeries', 'medications', 'documentation'];
const CRITERIA_KEYS = ['kind', 'region', 'modality', 'levels', 'side', 'approach', 'purpose', 'quantity'];

const $ = <T extends HTMLElement>(sel: string): T => document.querySelector<T>(sel)!;
const today = new Date().toISOString().slice(0, 10);

let schema: Schema;
let editions: Editions;
let state: Record<string, unknown> = blankRequest();
let lastResult: Result | null = null;
let sequence = 0;
let criteriaKey = '';
let timer: ReturnType<typeof setTimeout> | undefined;

function blankRequest(): Record<string, unknown> {
  return { format: 'imr-precheck/request@1', id: 'web-request', decisionDate: today, services: [{ id: 'service' }] };
}

const ctx: FormContext = { get state() { return state; }, changed: () => schedule() };

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void refresh(), 250);
  updateBanner();
}

function renderService(): void {
  const services = schema.properties!.services!.items!;
  const top = fields(schema, [], ctx, ['id', 'decisionDate']);
  const main = fields(services, ['services', 0], ctx, SERVICE_MAIN);
  const more = document.createElement('details');
  more.append(Object.assign(document.createElement('summary'), { textContent: 'More service fields (medication, consultation, course of visits)' }));
  const rest = Object.keys(services.properties!).filter((k) => !SERVICE_SKIP.has(k));
  const grid = document.createElement('div');
  grid.className = 'grid';
  grid.append(...fields(services, ['services', 0], ctx, rest));
  more.append(grid);
  const others = (state.services as { id: string; kind?: string; label?: string }[]).slice(1);
  const note = document.createElement('p');
  note.className = 'muted';
  if (others.length > 0) note.textContent = `This request also asks for: ${others.map((s) => s.label ?? s.kind ?? s.id).join('; ')} (decided too; edit them in the YAML).`;
  const box = $('#service-fields');
  const topGrid = document.createElement('div');
  topGrid.className = 'grid';
  topGrid.append(...top, ...main);
  box.replaceChildren(topGrid, more, note);
}

function renderRecord(): void {
  $('#record-fields').replaceChildren(...RECORD.map((k) => field(k, schema.properties![k]!, [k], ctx)));
}

function renderAll(): void {
  renderService();
  renderRecord();
  updateBanner();
}

function updateBanner(): void {
  const date = typeof state.decisionDate === 'string' ? state.decisionDate : today;
  const banner = $('#edition-banner');
  const late = editions.encodedUntil !== null && date >= editions.encodedUntil;
  banner.classList.toggle('late', late);
  banner.textContent = late
    ? `${editions.summary} For a decision date of ${date} the prediction applies those earlier editions and is indicative only.`
    : editions.summary;
}

async function refresh(): Promise<void> {
  const mine = ++sequence;
  const service = (state.services as Record<string, unknown>[])[0] ?? {};
  await refreshCriteria(service);
  if (!service.kind) {
    clearFlags();
    $<PredictionView>('prediction-view').show(null);
    return;
  }
  const res = await fetch('/v1/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(state) });
  if (mine !== sequence) return; // a newer edit is on its way
  if (res.ok) {
    lastResult = await res.json() as Result;
    clearFlags();
    $<PredictionView>('prediction-view').show(lastResult);
  } else {
    const problem = await res.json() as Problem;
    flag(problem);
    $<PredictionView>('prediction-view').show(lastResult, true);
  }
}

async function refreshCriteria(service: Record<string, unknown>): Promise<void> {
  const params = new URLSearchParams();
  for (const k of CRITERIA_KEYS) if (service[k] !== undefined && service[k] !== '') params.set(k, String(service[k]));
  if (typeof state.decisionDate === 'string') params.set('decisionDate', state.decisionDate);
  const key = params.toString();
  if (key === criteriaKey) return;
  criteriaKey = key;
  const panel = $<CriteriaChecklist>('criteria-checklist');
  if (!service.kind) { panel.show(null); return; }
  const res = await fetch(`/v1/criteria?${key}`);
  if (key !== criteriaKey) return;
  if (res.ok) panel.show(await res.json() as CriteriaAnswer);
  else panel.show(null, 'Fix the flagged service fields to see the criteria.');
}

function clearFlags(): void {
  for (const node of document.querySelectorAll('[aria-invalid="true"], .invalid')) {
    node.removeAttribute('aria-invalid');
    node.classList.remove('invalid');
  }
  for (const e of document.querySelectorAll<HTMLElement>('.error')) e.textContent = '';
  $('#problems').replaceChildren();
  $('#problems').hidden = true;
}

/** Marks each issue at its input (or the nearest enclosing part of the form) and lists them. */
function flag(problem: Problem): void {
  clearFlags();
  const list = $('#problems');
  list.hidden = false;
  list.append(Object.assign(document.createElement('p'), { textContent: `${problem.title}: ${problem.detail}` }));
  const ul = document.createElement('ul');
  for (const issue of problem.issues ?? []) {
    const target = findInput(issue.path);
    const li = document.createElement('li');
    const text = `${issue.path || 'request'}: ${issue.message}`;
    if (target) {
      target.classList.add('invalid');
      target.setAttribute('aria-invalid', 'true');
      const error = target.closest('.field, fieldset')?.querySelector<HTMLElement>(':scope > .error');
      if (error) error.textContent = issue.message;
      const go = Object.assign(document.createElement('button'), { type: 'button', textContent: text, className: 'link' });
      go.addEventListener('click', () => (target.matches('input, select') ? target : target.querySelector<HTMLElement>('input, select') ?? target).focus());
      li.append(go);
    } else li.textContent = issue.line ? `line ${issue.line}: ${text}` : text;
    ul.append(li);
  }
  list.append(ul);
}

/** The input at a path, or the nearest enclosing fieldset (a missing field points at its parent). */
function findInput(path: string): HTMLElement | null {
  let p = path;
  while (p !== '') {
    const hit = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`);
    if (hit) return hit;
    const parent = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    p = parent === p ? '' : parent;
  }
  return null;
}

/** Loads a pasted or uploaded request (YAML or JSON); the server checks it, the form shows it. */
async function loadText(text: string): Promise<void> {
  let data: unknown;
  try {
    data = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    flag({ title: 'Cannot read the request', detail: (err as Error).message, issues: [] });
    return;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    flag({ title: 'Cannot read the request', detail: 'expected one request (a mapping with format, id and services)', issues: [] });
    return;
  }
  const doc = data as Record<string, unknown>;
  state = (doc.format === 'imr-precheck/case@1' && typeof doc.request === 'object' ? doc.request : doc) as Record<string, unknown>;
  if (!Array.isArray(state.services) || state.services.length === 0) state.services = [{ id: 'service' }];
  criteriaKey = '';
  lastResult = null;
  renderAll();
  await refresh();
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const fileName = (suffix: string): string => `${String(state.id ?? 'request').replace(/[^A-Za-z0-9._-]/g, '_')}${suffix}`;

async function start(): Promise<void> {
  const [openapi, topics, ed] = await Promise.all([
    fetch('/v1/openapi.json').then((r) => r.json() as Promise<{ components: { schemas: { Request: Schema } } }>),
    fetch('/v1/topics').then((r) => r.json() as Promise<{ sources: { id: string; title: string }[] }>),
    fetch('/v1/editions').then((r) => r.json() as Promise<Editions>),
  ]);
  schema = openapi.components.schemas.Request;
  editions = ed;
  for (const s of topics.sources) SOURCE_TITLES.set(s.id, s.title);
  renderAll();
  $<CriteriaChecklist>('criteria-checklist').show(null);
  $<PredictionView>('prediction-view').show(null);

  $('#load-file').addEventListener('change', async (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) await loadText(await file.text());
  });
  $('#load-paste').addEventListener('click', () => void loadText($<HTMLTextAreaElement>('#paste').value));
  $('#download-yaml').addEventListener('click', () => download(fileName('.yaml'), 'application/yaml', `# yaml-language-server: $schema=schemas/request.schema.json\n${stringifyYaml(state)}`));
  $('#download-report').addEventListener('click', async () => {
    const res = await fetch('/v1/check?format=markdown', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(state) });
    if (res.ok) download(fileName('-report.md'), 'text/markdown', await res.text());
    else flag(await res.json() as Problem);
  });
  $('#reset').addEventListener('click', () => { state = blankRequest(); criteriaKey = ''; lastResult = null; renderAll(); void refresh(); });
  document.body.dataset.ready = 'true';
}

void start().catch((err: unknown) => {
  $('#problems').hidden = false;
  $('#problems').textContent = `The page could not start: ${(err as Error).message}`;
});

