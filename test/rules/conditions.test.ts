// The written condition forms (docs/rule-authoring.md, "Conditions"): named shared conditions,
// `undocumented:` per leaf, parameterized facts. Load-time errors carry file:line:col; the
// lowered conditions evaluate as the three-valued reference below says.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { InputError, type InputIssue } from '../../src/request/issues.js';
import { compileCondition, exclusionGuards, FALSE, TRUE, UNKNOWN, type Tri, type FactReader } from '../../src/rules/evaluate.js';
import { resolveCondition, NO_NAMED_CONDITIONS, type ConditionContext } from '../../src/rules/resolve.js';
import { factKey, parseFactKey } from '../../src/facts/params.js';
import type { WrittenCondition } from '../../src/rules/schema.js';

const TOPIC = (criteria: string): string => `id: demo
title: Demo
question: demo imaging
appliesTo:
  kinds: [imaging]
guideline: MTUS-ACOEM#knee.special-studies
editions: [MTUS-ACOEM@2nd-2004]
statement: Demo.
criteria:
${criteria}`;

const CRITERION = (condition: string, when = ''): string => `  - id: demo.one
    text: One
    citation: MTUS-ACOEM#knee.special-studies
${when ? `    when: ${when}\n` : ''}    condition: ${condition}
    unmet: Unmet.
    notDocumented: Not documented.
`;

const CONDITIONS = `conditions:
  no-serious-red-flag:
    description: No red flag.
    condition: { fact: imaging.redFlag, operator: equal, value: false, undocumented: met }
  red-flag-stated:
    description: A red flag is stated.
    citation: MTUS-ACOEM#knee.special-studies
    condition: { fact: imaging.redFlag, operator: equal, value: true, undocumented: unmet }
  either-flag:
    description: Uses another name.
    condition:
      any:
        - { condition: red-flag-stated }
        - { fact: documentation.surgeryPlanned, operator: equal, value: true }
`;

function load(topic: string, conditions = CONDITIONS): { pack?: RulePack; issues: InputIssue[] } {
  const dir = mkdtempSync(join(tmpdir(), 'precheck-conditions-'));
  writeFileSync(join(dir, 'pack.yaml'), 'name: demo\nversion: 1.0.0\n');
  writeFileSync(join(dir, 'conditions.yaml'), conditions);
  writeFileSync(join(dir, 'demo.yaml'), topic);
  try {
    return { pack: loadRulePack({ rulesDir: dir }), issues: [] };
  } catch (err) {
    if (err instanceof InputError) return { issues: err.issues };
    throw err;
  }
}

const reader =
  (facts: Record<string, unknown>): FactReader =>
  (id) => ({ value: facts[id] as never, evidence: [] });

/** A criterion's status as the engine decides it: omitted (false `when`, exclusion not raised), or the condition's value. */
function status(pack: RulePack, facts: Record<string, unknown>): Tri | 'omitted' {
  const c = pack.criteria.get('demo.one')!.criterion;
  const read = reader(facts);
  if (c.when && c.when.evaluate(read) !== TRUE) return 'omitted';
  if (c.stated && c.stated.evaluate(read) !== TRUE) return 'omitted';
  return c.condition.evaluate(read);
}

describe('named conditions', () => {
  it('are inlined where used and evaluate as written in place', () => {
    const { pack, issues } = load(TOPIC(CRITERION('{ condition: either-flag }', '{ condition: no-serious-red-flag }')));
    expect(issues).toEqual([]);
    // when: applies on silence about red flags, not when one is stated
    expect(status(pack!, { 'documentation.surgeryPlanned': true })).toBe(TRUE);
    expect(status(pack!, { 'imaging.redFlag': true })).toBe('omitted');
    // condition: silence about the red flag fails that alternative (unmet), the other decides
    expect(status(pack!, { 'documentation.surgeryPlanned': false })).toBe(FALSE);
    expect(status(pack!, {})).toBe(UNKNOWN);
  });

  it('an unknown name fails with did-you-mean, file, line and column', () => {
    const { issues } = load(TOPIC(CRITERION('{ condition: either-flags }')));
    const issue = issues.find((i) => i.code === 'unknown-condition')!;
    expect(issue.message).toContain('did you mean "either-flag"?');
    expect(issue.file).toMatch(/demo\.yaml$/);
    expect(issue.path).toBe('criteria[0].condition.condition');
    expect(issue.line).toBe(13);
    expect(issue.column).toBeGreaterThan(1);
  });

  it('a cycle fails in rules/conditions.yaml', () => {
    const cyclic = `${CONDITIONS}  a:
    description: A.
    condition: { any: [ { condition: b }, { fact: imaging.redFlag, operator: equal, value: true } ] }
  b:
    description: B.
    condition: { not: { condition: a } }
`;
    const { issues } = load(TOPIC(CRITERION('{ fact: imaging.redFlag, operator: equal, value: true }')), cyclic);
    const cycles = issues.filter((i) => i.code === 'condition-cycle');
    expect(cycles.length).toBeGreaterThan(0);
    expect(cycles[0]!.message).toMatch(/a → b → a|b → a → b/);
    expect(cycles[0]!.file).toMatch(/conditions\.yaml$/);
    expect(cycles[0]!.line).toBeDefined();
  });

  it("a named condition is checked where it is used: one that is true on silence cannot be a criterion's condition", () => {
    const { issues } = load(TOPIC(CRITERION('{ condition: no-serious-red-flag }')));
    const issue = issues.find((i) => i.code === 'met-on-silence')!;
    expect(issue.message).toContain('in named condition "no-serious-red-flag"');
    expect(issue.path).toBe('criteria[0].condition');
    expect(issue.line).toBe(13);
  });

  it('a bad fact inside a named condition is reported once, in rules/conditions.yaml', () => {
    const bad = CONDITIONS.replace('fact: documentation.surgeryPlanned', 'fact: documentation.surgeryPlaned');
    const { issues } = load(TOPIC(CRITERION('{ condition: either-flag }')), bad);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.file).toMatch(/conditions\.yaml$/);
    expect(issues[0]!.message).toContain('did you mean "documentation.surgeryPlanned"?');
    expect(issues[0]!.line).toBe(14);
  });
});

