// Builds a validated request from a partial one and reads a fact for one of its services.
import { requestSchema, type Request } from '../../src/request/schema.js';
import { normalizeRequest } from '../../src/request/normalize.js';
import { FactStore } from '../../src/facts/store.js';
import type { Fact, FactValue } from '../../src/facts/types.js';

export type RequestInput = Omit<Partial<Request>, 'services'> & { services?: unknown[] };

export function request(input: RequestInput): Request {
  return requestSchema.parse({
    format: 'imr-precheck/request@1',
    id: 'fact-test',
    decisionDate: '2017-01-15',
    services: [{ id: 'svc', kind: 'physical-therapy', region: 'lumbar', quantity: 6 }],
    ...input,
  });
}

/** The fact's value and evidence for the service `serviceId` (default: the first service). */
export function fact<T extends FactValue = FactValue>(input: RequestInput, id: string, serviceId?: string): Fact<T> {
  const normalized = normalizeRequest(request(input));
  const service = serviceId ? normalized.byId.get(serviceId)! : normalized.services[0]!;
  return new FactStore(normalized, service).get<T>(id);
}

export const value = (input: RequestInput, id: string, serviceId?: string): FactValue | undefined => fact(input, id, serviceId).value;
