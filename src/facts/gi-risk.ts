// NSAID use and gastrointestinal risk (CPMTG "NSAIDs, GI symptoms & cardiovascular risk"):
// which NSAIDs the worker takes or is prescribed, whether they help, and the GI risk factors
// that make a PPI, an H2 blocker or a COX-2 selective NSAID appropriate.
import { defineFact, known, unknown, type FactDefinition } from './types.js';
import { diagnosisTexts, indexed } from './record.js';
import {
  benefitOf,
  isTopicalItem,
  listedMedications,
  medicationCategories,
  onMedicationList,
  outcomeOf,
  requestedMedications,
  withCategory,
  type DrugUseEntry,
  type NamedMedication,
} from './medication-use.js';

const ULCER =
  /peptic ulcer|gastric ulcer|duodenal ulcer|\bulcer\b|gi bleed|gastrointestinal (?:bleed|hemorrhage)|melena|hematemesis|perforat/;
const DYSPEPSIA =
  /dyspeps|heartburn|reflux|gerd\b|epigastr|gastritis|indigestion|stomach (?:upset|pain|ache)|\bgi upset|gastrointestinal (?:upset|symptoms|complaints|distress)/;
// Conditions a PPI or H2 blocker is approved to treat besides NSAID ulcer prevention (reflux
// disease and its symptom heartburn, erosive esophagitis, Barrett's, H. pylori, Zollinger-Ellison);
// peptic ulcer is ULCER. Venous or urinary reflux is not acid reflux.
const ACID_DISORDER =
  /(?<!venous |vesicoureteral |vesico-ureteral |valvular )\breflux\b|gerd\b|heartburn|esophagitis|barrett|helicobacter|h\.? ?pylori|zollinger/;

