import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { categoriesNamed, drugClassOfName, ingredientsNamed, loadDrugs } from '../../src/facts/drugs.js';
import { InputError } from '../../src/request/issues.js';

describe('drug dictionary', () => {
  it('resolves brands and generics to ingredients and categories', () => {
    expect(ingredientsNamed('norflex (orphenadrine) 100 mg')).toEqual(['orphenadrine']);
    expect(categoriesNamed('prilosec 20mg')).toEqual(['ppi']);
    expect(categoriesNamed('pepcid')).toEqual(['h2-blocker']);
    expect(categoriesNamed('celecoxib 200mg')).toEqual(expect.arrayContaining(['nsaid', 'cox2-inhibitor']));
    expect(categoriesNamed('nortriptyline hcl 25mg')).toEqual(expect.arrayContaining(['antidepressant', 'tricyclic']));
    expect(categoriesNamed('escitalopram')).toEqual(expect.arrayContaining(['ssri']));
    expect(ingredientsNamed('escitalopram')).toEqual(['escitalopram']);
  });

  it('expands compounding kits and multi-ingredient creams', () => {
    expect(ingredientsNamed('tabradol (unknown quantity)')).toEqual(['cyclobenzaprine']);
    expect(categoriesNamed('synapryn')).toEqual(expect.arrayContaining(['compounding-kit', 'opioid']));
    expect(ingredientsNamed('flurbiprofen 20%, baclofen 5%, dexamethasone 2%, menthol 2%, capsaicin 0.025% in cream base')).toEqual(
      expect.arrayContaining(['flurbiprofen', 'baclofen', 'dexamethasone', 'menthol', 'capsaicin']),
    );
  });

  it('leaves unknown names unclassified', () => {
    expect(categoriesNamed('physical therapy')).toEqual([]);
    expect(drugClassOfName('Pantoprazole 40mg')).toBeUndefined();
  });

  it('keeps the request vocabulary classes', () => {
    expect(drugClassOfName('Norco 10/325')).toBe('opioid');
    expect(drugClassOfName('Medrol dosepak')).toBe('oral-corticosteroid');
    expect(drugClassOfName('Flexeril 10mg')).toBe('muscle-relaxant');
    expect(drugClassOfName('Tabradol')).toBe('muscle-relaxant');
    expect(drugClassOfName('Fanatrex')).toBe('neuropathic');
    expect(drugClassOfName('Naproxen 550')).toBe('nsaid');
    expect(drugClassOfName('Voltaren gel 1%')).toBe('topical');
    expect(drugClassOfName('Duragesic patch')).toBe('opioid');
  });
});

describe('vocab/drugs.yaml', () => {
  it('loads every entry, names or pattern', () => {
    const drugs = loadDrugs();
    expect(drugs.length).toBeGreaterThan(100);
    expect(drugs.find((d) => d.generic === 'oxycodone')?.morphineFactor).toBe(1.5);
    expect(categoriesNamed('fentanyl 25 mcg/hr')).toContain('opioid');
    expect(drugClassOfName('Duragesic patch', 'transdermal')).toBe('opioid');
    expect(drugClassOfName('Medrol dosepak')).toBe('oral-corticosteroid');
  });

  it('rejects a bad entry with file, line and path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drugs-'));
    const file = join(dir, 'drugs.yaml');
    writeFileSync(file, 'drugs:\n  - generic: x\n    categories: [opiod]\n    names: [x]\n  - generic: y\n    categories: [nsaid]\n');
    let err: unknown;
    try {
      loadDrugs(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const issues = (err as InputError).issues;
    expect(issues.some((i) => i.path === 'drugs[0].categories[0]' && i.line === 3)).toBe(true);
    expect(issues.some((i) => i.path.startsWith('drugs[1]') && /names: or pattern:/.test(i.message))).toBe(true);
  });
});
