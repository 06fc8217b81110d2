// SQL for the PDFs and attachments kept in the database (PostgreSQL: documents/content-store.ts),
// one row per distinct content, keyed by its SHA-256.
import type { Db } from './connection.js';

export interface ContentRow {
  sha256: string;
  content: Uint8Array;
}

/** Stores each content unless a row of the same hash is there already (then it is the same). */
export async function insertContents(db: Db, rows: readonly ContentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('document_contents')
    .values(
      rows.map((r) => ({
        sha256: r.sha256,
        size: r.content.byteLength,
        content: Buffer.from(r.content),
      })),
    )
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export async function readContent(db: Db, sha256: string): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('document_contents')
    .select('content')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row && Buffer.from(row.content);
}

/** The contents found among these hashes, in one query (a claim's 25 messages at most). */
export async function readContents(
  db: Db,
  sha256s: readonly string[],
): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  if (sha256s.length === 0) return found;
  const rows = await db
    .selectFrom('document_contents')
    .select(['sha256', 'content'])
    .where('sha256', 'in', sha256s)
    .execute();
  for (const row of rows) found.set(row.sha256, Buffer.from(row.content));
  return found;
}

export async function contentSize(db: Db, sha256: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('document_contents')
    .select('size')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row?.size;
}

/** The sizes of the contents found among these hashes (those not found are left out). */
export async function contentSizes(
  db: Db,
  sha256s: readonly string[],
): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (let start = 0; start < sha256s.length; start += 1000) {
    const rows = await db
      .selectFrom('document_contents')
      .select(['sha256', 'size'])
      .where('sha256', 'in', sha256s.slice(start, start + 1000))
      .execute();
    for (const row of rows) sizes.set(row.sha256, row.size);
  }
  return sizes;
}
