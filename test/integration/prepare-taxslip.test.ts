// Tax slips, as in the tax-slip seed: no copy before the summary, and each PDF protected by
// the person's SIN (000000000 when it was not given), encrypted per message. The SIN never
// appears in a message, the journal or an error.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import { readPdfText } from '../../src-main/pdf/read.js';
import { demoPostier } from '../support/demo-postier.js';
import { failInsertsWhere } from '../support/postier-fixture.js';
import { onPostgres } from '../support/dialects.js';

const SIN_1001 = '046454286';
const SIN_1007 = '193456787';

async function attachmentBytes(postier: Postier, path: string): Promise<Buffer> {
  return postier.documents.contents.read(path);
}

/** How many contents `document_contents` holds (PostgreSQL's content store; empty on SQLite). */
async function contentRows(postier: Postier): Promise<number> {
  const row = await postier.db
    .selectFrom('document_contents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('preparing tax slips', () => {
  it('leaves out the slips without a summary number and protects the others with the SIN or 000000000', async () => {
    const { postier } = await demoPostier();
    const result = await postier.prepare.prepare({ type: 'taxslip', period: '2025' });

    expect(result.excluded.map((e) => [e.dossierNumber, e.reason, e.detail]).sort()).toEqual([
      ['1003', 'precondition', 'summary_number'],
      ['1004', 'no_address', null],
      ['1006', 'precondition', 'summary_number'],
    ]);
    expect(result.queued.map((m) => m.dossierNumber).sort()).toEqual([
      '1001',
      '1001',
      '1002',
      '1005',
      '1005',
      '1007',
      '1008',
    ]);
    expect(result.warnings.map((w) => w.code)).not.toContain('warning.password.notExplained');

    for (const message of result.queued) {
      expect(message.passwordProtected).toBe(true);
      expect(message.attachments).toHaveLength(1);
      expect(message.attachments[0]).toMatchObject({ role: 'document', encrypted: true });
      expect(message.attachments[0]!.fileName).toMatch(/^Relevé fiscal RL-2025-\d{4}\.pdf$/);
      // The encrypted copy: the batch's own file in the data folder, or its content in the
      // database on PostgreSQL (documents/content-store.ts).
      expect(message.attachments[0]!.path).toMatch(
        onPostgres
          ? /^sha256:[0-9a-f]{64}$/
          : new RegExp(`^outbox/${result.batchId}/files(-2)?/Relevé fiscal RL-2025-\\d{4}\\.pdf$`),
      );
      expect(message.textBody).toContain('mot de passe');
    }

    // Bérénice has a SIN: it opens her slip, 000000000 does not.
    const berenice = result.queued.filter((m) => m.dossierNumber === '1001');
    // Her two parents get a copy each, same name, each encrypted apart: the second in files-2/
    // (on PostgreSQL two contents, since each encryption gives other bytes).
    expect(berenice.map((m) => m.attachments[0]!.fileName)).toEqual([
      'Relevé fiscal RL-2025-1001.pdf',
      'Relevé fiscal RL-2025-1001.pdf',
    ]);
    const bereniceCopies = berenice.map((m) => m.attachments[0]!.path);
    if (onPostgres) expect(new Set(bereniceCopies).size).toBe(2);
    else
      expect(bereniceCopies).toEqual([
        `outbox/${result.batchId}/files/Relevé fiscal RL-2025-1001.pdf`,
        `outbox/${result.batchId}/files-2/Relevé fiscal RL-2025-1001.pdf`,
      ]);
    const bereniceBytes = await attachmentBytes(postier, berenice[0]!.attachments[0]!.path);
    expect((await readPdfText(bereniceBytes, { password: SIN_1001 })).join('\n')).toContain(
      'RL-2025-1001',
    );
    await expect(readPdfText(bereniceBytes, { password: '000000000' })).rejects.toMatchObject({
      code: 'error.pdf.unreadable',
    });
    await expect(readPdfText(bereniceBytes)).rejects.toMatchObject({
      code: 'error.pdf.unreadable',
    });

    const cecile = result.queued.find((m) => m.dossierNumber === '1007')!;
    const cecileBytes = await attachmentBytes(postier, cecile.attachments[0]!.path);
    expect((await readPdfText(cecileBytes, { password: SIN_1007 })).join('\n')).toContain(
      'RL-2025-1007',
    );
    await expect(readPdfText(cecileBytes, { password: SIN_1001 })).rejects.toMatchObject({
      code: 'error.pdf.unreadable',
    });

    // Jean-François has none: the seed's zeros open his.
    const jeanFrancois = result.queued.find((m) => m.dossierNumber === '1002')!;
    const jfBytes = await attachmentBytes(postier, jeanFrancois.attachments[0]!.path);
    expect((await readPdfText(jfBytes, { password: '000000000' })).join('\n')).toContain(
      'RL-2025-1002',
    );
    await expect(readPdfText(jfBytes, { password: '123456789' })).rejects.toMatchObject({
      code: 'error.pdf.unreadable',
    });

    // The slip in the journal stays readable without a password: only the copies are protected.
    const original = await postier.documents.readPdf(jeanFrancois.documentId);
    expect((await readPdfText(original)).join('\n')).toContain('RL-2025-1002');
  });

  it('keeps the SIN out of messages, the journal and the result', async () => {
    const { postier } = await demoPostier();
    const result = await postier.prepare.prepare({ type: 'taxslip', period: '2025' });
    const rows = await postier.db.selectFrom('messages').selectAll().execute();
    const journal = await postier.db.selectFrom('send_journal').selectAll().execute();
    const everything = JSON.stringify([result, rows, journal]);
    for (const sin of [SIN_1001, SIN_1007, '130692544', '287654320'])
      expect(everything).not.toContain(sin);
  });

  it('warns when the message does not explain the password', async () => {
    const { postier } = await demoPostier();
    const result = await postier.prepare.prepare({
      type: 'taxslip',
      period: '2025',
      textBody: 'Bonjour {{destinataire}},\n\nVoici le relevé de {{personne}}.',
      dryRun: true,
    });
    expect(result.warnings).toContainEqual({
      code: 'warning.password.notExplained',
      params: { type: 'Relevé fiscal' },
    });
    const explained = await postier.prepare.prepare({
      type: 'taxslip',
      period: '2025',
      textBody: 'Le mot de passe est le NAS de {{personne}}.',
      dryRun: true,
    });
    expect(explained.warnings.map((w) => w.code)).not.toContain('warning.password.notExplained');
  });

  it('encrypts nothing and writes no file in a dry run', async () => {
    const { postier } = await demoPostier();
    const contentsBefore = await contentRows(postier);
    const preview = await postier.prepare.prepare({
      type: 'taxslip',
      period: '2025',
      dryRun: true,
    });
    expect(preview.queued).toHaveLength(7);
    expect(preview.queued.every((m) => m.passwordProtected && m.attachments[0]!.encrypted)).toBe(
      true,
    );
    expect(fs.existsSync(postier.folder.resolve('outbox'))).toBe(false);
    expect(await contentRows(postier)).toBe(contentsBefore);
  });

  it('refuses a password rule naming an unknown field before anything is queued', async () => {
    const { postier } = await demoPostier();
    await postier.db
      .updateTable('document_types')
      .set({ password_rule: '{{numero_ass}}' })
      .where('code', '=', 'taxslip')
      .execute();
    await expect(
      postier.prepare.prepare({ type: 'taxslip', period: '2025' }),
    ).rejects.toMatchObject({
      code: 'error.password.ruleField',
      params: { type: 'Relevé fiscal', field: 'numero_ass' },
    });
    const messages = await postier.db.selectFrom('messages').select('id').execute();
    expect(messages).toEqual([]);
  });

  it('leaves neither rows nor files when the transaction fails', async () => {
    const { postier } = await demoPostier();
    // The database refuses one message halfway through the batch, as a full disk would (a
    // trigger is written in each database's own language).
    await failInsertsWhere(postier, 'messages', "new.to_addresses like '%noemie%'", 'disque plein');
    await expect(postier.prepare.prepare({ type: 'taxslip', period: '2025' })).rejects.toThrow(
      'disque plein',
    );
    for (const table of [
      'messages',
      'message_addresses',
      'send_batches',
      'send_journal',
    ] as const) {
      expect(await postier.db.selectFrom(table).selectAll().execute(), table).toEqual([]);
    }
    const states = await postier.db
      .selectFrom('documents')
      .select('email_state')
      .distinct()
      .execute();
    expect(states).toEqual([{ email_state: 'none' }]);
    expect(fs.existsSync(postier.folder.resolve('outbox/1'))).toBe(false);
  });
});
