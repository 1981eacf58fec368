// Reviewer's reasons (test/cases/reasons.yaml): loading with clear errors, unknown criterion ids as
// warnings, and the reason-agreement figures over a test run.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDocuments } from '../src/request/load.js';
import { InputError } from '../src/request/issues.js';
import {
  parseReasons,
  loadReasons,
  reasonAgreement,
  defaultReasonAgreement,
  letterIdOf,
  DEFAULT_REASONS_FILE,
  type LoadedReasons,
} from '../src/cases/reasons.js';
import { loadCases } from '../src/cases/load.js';
import { rulePack } from '../src/rules/pack.js';
import type { ItemRun } from '../src/cases/run.js';
import type { CriterionStatus } from '../src/engine/result.js';

const KNOWN = new Set(['a.one', 'a.two', 'a.three', 'b.one']);

function parse(text: string): LoadedReasons {
  return parseReasons(loadDocuments(text, 'reasons.yaml')[0]!, KNOWN);
}

function issuesOf(text: string): { path: string; message: string; line?: number }[] {
  try {
    parse(text);
  } catch (err) {
    if (err instanceof InputError) return err.issues;
    throw err;
  }
  throw new Error('expected an InputError');
}

const ITEM = (service: string, outcome: string, reasons: string, extra = ''): string => `
  - letter: CM16-0000001
    service: ${service}
    label: Label of ${service}
    outcome: ${outcome}
    reasons:
${reasons}${extra}`;

describe('loading reasons', () => {
  it('reads items, defaults contradicts to [] and warns on unknown criterion ids', () => {
    const r = parse(`format: imr-precheck/reasons@1
items:${ITEM('x', 'upheld', '      - { phrase: no spasm, criteria: [a.one, z.renamed], quote: no spasm on exam }', '\n    contradicts: [b.gone]')}${ITEM('y', 'upheld', '      - { phrase: gap, criteria: [], uncovered: true, quote: words }')}
`);
    expect(r.items).toHaveLength(2);
    expect(r.items[1]!.contradicts).toEqual([]);
    expect(r.unknownCriteria).toEqual([
      { letter: 'CM16-0000001', service: 'x', id: 'z.renamed' },
      { letter: 'CM16-0000001', service: 'x', id: 'b.gone' },
    ]);
  });

  it('accepts the engine\'s own "follows primary" criterion without a warning', () => {
    const r = parse(`format: imr-precheck/reasons@1
items:${ITEM('x', 'upheld', '      - { phrase: primary not certified, criteria: [associated.follows-primary], quote: q }')}
`);
    expect(r.unknownCriteria).toEqual([]);
  });

  it('rejects a reason with no criteria that is not marked uncovered, with its line', () => {
    const issues = issuesOf(`format: imr-precheck/reasons@1
items:${ITEM('x', 'upheld', '      - { phrase: gap, criteria: [], quote: words }')}
`);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('items[0].reasons[0]');
    expect(issues[0]!.message).toMatch(/uncovered: true/);
    expect(issues[0]!.line).toBe(8);
  });

  it('rejects `uncovered: true` on a reason that has criteria', () => {
    const issues = issuesOf(`format: imr-precheck/reasons@1
items:${ITEM('x', 'upheld', '      - { phrase: p, criteria: [a.one], uncovered: true, quote: q }')}
`);
    expect(issues.map((i) => i.path)).toEqual(['items[0].reasons[0]']);
  });

  it('names an unknown field and the allowed ones', () => {
    const issues = issuesOf(`format: imr-precheck/reasons@1
items:${ITEM('x', 'upheld', '      - { phrase: p, criteria: [a.one], quote: q, criterion: a.two }')}
`);
    expect(issues[0]!.path).toBe('items[0].reasons[0].criterion');
    expect(issues[0]!.message).toMatch(/unknown field "criterion".*Allowed here: phrase, criteria, quote, uncovered/);
  });

  it('rejects a wrong format, a bad letter id, an outcome other than upheld/overturned and an item without reasons', () => {
    const issues = issuesOf(`format: imr-precheck/reasons@2
items:
  - { letter: 16-1, service: x, label: l, outcome: not-covered, reasons: [] }
`);
    expect(issues.map((i) => i.path).sort()).toEqual(['format', 'items[0].letter', 'items[0].outcome', 'items[0].reasons']);
  });

  it('rejects the same letter and service annotated twice', () => {
    const issues = issuesOf(`format: imr-precheck/reasons@1
items:${ITEM('x', 'upheld', '      - { phrase: p, criteria: [a.one], quote: q }')}${ITEM('x', 'upheld', '      - { phrase: p, criteria: [a.two], quote: q }')}
`);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/already annotated at items\[0\]/);
  });

  it('reports an unreadable file as problems, not an exception', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reasons-'));
    const file = join(dir, 'reasons.yaml');
    writeFileSync(file, 'format: imr-precheck/reasons@1\nitems: 3\n');
    const r = defaultReasonAgreement([run({ service: 'x', failing: [] })], KNOWN, file);
    expect(r && 'problems' in r ? r.problems.map((p) => p.path) : r).toEqual(['items']);
    // a file named by the caller must exist; only the project's default file is optional
    const absent = defaultReasonAgreement([], KNOWN, join(dir, 'absent.yaml'));
    expect(absent && 'problems' in absent ? absent.problems.map((p) => p.code) : absent).toEqual(['not-found']);
  });
});

