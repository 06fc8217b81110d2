// "Envoyer par e-mail" to addresses the user chose: a correspondent of the dossier and an
// address typed in the dialog. The chosen addresses replace the correspondents, the dossier's
// opt-in does not hold them back, and everything else of a send still applies: the password
// rule and its encrypted PDF, the sender, the already-queued check per address, the journal.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate } from '../../src-shared/i18n/catalog.js';
import { isUserError } from '../../src-shared/errors.js';
import type { Postier } from '../../src-main/app/postier.js';
import { readPdfText } from '../../src-main/pdf/read.js';
import { demoPostier, documentId } from '../support/demo-postier.js';

async function count(postier: Postier, table: 'messages' | 'send_batches' | 'send_journal') {
  const row = await postier.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('a single send to chosen addresses', () => {
  it('sends to one correspondent and a typed address, each once whatever its case', async () => {
    const { postier } = await demoPostier();
    const invoice = await documentId(postier, 'F202610-1001');
    const usual = await postier.prepare.prepare({ documentIds: [invoice], dryRun: true });

    const result = await postier.prepare.prepare({
      documentIds: [invoice],
      recipients: [
        ' fred.cote@example.net',
        'Notaire.Famille@Example.org',
        'FRED.COTE@example.net',
      ],
      validate: true,
    });

    expect(result.excluded).toEqual([]);
    expect(result.queued.map((m) => m.to)).toEqual([
      ['fred.cote@example.net'],
      ['Notaire.Famille@Example.org'],
    ]);
    // The correspondent is greeted by name; the typed address, which no one of the dossier
    // has, gets the template's greeting without a name.
    expect(result.queued[0]!.textBody).toMatch(/^Bonjour Frédéric Côté,/);
    expect(result.queued[1]!.textBody).toMatch(/^Bonjour,/);
    for (const message of result.queued) {
      expect(message.fromAddress).toBe(usual.queued[0]!.fromAddress);
      expect(message.status).toBe('validated');
      expect(message.attachments.map((a) => a.fileName)).toEqual(['Facture F202610-1001.pdf']);
      expect(await postier.documents.contents.exists(message.attachments[0]!.path)).toBe(true);
    }
    const keys = await postier.db
      .selectFrom('message_addresses')
      .select('address')
      .where('document_id', '=', invoice)
      .orderBy('address')
      .execute();
    expect(keys.map((k) => k.address)).toEqual([
      'fred.cote@example.net',
      'notaire.famille@example.org',
    ]);
    const journal = await postier.db
      .selectFrom('send_journal')
      .select(['event', 'detail'])
      .where('document_id', '=', invoice)
      .where('event', '=', 'queued')
      .execute();
    expect(journal.map((j) => j.detail).join('\n')).toContain('Notaire.Famille@Example.org');

    // Sending it again to the same addresses is refused per address; a new one still goes.
    const again = await postier.prepare.prepare({
      documentIds: [invoice],
      recipients: ['notaire.famille@example.org', 'helene.cote@example.com'],
    });
    expect(again.queued.map((m) => m.to)).toEqual([['helene.cote@example.com']]);
    expect(again.excluded.map((e) => [e.reason, e.detail])).toEqual([
      ['already_queued', 'notaire.famille@example.org'],
    ]);
  });

  it('sends to a dossier that does not take documents by e-mail when the user asks', async () => {
    const { postier } = await demoPostier();
    const invoice = await documentId(postier, 'F202610-1010');
    const usual = await postier.prepare.prepare({ documentIds: [invoice], dryRun: true });
    expect(usual.excluded.map((e) => e.reason)).toEqual(['opted_out']);

    const chosen = await postier.prepare.prepare({
      documentIds: [invoice],
      recipients: ['chloe.boucher@example.org'],
    });
    expect(chosen.excluded).toEqual([]);
    expect(chosen.queued.map((m) => [m.dossierNumber, m.to, m.status])).toEqual([
      ['1010', ['chloe.boucher@example.org'], 'pending'],
    ]);
  });

  it('protects a tax slip with the dossier’s password for a typed address too', async () => {
    const { postier } = await demoPostier();
    const slip = await documentId(postier, 'RL-2025-1001');
    const result = await postier.prepare.prepare({
      documentIds: [slip],
      recipients: ['comptable@cabinet.example'],
    });
    const [message] = result.queued;
    expect(message).toMatchObject({ to: ['comptable@cabinet.example'], passwordProtected: true });
    const bytes = await postier.documents.contents.read(message!.attachments[0]!.path);
    expect((await readPdfText(bytes, { password: '046454286' })).join('\n')).toContain(
      'RL-2025-1001',
    );
    await expect(readPdfText(bytes)).rejects.toMatchObject({ code: 'error.pdf.unreadable' });
  });

  it('refuses an invalid typed address, naming it, and writes nothing', async () => {
    const { postier } = await demoPostier();
    const invoice = await documentId(postier, 'F202610-1001');
    const before = await Promise.all([
      count(postier, 'messages'),
      count(postier, 'send_batches'),
      count(postier, 'send_journal'),
    ]);

    const failure = await postier.prepare
      .prepare({
        documentIds: [invoice],
        recipients: ['helene.cote@example.com', 'gerard@exemple'],
      })
      .catch((error: unknown) => error);

    expect(isUserError(failure) && failure.code).toBe('error.email.invalid');
    if (!isUserError(failure)) throw failure;
    expect(translate('fr', failure.code, failure.params)).toBe(
      'L’adresse e-mail « gerard@exemple » n’est pas valide : vérifiez-la (exemple : nom@domaine.fr).',
    );
    expect(
      await Promise.all([
        count(postier, 'messages'),
        count(postier, 'send_batches'),
        count(postier, 'send_journal'),
      ]),
    ).toEqual(before);
    expect(fs.existsSync(postier.folder.resolve('outbox'))).toBe(false);
  });

  it('takes chosen addresses for one document only, and at least one', async () => {
    const { postier } = await demoPostier();
    const first = await documentId(postier, 'F202610-1001');
    const second = await documentId(postier, 'F202610-1002');
    await expect(
      postier.prepare.prepare({ documentIds: [first, second], recipients: ['a@example.com'] }),
    ).rejects.toMatchObject({ code: 'error.prepare.recipientsOneDocument' });
    await expect(
      postier.prepare.prepare({ type: 'invoice', period: '2026-10', recipients: ['a@b.example'] }),
    ).rejects.toMatchObject({ code: 'error.prepare.recipientsOneDocument' });
    await expect(
      postier.prepare.prepare({ documentIds: [first], recipients: ['  '] }),
    ).rejects.toMatchObject({ code: 'error.email.invalid' });
    await expect(
      postier.prepare.prepare({ documentIds: [first], recipients: [] }),
    ).rejects.toMatchObject({ code: 'error.prepare.noRecipient' });
  });
});
