// The rule-file format: one YAML file per guideline topic. Conditions use json-rules-engine's
// condition format (all / any / not / {fact, operator, value}), so a rule author who knows
// json-rules-engine can read them and the compiler can hand them to it unchanged.
import { z } from 'zod';
import { SERVICE_KINDS } from '../request/vocabulary.js';

/**
 * The condition the engine evaluates: json-rules-engine's all / any / not / leaf. Rule files are
 * written in `WrittenCondition`, which the loader resolves to this form (pack.ts): named
 * conditions inlined, `undocumented:` lowered, `params` folded into the fact key.
 */
export type Condition =
  { all: Condition[] } | { any: Condition[] } | { not: Condition } | { fact: string; operator: string; value: unknown };

/**
 * What a leaf is when its fact is not documented:
 * - `not-documented` (default): unknown, so the criterion is not-documented;
 * - `omit`: the criterion is omitted (an exclusion raised only when the record states the fact);
 *   only in a criterion's `condition`, as the condition itself or an alternative of its top `any`;
 * - `unmet`: false (silence fails the criterion); never under a `not` of a criterion's condition;
 * - `met`: true; only in a `when` ("unless the record says so"), never in a criterion's condition.
 */
export const UNDOCUMENTED = ['not-documented', 'omit', 'unmet', 'met'] as const;
export type Undocumented = (typeof UNDOCUMENTED)[number];

export type WrittenLeaf = { fact: string; operator: string; value: unknown; params?: Record<string, unknown>; undocumented?: Undocumented };
export type WrittenCondition =
  { all: WrittenCondition[] } | { any: WrittenCondition[] } | { not: WrittenCondition } | { condition: string } | WrittenLeaf;

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const factRef = z.strictObject({ fact: z.string() });
const conditionName = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected a lower-case name such as no-serious-red-flag' });

export const leafSchema = z.strictObject({
  fact: z.string().min(1),
  /** Parameters of a parameterized fact (checked against the fact's declared params). */
  params: z.record(z.string(), z.unknown()).optional(),
  operator: z.string().min(1),
  value: z.union([scalar, z.array(scalar), factRef]),
  /** What the leaf is when the fact is not documented (default `not-documented`); see docs/rule-authoring.md. */
  undocumented: z.enum(UNDOCUMENTED).optional(),
});

/** A named shared condition (rules/conditions.yaml), resolved at load time. */
export const namedConditionRefSchema = z.strictObject({ condition: conditionName });

export const conditionSchema: z.ZodType<WrittenCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    namedConditionRefSchema,
    leafSchema,
  ]),
);

const citationRef = z
  .string()
  .regex(/^[A-Z][A-Z-]+#[a-z0-9][a-z0-9.-]*$/, { error: 'expected a catalog reference such as MTUS-CPMTG#esi' });
const citationRefs = z.union([citationRef, z.array(citationRef).min(1)]);
const editionRef = z.string().regex(/^[A-Z][A-Z-]+@[A-Za-z0-9.-]+$/, { error: 'expected SOURCE@edition, e.g. MTUS-CPMTG@2009' });

/**
 * A guideline reference that applies only when its condition holds (ODG Knee for knee services)
 * or only under given editions (the section reviewers cite under the 2016 MTUS).
 */
const guidelineEntry = z.union([
  citationRef,
  z.strictObject({ ref: citationRef, when: conditionSchema.optional(), editions: z.array(editionRef).optional() }),
]);

export const criterionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, { error: 'expected a dotted lower-case id such as esi.radiculopathy-corroborated' }),
  text: z.string().min(1),
  citation: citationRefs,
  /** Applicability: when false the criterion does not apply to this service (omitted). */
  when: conditionSchema.optional(),
  /** Editions (`SOURCE@edition`) that state this criterion; it applies only when one is in force. */
  editions: z.array(editionRef).optional(),
  condition: conditionSchema,
  /** Rationale sentence when the record shows the criterion is not met. */
  unmet: z.string().min(1),
  /** Rationale sentence when the record does not document what the criterion needs. */
  notDocumented: z.string().min(1),
  /** What to document so the criterion is met ("to overturn, document …"). */
  toOverturn: z.string().min(1).optional(),
  /** `not-recommended`: when unmet, no documentation can make the service necessary. */
  unmetMeans: z.enum(['missing-criterion', 'not-recommended']).optional(),
  /**
   * How the procedure is to be performed (e.g. under fluoroscopy): reviewers presume it when the
   * request is silent, so `not-documented` is reported but does not decide the outcome.
   */
  presumed: z.boolean().optional(),
  notes: z.string().optional(),
});

export const ruleFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  /** The question as a reviewer names it, e.g. "epidural steroid injections" (used in "MTUS does not address …"). */
  question: z.string().min(1),
  appliesTo: z.strictObject({
    kinds: z.array(z.enum(SERVICE_KINDS)).min(1),
    when: conditionSchema.optional(),
    /**
     * Procedures the topic decides (names of the procedure vocabulary, `surgicalIndication.procedures`):
     * a service that names none of them outright is not judged by this topic. `unspecified` stands
     * for a request that names no procedure at all ("shoulder arthroscopy").
     */
    procedures: z
      .array(z.string().regex(/^[a-z0-9-]+$/))
      .min(1)
      .optional(),
    /** What the topic covers, in words ("rotator cuff repair for a full-thickness tear …"); names the topics in a not-covered reason. */
    covers: z.string().min(1).optional(),
    /** Also decide services requested `for:` a primary, once the primary is medically necessary. */
    associated: z.boolean().optional(),
  }),
  /** Catalog references a reviewer would put on the guideline line; the engine picks the highest source in force. */
  guideline: z.union([guidelineEntry, z.array(guidelineEntry).min(1)]),
  /** Editions whose text the criteria implement, as `SOURCE@edition`. */
  editions: z.array(editionRef).min(1),
  /** Why the MTUS is silent, when the guideline is not an MTUS source. */
  mtusSilent: z.string().optional(),
  /** What the guideline says of the service overall; opens every rationale. */
  statement: z.string().min(1),
  criteria: z.array(criterionSchema).min(1),
  limitations: z.array(z.string()).optional(),
  notes: z.string().optional(),
});

export const packFileSchema = z.strictObject({
  name: z.string(),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  description: z.string().optional(),
  /** Topics whose numeric thresholds must each be pinned by a case at their edge (see `precheck lint`). */
  pinnedThresholds: z.array(z.string()).optional(),
});

/** rules/conditions.yaml: conditions several topics share, named once with their meaning and source. */
export const namedConditionSchema = z.strictObject({
  /** What the condition means, in one sentence (shown by editors and in the rule-file schema). */
  description: z.string().min(1),
  /** Where the idea comes from: catalog references. */
  citation: citationRefs.optional(),
  condition: conditionSchema,
  notes: z.string().optional(),
});

export const conditionsFileSchema = z.strictObject({
  conditions: z.record(conditionName, namedConditionSchema),
});

export type ConditionsFile = z.infer<typeof conditionsFileSchema>;
export type RuleFile = z.infer<typeof ruleFileSchema>;
export type CriterionSpec = z.infer<typeof criterionSchema>;
