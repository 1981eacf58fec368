// How the page shows a draft under review: each drafted field highlighted and labelled with its
// review state, its source words beside it (once per item when the item keeps one list of words),
// and the note with the drafted words marked, the focused field's words picked out.
import { describeSpan, type DraftReview, type ReviewState, type Span } from './draft-review.js';
import { formatPath, parsePath } from './paths.js';

const BADGE: Record<ReviewState, string> = {
  pending: 'drafted · to review',
  seen: 'drafted · reviewed',
  edited: 'drafted · edited by you',
};
const FIELD_SELECTOR = 'input[data-path], select[data-path], textarea[data-path], fieldset.checks[data-path]';

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function sourceWords(id: string, spans: Span[], key: string): HTMLElement {
  const box = el('div', { class: 'source', id }, el('span', { class: 'where' }, 'From the note: '));
  if (spans.length === 0)
    box.append(key === 'notes' ? 'the sentences the draft placed in no field (kept, not dropped)' : 'drafted; no source words recorded');
  spans.forEach((s, i) =>
    box.append(
      ...(i > 0 ? [' · '] : []),
      el('span', { class: 'quote' }, `“${s.quote.replace(/\s+/g, ' ')}”`),
      el('span', { class: 'where' }, ` (line ${s.line}, col ${s.column})`),
    ),
  );
  box.title = spans.map(describeSpan).join('\n');
  return box;
}

/** Where an item's source words go: under its heading (list item, object), or above the service fields. */
function itemSourceHost(ownerPath: string): { host: HTMLElement; after: Element | null } | undefined {
  const box = document.querySelector<HTMLElement>(
    `.item[data-path="${CSS.escape(ownerPath)}"], fieldset[data-path="${CSS.escape(ownerPath)}"]`,
  );
  if (box) return { host: box, after: box.querySelector(':scope > .item-head, :scope > legend') };
  if (ownerPath === 'services[0]') return { host: document.querySelector<HTMLElement>('#service-fields')!, after: null };
  return undefined;
}

/** Highlights every drafted field under `root` with its review state and its source words. */
export function markDraftedFields(review: DraftReview, state: Record<string, unknown>, root: ParentNode): void {
  for (const node of root.querySelectorAll<HTMLElement>(FIELD_SELECTOR)) {
    const where = review.locate(state, parsePath(node.dataset.path!));
    const st = where && review.stateOf(where.owner, where.key);
    if (!where || !st) continue;
    node.classList.add('drafted');
    node.dataset.draft = st;
    node.dataset.marks = review.markIds(where.owner, where.key).join(' ');
    const label = node.matches('fieldset')
      ? node.querySelector(':scope > legend')
      : node.closest('.field')?.querySelector(':scope > label');
    if (label && !label.querySelector('.badge')) label.append(el('span', { class: 'badge' }));
    setBadge(node, st);
    let sourceId: string;
    const ownerPath = formatPath(where.ownerPath);
    if (review.itemLevel(where.owner) && itemSourceHost(ownerPath)) {
      sourceId = `source-${ownerPath.replace(/[^A-Za-z0-9]/g, '_')}`;
      if (!document.getElementById(sourceId)) {
        const { host, after } = itemSourceHost(ownerPath)!;
        const words = sourceWords(sourceId, review.spans(where.owner, where.key), where.key);
        if (after) after.after(words);
        else host.prepend(words);
      }
    } else {
      sourceId = `source-field-${node.dataset.path!.replace(/[^A-Za-z0-9]/g, '_')}`;
      if (!document.getElementById(sourceId))
        (node.matches('fieldset') ? node.querySelector(':scope > legend')! : node).after(
          sourceWords(sourceId, review.spans(where.owner, where.key), where.key),
        );
    }
    const described = (node.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== sourceId);
    node.setAttribute('aria-describedby', [sourceId, ...described].join(' '));
  }
}

function setBadge(node: HTMLElement, st: ReviewState): void {
  node.dataset.draft = st;
  const label = node.matches('fieldset') ? node.querySelector(':scope > legend') : node.closest('.field')?.querySelector(':scope > label');
  const badge = label?.querySelector<HTMLElement>('.badge');
  if (badge) {
    badge.textContent = BADGE[st];
    badge.dataset.state = st;
  }
}

/** The drafted field an event target belongs to (a checkbox belongs to its group). */
const draftedField = (target: HTMLElement): HTMLElement | null => target.closest<HTMLElement>('[data-draft]');

/** Records that the person left (`seen`) or changed (`edited`) a drafted field; true when its mark changed. */
export function markReviewed(review: DraftReview, state: Record<string, unknown>, target: HTMLElement, next: ReviewState): boolean {
  const node = draftedField(target);
  const where = node ? review.locate(state, parsePath(node.dataset.path!)) : undefined;
  if (!node || !where) return false;
  review.setState(where.owner, where.key, next);
  const st = review.stateOf(where.owner, where.key);
  if (!st || st === node.dataset.draft) return false;
  setBadge(node, st);
  return true;
}

/** Marks the words of the focused drafted field in the note beside the form. */
export function showSourceOf(target: HTMLElement): void {
  const pre = document.querySelector<HTMLElement>('#review-source')!;
  for (const m of pre.querySelectorAll('mark.current')) m.classList.remove('current');
  const ids = draftedField(target)?.dataset.marks?.split(' ').filter(Boolean) ?? [];
  const marks = [...pre.querySelectorAll<HTMLElement>('mark')].filter((m) => ids.some((id) => m.dataset.ids!.split(' ').includes(id)));
  for (const m of marks) m.classList.add('current');
  if (marks[0]) pre.scrollTop = marks[0].offsetTop - pre.offsetTop - pre.clientHeight / 3;
}

export function renderSource(r: DraftReview): void {
  const pre = document.querySelector<HTMLElement>('#review-source')!;
  pre.replaceChildren();
  let at = 0;
  for (const m of r.ranges) {
    pre.append(r.text.slice(at, m.start), el('mark', { 'data-ids': m.ids.join(' ') }, r.text.slice(m.start, m.end)));
    at = m.end;
  }
  pre.append(r.text.slice(at));
}
