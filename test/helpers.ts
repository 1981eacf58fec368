// Builds validated requests and reads facts for unit tests.
import { requestSchema, type Request } from '../src/request/schema.js';
import { normalizeRequest } from '../src/request/normalize.js';
import { FactStore } from '../src/facts/store.js';
import type { Fact, FactValue } from '../src/facts/types.js';

type Partial = Record<string, unknown>;

/** A valid request: the given fields over a one-service default; `services` replaces the default. */
export function makeRequest(fields: Partial = {}): Request {
  return requestSchema.parse({
    format: 'imr-precheck/request@1',
    id: 'unit',
    decisionDate: '2016-06-01',
    services: [{ id: 's', kind: 'epidural-steroid-injection', levels: 'L4-5' }],
    ...fields,
  });
}

/** The fact's value and evidence for a service (default: the first) of a request. */
export function fact<T extends FactValue = FactValue>(fields: Partial, id: string, serviceId?: string): Fact<T> {
  const request = normalizeRequest(makeRequest(fields));
  const service = serviceId ? request.byId.get(serviceId)! : request.services[0]!;
  return new FactStore(request, service).get<T>(id);
}

export const value = <T extends FactValue = FactValue>(fields: Partial, id: string, serviceId?: string): T | undefined => fact<T>(fields, id, serviceId).value;
