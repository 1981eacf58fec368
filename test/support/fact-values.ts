// Fact values for property tests of conditions, drawn from what the pack's own conditions compare
// each fact with (every enum value, each numeric threshold and its neighbours), so that generated
// facts reach both sides of the comparisons rather than values no rule mentions.
import fc from 'fast-check';
import { FACTS } from '../../src/facts/registry.js';
import { leavesOf } from '../../src/rules/leaf-types.js';
import type { Condition } from '../../src/rules/schema.js';

type Scalar = string | number | boolean;

function comparedValues(conditions: readonly Condition[]): Map<string, Set<Scalar>> {
  const out = new Map<string, Set<Scalar>>();
  for (const c of conditions) {
    for (const { leaf } of leavesOf(c)) {
      const set = out.get(leaf.fact) ?? new Set<Scalar>();
      out.set(leaf.fact, set);
      const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
      for (const v of values) {
        if (typeof v === 'number') {
          set.add(v - 1);
          set.add(v);
          set.add(v + 1);
        } else if (typeof v === 'string' || typeof v === 'boolean') set.add(v);
      }
    }
  }
  return out;
}

/**
 * An arbitrary value for each fact the conditions read, of the fact's registered type;
 * `undocumented` (a frequency, 0 for none) mixes in undefined, the record not stating it.
 */
export function factValues(conditions: readonly Condition[], undocumented: number): (id: string) => fc.Arbitrary<unknown> {
  const compared = comparedValues(conditions);
  return (id) => {
    // a fact with params is read by its key: the fact id, then the params as JSON
    const type = FACTS.get(id.split('{')[0]!)!.type;
    const seen = [...(compared.get(id) ?? [])];
    const strings = [...seen.filter((v): v is string => typeof v === 'string'), 'something-else'];
    const numbers = [...seen.filter((v): v is number => typeof v === 'number'), 0, 150];
    const value: fc.Arbitrary<unknown> =
      type === 'boolean'
        ? fc.boolean()
        : type === 'number'
          ? fc.oneof(fc.constantFrom(...numbers), fc.integer({ min: 0, max: 150 }))
          : type === 'list'
            ? listOf(
                strings,
                seen.filter((v): v is number => typeof v === 'number'),
              )
            : fc.constantFrom(...strings);
    return undocumented > 0 ? fc.option(value, { nil: undefined, freq: undocumented }) : value;
  };
}

/** Lists of the compared elements, padded with others up to past the longest length a rule counts to. */
function listOf(elements: string[], lengths: number[]): fc.Arbitrary<string[]> {
  const longest = Math.max(3, ...lengths) + 1;
  const pool = [...elements, ...Array.from({ length: Math.max(0, longest - elements.length) }, (_, i) => `other-${i}`)];
  return fc.subarray(pool, { maxLength: longest });
}
