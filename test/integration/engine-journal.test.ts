// The send status ("Suivi des envois") and the send journal exported as CSV for Excel, on
// SQLite and on PostgreSQL (the same tests).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src-shared/errors.js';
import type { Postier } from '../../src-main/app/postier.js';
import { writeTransaction } from '../../src-main/db/connection.js';
import { appendJournal } from '../../src-main/db/send-journal-queries.js';
import { runOutbox } from '../../src-main/send/engine.js';
import { exportJournalCsv, withoutSin } from '../../src-main/outbox/journal-export.js';
import { messageDetail, outboxStatus } from '../../src-main/outbox/outbox-status.js';
import { seedMessages, smtpAccount, smtpTransportFactory } from '../support/outbox-fixture.js';
import { describeEachDialect } from '../support/dialects.js';
import { freshPostier } from '../support/postier-fixture.js';
import { smtpServerForTest } from '../support/smtp-servers.js';
import { tempFolder } from '../support/temp-folder.js';

const HEADER =
  'Date;Événement;Utilisateur;Poste;Document;Dossier;Destinataires;Détail;Réponse du serveur';
const TRICKY_SUBJECT = 'Facture ; "octobre"\nLigne 2 — NAS 046 454 286';

async function sentOutbox(dataPath: string, count: number, subject?: (i: number) => string) {
  const postier = await freshPostier(dataPath);
  const server = await smtpServerForTest();
  const structureId = (await postier.records.chooseStructure()).id;
  const accountId = await smtpAccount(postier.db, { structureId, port: server.port });
  const seeded = await seedMessages(postier.db, {
    structureId,
    accountId,
    count,
    sin: '046454286',
    recipients: (i) => [`famille${i + 1}@example.com`, `copie${i + 1}@example.org`],
    ...(subject && { subject }),
  });
  await runOutbox({
    db: postier.db,
    folder: postier.folder,
    transportFactory: smtpTransportFactory(postier.db),
    actor: { user: 'marie', workstation: 'COMPTA-2' },
  });
  return { postier, seeded, structureId, accountId };
}

function readCsv(file: string): string[][] {
  return parse(fs.readFileSync(file), {
    delimiter: ';',
    bom: true,
    record_delimiter: '\r\n',
  }) as string[][];
}

