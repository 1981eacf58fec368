// The comparison operators rule conditions may use. json-rules-engine's built-in operators
// keep their meaning; the custom ones are defined here once, for the compiled evaluator and for
// the json-rules-engine Engine the tests check it against (test/support/jre.ts).

export type OperatorFn = (factValue: unknown, value: unknown) => boolean;

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** json-rules-engine's default operators, same semantics. */
export const BUILT_IN_OPERATORS: Readonly<Record<string, OperatorFn>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => asArray(b).includes(a),
  notIn: (a, b) => !asArray(b).includes(a),
  contains: (a, b) => Array.isArray(a) && a.includes(b),
  doesNotContain: (a, b) => Array.isArray(a) && !a.includes(b),
  lessThan: (a, b) => isNum(a) && isNum(b) && a < b,
  lessThanInclusive: (a, b) => isNum(a) && isNum(b) && a <= b,
  greaterThan: (a, b) => isNum(a) && isNum(b) && a > b,
  greaterThanInclusive: (a, b) => isNum(a) && isNum(b) && a >= b,
};

/**
 * The one operator that reads an undocumented fact: `{fact, operator: documented, value: false}`
 * holds when the record does not state the fact. Every other operator on an undocumented fact
 * is "unknown" (see evaluate.ts).
 */
export const DOCUMENTED = 'documented';

/** Operators json-rules-engine does not have. */
export const CUSTOM_OPERATORS: Readonly<Record<string, OperatorFn>> = {
  [DOCUMENTED]: (a, b) => (a !== undefined) === b,
  /** list fact shares at least one element with the value list */
  containsAny: (a, b) => Array.isArray(a) && asArray(b).some((x) => a.includes(x)),
  /** list fact shares no element with the value list */
  containsNone: (a, b) => Array.isArray(a) && !asArray(b).some((x) => a.includes(x)),
  /** list fact has at least `value` elements */
  lengthAtLeast: (a, b) => Array.isArray(a) && isNum(b) && a.length >= b,
  /** list fact has at most `value` elements */
  lengthAtMost: (a, b) => Array.isArray(a) && isNum(b) && a.length <= b,
};

export const OPERATORS: Readonly<Record<string, OperatorFn>> = { ...BUILT_IN_OPERATORS, ...CUSTOM_OPERATORS };

/** What each operator means, for editors (the rule-file JSON Schema) and `precheck facts`. */
export const OPERATOR_DESCRIPTIONS: Readonly<Record<string, string>> = {
  equal: 'the fact equals the value',
  notEqual: 'the fact is documented and differs from the value',
  in: 'the fact is one of the listed values',
  notIn: 'the fact is documented and none of the listed values',
  contains: 'the list fact contains the value',
  doesNotContain: 'the list fact is documented and does not contain the value',
  lessThan: 'the number fact is below the value',
  lessThanInclusive: 'the number fact is at most the value',
  greaterThan: 'the number fact is above the value',
  greaterThanInclusive: 'the number fact is at least the value',
  [DOCUMENTED]: 'true: the record states the fact; false: it does not (the only operator that reads an absent fact)',
  containsAny: 'the list fact shares at least one element with the value list',
  containsNone: 'the list fact is documented and shares no element with the value list',
  lengthAtLeast: 'the list fact has at least this many elements',
  lengthAtMost: 'the list fact has at most this many elements',
};
