// scripts/rename-facts.ts: whole ids only, fact contexts for ids that also name something else,
// idempotent, and nothing in the repository still written with an old id.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMapping, rewrite, rewriters, type Mapping } from '../../scripts/rename-facts.js';

const ROOT = join(import.meta.dirname, '../..');
const mapping: Mapping = {
  renames: { 'service.levels': 'spine.levels', 'patient.age': 'documentation.patientAge', 'pde5.indication': 'medicationIndications.pde5' },
  requestPaths: ['patient.age'],
  deleted: {},
};
const re = rewriters(mapping, new Set(['pde5.indication', 'pde5.quantity']));
const run = (text: string, file = 'rules/x.yaml'): string => rewrite(text, file, mapping, re).text;

describe('rename-facts', () => {
  it('rewrites whole ids only', () => {
    expect(run('- { fact: service.levels, operator: equal, value: 1 }')).toBe('- { fact: spine.levels, operator: equal, value: 1 }');
    expect(run('unmet: "{{service.levels}} levels."')).toBe('unmet: "{{spine.levels}} levels."');
    expect(run("ctx.get<string[]>('service.levels')", 'src/facts/a.ts')).toBe("ctx.get<string[]>('spine.levels')");
    for (const other of ['service.levelsX', 'a.service.levels', 'service.levels.more', 'service.levels-count', 'myservice.levels'])
      expect(run(other)).toBe(other);
    expect(run('reads service.levels.')).toBe('reads spine.levels.');
  });

  it('rewrites an id that is also a request path only where it names a fact', () => {
    expect(run("reads: ['patient.age'], evidence 'patient.age = 40'", 'src/facts/a.ts')).toBe(
      "reads: ['patient.age'], evidence 'patient.age = 40'",
    );
    expect(run("id: 'patient.age', get('patient.age')", 'src/facts/a.ts')).toBe(
      "id: 'documentation.patientAge', get('documentation.patientAge')",
    );
    expect(run('{ fact: patient.age, operator: greaterThan, value: 65 } "{{patient.age}}"')).toBe(
      '{ fact: documentation.patientAge, operator: greaterThan, value: 65 } "{{documentation.patientAge}}"',
    );
    expect(run("value({ patient: { age: 70 } }, 'patient.age')", 'test/facts/a.test.ts')).toBe(
      "value({ patient: { age: 70 } }, 'documentation.patientAge')",
    );
    expect(run('`patient.age` is the age', 'docs/request-format.md')).toBe('`patient.age` is the age');
  });

  it('leaves a criterion id that equals an old fact id alone', () => {
    const yaml = '  - id: pde5.indication\n    condition: { fact: pde5.indication, operator: equal, value: true }\n';
    expect(run(yaml)).toBe('  - id: pde5.indication\n    condition: { fact: medicationIndications.pde5, operator: equal, value: true }\n');
    expect(run('criteria: { pde5.indication: met }', 'rules/other/sildenafil.test.yaml')).toBe('criteria: { pde5.indication: met }');
  });

  it('is idempotent with the committed mapping, which has no chains', () => {
    const m = loadMapping();
    const real = rewriters(m, new Set());
    const sample = Object.keys(m.renames)
      .map((id) => `- { fact: ${id} } {{${id}}} get('${id}')`)
      .join('\n');
    const once = rewrite(sample, 'rules/x.yaml', m, real).text;
    expect(once).not.toBe(sample);
    expect(rewrite(once, 'rules/x.yaml', m, real)).toEqual({ text: once, count: 0 });
    for (const to of Object.values(m.renames)) expect(m.renames[to], `${to} is both a new and an old id`).toBeUndefined();
  });

  it('finds no old id in the repository (run it after merging a branch written with old ids)', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/rename-facts.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toContain('0 old fact ids still written');
    expect(r.status).toBe(0);
  });
});
