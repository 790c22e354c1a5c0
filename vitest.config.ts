import { defineConfig } from 'vitest/config';

const apiFiles = ['tests/api/**/*.test.ts'];

export default defineConfig({
  test: {
    // The default output, then seconds per project and the slowest files (scripts/test.sh).
    reporters: ['default', './tests/support/timing-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'web/src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'api-sqlite',
          include: apiFiles,
          env: { WHEELHOUSE_TEST_ENGINE: 'sqlite' },
          globalSetup: ['tests/support/global-sqlite.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'api-postgres',
          include: apiFiles,
          env: { WHEELHOUSE_TEST_ENGINE: 'postgres' },
          globalSetup: ['tests/support/global-postgres.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/global-sqlite.ts', 'tests/support/global-chromium.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One file at a time: two at once was barely faster (110 s vs 121 s for six files) and a
          // test timed out at 60 s (decision 051).
          fileParallelism: false,
        },
      },
    ],
  },
});
