// Drug names: the coarse class a medication request may state (`drugClass`), and a finer
// dictionary of the drugs the guidelines name (vocab/drugs.yaml: generic, brands, category,
// labeled dosing), for requests that name a drug without stating its class. A name that
// matches nothing stays unclassified (the rules then abstain).
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadDocuments } from '../request/load.js';
import { fromZodIssues, InputError } from '../request/issues.js';
import { allowedKeysAt } from '../request/validate.js';

export interface Drug {
  /** Generic name (for a compounding kit, the kit's name). */
  generic: string;
  categories: readonly DrugCategory[];
  /** Generic and brand names, lower case. */
  pattern: RegExp;
  /** Most doses a day the labeled dosing allows (the guideline's dosing paragraph), for the length of a supply. */
  maxDosesPerDay?: number;
  /** Active ingredients of a kit or fixed combination named by brand. */
  contains?: readonly string[];
  /** Oral morphine equivalent of 1 mg (fentanyl: of 1 mcg/hr transdermal), for the daily morphine-equivalent dose. */
  morphineFactor?: number;
  /** Strength of one unit when the brand implies it (Tylenol #3 = 30 mg codeine). */
  unitStrengthMg?: number;
  /** An opioid given as a patch: a transdermal form stays in the opioid class. */
  transdermal?: true;
}

/** Categories the medication rules tell apart (finer than the request's `drugClass`). */
export const DRUG_CATEGORIES = [
  'opioid',
  'oral-corticosteroid',
  'muscle-relaxant',
  'nsaid',
  'cox2-inhibitor',
  'acetaminophen',
  'aspirin',
  'anticoagulant',
  'antiplatelet',
  'ppi',
  'h2-blocker',
  'gi-protectant',
  'antidepressant',
  'tricyclic',
  'snri',
  'ssri',
  'anticonvulsant',
  'benzodiazepine',
  'hypnotic',
  'sedating-antihistamine',
  'antiemetic',
  'laxative',
  'oic-prescription',
  'barbiturate-analgesic',
  'medical-food',
  'pde5-inhibitor',
  'nitrate',
  'local-anesthetic',
  'capsaicin',
  'salicylate',
  'counterirritant',
  'nmda-antagonist',
  'corticosteroid',
  'compounding-kit',
] as const;
export type DrugCategory = (typeof DRUG_CATEGORIES)[number];

/** Treatment kinds (request `treatments[].kind`) that record a course of medication, not a procedure or therapy. */
export const DRUG_TREATMENT_KINDS: ReadonlySet<string> = new Set([
  'nsaid',
  'muscle-relaxant',
  'neuropathic-medication',
  'opioid',
  'oral-corticosteroid',
  'topical-medication',
]);

const positive = z.number().positive();
const regexSource = z
  .string()
  .min(1)
  .refine(
    (src) => {
      try {
        new RegExp(src);
        return true;
      } catch {
        return false;
      }
    },
    { error: 'expected a valid regular expression' },
  );
const drugEntrySchema = z
  .strictObject({
    generic: z.string().min(1),
    categories: z.array(z.enum(DRUG_CATEGORIES)).min(1),
    names: z
      .array(
        z
          .string()
          .min(1)
          .regex(/^[a-z0-9 .&'-]+$/, {
            error: 'expected lower-case letters, digits, spaces, ".", "&", "\'" or "-" (use pattern: for anything else)',
          }),
      )
      .min(1)
      .optional(),
    pattern: regexSource.optional(),
    maxDosesPerDay: z.number().int().positive().optional(),
    morphineFactor: positive.optional(),
    unitStrengthMg: positive.optional(),
    contains: z.array(z.string().min(1)).min(1).optional(),
    transdermal: z.literal(true).optional(),
  })
  .refine((d) => (d.names === undefined) !== (d.pattern === undefined), { error: 'expected exactly one of names: or pattern:' });
const drugFileSchema = z.strictObject({ drugs: z.array(drugEntrySchema).min(1) });

/** The drug vocabulary file, beside rules/ and guidelines/ at the project root. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DRUGS_FILE = join(PROJECT_ROOT, 'vocab', 'drugs.yaml');
/** The validated vocabulary, written at build (parsing the YAML costs more than the rest of a CLI start). */
const DRUGS_CACHE_FILE = join(PROJECT_ROOT, 'dist', 'drugs.cache.json');
type DrugEntry = z.infer<typeof drugEntrySchema>;

