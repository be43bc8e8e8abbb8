import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // Database suites create their own databases; browser tests start their own server.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Browser assertions poll until the page settles (a node view fetching its headline, a
    // notice after a round trip); a second is too tight on a loaded 2-core CI machine.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    globalSetup: ['test/global-setup.ts'],
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
