// Facts about a requested non-opioid medication: what it is (ingredients, categories, form),
// whether the request is specific (quantity, strength), how long the supply lasts, and whether
// it continues a drug the worker already takes, with what benefit.
import { defineFact, known, unknown, type Fact, type FactContext, type FactDefinition } from './types.js';
import { indexed, treatmentOutcome, type Indexed } from './record.js';
import { categoriesNamed, drugsNamed, ingredientsNamed, type DrugCategory } from './drugs.js';
import { quantityInText } from '../request/visits.js';
import { COUNTED_UNITS, quantityWithUnit, unitsPerDayInDirections } from './medication-dose.js';
import type { Medication, Treatment } from '../request/schema.js';

/** The request's own words for a medication service: name, label and free text. */
export function serviceDrugText(ctx: FactContext): string {
  const s = ctx.service.raw;
  return `${s.name ?? ''} ${s.label ?? ''} ${s.text ?? ''}`.toLowerCase();
}

/** Categories the stated `drugClass` gives (the coarse classes that map onto one category). */
const STATED_CLASS: Readonly<Record<string, DrugCategory>> = {
  opioid: 'opioid',
  nsaid: 'nsaid',
  'muscle-relaxant': 'muscle-relaxant',
  'oral-corticosteroid': 'oral-corticosteroid',
};

/** Categories of a medication given by name (and optional stated class). */
export function medicationCategories(text: string, drugClass?: string): DrugCategory[] {
  const out = new Set(categoriesNamed(text.toLowerCase()));
  const stated = drugClass ? STATED_CLASS[drugClass] : undefined;
  if (stated) out.add(stated);
  return [...out];
}

const TOPICAL_WORDS =
  /cream|\bgel\b|ointment|lotion|patch|\bpads?\b|topical|transdermal|salonpas|terocin|flector|lidoderm|liniment|roll-?on|\bspray\b|\bbalm\b|\bfoam\b/;
const INJECTION_WORDS = /inject|intramuscular|\bim\b|intravenous|\biv\b/;

/** Whether a medication (requested or taken) is applied to the skin: by route, stated class or its words. */
export function isTopicalItem(item: { route?: string | undefined; drugClass?: string | undefined }, words: string): boolean {
  return (
    item.route === 'topical' ||
    item.route === 'transdermal' ||
    item.drugClass === 'topical' ||
    (!item.route && TOPICAL_WORDS.test(words.toLowerCase()))
  );
}

/** oral | topical | compounded-oral | injection, from the route, the stated class and the words. */
export function medicationForm(ctx: FactContext): { form: string; evidence: string } {
  const s = ctx.service.raw;
  const path = `services[${ctx.service.index}]`;
  const words = serviceDrugText(ctx);
  if (drugsNamed(words).some((d) => d.categories.includes('compounding-kit')))
    return { form: 'compounded-oral', evidence: `${path} names an oral compounding kit` };
  if (s.route === 'topical' || s.route === 'transdermal') return { form: 'topical', evidence: `${path}.route = ${s.route}` };
  if (s.drugClass === 'topical') return { form: 'topical', evidence: `${path}.drugClass = topical` };
  if (s.route === 'injection' || (!s.route && INJECTION_WORDS.test(words)))
    return { form: 'injection', evidence: s.route ? `${path}.route = injection` : `${path} names an injection` };
  if (!s.route && TOPICAL_WORDS.test(words)) return { form: 'topical', evidence: `${path} names a topical form` };
  if (/compound/.test(words)) return { form: 'compounded-oral', evidence: `${path} names a compounded oral product` };
  return { form: 'oral', evidence: s.route ? `${path}.route = ${s.route}` : `${path}: no topical or injected form named (oral)` };
}

// ---- the medication list and the other medications requested ----------------------------

export interface NamedMedication {
  path: string;
  id?: string;
  label: string;
  categories: DrugCategory[];
  ingredients: string[];
}