export const giRiskFacts: FactDefinition[] = [
  defineFact<boolean>({
    id: 'giRisk.nsaidInUse',
    type: 'boolean',
    description:
      'An oral NSAID is taken (medications[]) or requested in this request; false when the medication list is given without one and none is requested.',
    reads: ['medications[]', 'services[]'],
    derive: (ctx) => onMedicationList(ctx, ['nsaid'], 'oral NSAID', { requested: true }),
  }),
  defineFact<boolean>({
    id: 'giRisk.nsaidOngoing',
    type: 'boolean',
    description: 'The worker already takes an oral NSAID (medications[]).',
    reads: ['medications[]'],
    derive: (ctx) => onMedicationList(ctx, ['nsaid'], 'oral NSAID', { requested: false }),
  }),
  defineFact<number>({
    id: 'giRisk.nsaidCount',
    type: 'number',
    description:
      'Distinct oral NSAIDs the worker would take together (two or more = multiple NSAIDs): those taken (medications[]) and those requested besides them; NSAIDs only requested, none taken, count as one (each is judged on its own, as alternatives). Not documented when fewer than two are known and the medication list is not given.',
    reads: ['medications[]', 'services[]'],
    derive: (ctx) => {
      const taken = withCategory(listedMedications(ctx), ['nsaid']);
      const requested = withCategory(requestedMedications(ctx), ['nsaid']);
      const keys = (items: NamedMedication[]) =>
        new Set(items.flatMap((f) => (f.ingredients.length > 0 ? f.ingredients : [f.label.toLowerCase()])));
      const all = keys([...taken, ...requested]);
      const count = taken.length > 0 ? all.size : Math.min(all.size, 1);
      const evidence = [...taken, ...requested].map((f) => `${f.path} = ${f.label}`);
      if (taken.length === 0 && all.size > 1) evidence.push('none of the requested NSAIDs is taken yet: they count as one');
      if (count >= 2 || ctx.request.raw.medications !== undefined)
        return known(count, evidence.length > 0 ? evidence : ['no oral NSAID listed']);
      return unknown([...evidence, 'medications: the current medication list is not documented']);
    },
  }),
  defineFact<boolean>({
    id: 'giRisk.nsaidBenefit',
    type: 'boolean',
    description:
      'Benefit from the NSAID the worker takes: functional improvement, or pain relief when function is not stated to be unimproved; false when function did not improve or it failed.',
    reads: ['medications[].outcome', 'medications[].functionImproved', 'treatments[]', 'documentation.functionalImprovement'],
    derive: (ctx) => {
      const meds: DrugUseEntry[] = indexed(ctx.request.raw.medications, 'medications')
        .filter((m) => medicationCategories(m.item.name, m.item.drugClass).includes('nsaid'))
        .map((m) => ({ path: m.path, label: m.item.name, outcome: outcomeOf(m.item), functionImproved: m.item.functionImproved }));
      const treatments: DrugUseEntry[] = indexed(ctx.request.raw.treatments, 'treatments')
        .filter((t) => t.item.kind === 'nsaid')
        .map((t) => ({ path: t.path, label: t.item.kind, outcome: outcomeOf(t.item), functionImproved: t.item.functionImproved }));
      return benefitOf([...meds, ...treatments], ctx);
    },
  }),
  defineFact<boolean>({
    id: 'giRisk.oralNsaidFailed',
    type: 'boolean',
    description: 'An oral NSAID was tried and failed (outcome failed or partial); false when it helped; not documented otherwise.',
    reads: ['treatments[]', 'medications[]'],
    derive: (ctx) => {
      const tried = [
        ...indexed(ctx.request.raw.treatments, 'treatments')
          .filter((t) => t.item.kind === 'nsaid')
          .map((t) => ({ path: t.path, outcome: outcomeOf(t.item) })),
        ...indexed(ctx.request.raw.medications, 'medications')
          .filter((m) => !isTopicalItem(m.item, m.item.name) && medicationCategories(m.item.name, m.item.drugClass).includes('nsaid'))
          .map((m) => ({ path: m.path, outcome: outcomeOf(m.item) })),
      ];
      const failed = tried.filter((t) => t.outcome === 'failed' || t.outcome === 'partial');
      if (failed.length > 0)
        return known(
          true,
          failed.map((t) => `${t.path}.outcome = ${t.outcome}`),
        );
      const helped = tried.filter((t) => t.outcome === 'improved');
      if (helped.length > 0)
        return known(
          false,
          helped.map((t) => `${t.path}.outcome = improved`),
        );
      return unknown(tried.length > 0 ? tried.map((t) => `${t.path}: outcome not stated`) : ['no oral NSAID trial recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'giRisk.oralNsaidPrecluded',
    type: 'boolean',
    description:
      'The worker cannot take an oral NSAID because oral medication is not tolerated (difficulty swallowing, stated intolerance); false when an oral NSAID (a liquid form, for instance) is taken all the same, or oral medication is tolerated.',
    reads: ['diagnoses[]', 'symptoms[]', 'medications[]'],
    derive: (ctx) => {
      const intolerance = ctx.get<boolean>('medicationIndications.oralIntolerance');
      if (intolerance.value !== true) return intolerance;
      // the intolerance is of pills, not of oral NSAIDs, when one is being taken
      const taken = ctx.get<boolean>('giRisk.nsaidOngoing');
      return taken.value === true
        ? known(false, [...intolerance.evidence, ...taken.evidence, 'an oral NSAID is taken despite it'])
        : intolerance;
    },
  }),
  defineFact<boolean>({
    id: 'giRisk.ulcerHistory',
    type: 'boolean',
    description: 'History of peptic ulcer, GI bleeding or perforation (diagnoses, symptoms, surgeries). Never false.',
    reads: ['diagnoses[]', 'symptoms[]', 'surgeries[]'],
    derive: (ctx) => {
      const hits = [
        ...diagnosisTexts(ctx.request.raw)
          .filter((d) => ULCER.test(d.text))
          .map((d) => `${d.path} = ${d.text}`),
        ...indexed(ctx.request.raw.symptoms, 'symptoms')
          .filter((s) => s.item.result !== 'negative' && ULCER.test(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase()))
          .map((s) => `${s.path}.kind = ${s.item.kind}`),
        ...indexed(ctx.request.raw.surgeries, 'surgeries')
          .filter((s) => ULCER.test(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase()))
          .map((s) => `${s.path}.kind = ${s.item.kind}`),
      ];
      return hits.length > 0 ? known(true, hits) : unknown(['no history of peptic ulcer, GI bleeding or perforation recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'giRisk.dyspepsia',
    type: 'boolean',
    description:
      'Dyspepsia or other upper-GI symptoms (heartburn, reflux, epigastric pain, gastritis) recorded; false when the worker denies them.',
    reads: ['symptoms[]', 'diagnoses[]', 'exam[]'],
    derive: (ctx) => {
      const symptoms = indexed(ctx.request.raw.symptoms, 'symptoms').filter((s) =>
        DYSPEPSIA.test(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase()),
      );
      const positive = [
        ...symptoms.filter((s) => s.item.result !== 'negative').map((s) => `${s.path}.kind = ${s.item.kind}`),
        ...diagnosisTexts(ctx.request.raw)
          .filter((d) => DYSPEPSIA.test(d.text))
          .map((d) => `${d.path} = ${d.text}`),
        ...indexed(ctx.request.raw.exam, 'exam')
          .filter((e) => e.item.result !== 'negative' && DYSPEPSIA.test((e.item.text ?? '').toLowerCase()))
          .map((e) => `${e.path} = ${e.item.text}`),
      ];
      if (positive.length > 0) return known(true, positive);
      if (symptoms.length > 0)
        return known(
          false,
          symptoms.map((s) => `${s.path}.kind = ${s.item.kind} (denied)`),
        );
      return unknown(['no upper-GI symptoms recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'giRisk.acidDisorder',
    type: 'boolean',
    description:
      'A condition a PPI or H2 blocker is approved to treat on its own, with or without an NSAID: reflux disease (GERD, heartburn), erosive esophagitis, Barrett esophagus, H. pylori, Zollinger-Ellison, or a peptic, gastric or duodenal ulcer (diagnoses, symptoms not denied). Never false.',
    reads: ['diagnoses[]', 'symptoms[]'],
    derive: (ctx) => {
      const matches = (text: string) => ACID_DISORDER.test(text) || ULCER.test(text);
      const hits = [
        ...diagnosisTexts(ctx.request.raw)
          .filter((d) => matches(d.text))
          .map((d) => `${d.path} = ${d.text}`),
        ...indexed(ctx.request.raw.symptoms, 'symptoms')
          .filter((s) => s.item.result !== 'negative' && matches(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase()))
          .map((s) => `${s.path}.kind = ${s.item.kind}`),
      ];
      return hits.length > 0 ? known(true, hits) : unknown(['no reflux disease, esophagitis, ulcer or other acid disorder recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'giRisk.riskMedication',
    type: 'boolean',
    description:
      'Aspirin, an oral corticosteroid, an anticoagulant or an antiplatelet agent is taken with the NSAID; false when the medication list is given without them.',
    reads: ['medications[]', 'services[]'],
    derive: (ctx) =>
      onMedicationList(
        ctx,
        ['aspirin', 'oral-corticosteroid', 'anticoagulant', 'antiplatelet'],
        'aspirin, corticosteroid, anticoagulant or antiplatelet agent',
        { requested: true },
      ),
  }),
];
