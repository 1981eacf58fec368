import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'threads',
    // Correctness tests, not timings (speed lives in npm run bench): a loaded 2-core machine can
    // take several times the usual time for the property runs.
    testTimeout: 60_000,
  },
});
