// The reviewer's decisive reasons per letter item (`imr-precheck/reasons@1`, test/cases/reasons.yaml)
// and "reason agreement": whether the engine's failing criteria are the reviewer's reasons.
// Annotations are matched to a test run by letter id + service id, else by letter id + the item's
// label, so they also apply to an independent encoding of the same letters.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadDocuments, type LoadedDocument } from '../request/load.js';
import { InputError, formatIssue, fromZodIssues, type InputIssue } from '../request/issues.js';
import { allowedKeysAt, parsePath } from '../request/validate.js';
import { PROJECT_ROOT } from '../rules/pack.js';
import type { ItemRun } from './run.js';

export const REASONS_FORMAT = 'imr-precheck/reasons@1';
export const DEFAULT_REASONS_FILE = join(PROJECT_ROOT, 'test', 'cases', 'reasons.yaml');

const LETTER_ID = /CM\d{2}-\d{7}/;

/**
 * Criterion ids the engine reports besides the rule pack's: an associated service failing because
 * its primary is not certified (src/engine/explain.ts). "primary not certified" maps to it.
 */
export const ENGINE_CRITERIA: readonly string[] = ['associated.follows-primary'];

const reasonSchema = z
  .strictObject({
    /** Short phrase from the rationale ("no radiculopathy on exam"). */
    phrase: z.string().min(1),
    /** Criterion ids that state the reason; any one of them failing counts. */
    criteria: z.array(z.string().min(1)).default([]),
    /** A few words of the rationale the phrase is written from. */
    quote: z.string().min(1),
    /** No criterion of the pack states this reason (a gap of the pack). */
    uncovered: z.literal(true).optional(),
  })
  .refine((r) => (r.criteria.length === 0) === (r.uncovered === true), {
    message: 'a reason with `criteria: []` must say `uncovered: true` (no criterion states it), and only such a reason may',
  });

const itemSchema = z.strictObject({
  letter: z.string().regex(/^CM\d{2}-\d{7}$/, 'expected a letter id: CM, two digits, a dash and seven digits'),
  /** The service id of the project's encoding (test/cases/imr-ca-2016). */
  service: z.string().min(1),
  /** The item's text as the letter (and items.csv) gives it. */
  label: z.string().min(1),
  outcome: z.enum(['upheld', 'overturned']),
  /** Upheld: the decisive reasons. Overturned: the reasons for medical necessity (criteria found met). */
  reasons: z.array(reasonSchema).min(1),
  /** Criterion ids the reviewer explicitly finds met. */
  contradicts: z.array(z.string().min(1)).default([]),
  notes: z.string().optional(),
});

export const reasonsFileSchema = z.strictObject({
  format: z.literal(REASONS_FORMAT),
  notes: z.string().optional(),
  items: z.array(itemSchema),
});

export type ReasonAnnotation = z.infer<typeof itemSchema>;
export type Reason = ReasonAnnotation['reasons'][number];

export interface UnknownCriterion {
  letter: string;
  service: string;
  id: string;
}

export interface LoadedReasons {
  file: string;
  items: ReasonAnnotation[];
  /** Criterion ids the rule pack does not have (renamed or removed): a warning, not an error. */
  unknownCriteria: UnknownCriterion[];
}

/** Loads and validates a reasons file; throws InputError (file, line, path, message) when invalid. */
export function loadReasons(file: string, knownCriteria: ReadonlySet<string>, name = file): LoadedReasons {
  const doc = loadDocuments(readFileSync(file, 'utf8'), name)[0];
  if (!doc)
    throw new InputError([
      { file: name, path: '', code: 'empty', message: `empty file; expected \`format: ${REASONS_FORMAT}\` and \`items:\`` },
    ]);
  return parseReasons(doc, knownCriteria);
}

export function parseReasons(doc: LoadedDocument, knownCriteria: ReadonlySet<string>): LoadedReasons {
  const parsed = reasonsFileSchema.safeParse(doc.data, { reportInput: true });
  if (!parsed.success) {
    const issues = fromZodIssues(doc.name, parsed.error.issues, (p) => allowedKeysAt(reasonsFileSchema, p));
    throw new InputError(issues.map((i) => locate(i, doc)));
  }
  const items = parsed.data.items;
  const seen = new Map<string, number>();
  const duplicates: InputIssue[] = [];
  items.forEach((it, n) => {
    const key = `${it.letter}::${it.service}`;
    const first = seen.get(key);
    if (first !== undefined)
      duplicates.push(
        locate(
          {
            file: doc.name,
            path: `items[${n}].service`,
            code: 'duplicate',
            message: `${it.letter} ${it.service} is already annotated at items[${first}]`,
          },
          doc,
        ),
      );
    else seen.set(key, n);
  });
  if (duplicates.length > 0) throw new InputError(duplicates);
  const unknownCriteria: UnknownCriterion[] = [];
  for (const it of items) {
    const ids = [...it.reasons.flatMap((r) => r.criteria), ...it.contradicts];
    for (const id of new Set(ids))
      if (!knownCriteria.has(id) && !ENGINE_CRITERIA.includes(id)) unknownCriteria.push({ letter: it.letter, service: it.service, id });
  }
  return { file: doc.name, items, unknownCriteria };
}

