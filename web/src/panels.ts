// Two light-DOM custom elements: the criteria the rules will apply to the chosen service, and the
// live prediction. Both render data from the API; neither decides anything itself.

export interface Citation {
  source: string;
  section: string;
  topic?: string;
  pages?: string;
  edition?: string;
}
export interface Criterion {
  id: string;
  status: 'met' | 'unmet' | 'not-documented' | 'not-stated';
  text: string;
  evidence: string[];
  citation: Citation;
  presumed?: true;
  toDocument?: string | null;
}
export interface ServiceResult {
  id: string;
  kind: string;
  label: string;
  prediction: 'upheld' | 'overturned' | 'not-covered';
  dependsOn: string | null;
  guideline: Citation | null;
  criteria: Criterion[];
  rationale: string;
  toOverturn: string[];
  notRecommended?: string;
  notices: string[];
}
export interface Result {
  request: string;
  decisionDate: string;
  services: ServiceResult[];
  notices: string[];
}
export interface CriteriaAnswer {
  topics: string[];
  guideline: Citation | null;
  predictionWithEmptyRecord: string;
  notRecommended?: string;
  criteria: Criterion[];
  notices: string[];
}

/** Source titles by id, filled from /v1/topics at start-up. */
export const SOURCE_TITLES = new Map<string, string>();

export function citationText(c: Citation | null): string {
  if (!c) return 'no guideline';
  const pages = c.pages ? `, ${/[-,]/.test(c.pages) ? 'pp.' : 'p.'} ${c.pages}` : '';
  return `${SOURCE_TITLES.get(c.source) ?? c.source}, ${[c.section, c.topic].filter(Boolean).join(' — ')}${pages}`;
}

const STATUS: Record<Criterion['status'], { mark: string; word: string }> = {
  met: { mark: '✓', word: 'met' },
  unmet: { mark: '✗', word: 'unmet' },
  'not-documented': { mark: '?', word: 'not documented' },
  'not-stated': { mark: '–', word: 'not stated (presumed, not met)' },
};

const VERDICT: Record<ServiceResult['prediction'], string> = {
  upheld: 'UPHELD — the denial would stand (not medically necessary)',
  overturned: 'OVERTURNED — medically necessary',
  'not-covered': 'NOT COVERED — no rule applies; no prediction',
};

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function criterionItem(c: Criterion, showStatus: boolean): HTMLLIElement {
  const status = c.presumed ? { mark: '~', word: 'not stated, presumed' } : STATUS[c.status];
  const li = h('li', {
    class: `criterion ${showStatus ? (c.presumed ? 'presumed' : c.status) : ''}`,
    'data-criterion': c.id,
    ...(showStatus ? { 'data-status': c.status } : {}),
  });
  if (showStatus)
    li.append(h('span', { class: 'mark', 'aria-hidden': 'true' }, status.mark), h('span', { class: 'status' }, status.word), ' ');
  li.append(h('span', { class: 'text' }, c.text), h('div', { class: 'cite' }, citationText(c.citation)));
  if (showStatus && c.evidence.length > 0) li.append(h('div', { class: 'evidence' }, c.evidence.slice(0, 3).join('; ')));
  if (!showStatus && c.toDocument) li.append(h('div', { class: 'todoc' }, `To document: ${c.toDocument}`));
  return li;
}

/** `<criteria-checklist>`: what the rules will ask for the service, before the record is filled in. */
export class CriteriaChecklist extends HTMLElement {
  show(answer: CriteriaAnswer | null, message?: string): void {
    this.replaceChildren();
    if (!answer) {
      this.append(h('p', { class: 'muted' }, message ?? 'Choose a service to see the criteria the rules will apply.'));
      return;
    }
    if (answer.criteria.length === 0) {
      this.append(h('p', {}, answer.notices.find((n) => !n.startsWith('Edition status')) ?? 'No rule in the pack covers this service.'));
      return;
    }
    this.append(h('p', { class: 'guideline' }, `Guideline: ${citationText(answer.guideline)}`));
    if (answer.notRecommended) this.append(h('p', { class: 'warn' }, `Not recommended: ${answer.notRecommended}`));
    this.append(h('ol', { class: 'criteria' }, ...answer.criteria.map((c) => criterionItem(c, false))));
    for (const n of answer.notices.filter((x) => !x.startsWith('Edition status'))) this.append(h('p', { class: 'notice' }, n));
  }
}

/** `<prediction-view>`: the live prediction, criterion by criterion, and what to document. */
export class PredictionView extends HTMLElement {
  show(result: Result | null, stale = false, message?: string): void {
    this.replaceChildren();
    this.classList.toggle('stale', stale);
    if (!result) {
      this.append(h('p', { class: 'muted' }, message ?? 'The prediction appears here as you fill in the request.'));
      return;
    }
    if (stale) this.append(h('p', { class: 'warn', role: 'status' }, 'Fix the flagged fields; this is the last valid prediction.'));
    for (const s of result.services) {
      const section = h('section', { class: `service ${s.prediction}`, 'data-service': s.id });
      section.append(h('h3', {}, s.label), h('p', { class: 'verdict', 'data-prediction': s.prediction }, VERDICT[s.prediction]));
      if (s.dependsOn) section.append(h('p', {}, `Follows its primary service: ${s.dependsOn}`));
      if (s.guideline) section.append(h('p', { class: 'guideline' }, `Guideline: ${citationText(s.guideline)}`));
      // what to add comes first: it is what the physician acts on
      if (s.notRecommended) section.append(h('p', { class: 'warn' }, `No documentation can overturn this: ${s.notRecommended}`));
      else if (s.toOverturn.length > 0)
        section.append(
          h('h4', {}, 'To overturn, document:'),
          h('ul', { class: 'to-overturn' }, ...s.toOverturn.map((t) => h('li', {}, t))),
        );
      const counts = { met: 0, unmet: 0, 'not-documented': 0, 'not-stated': 0 };
      for (const c of s.criteria) counts[c.status]++;
      if (s.criteria.length > 0) {
        section.append(
          h('p', { class: 'counts' }, `${counts.met} met · ${counts.unmet} unmet · ${counts['not-documented']} not documented`),
        );
        const order = (c: Criterion): number => (c.presumed ? 2 : c.status === 'met' ? 3 : c.status === 'unmet' ? 0 : 1);
        section.append(
          h('ul', { class: 'criteria' }, ...[...s.criteria].sort((a, b) => order(a) - order(b)).map((c) => criterionItem(c, true))),
        );
      }
      if (s.prediction === 'not-covered') section.append(h('p', {}, s.rationale));
      for (const n of s.notices) section.append(h('p', { class: 'notice' }, n));
      this.append(section);
    }
    for (const n of result.notices.filter((x) => !x.startsWith('Edition status'))) this.append(h('p', { class: 'notice' }, n));
  }
}

customElements.define('criteria-checklist', CriteriaChecklist);
customElements.define('prediction-view', PredictionView);
