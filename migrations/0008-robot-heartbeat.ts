// The sending robot's heartbeat (issue 17, point 1): each robot (`postier service run`) keeps
// one row, written every few seconds, that every workstation can read: which machine and
// process, what it is doing, since when, and when it last beat. A row whose beat is old is a
// robot that stopped without saying so (machine off, process killed).
// Frozen in time: never edit once released; add a new migration instead.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('robot_heartbeat')
    .addColumn('robot_id', 'text', (c) => c.primaryKey())
    .addColumn('workstation', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('beat_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('robot_heartbeat').execute();
}
