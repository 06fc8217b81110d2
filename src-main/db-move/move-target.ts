// The PostgreSQL database an office moves into: reached with the workstation's password (the
// credential store, else PostgreSQL's own places), refused unless empty (naming what it
// holds), then brought to the current schema.
import { UserError } from '../../src-shared/errors.js';
import { lazyCredentialStore, type CredentialStore } from '../credentials/credential-store.js';
import { withoutPassword } from '../data-folder/data-folder.js';
import { migrateToLatest } from '../db/migrate.js';
import type { PostgresHandle } from '../db/postgres-dialect.js';
import { MIGRATION_TABLES, SEEDED_TABLES, targetTableCounts } from '../db/table-copy.js';

export interface OpenTarget {
  handle: PostgresHandle;
  /** Turns a server's refusal (unreachable, login refused) into the sentence that says so. */
  explain(error: unknown): unknown;
}

export async function openTarget(
  url: string,
  credentials: () => Promise<CredentialStore> = lazyCredentialStore(),
): Promise<OpenTarget> {
  // Loaded only here, as the app does: the pg driver for a server only.
  const { openPostgresDatabase, postgresServerError } = await import('../db/postgres-dialect.js');
  const { postgresPassword } = await import('../db/postgres-password.js');
  const handle = openPostgresDatabase(url, { password: postgresPassword(url, credentials) });
  return { handle, explain: (error) => postgresServerError(url, error) };
}

/**
 * Refuses a database that holds anything: another application's tables, or an office's
 * rows. A database where an earlier move failed (Postier's tables, only what a migration
 * writes by itself) counts as empty, so that the same command can be run again.
 */
export async function refuseNonEmpty(
  target: OpenTarget,
  url: string,
  sourceTables: string[],
): Promise<void> {
  const counts = await targetTableCounts(target.handle.db);
  const server = withoutPassword(url);
  const postier = new Set([...sourceTables, ...MIGRATION_TABLES, 'dossier_search']);
  const foreign = [...counts.keys()].filter((table) => !postier.has(table));
  if (foreign.length > 0) {
    throw new UserError('error.dbMove.targetForeign', {
      server,
      tables: listed(foreign),
    });
  }
  const filled = [...counts].filter(
    ([table, count]) =>
      count > 0 && !SEEDED_TABLES.includes(table) && !MIGRATION_TABLES.includes(table),
  );
  if (filled.length > 0) {
    throw new UserError('error.dbMove.targetNotEmpty', {
      server,
      found: listed(filled.map(([table, count]) => `${table} (${count})`)),
    });
  }
}

/** At most 8 names, then how many more. */
function listed(names: string[]): string {
  const shown = names.slice(0, 8).join(', ');
  return names.length > 8 ? `${shown}, … (+${names.length - 8})` : shown;
}

export async function migrateTarget(target: OpenTarget): Promise<void> {
  await migrateToLatest(target.handle.db);
}
