// `--spec-only`: the one description of the shared request format, and the stripper built on it.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { requestSchema } from '../src/request/schema.js';
import { allowedKeysAt } from '../src/request/validate.js';
import * as V from '../src/request/vocabulary.js';
import { SHARED_FIELDS, SHARED_VOCABULARY, INJECTION_TREATMENT_FIELDS, stripToSharedFormat } from '../src/cases/shared-format.js';

// The request example of shared/spec/request-format.md §1, verbatim: the contract itself.
const SPEC_EXAMPLE = `
format: imr-precheck/request@1
id: demo-esi-001
decisionDate: 2024-06-01
patient: { age: 48, sex: male, workStatus: modified-duty }
injury: { date: 2023-03-14, mechanism: lifting a box, regions: [lumbar] }
diagnoses:
  - lumbar radiculopathy
  - { text: lumbar disc displacement without myelopathy, icd10: M51.26 }
symptoms:
  - { kind: low-back-pain, durationMonths: 14, score: 7 }
  - { kind: radiating-leg-pain, side: right, dermatome: L5 }
  - { kind: numbness, result: negative }
exam:
  - { finding: straight-leg-raise, result: positive, side: right }
  - { finding: sensory-deficit, result: positive, dermatome: L5, side: right }
  - { finding: motor-weakness, result: negative }
  - { finding: reflex-change, result: not-tested }
studies:
  - type: mri
    region: lumbar
    date: 2023-05-02
    officialReport: true
    findings:
      - { kind: nerve-root-compression, level: L4-5, side: right }
      - { kind: disc-protrusion, level: L5-S1, sizeMm: 3 }
  - type: emg-ncv
    officialReport: true
    findings: [ { kind: radiculopathy, root: L5, side: right } ]
treatments:
  - { kind: physical-therapy, sessions: 12, outcome: failed }
  - { kind: nsaid, outcome: failed }
  - { kind: home-exercise, outcome: unknown }
  - { kind: epidural-steroid-injection, date: 2022-11-01, levels: [L4-5], reliefPercent: 60, reliefWeeks: 8, medicationReduced: true, functionImproved: true }
surgeries:
  - { kind: fusion, levels: [L5-S1], date: 2019-01-01 }
medications:
  - { name: hydrocodone/acetaminophen, strength: 10/325 mg, quantity: 90, route: oral, opioid: true, morphineEquivalentDaily: 30 }
documentation:
  functionalImprovement: false
  risksDiscussed: true
  homeExerciseProgram: true
  opioidMonitoring: { analgesia: true, activities: false, adverseEffects: true, aberrantBehavior: false, urineDrugScreen: true }
  redFlags: []
  notes: free text the reviewer would weigh but no rule reads
services:
  - { id: esi, kind: epidural-steroid-injection, approach: transforaminal, levels: L4-5, side: bilateral, purpose: therapeutic, quantity: 1, label: Bilateral L4-5 transforaminal ESI }
  - { id: fluoro, kind: fluoroscopic-guidance, for: esi }
  - { id: post-pt, kind: physical-therapy, quantity: 8, for: esi }
  - { id: consult, kind: consultation, specialty: spine surgery, purpose: surgical opinion, requested: false, regions: [lumbar, cervical], unit: visits }
  - { id: med, kind: medication, name: ibuprofen, strength: 800 mg, quantity: 90, route: oral, drugClass: nsaid, morphineEquivalentDaily: 0 }
`;

/** Request path of a shared-format pattern, as allowedKeysAt reads it (`studies[].findings[]` → studies, 0, findings, 0). */
const pathOf = (pattern: string): (string | number)[] =>
  pattern === '' ? [] : pattern.split('.').flatMap((p) => (p.endsWith('[]') ? [p.slice(0, -2), 0] : [p]));

