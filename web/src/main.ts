// The physician's page: choose the service, see the criteria the rules will apply, fill in the
// record, and watch the prediction update. The state is one request object (the same format
// the CLI reads); the form is generated from the request schema the server publishes.
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { field, fields, type FormContext, type Schema } from './form.js';
import { SOURCE_TITLES, type CriteriaAnswer, type CriteriaChecklist, type PredictionView, type Result } from './panels.js';
import { DraftReview, type DraftAnswer, type ReviewState } from './draft-review.js';
import { valueText } from './text.js';
import { el, markDraftedFields, markReviewed, renderSource, showSourceOf } from './draft-marks.js';

interface Issue {
  path: string;
  message: string;
  text: string;
  line?: number;
}
interface Problem {
  title: string;
  detail: string;
  issues?: Issue[];
}
interface Editions {
  summary: string;
  encodedUntil: string | null;
}

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
/** The draft being reviewed (null when the form was not drafted from a note). */
let review: DraftReview | null = null;
/** True from drafting until the person presses "Check the reviewed request": nothing is checked. */
let awaitingReview = false;
/** Set when "Check" was pressed with fields still to review: a second press checks anyway. */
let checkArmed = false;

function blankRequest(): Record<string, unknown> {
  return { format: 'imr-precheck/request@1', id: 'web-request', decisionDate: today, services: [{ id: 'service' }] };
}

const ctx: FormContext = {
  get state() {
    return state;
  },
  changed: () => schedule(),
  rendered: (root) => markDrafted(root),
};

function schedule(): void {
  clearTimeout(timer);
  // while a draft awaits review only the criteria list follows the service; the record is not sent
  timer = setTimeout(() => void (awaitingReview ? refreshCriteria(firstService()) : refresh()), 250);
  updateBanner();
}

const firstService = (): Record<string, unknown> => (state.services as Record<string, unknown>[])[0] ?? {};

