// Generated conditions over a few facts, with every combinator (the pack may not use them all:
// it has no `not` today) and every operator, for properties of the evaluator.
import fc from 'fast-check';
import { OPERATORS, DOCUMENTED } from '../../src/rules/operators.js';
import type { Condition } from '../../src/rules/schema.js';

export const FACT_IDS = ['g.number', 'g.other', 'g.flag', 'g.word', 'g.list'] as const;

const comparison: fc.Arbitrary<Condition> = fc.record({
  fact: fc.constantFrom(...FACT_IDS),
  operator: fc.constantFrom(...Object.keys(OPERATORS).filter((op) => op !== DOCUMENTED)),
  value: fc.oneof(
    fc.constantFrom<unknown>(true, false, 1, 2, 3, 'a', 'b'),
    fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
    fc.constantFrom(...FACT_IDS).map((fact) => ({ fact })),
  ),
});
// `documented` takes true or false only (the rule-file check rejects anything else)
const documented: fc.Arbitrary<Condition> = fc.record({
  fact: fc.constantFrom(...FACT_IDS),
  operator: fc.constant(DOCUMENTED),
  value: fc.boolean(),
});
const leaf = fc.oneof(comparison, documented);

export const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }) as fc.Arbitrary<Condition>,
    fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }) as fc.Arbitrary<Condition>,
    fc.record({ not: tie('condition') }) as fc.Arbitrary<Condition>,
  ),
})).condition;

/** Values for the generated facts, each possibly undocumented. */
export const generatedFactsArb: fc.Arbitrary<Record<string, unknown>> = fc.record(
  Object.fromEntries(
    FACT_IDS.map((id) => [
      id,
      fc.option(fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 4 }), fc.constantFrom('a', 'b'), fc.subarray(['a', 'b', 'c'])), {
        nil: undefined,
        freq: 3,
      }),
    ]),
  ),
);
