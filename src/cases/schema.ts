// `imr-precheck/rule-tests@1`: RuleTester-style tests beside a rule file. A base request that
// meets every criterion, and cases that each patch it (RFC 7396) to meet or fail one criterion.
import { z } from 'zod';
import { expectedItemSchema } from '../request/schema.js';

export const RULE_TESTS_FORMAT = 'imr-precheck/rule-tests@1';

export const CRITERION_STATUSES = ['met', 'unmet', 'not-documented', 'not-stated', 'not-applicable'] as const;

export const ruleExpectationSchema = z.strictObject({
  service: z.string().min(1),
  outcome: z.enum(['upheld', 'overturned', 'not-covered']),
  dependsOn: z.string().nullable().optional(),
  /** Criterion id → status this case must produce (`not-applicable`: the criterion is absent). */
  criteria: z.record(z.string(), z.enum(CRITERION_STATUSES)).optional(),
});

export const ruleTestsSchema = z.strictObject({
  format: z.literal(RULE_TESTS_FORMAT),
  /** The rule file (topic id) these tests exercise. */
  topic: z.string().min(1),
  base: z.strictObject({
    request: z.unknown(),
    expect: z.array(ruleExpectationSchema).min(1),
  }),
  cases: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        patch: z.record(z.string(), z.unknown()),
        expect: z.array(ruleExpectationSchema).min(1),
        notes: z.string().optional(),
      }),
    )
    .min(1),
  notes: z.string().optional(),
});

export type RuleExpectation = z.infer<typeof ruleExpectationSchema>;

/** One expected item, from a letter case or a rule test. */
export type Expectation = z.infer<typeof expectedItemSchema> & { criteria?: RuleExpectation['criteria'] };