function renderService(): void {
  const services = schema.properties!.services!.items!;
  const top = fields(schema, [], ctx, ['id', 'decisionDate']);
  const main = fields(services, ['services', 0], ctx, SERVICE_MAIN);
  const more = document.createElement('details');
  more.append(
    Object.assign(document.createElement('summary'), { textContent: 'More service fields (medication, consultation, course of visits)' }),
  );
  const rest = Object.keys(services.properties!).filter((k) => !SERVICE_SKIP.has(k));
  const grid = document.createElement('div');
  grid.className = 'grid';
  grid.append(...fields(services, ['services', 0], ctx, rest));
  more.append(grid);
  const others = (state.services as { id: string; kind?: string; label?: string }[]).slice(1);
  const note = document.createElement('p');
  note.className = 'muted';
  if (others.length > 0)
    note.textContent = `This request also asks for: ${others.map((s) => s.label ?? s.kind ?? s.id).join('; ')} (decided too; edit them in the YAML).`;
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
  markDrafted(document.querySelector('main')!);
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
  const service = firstService();
  await refreshCriteria(service);
  if (!service.kind) {
    clearFlags();
    $<PredictionView>('prediction-view').show(null);
    return;
  }
  const res = await fetch('/v1/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(state) });
  if (mine !== sequence) return; // a newer edit is on its way
  if (res.ok) {
    lastResult = (await res.json()) as Result;
    clearFlags();
    $<PredictionView>('prediction-view').show(lastResult);
  } else {
    const problem = (await res.json()) as Problem;
    flag(problem);
    $<PredictionView>('prediction-view').show(lastResult, true);
  }
}

async function refreshCriteria(service: Record<string, unknown>): Promise<void> {
  const params = new URLSearchParams();
  for (const k of CRITERIA_KEYS) if (service[k] !== undefined && service[k] !== '') params.set(k, valueText(service[k]));
  if (typeof state.decisionDate === 'string') params.set('decisionDate', state.decisionDate);
  const key = params.toString();
  if (key === criteriaKey) return;
  criteriaKey = key;
  const panel = $<CriteriaChecklist>('criteria-checklist');
  if (!service.kind) {
    panel.show(null);
    return;
  }
  const res = await fetch(`/v1/criteria?${key}`);
  if (key !== criteriaKey) return;
  if (res.ok) panel.show((await res.json()) as CriteriaAnswer);
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
      go.addEventListener('click', () =>
        (target.matches('input, select') ? target : (target.querySelector<HTMLElement>('input, select') ?? target)).focus(),
      );
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
  endReview();
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

const fileName = (suffix: string): string => `${valueText(state.id ?? 'request').replace(/[^A-Za-z0-9._-]/g, '_')}${suffix}`;

// ---- "paste a note": draft, prefill, review, then check -------------------------------------

/** Marks the drafted fields under `root` (after a render) and updates the count still to review. */
function markDrafted(root: ParentNode): void {
  if (!review) return;
  markDraftedFields(review, state, root);
  updateReviewCount();
}

function reviewed(target: HTMLElement, next: ReviewState): void {
  if (review && markReviewed(review, state, target, next)) updateReviewCount();
}

function updateReviewCount(): void {
  if (!review) return;
  const fieldsNow = document.querySelectorAll('[data-draft]').length;
  const pending = document.querySelectorAll('[data-draft=pending]').length;
  $('#review-count').textContent = awaitingReview
    ? `${pending} of ${fieldsNow} drafted fields not yet reviewed (marked “to review”). Nothing has been checked yet.`
    : `${pending} of ${fieldsNow} drafted fields not yet reviewed. Checked after review; the prediction now follows your edits.`;
}

function announce(text: string): void {
  $('#draft-status').textContent = text;
}

function focusField(node: HTMLElement): void {
  const target = node.matches('fieldset') ? (node.querySelector<HTMLElement>('input') ?? node) : node;
  target.closest('details')?.setAttribute('open', '');
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

function endReview(): void {
  review = null;
  awaitingReview = false;
  checkArmed = false;
  $('#review').hidden = true;
  $('#draft-unplaced').hidden = true;
}

/** Sends the note to /v1/draft and prefills the form; nothing is checked until the person has reviewed it. */
async function draftFromNote(): Promise<void> {
  const text = $<HTMLTextAreaElement>('#note-text').value;
  announce('Drafting the request from the note…');
  const res = await fetch('/v1/draft', { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text });
  if (!res.ok) {
    const problem = (await res.json()) as Problem;
    announce(`Could not draft: ${problem.issues?.map((i) => i.message).join('; ') || problem.detail}`);
    $<HTMLTextAreaElement>('#note-text').focus();
    return;
  }
  const answer = (await res.json()) as DraftAnswer;
  clearTimeout(timer);
  ++sequence; // a check still on its way belongs to the form before the draft
  review = new DraftReview(answer);
  awaitingReview = true;
  checkArmed = false;
  state = answer.request;
  criteriaKey = '';
  lastResult = null;
  clearFlags();
  renderAll();
  renderSource(review);
  showUnplaced(answer);
  $('#review').hidden = false;
  $('#check-reviewed').hidden = false;
  $<PredictionView>('prediction-view').show(
    null,
    false,
    'Not checked yet: review the drafted fields, then press “Check the reviewed request”.',
  );
  void refreshCriteria(firstService());
  const drafted = document.querySelectorAll<HTMLElement>('[data-draft]');
  const others = (state.services as unknown[]).length - 1;
  announce(
    `Drafted ${drafted.length} fields from the note${others > 0 ? ` (and ${others} more service${others > 1 ? 's' : ''}, listed under the service)` : ''}. Each is highlighted with its source words; drafted facts need confirming. Nothing has been checked: review the fields, then press “Check the reviewed request”.${answer.warnings.length > 0 ? ` ${answer.warnings.length} warning(s) below.` : ''}`,
  );
  if (drafted[0]) focusField(drafted[0]);
}

/** What the draft could not place: the warnings, and the sentences kept in documentation.notes. */
function showUnplaced(answer: DraftAnswer): void {
  const box = $('#draft-unplaced');
  box.replaceChildren();
  box.className = 'unplaced';
  const notes = (answer.request.documentation as { notes?: string } | undefined)?.notes;
  if (answer.warnings.length > 0) box.append(el('h3', {}, 'Warnings'), el('ul', {}, ...answer.warnings.map((w) => el('li', {}, w))));
  if (notes)
    box.append(
      el('h3', {}, 'Not placed in a field (kept in Documentation → Notes, sent with the request)'),
      el('blockquote', { id: 'unplaced-notes' }, notes),
    );
  box.hidden = box.childElementCount === 0;
}

/** The person's explicit go-ahead: the first press with fields still to review shows them instead. */
async function checkReviewed(): Promise<void> {
  const pending = [...document.querySelectorAll<HTMLElement>('[data-draft=pending]')];
  if (pending.length > 0 && !checkArmed) {
    checkArmed = true;
    announce(
      `${pending.length} drafted field${pending.length > 1 ? 's are' : ' is'} not yet reviewed; the first is selected. Review them, or press “Check the reviewed request” again to check the request as it is.`,
    );
    focusField(pending[0]!);
    return;
  }
  awaitingReview = false;
  checkArmed = false;
  $('#check-reviewed').hidden = true;
  updateReviewCount();
  announce('Checking the reviewed request…');
  await refresh();
  const verdicts = lastResult?.services.map((s) => `${s.label}: ${s.prediction}`).join('; ');
  announce(
    verdicts
      ? `Checked the reviewed request. ${verdicts}. The prediction now follows your edits.`
      : 'The request has problems: see the flagged fields.',
  );
}

/** "Load a file": the request (YAML or JSON) in the file chosen. */
async function loadFile(e: Event): Promise<void> {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (file) await loadText(await file.text());
}

/** "Download the report": the Markdown report of a check of the current request. */
async function downloadReport(): Promise<void> {
  if (awaitingReview) {
    announce('The report comes from a check: review the drafted fields and press “Check the reviewed request” first.');
    return;
  }
  const res = await fetch('/v1/check?format=markdown', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(state),
  });
  if (res.ok) download(fileName('-report.md'), 'text/markdown', await res.text());
  else flag((await res.json()) as Problem);
}

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

  $('#load-file').addEventListener('change', (e) => void loadFile(e));
  $('#load-paste').addEventListener('click', () => void loadText($<HTMLTextAreaElement>('#paste').value));
  $('#download-yaml').addEventListener('click', () =>
    download(fileName('.yaml'), 'application/yaml', `# yaml-language-server: $schema=schemas/request.schema.json\n${stringifyYaml(state)}`),
  );
  $('#download-report').addEventListener('click', () => void downloadReport());
  $('#reset').addEventListener('click', () => {
    state = blankRequest();
    endReview();
    criteriaKey = '';
    lastResult = null;
    renderAll();
    void refresh();
  });
  $('#draft-note').addEventListener('click', () => void draftFromNote());
  $('#check-reviewed').addEventListener('click', () => void checkReviewed());
  const form = $('.form-column');
  form.addEventListener('focusin', (e) => showSourceOf(e.target as HTMLElement));
  form.addEventListener('focusout', (e) => reviewed(e.target as HTMLElement, 'seen'));
  form.addEventListener('input', (e) => reviewed(e.target as HTMLElement, 'edited'));
  form.addEventListener('change', (e) => reviewed(e.target as HTMLElement, 'edited'));
  document.body.dataset.ready = 'true';
}

void start().catch((err: unknown) => {
  $('#problems').hidden = false;
  $('#problems').textContent = `The page could not start: ${(err as Error).message}`;
});