describe('undocumented: per leaf', () => {
  it('omit: the criterion is omitted when the fact is absent, decided by the leaf when stated', () => {
    const { pack, issues } = load(TOPIC(CRITERION('{ fact: facet.spinalStenosis, operator: equal, value: false, undocumented: omit }')));
    expect(issues).toEqual([]);
    expect(status(pack!, {})).toBe('omitted');
    expect(status(pack!, { 'facet.spinalStenosis': false })).toBe(TRUE);
    expect(status(pack!, { 'facet.spinalStenosis': true })).toBe(FALSE);
  });

  it('omit as an alternative of the top-level any: the exclusion guard, other alternatives still decide when stated', () => {
    const { pack } = load(
      TOPIC(
        CRITERION(
          '{ any: [ { fact: facet.spinalStenosis, operator: equal, value: false, undocumented: omit }, { fact: documentation.surgeryPlanned, operator: equal, value: true } ] }',
        ),
      ),
    );
    expect(status(pack!, { 'documentation.surgeryPlanned': true })).toBe('omitted');
    expect(status(pack!, { 'facet.spinalStenosis': true, 'documentation.surgeryPlanned': true })).toBe(TRUE);
    expect(status(pack!, { 'facet.spinalStenosis': true })).toBe(UNKNOWN);
  });

  it('the forms that would make a criterion met on silence are refused, with file:line:col', () => {
    const cases: [string, string][] = [
      ['{ fact: imaging.redFlag, operator: equal, value: false, undocumented: met }', 'met-on-silence'],
      ['{ not: { fact: imaging.redFlag, operator: equal, value: true, undocumented: unmet } }', 'met-on-silence'],
      [
        '{ all: [ { fact: imaging.redFlag, operator: equal, value: false, undocumented: omit }, { fact: documentation.surgeryPlanned, operator: equal, value: true } ] }',
        'undocumented',
      ],
      ['{ fact: imaging.redFlag, operator: documented, value: true, undocumented: unmet }', 'undocumented'],
    ];
    for (const [condition, code] of cases) {
      const { issues } = load(TOPIC(CRITERION(condition)));
      expect(
        issues.map((i) => i.code),
        condition,
      ).toContain(code);
      const issue = issues.find((i) => i.code === code)!;
      expect(issue.path, condition).toMatch(/\.undocumented$/);
      expect(issue.line, condition).toBe(13);
    }
  });

  it('omit is refused in a when (there silence already omits; "unless stated" is met)', () => {
    const { issues } = load(
      TOPIC(
        CRITERION(
          '{ fact: documentation.surgeryPlanned, operator: equal, value: true }',
          '{ fact: imaging.redFlag, operator: equal, value: false, undocumented: omit }',
        ),
      ),
    );
    expect(issues.map((i) => i.code)).toContain('undocumented');
  });
});

