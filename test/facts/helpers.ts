// Kept so that branches written before test/facts/harness.ts still run; new tests import ./harness.js.
export { value, fact, request, type RequestFields as RequestInput } from './harness.js';
