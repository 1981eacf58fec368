// One fact namespace per file: a fact's id prefix is the camelCase name of the file under
// src/facts/ that defines it, so a rule author who reads an id knows where its code is.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACT_MODULES, FACTS, factNamespaceProblems, namespaceOf } from '../../src/facts/registry.js';
import type { FactDefinition } from '../../src/facts/types.js';

const FACTS_DIR = join(import.meta.dirname, '../../src/facts');

describe('fact namespaces', () => {
  it('every fact id starts with the name of the file that defines it', () => {
    const problems = factNamespaceProblems();
    expect(problems.map((p) => p.message), problems.map((p) => p.message).join('\n')).toEqual([]);
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
      const exported = Object.values(await import(`../../src/facts/${module}.ts`) as Record<string, unknown>)
        .filter((v): v is FactDefinition[] => Array.isArray(v) && v.length > 0 && v.every((d) => typeof d === 'object' && d !== null && 'derive' in d));
      expect(exported, `src/facts/${module}.ts exports the facts registered as "${module}"`).toContainEqual(defs);
    }
  });

  it('every file under src/facts/ that defines facts is registered under its own name', () => {
    const defining = readdirSync(FACTS_DIR).filter((f) => f.endsWith('.ts') && /\bdefineFact\s*[<(]/.test(readFileSync(join(FACTS_DIR, f), 'utf8')) && f !== 'types.ts');
    expect(defining.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(Object.keys(FACT_MODULES).sort());
  });
});
