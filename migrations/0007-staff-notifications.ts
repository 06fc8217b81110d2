// Staff notifications (issue 17, point 3): each staff member reads their notifications in
// their own language (fr by default), and every notification sent is remembered by the run
// (or bounce check) it is about, so that one run never notifies the same event twice — the
// primary key refuses a second one, whichever process tries.
// Frozen in time: never edit once released; add a new migration instead.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('staff')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('fr'))
    .execute();
  await db.schema
    .createTable('notifications_sent')
    // The engine run's lease holder, or a bounce check's own key.
    .addColumn('run_key', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('structure_id', 'integer', (c) => c.notNull())
    // ISO-8601, written by the application.
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notifications_sent_pk', ['run_key', 'event', 'structure_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications_sent').execute();
  await db.schema.alterTable('staff').dropColumn('language').execute();
}
