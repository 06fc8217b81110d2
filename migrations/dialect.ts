// Which database a migration runs on. Migrations are written once with Kysely's schema
// builder; SQLite's `now` default and autoIncrement ids are translated for PostgreSQL by the
// connection (src-main/db/postgres-dialect.ts), so only raw SQL asks this. The SQLite branch
// of a migration must stay exactly what it was (test/integration/migrations-postgres.test.ts).
import { PostgresAdapter, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