/** Medications the worker takes (medications[]); systemic only unless `topical` is asked for. */
export function listedMedications(ctx: FactContext, options: { topical?: boolean } = {}): NamedMedication[] {
  return indexed(ctx.request.raw.medications, 'medications')
    .filter((m) => options.topical === true || !isTopicalItem(m.item, m.item.name))
    .map((m) => ({
      path: m.path,
      label: m.item.name,
      categories: medicationCategories(m.item.name, m.item.drugClass),
      ingredients: ingredientsNamed(m.item.name.toLowerCase()),
    }));
}

/** Medications requested in this request (this service included); systemic only unless `topical` is asked for. */
export function requestedMedications(ctx: FactContext, options: { topical?: boolean } = {}): NamedMedication[] {
  return ctx.request.services
    .filter(
      (s) => s.kind === 'medication' && (options.topical === true || !isTopicalItem(s.raw, `${s.raw.name ?? ''} ${s.raw.label ?? ''}`)),
    )
    .map((s) => {
      const text = `${s.raw.name ?? ''} ${s.raw.label ?? ''} ${s.raw.text ?? ''}`;
      return {
        path: `services[${s.index}]`,
        id: s.id,
        label: s.raw.label ?? s.raw.name ?? s.id,
        categories: medicationCategories(text, s.raw.drugClass),
        ingredients: ingredientsNamed(text.toLowerCase()),
      };
    });
}

/** "with one refill", "2 refills", "refills x 2", "refill #1" (a number word or digit before or after). */
const REFILLS =
  /\bwith (\d+|one|two|three|four|five|a) (?:additional )?refills?\b|\b(\d+|one|two|three|four|five) (?:additional )?refills?\b|\brefills?:? ?(?:x|#|times) ?(\d+)\b/;
const NUMBER_WORDS: Readonly<Record<string, number>> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5 };

function numberWord(w: string): number | undefined {
  return /^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w];
}

export const withCategory = (items: NamedMedication[], cats: readonly DrugCategory[]): NamedMedication[] =>
  items.filter((i) => i.categories.some((c) => cats.includes(c)));

/** A yes/no over the medication list (and the request): true when found, false when the list is given without it. */
export function onMedicationList(
  ctx: FactContext,
  cats: readonly DrugCategory[],
  what: string,
  options: { requested: boolean; topical?: boolean },
): Fact<boolean> {
  const found = [
    ...withCategory(listedMedications(ctx, options), cats),
    ...(options.requested ? withCategory(requestedMedications(ctx, options), cats) : []),
  ];
  if (found.length > 0)
    return known(
      true,
      found.map((f) => `${f.path} = ${f.label}`),
    );
  if (ctx.request.raw.medications !== undefined) return known(false, [`medications: no ${what} listed`]);
  return unknown(['medications: the current medication list is not documented']);
}

// ---- the worker's own use of the requested drug ----------------------------------------------

interface Entry {
  path: string;
  label: string;
  outcome?: string | undefined;
  functionImproved?: boolean | undefined;
  days?: number | undefined;
}

function firstWord(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9 ]/g, ' ')
      .trim()
      .split(/\s+/)[0] ?? ''
  );
}

/**
 * A medication's or treatment's outcome in this module's words (improved | partial | failed |
 * unknown; undefined when neither the field nor the words say): the one reading of record.ts
 * (`treatmentOutcome`, words from vocab/record-terms.yaml `outcomes`).
 */
export function outcomeOf(item: {
  outcome?: string | undefined;
  text?: string | undefined;
}): 'improved' | 'partial' | 'failed' | 'unknown' | undefined {
  const { status } = treatmentOutcome(item);
  return status === 'helped' ? 'improved' : status === 'failed' || status === 'partial' || status === 'unknown' ? status : undefined;
}

