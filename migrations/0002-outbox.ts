// Mail accounts, bulk-send batches, the outbox (one row per e-mail), the addresses each
// message goes to, the append-only send journal, and the sending engine's lease.
// Frozen in time: never edit once released; add a new migration instead.
import { sql, type Kysely } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_accounts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('structure_id', 'integer', (c) =>
      c.notNull().unique().references('structures.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('sandbox'))
    .addColumn('preset', 'text')
    .addColumn('host', 'text')
    .addColumn('port', 'integer')
    .addColumn('security', 'text', (c) => c.notNull().defaultTo('starttls'))
    .addColumn('username', 'text')
    // A key into the credential store, never the secret itself.
    .addColumn('credential_ref', 'text')
    .addColumn('from_name', 'text')
    .addColumn('from_address', 'text')
    .addColumn('reply_to', 'text')
    .addColumn('archive_bcc', 'text')
    .addColumn('cc_sender', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('read_receipt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('delay_ms', 'integer', (c) => c.notNull().defaultTo(2000))
    .addColumn('pause_every', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('pause_ms', 'integer', (c) => c.notNull().defaultTo(10000))
    .addColumn('max_per_run', 'integer')
    .addColumn('max_per_day', 'integer')
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('retry_base_ms', 'integer', (c) => c.notNull().defaultTo(60000))
    .addColumn('max_message_bytes', 'integer', (c) => c.notNull().defaultTo(20 * 1024 * 1024))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('send_batches')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('structure_id', 'integer', (c) => c.notNull().references('structures.id'))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('workstation', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('structure_id', 'integer', (c) => c.notNull().references('structures.id'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('mail_accounts.id'))
    .addColumn('document_id', 'integer', (c) =>
      c.notNull().references('documents.id').onDelete('cascade'),
    )
    .addColumn('batch_id', 'integer', (c) => c.references('send_batches.id').onDelete('set null'))
    .addColumn('dossier_id', 'integer', (c) => c.notNull().references('dossiers.id'))
    .addColumn('from_name', 'text')
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('reply_to', 'text')
    // JSON arrays of addresses.
    .addColumn('to_addresses', 'text', (c) => c.notNull())
    .addColumn('cc_addresses', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('bcc_addresses', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    // JSON array of { fileName, path (relative to the data folder), size, role, encrypted }.
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('password_protected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('read_receipt', 'integer', (c) => c.notNull().defaultTo(0))
    // The RFC 5322 Message-ID, fixed when queued so that retries and bounces match it.
    .addColumn('message_id_header', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_reply', 'text')
    .addColumn('queued_by', 'text', (c) => c.notNull())
    .addColumn('workstation', 'text', (c) => c.notNull())
    // Which engine took the message for sending (its lease holder id).
    .addColumn('sending_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('validated_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // The engine picks due validated messages in order.
  await db.schema
    .createIndex('messages_due')
    .on('messages')
    .columns(['status', 'next_attempt_at', 'id'])
    .execute();
  await db.schema.createIndex('messages_document').on('messages').column('document_id').execute();
  await db.schema
    .createIndex('messages_sent_at')
    .on('messages')
    .columns(['account_id', 'sent_at'])
    .execute();

  // One row per address a message goes to: "already sent or queued to this address?"
  await db.schema
    .createTable('message_addresses')
    .addColumn('message_id', 'integer', (c) =>
      c.notNull().references('messages.id').onDelete('cascade'),
    )
    .addColumn('document_id', 'integer', (c) => c.notNull())
    // Lower-cased address.
    .addColumn('address', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_addresses_pk', ['message_id', 'address'])
    .execute();
  await db.schema
    .createIndex('message_addresses_document')
    .on('message_addresses')
    .columns(['document_id', 'address'])
    .execute();

  await db.schema
    .createTable('send_journal')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('message_id', 'integer', (c) => c.references('messages.id').onDelete('set null'))
    .addColumn('document_id', 'integer')
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('workstation', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('server_reply', 'text')
    .execute();
  await db.schema
    .createIndex('send_journal_message')
    .on('send_journal')
    .column('message_id')
    .execute();
  await db.schema.createIndex('send_journal_at').on('send_journal').column('at').execute();

  // At most one sending engine per database file, across processes and workstations.
  await db.schema
    .createTable('engine_lease')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('holder', 'text')
    .addColumn('holder_label', 'text')
    .addColumn('acquired_at', 'text')
    .addColumn('heartbeat_at', 'text')
    .addColumn('expires_at', 'text')
    .execute();
  await db.insertInto('engine_lease').values({ id: 1 }).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'engine_lease',
    'send_journal',
    'message_addresses',
    'messages',
    'send_batches',
    'mail_accounts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
