import { describe, it, expect } from 'vitest';
import { categoriesNamed, drugClassOfName, ingredientsNamed } from '../../src/facts/drugs.js';

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
    expect(ingredientsNamed('flurbiprofen 20%, baclofen 5%, dexamethasone 2%, menthol 2%, capsaicin 0.025% in cream base'))
      .toEqual(expect.arrayContaining(['flurbiprofen', 'baclofen', 'dexamethasone', 'menthol', 'capsaicin']));
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