/** The treatment kind that records earlier use of the requested drug's class, where there is one. */
function treatmentKindOf(ctx: FactContext): Treatment['kind'] | undefined {
  if (medicationForm(ctx).form === 'topical') return 'topical-medication';
  const cats = medicationCategories(serviceDrugText(ctx), ctx.service.raw.drugClass);
  if (cats.includes('nsaid')) return 'nsaid';
  if (cats.includes('muscle-relaxant')) return 'muscle-relaxant';
  if (cats.some((c) => c === 'anticonvulsant' || c === 'tricyclic' || c === 'snri')) return 'neuropathic-medication';
  return undefined;
}

/**
 * Entries of medications[] (by name) and treatments[] that are the requested drug: a treatment
 * naming it, or a treatment of its class that names no drug ("NSAIDs, outcome improved").
 */
function sameDrugEntries(ctx: FactContext): Entry[] {
  const words = serviceDrugText(ctx);
  const wanted = new Set(ingredientsNamed(words));
  const ownWord = firstWord(ctx.service.raw.name ?? ctx.service.raw.label ?? '');
  const isSame = (text: string): boolean => {
    const theirs = ingredientsNamed(text.toLowerCase());
    if (wanted.size > 0 || theirs.length > 0) return theirs.some((g) => wanted.has(g));
    return ownWord.length > 2 && firstWord(text) === ownWord;
  };
  const meds = indexed(ctx.request.raw.medications, 'medications')
    .filter((m) => isSame(m.item.name))
    .map((m: Indexed<Medication>) => ({
      path: m.path,
      label: m.item.name,
      outcome: outcomeOf(m.item),
      functionImproved: m.item.functionImproved,
      days: m.item.durationMonths !== undefined ? Math.round(m.item.durationMonths * 30.4) : undefined,
    }));
  const classKind = treatmentKindOf(ctx);
  const treatments = indexed(ctx.request.raw.treatments, 'treatments')
    .filter((t) => {
      const named = ingredientsNamed((t.item.text ?? '').toLowerCase());
      if (named.length > 0) return named.some((g) => wanted.has(g));
      return classKind !== undefined && t.item.kind === classKind;
    })
    .map((t: Indexed<Treatment>) => ({
      path: t.path,
      label: `${t.item.kind} (${t.item.text ?? ''})`,
      outcome: outcomeOf(t.item),
      functionImproved: t.item.functionImproved,
      days: t.item.durationWeeks !== undefined ? t.item.durationWeeks * 7 : undefined,
    }));
  return [...meds, ...treatments];
}

const CONTINUATION_WORDS = /\bcontinu\w*|\brenew\w*|\bongoing\b|\brefills? of\b/;

/** What the benefit facts read: how each use of the drug worked, and the record's functional-improvement flag. */
const BENEFIT_READS = [
  'medications[].outcome',
  'medications[].functionImproved',
  'treatments[].outcome',
  'treatments[].functionImproved',
  'documentation.functionalImprovement',
];

/** The uses of a drug that brought pain relief: an improved or partial outcome. */
const reliefFrom = (entries: readonly Entry[]): Entry[] => entries.filter((e) => e.outcome === 'improved' || e.outcome === 'partial');

/** No benefit when uses failed and none brought relief; undefined otherwise (both benefit questions read it so). */
function everyUseFailed(entries: readonly Entry[], relief: readonly Entry[]): Fact<boolean> | undefined {
  const failed = entries.filter((e) => e.outcome === 'failed');
  return failed.length > 0 && relief.length === 0
    ? known(
        false,
        failed.map((e) => `${e.path}.outcome = failed`),
      )
    : undefined;
}

/**
 * Benefit of a drug from the entries describing its use. Function decides first (the entry's
 * own flag), then a failed trial; a record that says function did not improve outweighs pain
 * relief alone; then pain relief; then a record that says function improved.
 */