const escape = (name: string): string => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Parses and validates the vocabulary text; every problem is reported with file, line and path. */
function validatedEntries(text: string, name: string): DrugEntry[] {
  const doc = loadDocuments(text, name)[0];
  if (!doc) throw new InputError([{ file: name, path: '', code: 'empty', message: 'empty file' }]);
  const result = drugFileSchema.safeParse(doc.data, { reportInput: true });
  if (!result.success) {
    throw new InputError(
      fromZodIssues(name, result.error.issues, (p) => allowedKeysAt(drugFileSchema, p)).map((issue) => {
        const loc = doc.locate(
          issue.path
            .split(/[.[\]]+/)
            .filter(Boolean)
            .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg)),
        );
        return loc ? { ...issue, line: loc.line, column: loc.column } : issue;
      }),
    );
  }
  return result.data.drugs;
}

/** Entries validated at build for exactly this text, if the cache holds them. */
function cachedEntries(digest: string): DrugEntry[] | undefined {
  try {
    const cache = JSON.parse(readFileSync(DRUGS_CACHE_FILE, 'utf8')) as { sha256?: string; drugs?: DrugEntry[] };
    return cache.sha256 === digest ? cache.drugs : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the drug vocabulary (the build's validated copy when the file is unchanged). */
export function loadDrugs(file: string = DRUGS_FILE): Drug[] {
  const text = readFileSync(file, 'utf8');
  const entries =
    (file === DRUGS_FILE ? cachedEntries(sha256(text)) : undefined) ?? validatedEntries(text, relative(process.cwd(), file) || file);
  return entries.map(({ names, pattern, ...d }) => ({ ...d, pattern: new RegExp(pattern ?? names!.map(escape).join('|')) }));
}

/** Build step: validates vocab/drugs.yaml and writes the copy loadDrugs reads. */
export function writeDrugsCache(): void {
  const text = readFileSync(DRUGS_FILE, 'utf8');
  writeFileSync(
    DRUGS_CACHE_FILE,
    JSON.stringify({ sha256: sha256(text), drugs: validatedEntries(text, relative(PROJECT_ROOT, DRUGS_FILE)) }),
  );
}

let drugs: readonly Drug[] | undefined;
/** The drugs the medication rules name (vocab/drugs.yaml), loaded on first use so a broken file is reported as an input error, not at import. */
export function allDrugs(): readonly Drug[] {
  drugs ??= loadDrugs();
  return drugs;
}

const namedMemo = new Map<string, Drug[]>();

/** The drugs a text names (name, label or free text of a medication). Memoized: names recur. */
export function drugsNamed(text: string): Drug[] {
  let found = namedMemo.get(text);
  if (!found) {
    const t = text.toLowerCase();
    found = allDrugs().filter((d) => d.pattern.test(t));
    if (namedMemo.size > 10_000) namedMemo.clear();
    namedMemo.set(text, found);
  }
  return found;
}

/** Generic names of the active ingredients a text names (kits expanded to what they contain). */
export function ingredientsNamed(text: string): string[] {
  return [...new Set(drugsNamed(text).flatMap((d) => d.contains ?? [d.generic]))];
}

/** Categories of the drugs a text names. */
export function categoriesNamed(text: string): DrugCategory[] {
  return [...new Set<DrugCategory>(drugsNamed(text).flatMap((d) => d.categories))];
}

/** The request vocabulary's coarse class for a category, where it has one. */
const COARSE: Partial<Record<DrugCategory, string>> = {
  'muscle-relaxant': 'muscle-relaxant',
  anticonvulsant: 'neuropathic',
  tricyclic: 'neuropathic',
  snri: 'neuropathic',
  nsaid: 'nsaid',
};
const COARSE_ORDER = ['muscle-relaxant', 'neuropathic', 'nsaid'];

// whole words: "ointment" must not match inside "appointments"
const TOPICAL_FORM =
  /\b(creams?|gels?|ointments?|lotions?|patch(es)?|lidoderm|topical|compound(ed)?|transdermal|salonpas|terocin|flector)\b/i;

/** The request vocabulary's `drugClass` for a drug name (opioid, nsaid, muscle-relaxant, …). */
export function drugClassOfName(name: string, route?: string): string | undefined {
  const drugs = drugsNamed(name);
  if (route === 'topical' || route === 'transdermal' || TOPICAL_FORM.test(name)) {
    return drugs.some((d) => d.transdermal === true) ? 'opioid' : 'topical';
  }
  if (drugs.some((d) => d.categories.includes('opioid'))) return 'opioid';
  if (drugs.some((d) => d.categories.includes('oral-corticosteroid'))) return 'oral-corticosteroid';
  const classes = new Set(drugs.flatMap((d) => d.categories.map((c) => COARSE[c]).filter((c): c is string => c !== undefined)));
  return COARSE_ORDER.find((c) => classes.has(c));
}
