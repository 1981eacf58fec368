// Kept so that branches written before test/facts/harness.ts still run; new tests import ./harness.js.
import { factHarness } from './harness.js';

export const { factsFor, value } = factHarness({ decisionDate: '2016-06-01' });
