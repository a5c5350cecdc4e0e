import { defineConfig } from 'vitest/config';

// Four projects, one command. Integration tests (*.int.test.ts) run twice: once on
// embedded PGlite and once on a real PostgreSQL that test/support/postgres-cluster.ts
// starts for the run (or TEST_DATABASE_URL when given).
const integration = ['src/**/*.int.test.ts', 'test/integration/**/*.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 30_000,
    // Two files at a time (vitest's default is one less than the cores: one on a 2-core
    // machine, so every file waited for the last). Each file has its own database copy and its
    // own browser contexts on the one shared Chromium, so files never see each other's work.
    maxWorkers: 2,
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
          // A journey of a dozen pages, each checked with axe, needs more than a minute when the
          // machine is busy (two cores running the other projects' files beside it).
          testTimeout: 180_000,
        },
      },
    ],
  },
});