interface RunSpec {
  service: string;
  caseId?: string;
  label?: string;
  prediction?: 'upheld' | 'overturned' | 'not-covered';
  dependsOn?: string | null;
  failing: string[];
  met?: string[];
  presumed?: string[];
  kind?: 'letter' | 'rule-test';
}

function run(s: RunSpec): ItemRun {
  const criterion = (id: string, status: CriterionStatus, presumed = false) => ({
    id,
    status,
    text: id,
    evidence: [],
    citation: { source: 'X' },
    ...(presumed ? { presumed: true as const } : {}),
  });
  return {
    caseId: s.caseId ?? 'test/cases/imr-ca-2016/CM16-0000001.case.yaml',
    kind: s.kind ?? 'letter',
    service: s.service,
    label: s.label ?? `Label of ${s.service}`,
    family: 'other',
    expected: { service: s.service, outcome: 'upheld' },
    got: {
      id: s.service,
      kind: 'other',
      label: s.label ?? s.service,
      prediction: s.prediction ?? 'upheld',
      medicallyNecessary: false,
      dependsOn: s.dependsOn ?? null,
      guideline: null,
      rationale: '',
      toOverturn: [],
      topics: [],
      notices: [],
      criteria: [
        ...s.failing.map((id) => criterion(id, 'unmet')),
        ...(s.met ?? []).map((id) => criterion(id, 'met')),
        ...(s.presumed ?? []).map((id) => criterion(id, 'not-documented', true)),
      ],
    },
    comparison: undefined,
    status: 'pass',
    signature: '',
  } as unknown as ItemRun;
}

const ANNOTATIONS = parse(`format: imr-precheck/reasons@1
items:${ITEM(
  'every',
  'upheld',
  `      - { phrase: r1, criteria: [a.one, a.two], quote: q }
      - { phrase: r2, criteria: [a.three], quote: q }`,
)}${ITEM(
  'some',
  'upheld',
  `      - { phrase: r1, criteria: [a.one], quote: q }
      - { phrase: gap, criteria: [], uncovered: true, quote: q }`,
)}${ITEM('none', 'upheld', '      - { phrase: r1, criteria: [a.one], quote: q }', '\n    contradicts: [b.one]')}${ITEM('dependent', 'upheld', '      - { phrase: r1, criteria: [a.one], quote: q }')}${ITEM('wrong', 'upheld', '      - { phrase: r1, criteria: [a.one], quote: q }')}${ITEM('over', 'overturned', '      - { phrase: met, criteria: [a.two], quote: q }', '\n    contradicts: [a.three]')}
`);

