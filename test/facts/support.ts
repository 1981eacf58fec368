// Builds a fact store for one service of a small request, validated against the request schema,
// so fact tests read facts exactly as the engine does.
import { requestSchema, type Request } from '../../src/request/schema.js';
import { normalizeRequest } from '../../src/request/normalize.js';
import { FactStore } from '../../src/facts/store.js';
import type { FactValue } from '../../src/facts/types.js';

type Draft = Omit<Request, 'format' | 'id'> & { id?: string };

/** The value of a fact for the first service (or `serviceId`) of a request. */
export function fact<T extends FactValue>(draft: Draft, id: string, serviceId?: string): T | undefined {
  const request = requestSchema.parse({ format: 'imr-precheck/request@1', id: 'fact-test', decisionDate: '2017-01-15', ...draft });
  const normalized = normalizeRequest(request, '2017-01-15');
  const service = serviceId ? normalized.byId.get(serviceId)! : normalized.services[0]!;
  return new FactStore(normalized, service).get<T>(id).value;
}
