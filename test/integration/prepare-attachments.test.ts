// Attachments of a bulk send (the Elite seed): the document, its own extra files, files for
// one document's recipients and a general file for everyone; a warning above 1 MB, a refusal
// above the account's limit, and a clear error naming a missing file before anything is queued.
// On both databases: a general file of two batches is one content on PostgreSQL (issue 16).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import { insertAttachment } from '../../src-main/db/documents-queries.js';
import { demoPostier, documentId } from '../support/demo-postier.js';
import { describeEachDialect, onPostgres } from '../support/dialects.js';
import { storedContents } from '../support/postier-fixture.js';
import { tempFolder } from '../support/temp-folder.js';

function file(folder: string, name: string, bytes: number): string {
  const target = path.join(folder, name);
  fs.writeFileSync(target, randomBytes(bytes));
  return target;
}

async function outboxFiles(postier: Postier): Promise<string[]> {
  const root = postier.folder.resolve('outbox');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) =>
    fs.statSync(path.join(root, f)).isFile(),
  );
}

/**
 * Removes a document's PDF from where it is stored: its file in a data folder, its
 * document_contents row on PostgreSQL (the demo's invoices share no content).
 */
async function removeStoredPdf(postier: Postier, id: number): Promise<void> {
  const { pdf_path } = await postier.db
    .selectFrom('documents')
    .select('pdf_path')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (!onPostgres) return fs.rmSync(postier.folder.resolve(pdf_path!));
  const sha256 = pdf_path!.replace(/^sha256:/, '');
  await postier.db.deleteFrom('document_contents').where('sha256', '=', sha256).execute();
  expect(await postier.documents.contents.exists(pdf_path!)).toBe(false);
}

