// The addresses a mail account may put in the From header besides its own ("send as"): the
// provider (Microsoft 365, Gmail) was told so by the office. Off by default: an address not
// listed here goes in Reply-To, and the account's own address is the From.
// Frozen in time: never edit once released; add a new migration instead.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_account_send_as')
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('mail_accounts.id').onDelete('cascade'),
    )
    // Lower-cased.
    .addColumn('address', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_account_send_as_pk', ['account_id', 'address'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_account_send_as').execute();
}