describe('the shared-format description', () => {
  it('names only fields the project schema accepts (a typo in the list would strip real evidence)', () => {
    for (const [pattern, fields] of Object.entries(SHARED_FIELDS)) {
      const accepted = allowedKeysAt(requestSchema, pathOf(pattern));
      expect(accepted, pattern).toBeDefined();
      for (const f of fields) expect(accepted, `${pattern}.${f}`).toContain(f);
    }
    for (const f of INJECTION_TREATMENT_FIELDS) expect(allowedKeysAt(requestSchema, ['treatments', 0])).toContain(f);
    for (const r of SHARED_VOCABULARY.region) expect(V.REGIONS).toContain(r);
    for (const k of SHARED_VOCABULARY.treatmentKind) expect(V.TREATMENT_KINDS).toContain(k);
    for (const f of SHARED_VOCABULARY.examFinding) expect(V.EXAM_FINDINGS).toContain(f);
  });

  it('keeps the spec example unchanged', () => {
    const example = requestSchema.parse(parse(SPEC_EXAMPLE));
    const { request, stripped } = stripToSharedFormat(example);
    expect(stripped).toEqual([]);
    expect(request).toEqual(example);
  });

  it('leaves out every field docs/request-format.md lists as an addition', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', 'docs/request-format.md'), 'utf8');
    const start = doc.indexOf('## Additions to the request');
    const table = doc.slice(start, doc.indexOf('\n## ', start + 1));
    const rows = [...table.matchAll(/^\| `([^`]+)` \| (.+?) \|/gm)];
    expect(rows.length).toBeGreaterThan(8);
    // the spec's own EMG example writes `root` on a study finding, so the shared format has it
    const inSpecExample = new Set(['studies[].findings[].root']);
    let checked = 0;
    for (const [, where, cell] of rows) {
      for (const [, field] of cell!.matchAll(/`([A-Za-z]+)(?::[^`]*)?`/g)) {
        if (inSpecExample.has(`${where}.${field}`) || !(where! in SHARED_FIELDS)) continue;
        expect(SHARED_FIELDS[where!], `${where}.${field}`).not.toContain(field);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('stripToSharedFormat', () => {
  const withAdditions = requestSchema.parse({
    format: 'imr-precheck/request@1',
    id: 'x',
    injury: { regions: ['knee'], text: 'fell' },
    diagnoses: [{ text: 'tear', side: 'left' }],
    exam: [{ finding: 'facet-loading', result: 'positive', root: 'L5', level: 'L4-5' }],
    treatments: [
      { kind: 'physical-therapy', sessions: 6, durationWeeks: 3, functionImproved: true },
      { kind: 'epidural-steroid-injection', reliefPercent: 50, functionImproved: true },
      { kind: 'massage', text: '4 visits' },
    ],
    medications: [{ name: 'ibuprofen', drugClass: 'nsaid', durationMonths: 6 }],
    documentation: { surgeryPlanned: true, notes: 'n', opioidMonitoring: { cures: true, analgesia: true } },
    services: [{ id: 'e', kind: 'electrodiagnostics', regions: ['upper-extremity', 'cervical'], visitsPerWeek: 2, weeks: 3 }],
  });

  it('removes the additions and names each one', () => {
    const { request, stripped } = stripToSharedFormat(withAdditions);
    expect(stripped.sort()).toEqual([
      'diagnoses[0].side',
      'documentation.opioidMonitoring.cures',
      'documentation.surgeryPlanned',
      'exam[0].finding = facet-loading',
      'exam[0].level',
      'exam[0].root',
      'injury.text',
      'medications[0].drugClass',
      'medications[0].durationMonths',
      'services[0].regions = upper-extremity,cervical',
      'services[0].visitsPerWeek',
      'services[0].weeks',
      'treatments[0].durationWeeks',
      'treatments[0].functionImproved',
      'treatments[2].kind = massage',
    ]);
    expect(request.treatments![1]).toEqual({ kind: 'epidural-steroid-injection', reliefPercent: 50, functionImproved: true });
    expect(request.treatments![2]).toEqual({ kind: 'other', text: 'massage: 4 visits' });
    expect(request.exam![0]).toEqual({ finding: 'other', result: 'positive', text: 'facet loading' });
    expect(request.services[0]!.regions).toEqual(['cervical']);
    expect(request.documentation).toEqual({ notes: 'n', opioidMonitoring: { analgesia: true } });
    expect(() => requestSchema.parse(request)).not.toThrow();
  });

  it('is idempotent and does not change its input', () => {
    const before = JSON.stringify(withAdditions);
    const once = stripToSharedFormat(withAdditions).request;
    expect(JSON.stringify(withAdditions)).toBe(before);
    const twice = stripToSharedFormat(once);
    expect(twice.stripped).toEqual([]);
    expect(twice.request).toEqual(once);
  });
});

describe('precheck test --spec-only report', () => {
  it('prints the figures both ways and lists each item decided differently', async () => {
    const { loadCases } = await import('../src/cases/load.js');
    const { runCases } = await import('../src/cases/run.js');
    const { renderSpecOnlyText, movedItems } = await import('../src/cases/report.js');
    const { rulePack } = await import('../src/rules/pack.js');
    const root = join(import.meta.dirname, '..');
    // a rule test that meets its criterion only through an addition (documentation.acuteFlare)
    const { cases } = loadCases([join(root, 'rules/mtus-cpmtg/muscle-relaxants.test.yaml')], root);
    const pack = rulePack();
    const normal = runCases(cases, pack);
    const spec = runCases(cases, pack, {}, { transform: (r) => stripToSharedFormat(r).request });
    const moved = movedItems(normal, spec);
    expect(moved.length).toBeGreaterThan(0);
    const text = renderSpecOnlyText(normal, spec, 3);
    expect(text).toContain('real letters (spec)');
    for (const m of moved) expect(text).toContain(`${m.key}: ${m.before} → ${m.after}`);
  });
});