describe('reason agreement', () => {
  const report = reasonAgreement(
    [
      // any one listed id counts for a reason
      run({ service: 'every', failing: ['a.two', 'a.three', 'b.one'] }),
      // an uncovered reason is never found among the failing criteria
      run({ service: 'some', failing: ['a.one'] }),
      // a failing criterion the reviewer finds met; a presumed one does not count as failing
      run({ service: 'none', failing: ['b.one'], presumed: ['a.one'] }),
      // decided through a primary: not compared
      run({ service: 'dependent', failing: ['a.one'], dependsOn: 'every' }),
      // predicted overturned: not compared
      run({ service: 'wrong', failing: [], prediction: 'overturned' }),
      // overturned by the reviewer, predicted upheld on a criterion the reviewer found met
      run({ service: 'over', failing: ['a.three'] }),
      // letter item with no annotation; rule-test items are not letter items
      run({ service: 'unannotated', failing: [] }),
      run({ service: 'every', failing: [], kind: 'rule-test', caseId: 'rules/x.test.yaml#base' }),
    ],
    ANNOTATIONS,
  );

  it('classifies upheld, predicted-upheld, self-decided items by how many reasons are failing', () => {
    expect(report.evaluated).toBe(3);
    expect(report.items.map((i) => [i.service, i.agreement])).toEqual([
      ['every', 'every'],
      ['some', 'some'],
      ['none', 'none'],
    ]);
    expect(report.shares.every).toBeCloseTo(1 / 3);
    expect(report.matched).toEqual({ byService: 6, byLabel: 0, unannotated: 1 });
    expect(report.letterItems).toBe(7);
  });

  it('lists misleading items, missed and uncovered reasons, and contradicted overturned items', () => {
    expect(report.misleadingItems.map((i) => [i.service, i.misleading])).toEqual([['none', ['b.one']]]);
    expect(report.shares.misleading).toBeCloseTo(1 / 3);
    expect(report.missedByPhrase).toEqual([{ phrase: 'r1', count: 1 }]);
    expect(report.items[2]!.missed).toEqual([{ phrase: 'r1', criteria: ['a.one'], engine: 'met' }]);
    expect(report.items[1]!.missed).toEqual([{ phrase: 'gap', criteria: [], uncovered: true }]);
    expect(report.missedBecause).toEqual({ met: 1, 'not-evaluated': 0 });
    expect(report.uncoveredByPhrase).toEqual([{ phrase: 'gap', count: 1 }]);
    expect(report.uncoveredReasons).toEqual({ evaluated: 1, allUpheld: 1 });
    // leaving out the uncovered reason, "some" has every stated reason failing
    expect(report.coveredOnly).toEqual({ items: 3, every: 2, share: 2 / 3 });
    expect(report.misleadingByCriterion).toEqual([{ id: 'b.one', count: 1 }]);
    expect(report.overturnedContradicted).toEqual([{ letter: 'CM16-0000001', service: 'over', criteria: ['a.three'] }]);
  });

  it('tells a reason whose criteria the engine never evaluated from one it judged met', () => {
    const r = reasonAgreement([run({ service: 'none', failing: ['a.two'] })], ANNOTATIONS);
    expect(r.items[0]!.missed).toEqual([{ phrase: 'r1', criteria: ['a.one'], engine: 'not-evaluated' }]);
    expect(r.missedBecause).toEqual({ met: 0, 'not-evaluated': 1 });
  });

  it('matches an independent encoding by letter id and label when the service id differs', () => {
    const r = reasonAgreement(
      [
        run({
          service: 'esi-1',
          label: 'LABEL OF every.',
          caseId: '/shared/independent/CM16-0000001.case.yaml',
          failing: ['a.one', 'a.three'],
        }),
        run({ service: 'unknown-svc', label: 'Something else', caseId: '/shared/independent/CM16-0000001.case.yaml', failing: [] }),
        run({ service: 'every', caseId: '/shared/independent/CM16-0000002.case.yaml', failing: [] }),
      ],
      ANNOTATIONS,
    );
    expect(r.matched).toEqual({ byService: 0, byLabel: 1, unannotated: 2 });
    expect(r.items).toEqual([expect.objectContaining({ service: 'esi-1', annotated: 'every', matchedBy: 'label', agreement: 'every' })]);
  });

  it('prefers the label when another encoding reuses an annotated service id for a different item', () => {
    const r = reasonAgreement(
      [
        // id "some" is annotated, but this item's label is the one annotated as "every"
        run({ service: 'some', label: 'Label of every', caseId: '/shared/independent/CM16-0000001.case.yaml', failing: ['a.one'] }),
        // same id and a label no annotation has: the id decides
        run({ service: 'none', label: 'Renamed by the encoder', caseId: '/shared/independent/CM16-0000001.case.yaml', failing: [] }),
      ],
      ANNOTATIONS,
    );
    expect(r.matched).toEqual({ byService: 1, byLabel: 1, unannotated: 0 });
    expect(r.items.map((i) => [i.service, i.annotated, i.matchedBy])).toEqual([
      ['some', 'every', 'label'],
      ['none', 'none', 'service'],
    ]);
  });

  it('finds the letter id in a case id or file name', () => {
    expect(letterIdOf('rules/x.test.yaml#base', 'test/cases/imr-ca-2016/CM17-0012345.case.yaml')).toBe('CM17-0012345');
    expect(letterIdOf('test/cases/seeds/000_f22448475d8fce90.case.yaml')).toBeUndefined();
  });
});

describe('test/cases/reasons.yaml', () => {
  const pack = rulePack();
  const reasons = loadReasons(DEFAULT_REASONS_FILE, new Set(pack.criteria.keys()));
  const root = join(import.meta.dirname, '..');
  const { cases } = loadCases([join(root, 'test/cases/imr-ca-2016')], root);

  it('annotates every item of the visible letters, with the outcome the case expects', () => {
    const want = cases.flatMap((c) => c.expected.map((e) => `${letterIdOf(c.id)}::${e.service}::${e.outcome}`)).sort();
    const got = reasons.items.map((i) => `${i.letter}::${i.service}::${i.outcome}`).sort();
    expect(got).toEqual(want);
  });
});
