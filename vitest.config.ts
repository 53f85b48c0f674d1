// Test runner configuration: every *.test.ts beside the code, on the embedded database unless
// DATABASE_URL points at PostgreSQL. Files run in separate processes, each owning its own data.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tools/**/*.test.ts', 'evals/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/*.int.test.ts', 'node_modules/**'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
    // CI also writes a JSON report, from which it prints a plain "N passed, N failed" line.
    reporters: process.env.CI_VITEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: process.env.CI_VITEST_JSON ? { json: process.env.CI_VITEST_JSON } : undefined,
  },
});
