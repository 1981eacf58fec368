// Derives facts on demand for one service of one request, each at most once.
import type { NormalizedRequest, NormalizedService } from '../request/normalize.js';
import type { Fact, FactContext, FactValue } from './types.js';
import { FACTS } from './registry.js';

/** Marks a fact being derived, so a fact that (indirectly) reads itself is caught. */
const DERIVING: Fact = Object.freeze({ value: undefined, evidence: [] });

export class FactStore implements FactContext {
  private readonly cache = new Map<string, Fact>();

  constructor(readonly request: NormalizedRequest, readonly service: NormalizedService) {}

  get<T extends FactValue>(id: string): Fact<T> {
    const cached = this.cache.get(id);
    if (cached !== undefined) {
      if (cached === DERIVING) throw new Error(`fact "${id}" depends on itself`);
      return cached as Fact<T>;
    }
    const def = FACTS.get(id);
    if (!def) throw new Error(`unknown fact "${id}"`);
    this.cache.set(id, DERIVING);
    const fact = def.derive(this);
    this.cache.set(id, fact);
    return fact as Fact<T>;
  }
}
