// Derives facts on demand for one service of one request, each at most once.
import type { NormalizedRequest, NormalizedService } from '../request/normalize.js';
import type { Fact, FactContext, FactValue } from './types.js';
import { FACTS } from './registry.js';
import { parseFactKey } from './params.js';
import { recordAsRead } from './record.js';

/** Marks a fact being derived, so a fact that (indirectly) reads itself is caught. */
const DERIVING: Fact = Object.freeze({ value: undefined, evidence: [] });

export class FactStore implements FactContext {
  private readonly cache = new Map<string, Fact>();
  /** The request as the facts read it (record.ts recordAsRead: named exam tests recorded as `other`). */
  readonly request: NormalizedRequest;

  constructor(
    request: NormalizedRequest,
    readonly service: NormalizedService,
  ) {
    this.request = recordAsRead(request);
  }

  get<T extends FactValue>(id: string): Fact<T> {
    const cached = this.cache.get(id);
    if (cached !== undefined) {
      if (cached === DERIVING) throw new Error(`fact "${id}" depends on itself`);
      return cached as Fact<T>;
    }
    // a parameterized fact is read by its key, `id{params}` (validated when the rule loaded)
    const { id: factId, params } = parseFactKey(id);
    const def = FACTS.get(factId);
    if (!def) throw new Error(`unknown fact "${id}"`);
    this.cache.set(id, DERIVING);
    if (def.params && params === undefined) throw new Error(`fact "${id}" takes params: read it by its key (factKey)`);
    const fact = def.params ? def.derive(this, params) : def.derive(this);
    this.cache.set(id, fact);
    return fact as Fact<T>;
  }
}