function locate(issue: InputIssue, doc: LoadedDocument): InputIssue {
  const segs = parsePath(issue.path);
  for (let n = segs.length; n >= 0; n--) {
    const loc = doc.locate(segs.slice(0, n));
    if (loc) return { ...issue, line: loc.line, column: loc.column };
  }
  return issue;
}

export function letterIdOf(...candidates: (string | undefined)[]): string | undefined {
  for (const c of candidates) {
    const m = c?.match(LETTER_ID);
    if (m) return m[0];
  }
  return undefined;
}

const normalizeLabel = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export type Agreement = 'every' | 'some' | 'none';

/** Why the engine did not fail a reason's criteria: it evaluated one without failing it (met, or presumed), or evaluated none of them (another topic, or not applicable). */
export type MissedBecause = 'met' | 'not-evaluated';

export interface ReasonItemResult {
  letter: string;
  service: string;
  annotated: string;
  matchedBy: 'service' | 'label';
  agreement: Agreement;
  failing: string[];
  /** Reasons that have criteria (not `uncovered`). */
  stated: number;
  /** Reasons none of whose criteria is failing (uncovered reasons included). */
  missed: { phrase: string; criteria: string[]; uncovered?: true; engine?: MissedBecause }[];
  /** Failing criteria the reviewer finds met. */
  misleading: string[];
}

export interface ReasonAgreement {
  file: string;
  /** Letter items of the run, annotated or not. */
  letterItems: number;
  matched: { byService: number; byLabel: number; unannotated: number };
  /** Upheld by the reviewer, predicted upheld, decided by the engine itself (not via a primary). */
  evaluated: number;
  every: number;
  some: number;
  none: number;
  shares: { every: number; some: number; none: number; misleading: number };
  /** Leaving out reasons no criterion states: items with a stated reason whose failing criteria include every stated one. */
  coveredOnly: { items: number; every: number; share: number };
  /** Evaluated items with a failing criterion the reviewer contradicts. */
  misleadingItems: ReasonItemResult[];
  /** Overturned by the reviewer, predicted upheld, failing a criterion the reviewer found met. */
  overturnedContradicted: { letter: string; service: string; criteria: string[] }[];
  /** Decisive reasons (over evaluated items) with no criterion; and over every matched upheld item. */
  uncoveredReasons: { evaluated: number; allUpheld: number };
  unknownCriteria: UnknownCriterion[];
  /** Missed reasons that have criteria, by phrase, most frequent first. */
  missedByPhrase: { phrase: string; count: number }[];
  /** Missed reasons that have criteria, by why: one evaluated without failing, or none evaluated. */
  missedBecause: Record<MissedBecause, number>;
  /** Reasons no criterion states, by phrase, most frequent first. */
  uncoveredByPhrase: { phrase: string; count: number }[];
  /** Misleading failing criteria by id, most frequent first. */
  misleadingByCriterion: { id: string; count: number }[];
  items: ReasonItemResult[];
}

const failingOf = (i: ItemRun): string[] => (i.got?.criteria ?? []).filter((c) => c.status !== 'met' && !c.presumed).map((c) => c.id);

/**
 * Annotation of a letter item: same letter and service id, else same letter and label. Another
 * encoding of the letter may reuse a service id for a different item ("pt" for the shoulder
 * therapy where the annotation's "pt" is the neck's): when the item's label names another
 * annotated item of the letter, the label wins.
 */
function matcher(annotations: readonly ReasonAnnotation[]): (i: ItemRun) => { a: ReasonAnnotation; by: 'service' | 'label' } | undefined {
  const byService = new Map(annotations.map((a) => [`${a.letter}::${a.service}`, a]));
  const byLabel = new Map(annotations.map((a) => [`${a.letter}::${normalizeLabel(a.label)}`, a]));
  return (i) => {
    const letter = letterIdOf(i.caseId);
    if (!letter) return undefined;
    const labels = [i.label, i.expected.label].filter((l): l is string => typeof l === 'string');
    const l = labels.map((x) => byLabel.get(`${letter}::${normalizeLabel(x)}`)).find((a) => a !== undefined);
    const s = byService.get(`${letter}::${i.service}`);
    if (s && (!l || l === s)) return { a: s, by: 'service' };
    return l ? { a: l, by: 'label' } : undefined;
  };
}

