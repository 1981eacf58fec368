// Derives facts on demand for one service of one request, each at most once.
import type { NormalizedRequest, NormalizedService } from '../request/normalize.js';
import type { Fact, FactContext, FactValue } from './types.js';
import { FACTS } from './registry.js';

export class FactStore implements FactContext {
  private readonly cache = new Map<string, Fact>();
  private readonly deriving = new Set<string>();

  constructor(readonly request: NormalizedRequest, readonly service: NormalizedService) {}

  get<T extends FactValue>(id: string): Fact<T> {
    const cached = this.cache.get(id);
    if (cached) return cached as Fact<T>;
    const def = FACTS.get(id);
    if (!def) throw new Error(`unknown fact "${id}"`);
    if (this.deriving.has(id)) throw new Error(`fact "${id}" depends on itself`);
    this.deriving.add(id);
    try {
      const fact = def.derive(this);
      this.cache.set(id, fact);
      return fact as Fact<T>;
    } finally {
      this.deriving.delete(id);
    }
  }
}