export function benefitOf(entries: readonly Entry[], ctx: FactContext): Fact<boolean> {
  const fi = entries.filter((e) => e.functionImproved !== undefined);
  if (fi.some((e) => e.functionImproved))
    return known(
      true,
      fi.filter((e) => e.functionImproved).map((e) => `${e.path}.functionImproved = true`),
    );
  if (fi.length > 0)
    return known(
      false,
      fi.map((e) => `${e.path}.functionImproved = false`),
    );
  const relief = reliefFrom(entries);
  const failed = everyUseFailed(entries, relief);
  if (failed) return failed;
  const flag = ctx.request.raw.documentation?.functionalImprovement;
  if (flag === false)
    return known(false, [...relief.map((e) => `${e.path}.outcome = ${e.outcome}`), 'documentation.functionalImprovement = false']);
  if (relief.length > 0)
    return known(
      true,
      relief.map((e) => `${e.path}.outcome = ${e.outcome}`),
    );
  if (flag === true)
    return known(true, [...entries.map((e) => `${e.path}: outcome not stated`), 'documentation.functionalImprovement = true']);
  return unknown(
    entries.length > 0
      ? entries.map((e) => `${e.path} = ${e.label}, outcome not stated`)
      : ['no pain relief or functional improvement with the medication documented'],
  );
}

/**
 * Pain relief AND functional improvement with a drug, for sections that ask for both to continue
 * it ("documentation of pain relief and improvement in function"). False when function is
 * stated not to have improved or every use failed; true only when both are documented (relief:
 * an improved or partial outcome; function: the entry's flag or the record's); unknown otherwise.
 */
function painAndFunctionOf(entries: readonly Entry[], ctx: FactContext): Fact<boolean> {
  const flag = ctx.request.raw.documentation?.functionalImprovement;
  const notImproved = entries.filter((e) => e.functionImproved === false);
  if (notImproved.length > 0 || (flag === false && !entries.some((e) => e.functionImproved === true)))
    return known(false, [
      ...notImproved.map((e) => `${e.path}.functionImproved = false`),
      ...(notImproved.length === 0 ? ['documentation.functionalImprovement = false'] : []),
    ]);
  const relief = reliefFrom(entries);
  const failed = everyUseFailed(entries, relief);
  if (failed) return failed;
  const fn = entries.filter((e) => e.functionImproved === true).map((e) => `${e.path}.functionImproved = true`);
  if (fn.length === 0 && flag === true) fn.push('documentation.functionalImprovement = true');
  const reliefEvidence = relief.map((e) => `${e.path}.outcome = ${e.outcome}`);
  if (relief.length > 0 && fn.length > 0) return known(true, [...reliefEvidence, ...fn]);
  return unknown([
    ...reliefEvidence,
    ...fn,
    relief.length === 0 ? 'no pain relief with the medication documented' : 'no functional improvement with the medication documented',
  ]);
}

export { type Entry as DrugUseEntry };

/** Classes within which a second drug duplicates the first (two muscle relaxants, two NSAIDs, …). */
const DUPLICATE_CLASSES: readonly DrugCategory[] = [
  'muscle-relaxant',
  'nsaid',
  'benzodiazepine',
  'hypnotic',
  'anticonvulsant',
  'tricyclic',
  'snri',
  'ssri',
  'ppi',
  'h2-blocker',
];
const STOPPED = /discontinu|\bstopped\b|no longer|\bd\/c\b|\bceased\b|switch(?:ed)? from/;

/**
 * Other drugs of the requested drug's class taken (medications[], not failed or stopped) or
 * requested in the same request; a drug that failed or was stopped is being replaced, not duplicated.
 */