const ranked = (counts: Map<string, number>): [string, number][] => [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function reasonAgreement(items: readonly ItemRun[], reasons: LoadedReasons): ReasonAgreement {
  const find = matcher(reasons.items);
  const letterItems = items.filter((i) => i.kind === 'letter');
  const matched = { byService: 0, byLabel: 0, unannotated: 0 };
  const results: ReasonItemResult[] = [];
  const overturnedContradicted: ReasonAgreement['overturnedContradicted'] = [];
  const missedCounts = new Map<string, number>();
  const missedBecause: Record<MissedBecause, number> = { met: 0, 'not-evaluated': 0 };
  const uncoveredCounts = new Map<string, number>();
  const misleadingCounts = new Map<string, number>();
  let uncoveredEvaluated = 0;
  let uncoveredAll = 0;
  for (const i of letterItems) {
    const m = find(i);
    if (!m) {
      matched.unannotated++;
      continue;
    }
    if (m.by === 'service') matched.byService++;
    else matched.byLabel++;
    const { a } = m;
    const failing = failingOf(i);
    const failingSet = new Set(failing);
    const predictedUpheld = i.got?.prediction === 'upheld';
    if (a.outcome === 'upheld') uncoveredAll += a.reasons.filter((r) => r.uncovered).length;
    if (a.outcome === 'overturned') {
      const found = [...new Set([...a.contradicts, ...a.reasons.flatMap((r) => r.criteria)])].filter((id) => failingSet.has(id));
      if (predictedUpheld && found.length > 0) overturnedContradicted.push({ letter: a.letter, service: i.service, criteria: found });
      continue;
    }
    if (!predictedUpheld || i.got?.dependsOn) continue;
    const evaluated = new Set((i.got?.criteria ?? []).map((c) => c.id));
    const because = (r: Reason): MissedBecause | undefined =>
      r.uncovered ? undefined : r.criteria.some((id) => evaluated.has(id)) ? 'met' : 'not-evaluated';
    const missed = a.reasons.filter((r) => !r.criteria.some((id) => failingSet.has(id)));
    const hit = a.reasons.length - missed.length;
    const agreement: Agreement = missed.length === 0 ? 'every' : hit > 0 ? 'some' : 'none';
    const misleading = a.contradicts.filter((id) => failingSet.has(id));
    uncoveredEvaluated += a.reasons.filter((r) => r.uncovered).length;
    for (const r of missed) {
      const counts = r.uncovered ? uncoveredCounts : missedCounts;
      counts.set(r.phrase, (counts.get(r.phrase) ?? 0) + 1);
      const why = because(r);
      if (why) missedBecause[why]++;
    }
    for (const id of misleading) misleadingCounts.set(id, (misleadingCounts.get(id) ?? 0) + 1);
    results.push({
      letter: a.letter,
      service: i.service,
      annotated: a.service,
      matchedBy: m.by,
      agreement,
      failing,
      stated: a.reasons.filter((r) => !r.uncovered).length,
      missed: missed.map((r) => {
        const why = because(r);
        return {
          phrase: r.phrase,
          criteria: r.criteria,
          ...(r.uncovered ? { uncovered: true as const } : {}),
          ...(why ? { engine: why } : {}),
        };
      }),
      misleading,
    });
  }
  const count = (g: Agreement): number => results.filter((r) => r.agreement === g).length;
  const withCovered = results.filter((r) => r.stated > 0);
  const everyCovered = withCovered.filter((r) => r.missed.every((m) => m.uncovered)).length;
  const misleadingItems = results.filter((r) => r.misleading.length > 0);
  const n = results.length;
  return {
    file: reasons.file,
    letterItems: letterItems.length,
    matched,
    evaluated: n,
    every: count('every'),
    some: count('some'),
    none: count('none'),
    shares: {
      every: ratio(count('every'), n),
      some: ratio(count('some'), n),
      none: ratio(count('none'), n),
      misleading: ratio(misleadingItems.length, n),
    },
    coveredOnly: { items: withCovered.length, every: everyCovered, share: ratio(everyCovered, withCovered.length) },
    misleadingItems,
    overturnedContradicted,
    uncoveredReasons: { evaluated: uncoveredEvaluated, allUpheld: uncoveredAll },
    unknownCriteria: reasons.unknownCriteria,
    missedByPhrase: ranked(missedCounts).map(([phrase, c]) => ({ phrase, count: c })),
    missedBecause,
    uncoveredByPhrase: ranked(uncoveredCounts).map(([phrase, c]) => ({ phrase, count: c })),
    misleadingByCriterion: ranked(misleadingCounts).map(([id, c]) => ({ id, count: c })),
    items: results,
  };
}

/** Reason agreement from the default reasons file, or the file's problems; undefined without a file. */
export function defaultReasonAgreement(
  items: readonly ItemRun[],
  knownCriteria: ReadonlySet<string>,
  named?: string,
): ReasonAgreement | { file: string; problems: InputIssue[] } | undefined {
  const file = named ?? DEFAULT_REASONS_FILE;
  const name = file.startsWith(PROJECT_ROOT) ? file.slice(PROJECT_ROOT.length) : file;
  // the default file is optional (a project without letters); a file asked for by name is not
  if (!existsSync(file))
    return named === undefined
      ? undefined
      : { file: name, problems: [{ file: name, path: '', code: 'not-found', message: 'no such file' }] };
  try {
    return reasonAgreement(items, loadReasons(file, knownCriteria, name));
  } catch (err) {
    if (err instanceof InputError) return { file: name, problems: err.issues };
    throw err;
  }
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The text report's "Reason agreement" section. */
export function reasonAgreementLines(r: ReasonAgreement | { file: string; problems: InputIssue[] }, top = 8): string[] {
  if ('problems' in r) {
    return ['', `Reason agreement: ${r.file} could not be read:`, ...r.problems.map((p) => `  ${formatIssue(p)}`)];
  }
  const lines = ['', `Reason agreement (${r.file}; upheld by the reviewer, predicted upheld and decided by the engine itself):`];
  lines.push(
    `  letter items ${r.letterItems}: annotated ${r.matched.byService + r.matched.byLabel} (${r.matched.byService} by service id, ${r.matched.byLabel} by label), not annotated ${r.matched.unannotated}`,
  );
  if (r.evaluated === 0) {
    lines.push('  no item to compare');
  } else {
    lines.push(
      `  items ${r.evaluated}: failing criteria include every decisive reason ${pct(r.shares.every)} (${r.every}), some ${pct(r.shares.some)} (${r.some}), none ${pct(r.shares.none)} (${r.none})`,
    );
    lines.push(
      `  leaving out reasons no criterion states: every stated reason ${pct(r.coveredOnly.share)} (${r.coveredOnly.every} of ${r.coveredOnly.items})`,
    );
    lines.push(
      `  misleading (a failing criterion the reviewer finds met): ${r.misleadingItems.length} item(s), ${pct(r.shares.misleading)}`,
    );
    lines.push(
      `  reasons no criterion states: ${r.uncoveredReasons.evaluated} on these items, ${r.uncoveredReasons.allUpheld} over all annotated upheld items`,
    );
    if (r.missedByPhrase.length > 0) {
      lines.push(
        `  reasons with criteria that were not failing: ${r.missedBecause.met} judged met, ${r.missedBecause['not-evaluated']} not evaluated (another topic or not applicable)`,
      );
      lines.push(
        `  reasons most often not among the failing criteria: ${r.missedByPhrase
          .slice(0, top)
          .map((m) => `${m.phrase} (${m.count})`)
          .join('; ')}`,
      );
    }
    if (r.uncoveredByPhrase.length > 0)
      lines.push(
        `  reasons most often without a criterion: ${r.uncoveredByPhrase
          .slice(0, top)
          .map((m) => `${m.phrase} (${m.count})`)
          .join('; ')}`,
      );
    if (r.misleadingByCriterion.length > 0)
      lines.push(
        `  most misleading criteria: ${r.misleadingByCriterion
          .slice(0, top)
          .map((m) => `${m.id} (${m.count})`)
          .join('; ')}`,
      );
  }
  if (r.overturnedContradicted.length > 0)
    lines.push(`  overturned items predicted upheld on a criterion the reviewer found met: ${r.overturnedContradicted.length}`);
  if (r.unknownCriteria.length > 0) {
    const ids = [...new Set(r.unknownCriteria.map((u) => u.id))].sort();
    lines.push(`  warning: ${ids.length} criterion id(s) in the annotations are not in the rule pack (renamed?): ${ids.join(', ')}`);
  }
  return lines;
}
