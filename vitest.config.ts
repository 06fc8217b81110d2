import { defineConfig } from 'vitest/config';
import { sqlitePassOnly } from './test/dialect-matrix.mjs';

// The PostgreSQL pass of the matrix (test/run-all.mjs) runs the integration files again, on
// PostgreSQL, but those listed in test/dialect-matrix.mjs.
const postgresPass = process.env.POSTIER_TEST_DIALECT === 'postgres';

export default defineConfig({
  test: {
    include: postgresPass ? ['test/integration/**/*.test.ts'] : ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', ...(postgresPass ? sqlitePassOnly : [])],
    // Integration tests spawn processes and open real SQLite files: give them room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // The PostgreSQL pass's one server (test/support/dialects.ts).
    globalSetup: ['./test/support/postgres-global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
