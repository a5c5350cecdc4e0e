import { defineConfig } from 'vitest/config';

// Four projects, one command. Integration tests (*.int.test.ts) run twice: once on
// embedded PGlite and once on a real PostgreSQL that test/support/postgres-cluster.ts
// starts for the run (or TEST_DATABASE_URL when given).
const integration = ['src/**/*.int.test.ts', 'test/integration/**/*.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 30_000,
    // Workers: vitest's default, one less than the cores (one on a 2-core machine). Each file
    // gets its own database copy and browser contexts, so `npm test -- --maxWorkers=3` can run
    // files side by side; on a busy shared 2-core machine that timed browser tests out at 60 s.
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'pglite',
          // Start-up faults run real processes on the embedded database: once is enough.
          include: [...integration, 'test/startup/**/*.test.ts'],
          env: { TEST_DB: 'pglite' },
          globalSetup: ['test/support/demo-template.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: integration,
          env: { TEST_DB: 'postgres' },
          globalSetup: ['test/support/postgres-cluster.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/chromium-server.ts', 'test/support/demo-template.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
