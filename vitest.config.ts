import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'threads',
    // a bound against hangs, not a speed check (speed lives in npm run bench): the shared 2-core
    // machines run property and browser tests several times slower than an idle one
    testTimeout: 30_000,
  },
});
