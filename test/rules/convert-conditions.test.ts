// scripts/convert-conditions.ts: rewrites the documented idioms and repeated subtrees in place,
// keeping comments and formatting, idempotently; and the shipped rules are in converted form.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertText, readNamedConditions, emptyCounts } from '../../scripts/convert-conditions.js';
import { listRuleFiles, DEFAULT_RULES_DIR } from '../../src/rules/pack.js';

const BEFORE = `id: demo
criteria:
  - id: demo.one
    # an exclusion: matters only when the record states it
    when:
      all:
        - any:
            - { fact: imaging.redFlag, operator: documented, value: false }
            - { fact: imaging.redFlag, operator: equal, value: false }
        - { fact: priorProcedures.isRepeat, operator: equal, value: true } # kept
    condition:
      any:
        - { fact: facet.spinalStenosis, operator: documented, value: false }
        - { fact: facet.spinalStenosis, operator: equal, value: false }
    unmet: x
  - id: demo.two
    condition:
      any:
        # stated flare or spasm
        - all:
            - { fact: documentation.acuteFlare, operator: documented, value: true }
            - { fact: documentation.acuteFlare, operator: equal, value: true }
        - { fact: medicationIndications.muscleSpasm, operator: equal, value: true }
`;

const AFTER = `id: demo
criteria:
  - id: demo.one
    # an exclusion: matters only when the record states it
    when:
      all:
        - { condition: no-serious-red-flag }
        - { fact: priorProcedures.isRepeat, operator: equal, value: true } # kept
    condition: { fact: facet.spinalStenosis, operator: equal, value: false, undocumented: omit }
    unmet: x
  - id: demo.two
    condition:
      any:
        # stated flare or spasm
        - { fact: documentation.acuteFlare, operator: equal, value: true, undocumented: unmet }
        - { fact: medicationIndications.muscleSpasm, operator: equal, value: true }
`;

describe('scripts/convert-conditions.ts', () => {
  const named = readNamedConditions(DEFAULT_RULES_DIR);

  it('rewrites the idioms and named subtrees, keeping comments, and counts them', () => {
    const counts = emptyCounts();
    expect(convertText(BEFORE, named, counts)).toBe(AFTER);
    expect(counts).toMatchObject({ met: 1, omit: 1, unmet: 1, droppedGuard: 0, named: { 'no-serious-red-flag': 1 } });
  });

  it('is idempotent', () => {
    const counts = emptyCounts();
    expect(convertText(AFTER, named, counts)).toBe(AFTER);
    expect(counts).toEqual(emptyCounts());
  });

  it('leaves an unmet under a not of a criterion condition as written (it would be met on silence)', () => {
    const text = `criteria:
  - id: x.y
    condition:
      not:
        all:
          - { fact: a.b, operator: documented, value: true }
          - { fact: a.b, operator: equal, value: true }
`;
    expect(convertText(text, [])).toBe(text);
  });

  it('the shipped rules are converted (after merging rule edits, run: npx tsx scripts/convert-conditions.ts)', () => {
    const pending = listRuleFiles(DEFAULT_RULES_DIR).filter((f) => {
      const t = readFileSync(f, 'utf8');
      return convertText(t, named) !== t;
    });
    expect(pending.map((f) => f.slice(join(DEFAULT_RULES_DIR).length + 1))).toEqual([]);
  });
});
