// One fact namespace per file: a fact's id prefix is the camelCase name of the file under
// src/facts/ that defines it, so a rule author who reads an id knows where its code is.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACT_MODULES, FACTS, factNamespaceProblems, namespaceOf } from '../../src/facts/registry.js';
import type { FactDefinition } from '../../src/facts/types.js';

const ROOT = join(import.meta.dirname, '../..');
const FACTS_DIR = join(ROOT, 'src/facts');

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name));
}

/** Unread facts kept on purpose, with why. */
const KEPT_UNREAD: Record<string, string> = {
  'medication.opioidMonitoring.painScores': "one of the generated monitoring facts that mirror the request's opioidMonitoring flags",
};

describe('fact namespaces', () => {
  it('every fact id starts with the name of the file that defines it', () => {
    const problems = factNamespaceProblems();
    expect(
      problems.map((p) => p.message),
      problems.map((p) => p.message).join('\n'),
    ).toEqual([]);
  });

  it('names the fact and the file when they disagree', () => {
    const stray = { ...FACTS.get('service.kind')!, id: 'therapy.hadPriorCourse' };
    const problems = factNamespaceProblems({ 'physical-medicine': [stray], 'gi-risk': [{ ...stray, id: 'giRisk.nsaidCount' }] });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('"therapy.hadPriorCourse"');
    expect(problems[0]!.message).toContain('src/facts/physical-medicine.ts');
    expect(problems[0]!.message).toContain('"physicalMedicine."');
    expect(namespaceOf('medication-indications')).toBe('medicationIndications');
  });

  it('each registry key is the file whose exports hold exactly those facts', async () => {
    for (const [module, defs] of Object.entries(FACT_MODULES)) {
      const exported = Object.values((await import(`../../src/facts/${module}.ts`)) as Record<string, unknown>).filter(
        (v): v is FactDefinition[] =>
          Array.isArray(v) && v.length > 0 && v.every((d) => typeof d === 'object' && d !== null && 'derive' in d),
      );
      expect(exported, `src/facts/${module}.ts exports the facts registered as "${module}"`).toContainEqual(defs);
    }
  });

  it('every file under src/facts/ that defines facts is registered under its own name', () => {
    const defining = readdirSync(FACTS_DIR).filter(
      (f) => f.endsWith('.ts') && /\bdefineFact\s*[<(]/.test(readFileSync(join(FACTS_DIR, f), 'utf8')) && f !== 'types.ts',
    );
    expect(defining.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(Object.keys(FACT_MODULES).sort());
  });
});

describe('every fact is read', () => {
  it('by a rule (condition, when, message) or by code other than its definition', () => {
    const rules = filesUnder(join(ROOT, 'rules'), '.yaml')
      .filter((f) => !f.endsWith('.test.yaml'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const code = filesUnder(join(ROOT, 'src'), '.ts')
      .map((f) => readFileSync(f, 'utf8').replace(/\bid: ['`][^'`]*['`]/g, ''))
      .join('\n');
    const unread = [...FACTS.keys()].filter((id) => {
      const named = new RegExp(`(?<![A-Za-z0-9_.-])${id.replaceAll('.', '\\.')}(?![A-Za-z0-9_-])`);
      return !named.test(rules) && !named.test(code) && !(id in KEPT_UNREAD);
    });
    expect(unread, 'facts nothing reads: delete them (and list them in scripts/fact-renames.json "deleted")').toEqual([]);
  });
});
