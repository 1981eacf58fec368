// A fact is one thing a rule can read about a request or one of its services, derived once by a
// small pure function, with the request paths it came from. `value: undefined` means the record
// does not document it — never the same as false.
import type { NormalizedRequest, NormalizedService } from '../request/normalize.js';

export type FactValue = boolean | number | string | readonly string[];

export interface Fact<T extends FactValue = FactValue> {
  value: T | undefined;
  /** Request paths (with the value seen) that support the value, e.g. `studies[0].officialReport = false`. */
  evidence: readonly string[];
}

export type FactType = 'boolean' | 'number' | 'string' | 'list';

export interface FactContext {
  readonly request: NormalizedRequest;
  readonly service: NormalizedService;
  /** Another fact's value for the same service (memoized). */
  get<T extends FactValue>(id: string): Fact<T>;
}

export interface FactDefinition<T extends FactValue = FactValue> {
  id: string;
  type: FactType;
  /** What the fact means, in one sentence; shown by `precheck lint --facts` and in docs. */
  description: string;
  /** The request fields it reads (documentation for rule authors). */
  reads: readonly string[];
  /**
   * Parameters of a parameterized fact (src/facts/params.ts): the schema a rule leaf's `params:`
   * is checked against at load, and an example (for tools that derive every fact).
   */
  params?: { schema: import('zod').ZodType; example: unknown };
  derive(ctx: FactContext, params?: unknown): Fact<T>;
}

export const unknown = <T extends FactValue>(evidence: readonly string[] = []): Fact<T> => ({ value: undefined, evidence });
export const known = <T extends FactValue>(value: T, evidence: readonly string[] = []): Fact<T> => ({ value, evidence });

/** Declares a fact with its value type checked at compile time. */
export function defineFact<T extends FactValue>(def: FactDefinition<T>): FactDefinition<T> {
  return def;
}
