// Issue 14 item 5: every upheld service tells the physician what to do — a non-empty "to overturn,
// document …" list — or states that the guideline does not recommend the service (and nothing else).
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadCases } from '../src/cases/load.js';
import { checkRequest } from '../src/api.js';
import { PROJECT_ROOT } from '../src/rules/pack.js';

const SUITES = [
  join(PROJECT_ROOT, 'test/cases'),
  join(PROJECT_ROOT, 'rules'),
  join(PROJECT_ROOT, '../shared/letters/imr-ca-2016/independent'),
];

describe('actionable advice on every upheld service', () => {
  it.each(SUITES)('%s', (dir) => {
    const { cases } = loadCases([dir]);
    expect(cases.length).toBeGreaterThan(0);
    const silent: string[] = [];
    let upheld = 0;
    for (const c of cases) {
      for (const s of checkRequest(c.request).services) {
        if (s.prediction !== 'upheld') continue;
        upheld++;
        const advice = s.toOverturn.length > 0;
        const notRecommended = s.notRecommended !== undefined;
        // exactly one of the two: advice to document, or the statement that nothing can overturn it
        if (advice === notRecommended) silent.push(`${c.id} ${s.id}: ${advice ? 'advice beside not-recommended' : 'no advice'}`);
      }
    }
    expect(upheld).toBeGreaterThan(0);
    expect(silent).toEqual([]);
  });
});
