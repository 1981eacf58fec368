// Load-time checks of rule conditions: value types against the fact registry, "did you mean"
// for facts, operators and citations, file:line:col on every problem, repeats reported once.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadRulePack, PROJECT_ROOT } from '../../src/rules/pack.js';
import { InputError, type InputIssue } from '../../src/request/issues.js';
import { leafTypeProblems } from '../../src/rules/leaf-types.js';
import { checkAdviceWritten, collapseRepeats } from '../../src/lint/lint.js';
import type { FactType } from '../../src/facts/types.js';

const CHIRO = 'rules/mtus-cpmtg/manual-therapy-manipulation.yaml';

/** Loads a pack made of the chiropractic topic alone, edited by `edit`; returns its problems. */
function problemsAfter(edit: (text: string) => string): InputIssue[] {
  const dir = mkdtempSync(join(tmpdir(), 'precheck-rules-'));
  copyFileSync(join(PROJECT_ROOT, 'rules/pack.yaml'), join(dir, 'pack.yaml'));
  const text = readFileSync(join(PROJECT_ROOT, CHIRO), 'utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  writeFileSync(join(dir, 'manual-therapy-manipulation.yaml'), edited);
  try {
    loadRulePack({ rulesDir: dir });
  } catch (err) {
    if (err instanceof InputError) return err.issues;
    throw err;
  }
  return [];
}

describe('rule conditions are checked against the fact registry', () => {
  it('a numeric threshold written as a string fails with file, line and column', () => {
    const issues = problemsAfter((t) =>
      t.replace('operator: lessThanInclusive, value: 18 }', 'operator: lessThanInclusive, value: "18" }'),
    );
    const typed = issues.filter((i) => i.code === 'value-type');
    expect(typed).toHaveLength(1);
    expect(typed[0]!.message).toContain('needs a number, found "18"');
    expect(typed[0]!.line).toBeGreaterThan(1);
    expect(typed[0]!.column).toBeGreaterThan(1);
    expect(typed[0]!.path).toMatch(/^criteria\[\d+\]\.condition\..*\.value$/);
  });

  it('a number written as a word fails too', () => {
    const issues = problemsAfter((t) =>
      t.replace('operator: lessThanInclusive, value: 18 }', 'operator: lessThanInclusive, value: eighteen }'),
    );
    expect(issues.some((i) => i.code === 'value-type' && i.message.includes('"eighteen"'))).toBe(true);
  });

  it('an unknown fact, operator or citation suggests the close name', () => {
    const issues = problemsAfter((t) =>
      t
        .replace('fact: physicalMedicine.totalTherapyVisits,', 'fact: physicalMedicine.totalTherapyvisits,')
        .replace('operator: lessThanInclusive, value: 18 }', 'operator: lessThanInclusve, value: 18 }')
        .replace(/citation: MTUS-CPMTG#manual-therapy$/m, 'citation: MTUS-CPMTG#manual-therapie'),
    );
    expect(issues.find((i) => i.code === 'unknown-fact')!.message).toContain('did you mean "physicalMedicine.totalTherapyVisits"?');
    expect(issues.find((i) => i.code === 'unknown-operator')!.message).toContain('did you mean "lessThanInclusive"?');
    expect(issues.find((i) => i.code === 'unknown-citation')!.message).toContain('did you mean "MTUS-CPMTG#manual-therapy"?');
    for (const i of issues) expect(i.line, `${i.path}: ${i.message}`).toBeDefined();
  });

  it('the shipped pack has no such problem', () => {
    expect(() => loadRulePack()).not.toThrow();
  });
});

describe('leafTypeProblems', () => {
  const types: Record<string, FactType> = { n: 'number', b: 'boolean', s: 'string', l: 'list' };
  const check = (fact: string, operator: string, value: unknown): string[] =>
    leafTypeProblems({ fact, operator, value }, (id) => types[id]);
  it('accepts what each operator compares', () => {
    expect(check('n', 'greaterThan', 3)).toEqual([]);
    expect(check('b', 'equal', true)).toEqual([]);
    expect(check('s', 'in', ['a', 'b'])).toEqual([]);
    expect(check('l', 'containsAny', ['a'])).toEqual([]);
    expect(check('l', 'lengthAtLeast', 1)).toEqual([]);
    expect(check('n', 'documented', false)).toEqual([]);
    expect(check('n', 'lessThan', { fact: 'n' })).toEqual([]);
  });
  it('refuses values of another type and operators that do not suit the fact', () => {
    expect(check('n', 'greaterThan', '3')).toHaveLength(1);
    expect(check('b', 'equal', 'true')).toHaveLength(1);
    expect(check('s', 'lessThan', 3)).toHaveLength(1);
    expect(check('s', 'in', ['a', 1])).toHaveLength(1);
    expect(check('l', 'equal', 'a')).toHaveLength(1);
    expect(check('n', 'contains', 3)).toHaveLength(1);
    expect(check('l', 'lengthAtLeast', 1.5)).toHaveLength(1);
    expect(check('n', 'documented', 'no')).toHaveLength(1);
    expect(check('n', 'equal', { fact: 's' })).toHaveLength(1);
  });
});

describe('collapseRepeats', () => {
  it('reports the same problem in one file once, with the count of the other places', () => {
    const same = (line: number): InputIssue => ({
      file: 'r.yaml',
      path: `criteria[${line}].citation`,
      code: 'unknown-citation',
      message: 'citation "X#y" is not in the catalog',
      line,
    });
    const out = collapseRepeats([same(3), same(9), same(12), { file: 'other.yaml', path: '', code: 'x', message: 'm' }]);
    expect(out).toHaveLength(2);
    expect(out[0]!.message).toContain('also at 2 more places in this file: line 9, line 12');
    expect(out[0]!.line).toBe(3);
  });
});

describe('checkAdviceWritten', () => {
  it('passes on the shipped pack and names a criterion that can be not documented without advice', () => {
    const pack = loadRulePack();
    expect(checkAdviceWritten(pack)).toEqual([]);
    const topic = pack.topics[0]!;
    const criterion = topic.spec.criteria.find((c) => c.notDocumented !== undefined)!;
    const { toOverturn: _dropped, ...withoutAdvice } = criterion;
    const broken = { ...pack, topics: [{ ...topic, spec: { ...topic.spec, criteria: [withoutAdvice] } }] };
    expect(checkAdviceWritten(broken)).toEqual([
      expect.objectContaining({ file: topic.file, code: 'missing-advice', message: expect.stringContaining(criterion.id) as string }),
    ]);
  });
});
