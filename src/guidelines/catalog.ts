// The citation catalog: one YAML file per guideline source in guidelines/, holding its
// editions (with effective dates) and the sections and pages rules cite. Rules cite by
// reference, `MTUS-CPMTG#esi`; an unknown reference fails loading.
import { z } from 'zod';
import { dateSchema } from '../request/schema.js';
import { dayNumber } from '../util/dates.js';

export const SOURCE_IDS = ['MTUS-CPMTG', 'MTUS-ACOEM', 'MTUS-PSTG', 'MTUS-AMTG', 'MTUS-OTG', 'ODG', 'DHCS', 'OTHER'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

/**
 * California's strength-of-evidence order (8 CCR 9792.21 / 9792.25): the MTUS is presumptively
 * correct; where it is silent, ODG; then other evidence-based guidelines and criteria.
 */
export const TIERS = ['mtus', 'odg', 'other'] as const;
export type Tier = (typeof TIERS)[number];

const editionSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  effective: dateSchema.optional(),
  supersededOn: dateSchema.optional(),
  supersededBy: z.string().optional(),
  citedAs: z.array(z.string()).optional(),
  notes: z.string().optional(),
});

const editionOverrideSchema = z.strictObject({
  section: z.string().optional(),
  topic: z.string().optional(),
  pages: z.string().optional(),
  confirmedBy: z.array(z.string()).optional(),
  unconfirmed: z.string().optional(),
});

const sectionSchema = z.strictObject({
  section: z.string().min(1),
  topic: z.string().optional(),
  /** Pages in the source's first edition (or `pagesEdition`); other editions give their own under `byEdition`. */
  pages: z.string().optional(),
  pagesEdition: z.string().optional(),
  /** Where a later edition titles or paginates the section differently (pages do not carry over). */
  byEdition: z.record(z.string(), editionOverrideSchema).optional(),
  /** Where the section/pages were confirmed: letters that cite them, or a public source. */
  confirmedBy: z.array(z.string()).optional(),
  unconfirmed: z.string().optional(),
  url: z.string().optional(),
  notes: z.string().optional(),
});

export const sourceFileSchema = z.strictObject({
  id: z.enum(SOURCE_IDS),
  title: z.string().min(1),
  tier: z.enum(TIERS),
  regulation: z.string().optional(),
  editions: z.array(editionSchema).min(1),
  sections: z.record(z.string().regex(/^[a-z0-9][a-z0-9.-]*$/), sectionSchema),
  notes: z.string().optional(),
});

export type SourceFile = z.infer<typeof sourceFileSchema>;
export type Edition = z.infer<typeof editionSchema>;

/** A resolved citation, as results carry it. */
export interface Citation {
  source: SourceId;
  section: string;
  topic?: string;
  pages?: string;
  edition?: string;
  /** Catalog reference it came from, e.g. `MTUS-CPMTG#esi`. */
  ref: string;
}

export class Catalog {
  private readonly sources = new Map<string, SourceFile>();
  /** Editions by effective day, oldest first (undated editions count as always in force). */
  private readonly editionDays = new Map<string, { edition: Edition; day: number }[]>();
  // Memos: the catalog is immutable once built, and the same few dates and references recur.
  private readonly inForceMemo = new Map<string, Edition | null>();
  private readonly resolveMemo = new Map<string, Citation | null>();

  constructor(files: readonly SourceFile[]) {
    for (const f of files) {
      this.sources.set(f.id, f);
      const days = f.editions.map((edition) => ({ edition, day: edition.effective ? dayNumber(edition.effective) : -Infinity }));
      this.editionDays.set(
        f.id,
        days.sort((a, b) => a.day - b.day),
      );
    }
  }

  source(id: string): SourceFile | undefined {
    return this.sources.get(id);
  }

  allSources(): SourceFile[] {
    return [...this.sources.values()];
  }

  /** Every `SOURCE#section` reference the catalog defines. */
  allRefs(): string[] {
    return this.allSources().flatMap((s) => Object.keys(s.sections).map((k) => `${s.id}#${k}`));
  }

  /**
   * Resolves `MTUS-CPMTG#esi` as cited under an edition (default: the source's first edition);
   * undefined when the source or section is unknown. Pages are given only for the edition they
   * belong to: a re-paginated edition without its own pages gets none.
   */
  resolve(ref: string, editionId?: string): Citation | undefined {
    const memoKey = `${ref}@${editionId ?? ''}`;
    const memo = this.resolveMemo.get(memoKey);
    if (memo !== undefined) return memo ?? undefined;
    const found = this.resolveUncached(ref, editionId);
    const citation = found ? Object.freeze(found) : undefined;
    this.resolveMemo.set(memoKey, citation ?? null);
    return citation;
  }

  private resolveUncached(ref: string, editionId?: string): Citation | undefined {
    const [sourceId, key] = ref.split('#') as [string, string | undefined];
    const source = this.sources.get(sourceId);
    const section = key === undefined ? undefined : source?.sections[key];
    if (!source || !section) return undefined;
    const edition = editionId ?? source.editions[0]!.id;
    const override = section.byEdition?.[edition];
    const pagesEdition = section.pagesEdition ?? source.editions[0]!.id;
    const pages = override?.pages ?? (edition === pagesEdition ? section.pages : undefined);
    const topic = override?.topic ?? section.topic;
    return {
      source: source.id,
      section: override?.section ?? section.section,
      ...(topic ? { topic } : {}),
      ...(pages ? { pages } : {}),
      ref,
    };
  }

  tier(sourceId: string): Tier {
    return this.sources.get(sourceId)?.tier ?? 'other';
  }

  /** The edition of a source in force on a date: the latest whose effective date is on or before it. */
  editionInForce(sourceId: string, date: string): Edition | undefined {
    const memoKey = `${sourceId}@${date}`;
    const memo = this.inForceMemo.get(memoKey);
    if (memo !== undefined) return memo ?? undefined;
    const day = dayNumber(date);
    const inForce = (this.editionDays.get(sourceId) ?? []).filter((e) => e.day <= day).at(-1)?.edition;
    if (this.inForceMemo.size > 100_000) this.inForceMemo.clear();
    this.inForceMemo.set(memoKey, inForce ?? null);
    return inForce;
  }
}
