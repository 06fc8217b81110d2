// Vitest global setup for the PostgreSQL pass of the matrix (POSTIER_TEST_DIALECT=postgres):
// one throw-away server for the whole run, each test file creating its own databases on it
// (test/support/dialects.ts), instead of an initdb per file.
import type { TestProject } from 'vitest/node';
import { startPostgres, type PostgresServer } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's PostgreSQL server's port, or 0 when this run starts none. */
    postgresPort: number;
  }
}

let server: PostgresServer | null = null;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.POSTIER_TEST_DIALECT === 'postgres') server = await startPostgres();
  project.provide('postgresPort', server?.port ?? 0);
  return async () => {
    await server?.stop();
    server = null;
  };
}
