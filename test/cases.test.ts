// The seed letters and every rule's RuleTester-style cases, one vitest test per case: every
// expected outcome, dependency, guideline source/pages and criterion status must hold.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadCases } from '../src/cases/load.js';
import { runCases } from '../src/cases/run.js';
import { itemDiff } from '../src/cases/report.js';
import { rulePack } from '../src/rules/pack.js';

const root = join(import.meta.dirname, '..');
const { cases, problems } = loadCases([join(root, 'test/cases/seeds'), join(root, 'rules')], root);

describe('case files load', () => {
  it('every seed case and rule-test file is valid', () => {
    expect(problems).toEqual([]);
    expect(cases.filter((c) => c.kind === 'letter')).toHaveLength(5);
    expect(cases.filter((c) => c.kind === 'rule-test').length).toBeGreaterThan(50);
  });
});

const report = runCases(cases, rulePack());
for (const run of report.cases) {
  describe(run.caseId, () => {
    for (const item of run.items) {
      it(`${item.service} → ${item.expected.outcome}`, () => {
        expect(item.status, itemDiff(item).join('\n')).toBe('pass');
      });
    }
  });
}
