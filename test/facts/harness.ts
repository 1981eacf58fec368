// The one way fact unit tests build a request and read a fact: the test's fields over a small
// default request, validated against the request schema and normalized exactly as the engine
// does, then one fact derived (memoized with the facts it reads) for one service.
//
//   import { value } from './harness.js';                      default request (below)
//   const { value } = factHarness({ decisionDate: '2016-06-01', services: [esi] });   other defaults
import { requestSchema, type Request } from '../../src/request/schema.js';
import { normalizeRequest } from '../../src/request/normalize.js';
import { FactStore } from '../../src/facts/store.js';
import type { Fact, FactValue } from '../../src/facts/types.js';

/** A test's request fields; `services` replaces the default service. */
export type RequestFields = Record<string, unknown>;

export interface HarnessDefaults {
  /** The date the rules are applied at (fact values that count time depend on it). */
  decisionDate?: string;
  /** The services when the test gives none. */
  services?: readonly unknown[];
}

const DEFAULTS: Required<HarnessDefaults> = {
  decisionDate: '2017-01-15',
  services: [{ id: 'svc', kind: 'physical-therapy', region: 'lumbar', quantity: 6 }],
};

export function factHarness(defaults: HarnessDefaults = {}) {
  const { decisionDate, services } = { ...DEFAULTS, ...defaults };
  /** A valid request: the fields over the defaults. */
  const request = (fields: RequestFields = {}): Request =>
    requestSchema.parse({ format: 'imr-precheck/request@1', id: 'fact-test', decisionDate, services, ...fields });
  /** The fact store of one service (default: the first). */
  const factsFor = (fields: RequestFields, serviceId?: string): FactStore => {
    const normalized = normalizeRequest(request(fields));
    const service = serviceId ? normalized.byId.get(serviceId) : normalized.services[0];
    if (!service) throw new Error(`the test request has no service ${serviceId ?? '(none at all)'}`);
    return new FactStore(normalized, service);
  };
  /** The fact's value and evidence. */
  const fact = <T extends FactValue = FactValue>(fields: RequestFields, id: string, serviceId?: string): Fact<T> =>
    factsFor(fields, serviceId).get<T>(id);
  /** The fact's value (undefined: not documented). */
  const value = <T extends FactValue = FactValue>(fields: RequestFields, id: string, serviceId?: string): T | undefined =>
    fact<T>(fields, id, serviceId).value;
  return { request, factsFor, fact, value };
}

export const { request, factsFor, fact, value } = factHarness();
