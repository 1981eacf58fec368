// The shared contract (`../shared/spec/request-format.md`) alone, written once: the fields each
// object of a request may carry there, and the closed-vocabulary values it defines where the
// project's additions (docs/request-format.md) extend a vocabulary. `precheck test --spec-only`
// strips everything else from a request before deciding it, to measure what a request written
// only to the shared format loses.
import type { Request } from '../request/schema.js';

/** Fields every list item may carry (spec §1: text, date, side, region; `extensions` anywhere). */
const ITEM = ['text', 'date', 'side', 'region', 'extensions'] as const;

/** Object shapes of the shared format, by the path pattern that reaches them. */
export const SHARED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  '': [
    'format',
    'id',
    'decisionDate',
    'patient',
    'injury',
    'diagnoses',
    'symptoms',
    'exam',
    'studies',
    'treatments',
    'surgeries',
    'medications',
    'documentation',
    'services',
    'extensions',
  ],
  patient: ['age', 'sex', 'workStatus', 'extensions'],
  injury: ['date', 'mechanism', 'regions', 'extensions'],
  'diagnoses[]': ['text', 'icd10', 'extensions'],
  'symptoms[]': ['kind', 'durationMonths', 'score', 'dermatome', 'result', ...ITEM],
  'exam[]': ['finding', 'result', 'dermatome', 'twitchResponse', 'referredPain', 'count', ...ITEM],
  'studies[]': ['type', 'officialReport', 'findings', ...ITEM],
  // `root` is in the spec's own EMG example (`{ kind: radiculopathy, root: L5, side: right }`)
  'studies[].findings[]': ['kind', 'level', 'root', 'sizeMm', ...ITEM],
  'treatments[]': ['kind', 'sessions', 'sessionsAuthorized', 'outcome', ...ITEM],
  'surgeries[]': ['kind', 'levels', ...ITEM],
  'medications[]': ['name', 'strength', 'quantity', 'route', 'opioid', 'morphineEquivalentDaily', ...ITEM],
  documentation: ['functionalImprovement', 'risksDiscussed', 'homeExerciseProgram', 'opioidMonitoring', 'redFlags', 'notes', 'extensions'],
  'documentation.opioidMonitoring': ['analgesia', 'activities', 'adverseEffects', 'aberrantBehavior', 'urineDrugScreen', 'extensions'],
  'services[]': [
    'id',
    'kind',
    'label',
    'for',
    'requested',
    'approach',
    'levels',
    'purpose',
    'quantity',
    'unit',
    'modality',
    'regions',
    'specialty',
    'name',
    'strength',
    'route',
    'drugClass',
    'morphineEquivalentDaily',
    ...ITEM,
  ],
};

/**
 * Treatment fields the spec shows only on an injection given before (its ESI example: levels,
 * relief, medication reduced, function improved); on other kinds they are additions.
 */
export const INJECTION_TREATMENT_FIELDS: readonly string[] = [
  'levels',
  'reliefPercent',
  'reliefWeeks',
  'medicationReduced',
  'functionImproved',
];
export const INJECTION_TREATMENT_KINDS: readonly string[] = [
  'epidural-steroid-injection',
  'facet-joint-injection',
  'medial-branch-block',
  'facet-radiofrequency-neurotomy',
  'trigger-point-injection',
  'injection',
];

/** Closed vocabularies of the shared format where the project accepts more values. */
export const SHARED_VOCABULARY = {
  region: [
    'lumbar',
    'cervical',
    'thoracic',
    'sacroiliac',
    'shoulder',
    'knee',
    'hip',
    'wrist',
    'hand',
    'ankle',
    'foot',
    'elbow',
    'head',
    'chest',
    'abdomen',
    'pelvis',
    'other',
  ],
  treatmentKind: [
    'physical-therapy',
    'occupational-therapy',
    'chiropractic',
    'acupuncture',
    'home-exercise',
    'nsaid',
    'muscle-relaxant',
    'neuropathic-medication',
    'opioid',
    'oral-corticosteroid',
    'activity-modification',
    'tens',
    'brace',
    'epidural-steroid-injection',
    'facet-joint-injection',
    'medial-branch-block',
    'facet-radiofrequency-neurotomy',
    'trigger-point-injection',
    'injection',
    'passive-modality',
    'psychological-services',
    'other',
  ],
  examFinding: [
    'straight-leg-raise',
    'sensory-deficit',
    'motor-weakness',
    'reflex-change',
    'radicular-pain-dermatomal',
    'facet-tenderness',
    'paraspinal-tenderness',
    'muscle-spasm',
    'trigger-point',
    'limited-range-of-motion',
    'antalgic-gait',
    'sacroiliac-provocation',
    'joint-tenderness',
    'joint-effusion',
    'joint-instability',
    'impingement-sign',
    'rotator-cuff-weakness',
    'meniscal-sign',
    'tinel-sign',
    'phalen-sign',
    'swelling',
    'muscle-atrophy',
    'grip-weakness',
    'other',
  ],
} as const;

