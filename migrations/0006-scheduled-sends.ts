// Scheduled sends (issue 17, point 2): a message may wait for a chosen time before it leaves.
// `scheduled_at` keeps the time the user chose (UTC ISO text), shown in Suivi des envois and
// compared with the limit for a schedule that passed while nothing ran; the engine itself
// waits through `next_attempt_at`, set to the same time. Cleared once the message is taken.
// Frozen in time: never edit once released; add a new migration instead.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('scheduled_at', 'text').execute();
  await db.schema
    .createIndex('messages_by_schedule')
    .on('messages')
    .columns(['scheduled_at'])
    .where('scheduled_at', 'is not', null)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('messages_by_schedule').execute();
  await db.schema.alterTable('messages').dropColumn('scheduled_at').execute();
}
