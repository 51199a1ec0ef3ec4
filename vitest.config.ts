import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.tsx', 'entrypoints/**/*.test.ts', 'test/unit/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
    // A shared, noisy machine: generous per-test time (timings are measured by `npm run bench`, not here).
    testTimeout: 20_000,
  },
});
