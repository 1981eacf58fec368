// Parameterized facts (json-rules-engine's `params`): one fact for a family of questions that
// differ only in an argument ("did <these treatments> fail for the region?"). A rule leaf gives
// `params:`; the loader checks them against the fact's zod schema and folds them into the fact
// key the evaluator reads (`careTrial.failed{"kinds":["chiropractic"]}`), so each parameter set
// is derived once per service like any other fact.
import type { z } from 'zod';
import type { Fact, FactContext, FactDefinition, FactType, FactValue } from './types.js';

/** Sorted-key JSON, so equal parameters give one key. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** The key a leaf reads: the fact id, then its (validated) parameters as canonical JSON. */
export function factKey(id: string, params: unknown): string {
  return params === undefined ? id : `${id}${JSON.stringify(canonical(params))}`;
}

/** The fact id and parameters of a key (`id` alone for a plain fact). */
/** The key of a fact with its example params (a plain fact: its id), for tools that derive every fact. */
export function exampleKey(def: FactDefinition): string {
  return def.params ? factKey(def.id, def.params.schema.parse(def.params.example)) : def.id;
}

export function parseFactKey(key: string): { id: string; params?: unknown } {
  const brace = key.indexOf('{');
  return brace < 0 ? { id: key } : { id: key.slice(0, brace), params: JSON.parse(key.slice(brace)) as unknown };
}

export interface ParamsFactDefinition<T extends FactValue, P> {
  id: string;
  type: FactType;
  description: string;
  reads: readonly string[];
  /** The parameters a rule passes, validated at load time (file:line:col on a mistake), and an example. */
  params: { schema: z.ZodType<P>; example: unknown };
  derive(ctx: FactContext, params: P): Fact<T>;
}

/** Declares a parameterized fact; its parameters are checked by `params` before any derive. */
export function defineParamsFact<T extends FactValue, P>(def: ParamsFactDefinition<T, P>): FactDefinition<T> {
  return def;
}