describe('parameterized facts', () => {
  it("params are checked against the fact's schema at load, with file:line:col", () => {
    const { issues } = load(TOPIC(CRITERION('{ fact: careTrial.failed, params: { kinds: [chiropractc] }, operator: equal, value: true }')));
    const issue = issues.find((i) => i.code === 'invalid-params')!;
    expect(issue.path).toBe('criteria[0].condition.params.kinds[0]');
    expect(issue.line).toBe(13);
    expect(issue.column).toBeGreaterThan(20);
  });

  it('missing params, unknown params and params on a plain fact fail', () => {
    for (const condition of [
      '{ fact: careTrial.failed, operator: equal, value: true }',
      '{ fact: careTrial.failed, params: { kinds: [chiropractic], side: left }, operator: equal, value: true }',
      '{ fact: imaging.redFlag, params: { kinds: [chiropractic] }, operator: equal, value: true }',
    ]) {
      const { issues } = load(TOPIC(CRITERION(condition)));
      expect(
        issues.map((i) => i.code),
        condition,
      ).toContain('invalid-params');
    }
  });

  it('a leaf reads the fact under its key with the parsed params (defaults filled, keys sorted)', () => {
    const { pack, issues } = load(
      TOPIC(CRITERION('{ fact: careTrial.failed, params: { kinds: [chiropractic] }, operator: equal, value: true }')),
    );
    expect(issues).toEqual([]);
    const key = factKey('careTrial.failed', { region: 'service', kinds: ['chiropractic'] });
    expect(key).toBe('careTrial.failed{"kinds":["chiropractic"],"region":"service"}');
    expect(parseFactKey(key)).toEqual({ id: 'careTrial.failed', params: { kinds: ['chiropractic'], region: 'service' } });
    expect(pack!.criteria.get('demo.one')!.criterion.condition.facts).toEqual([key]);
    expect(status(pack!, { [key]: true })).toBe(TRUE);
  });
});

// ------------------------------------------------------------------ property: lowering = reference semantics

const FACTS = ['documentation.surgeryPlanned', 'imaging.redFlag', 'documentation.invasiveProcedurePlanned'] as const;
type Mode = 'not-documented' | 'met' | 'unmet';

const leafArb = (modes: readonly Mode[]) =>
  fc.record({
    fact: fc.constantFrom(...FACTS),
    operator: fc.constant('equal'),
    value: fc.boolean(),
    undocumented: fc.constantFrom(...modes),
  });
const treeArb = (modes: readonly Mode[]) =>
  fc.letrec<{ c: WrittenCondition }>((tie) => ({
    c: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'c' },
      leafArb(modes) as fc.Arbitrary<WrittenCondition>,
      fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
      tie('c').map((not) => ({ not })),
    ),
  })).c;
const factsArb = fc.record(
  Object.fromEntries(FACTS.map((f) => [f, fc.option(fc.boolean(), { nil: undefined })])) as Record<
    (typeof FACTS)[number],
    fc.Arbitrary<boolean | undefined>
  >,
);

/** Kleene logic over leaves whose value on silence is what `undocumented:` says. */
function reference(c: WrittenCondition, facts: Record<string, unknown>): Tri {
  if ('all' in c) {
    const v = c.all.map((x) => reference(x, facts));
    return v.includes(FALSE) ? FALSE : v.includes(UNKNOWN) ? UNKNOWN : TRUE;
  }
  if ('any' in c) {
    const v = c.any.map((x) => reference(x, facts));
    return v.includes(TRUE) ? TRUE : v.includes(UNKNOWN) ? UNKNOWN : FALSE;
  }
  if ('not' in c) {
    const v = reference(c.not, facts);
    return v === UNKNOWN ? UNKNOWN : v === TRUE ? FALSE : TRUE;
  }
  if ('condition' in c) throw new Error('no names here');
  const a = facts[c.fact];
  if (a === undefined) return c.undocumented === 'met' ? TRUE : c.undocumented === 'unmet' ? FALSE : UNKNOWN;
  return a === c.value ? TRUE : FALSE;
}

function lower(c: WrittenCondition, context: ConditionContext) {
  const problems: string[] = [];
  const resolved = resolveCondition(c, context, 'condition', NO_NAMED_CONDITIONS, (p) => problems.push(p.message));
  return { resolved, problems };
}

describe('undocumented: lowering agrees with the three-valued reference', () => {
  it('in a when (met, unmet, default anywhere)', () => {
    fc.assert(
      fc.property(treeArb(['not-documented', 'met', 'unmet']), factsArb, (c, facts) => {
        const { resolved, problems } = lower(c, 'when');
        expect(problems).toEqual([]);
        expect(compileCondition(resolved!.condition).evaluate(reader(facts))).toBe(reference(c, facts));
      }),
      { numRuns: 300 },
    );
  });

  it("in a criterion's condition: accepted trees agree with the reference and are never met with every fact absent", () => {
    fc.assert(
      fc.property(treeArb(['not-documented', 'met', 'unmet']), factsArb, (c, facts) => {
        const { resolved } = lower(c, 'condition');
        if (!resolved) return; // refused: met, or unmet under a not
        const compiled = compileCondition(exclusionGuards(resolved.condition)?.rest ?? resolved.condition, { strict: true });
        expect(compiled.evaluate(reader(facts))).toBe(reference(c, facts));
        expect(compiled.evaluate(reader({}))).not.toBe(TRUE);
      }),
      { numRuns: 300 },
    );
  });
});
