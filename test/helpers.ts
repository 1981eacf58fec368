// Builds validated requests and reads facts for unit tests.
import { requestSchema, type Request } from '../src/request/schema.js';
import { factHarness } from './facts/harness.js';

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

/** Fact tests that start from the request above; the one fact-test harness is test/facts/harness.ts. */
export const { fact, value } = factHarness({
  decisionDate: '2016-06-01',
  services: [{ id: 's', kind: 'epidural-steroid-injection', levels: 'L4-5' }],
});