describeEachDialect('the send journal and status', ({ freshData }) => {
  describe('journal export', () => {
    it('opens as Excel expects: BOM, ";" separator, CRLF, French header, quoted fields, no SIN', async () => {
      const { postier, seeded } = await sentOutbox(await freshData(), 2, (i) =>
        i === 0 ? TRICKY_SUBJECT : 'Votre facture',
      );
      const file = path.join(tempFolder(), 'journal envois.csv');

      const result = await exportJournalCsv(postier.db, file);

      const bytes = fs.readFileSync(file);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      expect(text.startsWith(`${HEADER}\r\n`)).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      // Quotes doubled inside a quoted field; the subject's own line break kept inside it.
      expect(text).toContain('Essai 1 sur 3 : « Facture ; ""octobre""\nLigne 2');
      expect(text).not.toMatch(/046\s?454\s?286/);

      const [header, ...rows] = readCsv(file);
      expect(header!.join(';')).toBe(HEADER);
      expect(rows).toHaveLength(result.rows);
      // run_started, 2 × (sending, sent), run_finished.
      expect(rows.map((r) => r[1])).toEqual([
        'Début d’envoi',
        'Envoi en cours',
        'Envoyé',
        'Envoi en cours',
        'Envoyé',
        'Fin d’envoi',
      ]);
      const [, sending, sent] = rows;
      expect(sending![0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(sending!.slice(2, 7)).toEqual([
        'marie',
        'COMPTA-2',
        expect.stringMatching(/^Facture F-.+-1$/),
        expect.stringMatching(/ — Mme Bérénice Lefèvre-Côté 1$/),
        'famille1@example.com, copie1@example.org',
      ]);
      expect(sending![7]).toBe(
        'Essai 1 sur 3 : « Facture ; "octobre"\nLigne 2 — NAS ••• ••• 286 ».',
      );
      expect(sent![8]).toMatch(/^250 2\.0\.0 Ok: queued as TEST1/);
      // Not in the journal itself either.
      const details = await postier.db.selectFrom('send_journal').select('detail').execute();
      expect(details.some((d) => /046\s?454\s?286/.test(d.detail ?? ''))).toBe(false);
      const documents = await postier.documents.journal({ documentIds: seeded.documentIds });
      expect(documents.items.map((d) => d.emailState)).toEqual(['sent', 'sent']);
    });

    it('streams a journal longer than one chunk, in order, and filters by day', async () => {
      const postier = await freshPostier(await freshData());
      const actor = { user: 'paul', workstation: 'ACCUEIL' };
      await postier.db.transaction().execute(async (tx) => {
        for (let i = 0; i < 2_500; i++)
          await appendJournal(tx, { event: 'run_started', actor, detail: `n° ${i}` });
      });
      await postier.db
        .updateTable('send_journal')
        .set({ at: '2020-01-15T12:00:00.000Z' })
        .where('id', '<=', 100)
        .execute();
      const folder = tempFolder();

      const all = await exportJournalCsv(postier.db, path.join(folder, 'tout.csv'));
      const old = await exportJournalCsv(postier.db, path.join(folder, 'ancien.csv'), {
        from: '2020-01-14',
        to: '2020-01-16',
      });

      expect(all.rows).toBe(2_500);
      const rows = readCsv(all.file).slice(1);
      expect(rows.map((r) => r[7])).toEqual(Array.from({ length: 2_500 }, (_, i) => `n° ${i}`));
      expect(old.rows).toBe(100);
      expect(readCsv(old.file)).toHaveLength(101);
    });

    it('writes numbers as numbers and never a formula (the shared CSV writer)', async () => {
      const postier = await freshPostier(await freshData());
      const actor = { user: 'paul', workstation: 'ACCUEIL' };
      await writeTransaction(postier.db, async (tx) => {
        for (const detail of ['-12,50', '=HYPERLINK("http://x")', '@SUM(A1)', '+33 1 23'])
          await appendJournal(tx, { event: 'run_started', actor, detail });
      });
      const file = path.join(tempFolder(), 'journal.csv');

      await exportJournalCsv(postier.db, file);

      const details = readCsv(file)
        .slice(1)
        .map((r) => r[7]);
      expect(details).toEqual(['-12,50', `'=HYPERLINK("http://x")`, "'@SUM(A1)", '+33 1 23']);
    });

    it('a file that cannot be written: a clear error, and no temporary file left behind', async () => {
      const postier = await freshPostier(await freshData());
      const folder = tempFolder();
      const blocked = path.join(folder, 'journal.csv');
      fs.mkdirSync(path.join(blocked, 'occupé'), { recursive: true });

      const error = await exportJournalCsv(postier.db, blocked).catch((e: unknown) => e);

      expect(isUserError(error) && error.code).toBe('outbox.error.exportFailed');
      expect(fs.readdirSync(folder)).toEqual(['journal.csv']);
    });
  });

  describe('no SIN in the journal', () => {
    it('masks the dossier SIN however it is written, and nothing else', () => {
      const sin = '046454286';
      expect(withoutSin('NAS 046454286, NAS 046 454 286 et 046-454-286.', sin)).toBe(
        'NAS ••• ••• 286, NAS ••• ••• 286 et ••• ••• 286.',
      );
      expect(withoutSin('Relevé 24 — facture 046454287, dossier 0464542', sin)).toBe(
        'Relevé 24 — facture 046454287, dossier 0464542',
      );
      expect(withoutSin('x046454286y', sin)).toBe('x••• ••• 286y');
      expect(withoutSin('NAS 046454286', null)).toBe('NAS 046454286');
    });
  });

  describe('send status', () => {
    async function variedOutbox(): Promise<{
      postier: Postier;
      ids: number[];
      documentIds: number[];
    }> {
      const postier = await freshPostier(await freshData());
      const structureId = (await postier.records.chooseStructure()).id;
      const accountId = await smtpAccount(postier.db, { structureId, port: 1 });
      const seeded = await seedMessages(postier.db, {
        structureId,
        accountId,
        count: 4,
        recipients: (i) => [`parent${i + 1}@famille.example`],
      });
      const set = (i: number, values: Record<string, string | number>) =>
        postier.db.updateTable('messages').set(values).where('id', '=', seeded.ids[i]!).execute();
      await set(0, {
        status: 'sent',
        sent_at: '2026-11-02T15:00:00.000Z',
        created_at: '2026-11-01T15:00:00.000Z',
      });
      await set(1, {
        status: 'failed',
        attempts: 1,
        last_reply: '550 5.1.1 User unknown',
        queued_by: 'paul',
      });
      await set(2, { status: 'blocked', workstation: 'ACCUEIL' });
      return { postier, ids: seeded.ids, documentIds: seeded.documentIds };
    }

    it('counts every status and lists the newest first as OutboxMessage objects', async () => {
      const { postier, ids } = await variedOutbox();

      const status = await outboxStatus(postier.db);

      expect(status.counts).toEqual({
        pending: 0,
        validated: 1,
        sending: 0,
        sent: 1,
        failed: 1,
        blocked: 1,
        uncertain: 0,
        withdrawn: 0,
      });
      expect(status.page.total).toBe(4);
      expect(status.page.items.map((m) => m.id)).toEqual([...ids].reverse());
      const failed = status.page.items.find((m) => m.id === ids[1])!;
      expect(failed).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastReply: '550 5.1.1 User unknown',
        to: ['parent2@famille.example'],
        dossierName: 'Mme Bérénice Lefèvre-Côté 2',
        queuedBy: 'paul',
      });
      expect(failed.documentNumber).toMatch(/^F-.+-2$/);
    });

    it('searches by status, address, dossier, document, user, workstation and dates', async () => {
      const { postier, ids, documentIds } = await variedOutbox();
      const found = async (search: Parameters<typeof outboxStatus>[1]) =>
        (await outboxStatus(postier.db, search)).page.items.map((m) => m.id);
      const dossierNumber = (await outboxStatus(postier.db, { documentId: documentIds[2]! })).page
        .items[0]!.dossierNumber;

      expect(await found({ statuses: ['failed', 'blocked'] })).toEqual([ids[2], ids[1]]);
      expect(await found({ email: 'PARENT3@' })).toEqual([ids[2]]);
      expect(await found({ email: '%' })).toEqual([]);
      expect(await found({ dossierNumber })).toEqual([ids[2]]);
      expect(await found({ documentId: documentIds[0]! })).toEqual([ids[0]]);
      expect(await found({ queuedBy: 'paul' })).toEqual([ids[1]]);
      expect(await found({ workstation: 'ACCUEIL' })).toEqual([ids[2]]);
      expect(await found({ sentFrom: '2026-11-01', sentTo: '2026-11-03' })).toEqual([ids[0]]);
      expect(await found({ createdTo: '2026-11-01' })).toEqual([ids[0]]);
      // The counts follow the criteria, except the status filter (they label the filter's choices).
      expect(
        (await outboxStatus(postier.db, { statuses: ['sent'], queuedBy: 'fixture' })).counts,
      ).toMatchObject({
        sent: 1,
        failed: 0,
        validated: 1,
        blocked: 1,
      });
    });

    it('one message with every journal event', async () => {
      const { postier, seeded } = await sentOutbox(await freshData(), 1);

      const detail = await messageDetail(postier.db, seeded.ids[0]!);

      expect(detail.message.status).toBe('sent');
      expect(detail.journal.map((j) => j.event)).toEqual(['sending', 'sent']);
      expect(detail.journal[1]!.serverReply).toMatch(/^250 /);
      const missing = await messageDetail(postier.db, 999).catch((e: unknown) => e);
      expect(isUserError(missing) && missing.code).toBe('outbox.error.messageNotFound');
    });
  });
});
