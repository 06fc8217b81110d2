// Documents without a shared drive (issue 16, point 3): on PostgreSQL the PDFs and attachments
// live in the database, one row per distinct content, keyed by its SHA-256 (so a general
// attachment sent with a thousand messages, or with every batch, is stored once).
// documents.pdf_path, document_attachments.file_path and a message's attachment paths then
// hold `sha256:<hex>` (src-main/documents/content-store.ts). A data folder keeps its files
// beside the database as before; the table exists there too (empty) so that both databases
// have one schema.
// Frozen in time: never edit once released; add a new migration instead.
import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_contents')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_contents').execute();
}