function sameClassOthers(ctx: FactContext): Fact<readonly string[]> {
  const text = serviceDrugText(ctx);
  const classes = medicationCategories(text, ctx.service.raw.drugClass).filter((c) => DUPLICATE_CLASSES.includes(c));
  const own = new Set(ingredientsNamed(text));
  if (classes.length === 0) return known([], [`services[${ctx.service.index}]: no class with a same-class rule`]);
  const isOther = (m: NamedMedication): boolean =>
    m.categories.some((c) => classes.includes(c)) && m.ingredients.length > 0 && !m.ingredients.some((g) => own.has(g));
  const listedItems = indexed(ctx.request.raw.medications, 'medications');
  const listed = listedMedications(ctx)
    .filter(isOther)
    .filter((m) => {
      const item = listedItems.find((l) => l.path === m.path)?.item;
      return !(item && (outcomeOf(item) === 'failed' || STOPPED.test((item.text ?? '').toLowerCase())));
    });
  const requested = requestedMedications(ctx)
    .filter((m) => m.id !== ctx.service.id && ctx.request.byId.get(m.id ?? '')?.requested !== false)
    .filter(isOther);
  // a treatment naming a drug of the class, not shown to have failed or stopped ("has used baclofen")
  const treated = indexed(ctx.request.raw.treatments, 'treatments')
    .filter((t) => t.item.text !== undefined && outcomeOf(t.item) !== 'failed' && !STOPPED.test(t.item.text.toLowerCase()))
    .map((t) => ({
      path: t.path,
      label: t.item.text!,
      categories: medicationCategories(t.item.text!),
      ingredients: ingredientsNamed(t.item.text!.toLowerCase()),
    }))
    .filter(isOther);
  const found = [...listed, ...requested, ...treated];
  if (found.length > 0)
    return known(
      found.map((f) => f.label),
      found.map((f) => `${f.path} = ${f.label} (${classes.join('/')})`),
    );
  if (ctx.request.raw.medications !== undefined) return known([], [`medications: no other ${classes.join('/')} taken or requested`]);
  return unknown(['medications: the current medication list is not documented']);
}

/** A strength in a medication's words: an amount with a dose unit, or a combination over acetaminophen ("10/325"). */
const STRENGTH_WORDS =
  /(?<![\d.])\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ug|%|g\/|units?\b|meq\b)|\b\d+(?:\.\d+)?\/(?:\d+(?:\.\d+)?\/)?(?:300|325|500|650|750)\b/i;