export interface StripResult {
  request: Request;
  /** Paths of the fields removed or the values rewritten, e.g. `documentation.surgeryPlanned`. */
  stripped: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (list: readonly string[], v: unknown): boolean => typeof v === 'string' && list.includes(v);

/**
 * The request as a writer of the shared format could have written it: fields outside the shared
 * format removed; an added vocabulary value rewritten the way the spec says to write it (a
 * treatment or exam finding of another kind is `other` with its name in `text`; a limb-wide
 * region goes into the item's `text`, or for a service is left to its label). `extensions` are kept: the spec allows them anywhere.
 */
export function stripToSharedFormat(request: Request): StripResult {
  const stripped: string[] = [];
  const visit = (value: unknown, pattern: string, path: string): unknown => {
    if (Array.isArray(value)) return value.map((v, i) => visit(v, `${pattern}[]`, `${path}[${i}]`));
    if (!isObj(value)) return value;
    const allowed = SHARED_FIELDS[pattern];
    if (!allowed) return value;
    const out: Obj = {};
    for (const [key, v] of Object.entries(value)) {
      const at = path === '' ? key : `${path}.${key}`;
      const injectionField =
        pattern === 'treatments[]' && INJECTION_TREATMENT_FIELDS.includes(key) && has(INJECTION_TREATMENT_KINDS, value.kind);
      if (!allowed.includes(key) && !injectionField) {
        stripped.push(at);
        continue;
      }
      if (key === 'extensions') {
        out[key] = v;
        continue;
      }
      const sub = pattern === '' ? key : `${pattern}.${key}`;
      out[key] = visit(v, sub, at);
    }
    rewriteVocabulary(out, pattern, path, stripped);
    return out;
  };
  const result = visit(request, '', '') as Request;
  return { request: result, stripped };
}

function rewriteVocabulary(item: Obj, pattern: string, path: string, stripped: string[]): void {
  const at = (key: string): string => (path === '' ? key : `${path}.${key}`);
  const toOther = (key: 'kind' | 'finding', allowed: readonly string[]): void => {
    const v = item[key];
    if (typeof v !== 'string' || allowed.includes(v)) return;
    item[key] = 'other';
    item.text = [v.replace(/-/g, ' '), item.text].filter((t) => typeof t === 'string' && t !== '').join(': ');
    stripped.push(`${at(key)} = ${v}`);
  };
  if (pattern === 'treatments[]') toOther('kind', SHARED_VOCABULARY.treatmentKind);
  if (pattern === 'exam[]') toOther('finding', SHARED_VOCABULARY.examFinding);
  if (typeof item.region === 'string' && !has(SHARED_VOCABULARY.region, item.region)) {
    // a writer without the limb-wide regions names the limb in the item's own words
    stripped.push(`${at('region')} = ${item.region}`);
    if (pattern !== 'services[]')
      item.text = [item.region.replace(/-/g, ' '), item.text].filter((t) => typeof t === 'string' && t !== '').join(': ');
    delete item.region;
  }
  if (Array.isArray(item.regions)) {
    const kept = (item.regions as unknown[]).filter((r) => has(SHARED_VOCABULARY.region, r));
    if (kept.length !== item.regions.length) {
      stripped.push(`${at('regions')} = ${(item.regions as unknown[]).join(',')}`);
      if (kept.length > 0) item.regions = kept;
      else delete item.regions;
    }
  }
}
