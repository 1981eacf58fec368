// Derives one fact for one service of a small request, for the fact unit tests of the DME,
// surgery, pre-operative and other-services modules.
import { requestSchema } from '../../src/request/schema.js';
import { normalizeRequest } from '../../src/request/normalize.js';
import { FactStore } from '../../src/facts/store.js';
import type { Fact } from '../../src/facts/types.js';

export function derive(request: Record<string, unknown>, factId: string, serviceId?: string): Fact {
  const parsed = requestSchema.parse({ format: 'imr-precheck/request@1', id: 'fact-test', decisionDate: '2017-01-15', ...request });
  const normalized = normalizeRequest(parsed);
  const service = serviceId ? normalized.byId.get(serviceId) : normalized.services[0];
  if (!service) throw new Error(`no service ${serviceId ?? '(first)'}`);
  return new FactStore(normalized, service).get(factId);
}

/** The value only (undefined = not documented). */
export const value = (request: Record<string, unknown>, factId: string, serviceId?: string): unknown => derive(request, factId, serviceId).value;