export const medicationUseFacts: FactDefinition[] = [
  defineFact<readonly string[]>({
    id: 'medicationUse.ingredients',
    type: 'list',
    description: 'Generic names of the active ingredients the requested medication names (brands and compounding kits resolved).',
    reads: ['services[].name', 'services[].label', 'services[].text'],
    derive: (ctx) => {
      const list = ingredientsNamed(serviceDrugText(ctx));
      return known(list, [`services[${ctx.service.index}] names ${list.length > 0 ? list.join(', ') : 'no known drug'}`]);
    },
  }),
  defineFact<readonly string[]>({
    id: 'medicationUse.categories',
    type: 'list',
    description:
      'Drug categories of the requested medication (muscle-relaxant, nsaid, ppi, h2-blocker, antidepressant, anticonvulsant, benzodiazepine, antiemetic, laxative, …), from its names and stated drugClass.',
    reads: ['services[].name', 'services[].label', 'services[].text', 'services[].drugClass'],
    derive: (ctx) => {
      const list = medicationCategories(serviceDrugText(ctx), ctx.service.raw.drugClass);
      return known(list, [`services[${ctx.service.index}] → ${list.length > 0 ? list.join(', ') : 'no known category'}`]);
    },
  }),
  defineFact<string>({
    id: 'medicationUse.form',
    type: 'string',
    description: 'Form of the requested medication: oral, topical, compounded-oral (compounding kit) or injection.',
    reads: ['services[].route', 'services[].drugClass', 'services[].name', 'services[].label'],
    derive: (ctx) => {
      const f = medicationForm(ctx);
      return known(f.form, [f.evidence]);
    },
  }),
  defineFact<number>({
    id: 'medicationUse.refills',
    type: 'number',
    description:
      'Refills the request asks for besides the first fill ("with one refill", "2 refills", "refills x2"); 0 when the request names none (refills are part of what is requested, not a record fact).',
    reads: ['services[].label', 'services[].text'],
    derive: ({ service }) => {
      const path = `services[${service.index}]`;
      for (const field of ['label', 'text'] as const) {
        const text = service.raw[field]?.toLowerCase();
        const m = text ? REFILLS.exec(text) : null;
        if (m) {
          const n = numberWord(m[1] ?? m[2] ?? m[3]!);
          if (n !== undefined) return known(n, [`${path}.${field}: "${m[0]}"`]);
        }
      }
      // refills are part of what is requested: a request that names none asks for none
      return known(0, [`${path}: no refill requested`]);
    },
  }),
  defineFact<number>({
    id: 'medicationUse.quantity',
    type: 'number',
    description:
      'Quantity requested: `quantity` (with `unit` when given), else the amount the label, name or text states with or without a unit ("#60", "#60 grams", "240g", "106.32 g", "120 ml", "30 patches").',
    reads: ['services[].quantity', 'services[].unit', 'services[].label', 'services[].name', 'services[].text'],
    derive: ({ service }) => {
      const path = `services[${service.index}]`;
      if (service.raw.quantity !== undefined)
        return known(service.raw.quantity, [`${path}.quantity = ${service.raw.quantity}${service.raw.unit ? ` ${service.raw.unit}` : ''}`]);
      for (const field of ['label', 'name', 'text'] as const) {
        const text = service.raw[field];
        if (!text) continue;
        const q = quantityWithUnit(text);
        if (q) return known(q.amount, [`${path}.${field} = ${text} (${q.amount}${q.unit ? ` ${q.unit}` : ''})`]);
      }
      const n = quantityInText(service.raw.label);
      return n !== undefined ? known(n, [`${path}.label = ${service.raw.label}`]) : unknown([`${path}: quantity not stated`]);
    },
  }),
  defineFact<boolean>({
    id: 'medicationUse.strengthStated',
    type: 'boolean',
    description:
      'The strength (dose per unit) is stated: `strength`, or in the name, label or text ("750mg", "5%", "1 mg/ml", "25 mcg/hr", a combination such as "10/325"), or implied by the brand (Tylenol #3). Never false.',
    reads: ['services[].strength', 'services[].name', 'services[].label', 'services[].text'],
    derive: ({ service }) => {
      if (service.raw.strength) return known(true, [`services[${service.index}].strength = ${service.raw.strength}`]);
      const words = `${service.raw.name ?? ''} ${service.raw.label ?? ''} ${service.raw.text ?? ''}`;
      const m = STRENGTH_WORDS.exec(words);
      if (m) return known(true, [`services[${service.index}] states ${m[0]}`]);
      const implied = drugsNamed(words.toLowerCase()).find((d) => d.unitStrengthMg !== undefined);
      return implied
        ? known(true, [`services[${service.index}] names ${implied.generic} ${implied.unitStrengthMg} mg (brand strength)`])
        : unknown([`services[${service.index}]: strength not stated`]);
    },
  }),
  defineFact<number>({
    id: 'medicationUse.daysSupply',
    type: 'number',
    description:
      'Days the requested count of tablets lasts: quantity ÷ doses a day from the directions, or at most the labeled maximum doses a day when the directions are not stated.',
    reads: ['services[].quantity', 'services[].unit', 'services[].label', 'services[].text'],
    derive: (ctx) => {
      const s = ctx.service.raw;
      const path = `services[${ctx.service.index}]`;
      const qty = ctx.get<number>('medicationUse.quantity');
      if (qty.value === undefined) return unknown(qty.evidence);
      if (s.unit !== undefined && !COUNTED_UNITS.test(s.unit)) return unknown([`${path}.unit = ${s.unit} (not a count of doses)`]);
      if (s.unit === undefined && medicationForm(ctx).form !== 'oral') return unknown([`${path}: not an oral count of doses`]);
      const stated = unitsPerDayInDirections(`${s.label ?? ''} ${s.text ?? ''}`);
      if (stated !== undefined) return known(Math.round(qty.value / stated), [...qty.evidence, `${path} directions: ${stated} a day`]);
      const maxima = drugsNamed(serviceDrugText(ctx))
        .map((d) => d.maxDosesPerDay)
        .filter((n): n is number => n !== undefined);
      if (maxima.length === 0) return unknown([...qty.evidence, `${path}: directions not stated`]);
      const perDay = Math.min(...maxima);
      return known(Math.round(qty.value / perDay), [
        ...qty.evidence,
        `${path}: directions not stated; at most ${perDay} a day per the labeled dosing`,
      ]);
    },
  }),
  defineFact<readonly string[]>({
    id: 'medicationUse.sameClassOthers',
    type: 'list',
    description:
      "Other drugs of the requested drug's class (muscle relaxant, NSAID, benzodiazepine, hypnotic, anticonvulsant, antidepressant type, PPI, H2 blocker) the worker takes, has used (a treatment naming it) or that are requested with it; a drug that failed or was stopped is not counted. Empty when the medication list shows none; not documented without a medication list.",
    reads: ['medications[]', 'treatments[].text', 'treatments[].outcome', 'services[].name', 'services[].label', 'services[].drugClass'],
    derive: (ctx) => sameClassOthers(ctx),
  }),
  defineFact<boolean>({
    id: 'medicationUse.continuing',
    type: 'boolean',
    description:
      'The requested drug is one the worker already takes or has taken (medications[] or a treatment naming it, or a request to continue/renew it); false when the medication list is given without it; not documented when there is no medication list.',
    reads: ['medications[]', 'treatments[].text', 'services[].label', 'services[].text'],
    derive: (ctx) => {
      const entries = sameDrugEntries(ctx);
      if (entries.length > 0)
        return known(
          true,
          entries.map((e) => `${e.path} = ${e.label}`),
        );
      const words = `${ctx.service.raw.label ?? ''} ${ctx.service.raw.text ?? ''}`.toLowerCase();
      const cont = CONTINUATION_WORDS.exec(words);
      if (cont) return known(true, [`services[${ctx.service.index}] says "${cont[0]}"`]);
      const meds = ctx.request.raw.medications;
      if (meds !== undefined)
        return known(false, [`medications: ${meds.length > 0 ? meds.map((m) => m.name).join(', ') : 'none'} (not the requested drug)`]);
      return unknown(['medications: the current medication list is not documented']);
    },
  }),
  defineFact<boolean>({
    id: 'medicationUse.benefit',
    type: 'boolean',
    description:
      "Benefit from the worker's use of the requested drug so far: functional improvement, or pain relief when function is not stated to be unimproved; false when function did not improve or the drug failed; the record-level functional-improvement flag when nothing specific is stated.",
    reads: BENEFIT_READS,
    derive: (ctx) => benefitOf(sameDrugEntries(ctx), ctx),
  }),
  defineFact<boolean>({
    id: 'medicationUse.painAndFunctionBenefit',
    type: 'boolean',
    description:
      "Both pain relief and functional improvement with the requested drug so far (an improved or partial outcome, and the entry's or the record's functional-improvement flag); false when function did not improve or the drug failed.",
    reads: BENEFIT_READS,
    derive: (ctx) => painAndFunctionOf(sameDrugEntries(ctx), ctx),
  }),
  defineFact<number>({
    id: 'medicationUse.courseDays',
    type: 'number',
    description:
      'Days of use the request would bring the course to: days already taken (when continuing) plus the days the requested supply lasts.',
    reads: ['medications[].durationMonths', 'treatments[].durationWeeks', 'services[].quantity'],
    derive: (ctx) => {
      const supply = ctx.get<number>('medicationUse.daysSupply');
      const continuing = ctx.get<boolean>('medicationUse.continuing');
      if (supply.value === undefined) return unknown(supply.evidence);
      if (continuing.value === false) return known(supply.value, [...supply.evidence, ...continuing.evidence]);
      if (continuing.value === undefined) return unknown(continuing.evidence);
      const prior = sameDrugEntries(ctx).filter((e) => e.days !== undefined);
      if (prior.length === 0) return unknown([...continuing.evidence, 'how long the drug has been taken is not documented']);
      const days = Math.max(...prior.map((e) => e.days!));
      return known(days + supply.value, [...prior.map((e) => `${e.path}: taken about ${e.days} days`), ...supply.evidence]);
    },
  }),
];