async function messageCount(postier: Postier): Promise<number> {
  const row = await postier.db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('attachments of a bulk send', () => {
  it('puts the general file on every message (one copy) and a recipient file on its document’s messages only', async () => {
    const { postier, demo } = await demoPostier();
    const folder = tempFolder();
    const gazette = file(folder, 'Gazette d’automne.pdf', 40_000);
    const letter = file(folder, 'lettre.pdf', 2_000);
    const doc = await documentId(postier, 'F202610-1001');
    const result = await postier.prepare.prepare({
      type: 'invoice',
      period: demo.period,
      generalAttachments: [gazette],
      recipientAttachments: { [doc]: [letter] },
    });

    expect(result.queued).toHaveLength(30);
    const generalPaths = new Set<string>();
    for (const message of result.queued) {
      const general = message.attachments.filter((a) => a.role === 'general');
      expect(general.map((a) => a.fileName)).toEqual(['Gazette d’automne.pdf']);
      generalPaths.add(general[0]!.path);
      const expected = message.documentId === doc ? ['lettre.pdf'] : [];
      expect(
        message.attachments.filter((a) => a.role === 'recipient').map((a) => a.fileName),
      ).toEqual(expected);
    }
    // In the batch's outbox folder in a data folder, in the database (by its hash) on PostgreSQL.
    const gazetteBytes = fs.readFileSync(gazette);
    expect([...generalPaths]).toEqual([
      onPostgres
        ? `sha256:${createHash('sha256').update(gazetteBytes).digest('hex')}`
        : `outbox/${result.batchId}/general/Gazette d’automne.pdf`,
    ]);
    expect(await postier.documents.contents.read([...generalPaths][0]!)).toEqual(gazetteBytes);
    const copies = result.queued.flatMap((m) => m.attachments.filter((a) => a.role !== 'document'));
    if (onPostgres) {
      // One content per distinct file (the letter's two messages share it); nothing on disk.
      expect(new Set(copies.map((a) => a.path)).size).toBe(2);
      expect(await outboxFiles(postier)).toEqual([]);
    } else {
      // 1 general copy + 2 recipient copies (one per message of document 1001).
      expect(await outboxFiles(postier)).toHaveLength(3);
    }
    expect(result.warnings.map((w) => w.code)).not.toContain('warning.attachment.large');
  });

  it('sends the document’s own extra files with it', async () => {
    const { postier } = await demoPostier();
    const doc = await documentId(postier, 'F202610-1003');
    // documents/1/2026-10/debours-1003.pdf in a data folder, its sha256: reference on PostgreSQL.
    const relative = await postier.documents.contents.put(
      randomBytes(1_000),
      'documents/1/2026-10/debours-1003.pdf',
    );
    if (!onPostgres) expect(relative).toBe('documents/1/2026-10/debours-1003.pdf');
    await insertAttachment(postier.db, {
      document_id: doc,
      file_name: 'Relevé de débours.pdf',
      file_path: relative,
      size_bytes: 1_000,
    });
    const { queued } = await postier.prepare.prepare({ documentIds: [doc] });
    expect(queued[0]!.attachments.map((a) => [a.fileName, a.role, a.path])).toEqual([
      [
        'Facture F202610-1003.pdf',
        'document',
        expect.stringMatching(onPostgres ? /^sha256:[0-9a-f]{64}$/ : /^documents\//),
      ],
      ['Relevé de débours.pdf', 'extra', relative],
    ]);
  });

  it('warns about a file above 1 MB, naming it', async () => {
    const { postier, demo } = await demoPostier();
    const heavy = file(tempFolder(), 'photos.pdf', 1.5 * 1024 * 1024);
    const result = await postier.prepare.prepare({
      type: 'invoice',
      period: demo.period,
      generalAttachments: [heavy],
      dryRun: true,
    });
    expect(result.queued).toHaveLength(30);
    expect(result.warnings).toContainEqual({
      code: 'warning.attachment.large',
      params: { file: 'photos.pdf', size: '1,5 Mo' },
    });
    expect(result.warnings.filter((w) => w.code === 'warning.attachment.large')).toHaveLength(1);
  });

  it('leaves out a message too large for the account, and writes nothing for it', async () => {
    const { postier, demo } = await demoPostier();
    await postier.accounts.setAccount(demo.structure.id, { maxMessageBytes: 1024 * 1024 });
    const stored = await storedContents(postier);
    const heavy = file(tempFolder(), 'photos.pdf', 1.5 * 1024 * 1024);
    const result = await postier.prepare.prepare({
      type: 'invoice',
      period: demo.period,
      generalAttachments: [heavy],
    });
    expect(result.queued).toEqual([]);
    expect(result.batchId).toBeNull();
    const tooLarge = result.excluded.filter((e) => e.reason === 'too_large');
    expect(tooLarge).toHaveLength(30);
    expect(tooLarge[0]!.detail).toMatch(/^2(,\d)? Mo > 1 Mo$/);
    expect(await messageCount(postier)).toBe(0);
    expect(await outboxFiles(postier)).toEqual([]);
    // On PostgreSQL the files would be document_contents rows, not outbox files.
    expect(await storedContents(postier)).toEqual(stored);
  });

  it('names a missing file and queues nothing', async () => {
    const { postier, demo } = await demoPostier();
    const missing = path.join(tempFolder(), 'gazette-introuvable.pdf');
    await expect(
      postier.prepare.prepare({
        type: 'invoice',
        period: demo.period,
        generalAttachments: [missing],
      }),
    ).rejects.toMatchObject({ code: 'error.attachment.missing', params: { file: missing } });

    const doc = await documentId(postier, 'F202610-1005');
    await insertAttachment(postier.db, {
      document_id: doc,
      file_name: 'Débours.pdf',
      file_path: 'documents/absent.pdf',
      size_bytes: 10,
    });
    await expect(
      postier.prepare.prepare({ type: 'invoice', period: demo.period }),
    ).rejects.toMatchObject({
      code: 'error.attachment.missing',
      params: { file: postier.folder.resolve('documents/absent.pdf') },
    });
    await expect(
      postier.prepare.prepare({ documentIds: [doc], recipientAttachments: { 999: [missing] } }),
    ).rejects.toMatchObject({ code: 'error.attachment.documentNotChosen', params: { id: '999' } });

    expect(await messageCount(postier)).toBe(0);
    expect(await outboxFiles(postier)).toEqual([]);
    const batches = await postier.db.selectFrom('send_batches').select('id').execute();
    expect(batches).toEqual([]);
  });

  it('reports a document whose PDF is gone instead of failing the batch', async () => {
    const { postier, demo } = await demoPostier();
    await removeStoredPdf(postier, await documentId(postier, 'F202610-1002'));
    const result = await postier.prepare.prepare({ type: 'invoice', period: demo.period });
    expect(result.excluded).toContainEqual(
      expect.objectContaining({ dossierNumber: '1002', reason: 'no_pdf' }),
    );
    expect(result.queued).toHaveLength(29);
  });
});

describeEachDialect('a general file of two batches', ({ dialect, freshData }) => {
  it('is stored once on PostgreSQL (by its hash), once per batch in a data folder', async () => {
    const { postier } = await demoPostier(await freshData());
    const gazette = file(tempFolder(), 'Gazette d’hiver.pdf', 30_000);
    const bytes = fs.readFileSync(gazette);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const paths: string[] = [];
    for (const number of ['F202610-1001', 'F202610-1002']) {
      const result = await postier.prepare.prepare({
        documentIds: [await documentId(postier, number)],
        generalAttachments: [gazette],
      });
      expect(result.queued.length).toBeGreaterThan(0);
      for (const message of result.queued) {
        const general = message.attachments.filter((a) => a.role === 'general');
        expect(general).toHaveLength(1);
        paths.push(general[0]!.path);
        const document = message.attachments.find((a) => a.role === 'document')!;
        expect(await postier.documents.contents.exists(document.path)).toBe(true);
      }
    }
    for (const reference of paths) {
      expect(Buffer.compare(await postier.documents.contents.read(reference), bytes)).toBe(0);
    }
    const rows = await postier.db
      .selectFrom('document_contents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('sha256', '=', sha256)
      .executeTakeFirstOrThrow();
    if (dialect === 'postgres') {
      expect(new Set(paths)).toEqual(new Set([`sha256:${sha256}`]));
      expect(Number(rows.n)).toBe(1);
      // Nothing left on this workstation: every message's files are in the database.
      expect(await outboxFiles(postier)).toEqual([]);
    } else {
      expect(new Set(paths).size).toBe(2);
      expect(Number(rows.n)).toBe(0);
    }
  });
});
