// Kept so that branches written before test/facts/harness.ts still run; new tests import ./harness.js.
import { factHarness } from './harness.js';

export type RequestInput = Omit<Partial<Request>, 'services'> & { services: Request['services'] };

export function factsFor(input: RequestInput, serviceId?: string): FactStore {
  const request = normalizeRequest({ format: 'imr-precheck/request@1', id: 'fact-test', decisionDate: '2016-06-01', ...input });
  const service = serviceId ? request.byId.get(serviceId)! : request.services[0]!;
  return new FactStore(request, service);
}

export const value = (input: RequestInput, fact: string, serviceId?: string): unknown => factsFor(input, serviceId).get(fact).value;
