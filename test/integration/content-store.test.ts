// Where PDFs and attachments live (issue 16, point 3), on each database through one
// interface: a data folder's files on SQLite, the database's document_contents on PostgreSQL
// (one row per distinct content, referenced by its SHA-256).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { openPostier } from '../../src-main/app/postier.js';
import { pruneLocalCopies } from '../../src-main/documents/content-store.js';
import { closeAfterTest } from '../support/close-after-test.js';
import { describeEachDialect } from '../support/dialects.js';

describeEachDialect('the document content store', ({ dialect, freshData }) => {
  it('puts, reads, sizes and copies here; the same bytes twice are one content', async () => {
    const postier = closeAfterTest(await openPostier({ dataPath: await freshData() }));
    const store = postier.documents.contents;
    expect(store.kind).toBe(dialect === 'postgres' ? 'database' : 'folder');
    const bytes = randomBytes(5_000);
    const sha256 = createHash('sha256').update(bytes).digest('hex');

    const first = await store.put(bytes, 'documents/1/2026-10/invoice-1.pdf');
    const second = await store.put(bytes, 'documents/1/2026-10/invoice-1.pdf');
    const [third, other] = await store.putAll([
      { bytes, suggestedRelativePath: 'documents/1/2026-10/invoice-1.pdf' },
      { bytes: Buffer.from('%PDF-autre'), suggestedRelativePath: 'documents/1/autre.pdf' },
    ]);
    if (dialect === 'postgres') {
      expect([first, second, third]).toEqual([
        `sha256:${sha256}`,
        `sha256:${sha256}`,
        `sha256:${sha256}`,
      ]);
    } else {
      // A data folder keeps each file under a free name, as before.
      expect([first, second, third]).toEqual([
        'documents/1/2026-10/invoice-1.pdf',
        'documents/1/2026-10/invoice-1-2.pdf',
        'documents/1/2026-10/invoice-1-3.pdf',
      ]);
    }
    const rows = await postier.db.selectFrom('document_contents').select('sha256').execute();
    expect(rows.length).toBe(dialect === 'postgres' ? 2 : 0);

    expect(Buffer.compare(await store.read(first), bytes)).toBe(0);
    expect(await store.exists(first)).toBe(true);
    expect(await store.size(first)).toBe(5_000);
    const missing = dialect === 'postgres' ? `sha256:${'0'.repeat(64)}` : 'documents/absent.pdf';
    expect(await store.exists(missing)).toBe(false);
    const sizes = await store.sizes([first, other!, missing]);
    expect([...sizes]).toEqual([
      [first, 5_000],
      [other, 10],
    ]);
    // A file on this workstation for tools that read files (a copy, on a database).
    const local = await store.localFile(first);
    expect(Buffer.compare(fs.readFileSync(local), bytes)).toBe(0);
    expect(store.localFileNow(first)).toBe(local);
    if (dialect === 'postgres') {
      await expect(store.read(missing)).rejects.toMatchObject({
        code: 'error.postgres.contentMissing',
      });
      expect(() => store.localFileNow(missing)).toThrow();
    }

    if (dialect === 'postgres') {
      // The workstation's copies nobody asked for in two days go; a recent one stays.
      const old = await store.localFile(other!);
      const threeDaysAgo = new Date(Date.now() - 3 * 24 * 3_600_000);
      fs.utimesSync(old, threeDaysAgo, threeDaysAgo);
      expect(pruneLocalCopies(postier.folder)).toBe(1);
      expect(fs.existsSync(old)).toBe(false);
      expect(fs.existsSync(local)).toBe(true);
      expect(
        Buffer.compare(fs.readFileSync(await store.localFile(other!)), Buffer.from('%PDF-autre')),
      ).toBe(0);
    }

    // Undoing a put: a folder's file goes; a database's content may be shared, it stays.
    await store.discard(second);
    expect(await store.exists(second)).toBe(dialect === 'postgres');
    expect(await store.exists(first)).toBe(true);
  });
});
