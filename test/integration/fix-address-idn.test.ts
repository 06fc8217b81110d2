// "Corriger l’adresse et renvoyer" with an international address, through the contract as the
// window calls it (outbox.fixAddress): the address is stored as import and the CLI store it
// (the domain in its ASCII form), the dossier's correspondent corrected alike, the new message
// goes to a real SMTP server under that form, and an address the wire cannot carry (accents
// before the @, a line break, a missing domain) is refused with one sentence in either
// language, changing nothing.
import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runOutbox } from '../../src-main/send/engine.js';
import { demoPostier, documentId } from '../support/demo-postier.js';
import { contractOver } from '../support/main-side.js';
import { smtpAccount, smtpTransportFactory } from '../support/outbox-fixture.js';
import { smtpServerForTest } from '../support/smtp-servers.js';
import { parseReceivedMessage } from '../support/smtp-test-server.js';

async function failedMessage() {
  const { postier } = await demoPostier();
  const doc = await documentId(postier, 'F202610-1003');
  const [old] = (await postier.prepare.prepare({ documentIds: [doc] })).queued;
  const row = await postier.db
    .updateTable('messages')
    .set({ status: 'failed', last_error: '550 5.1.1 User unknown', version: 2 })
    .where('id', '=', old!.id)
    .returning(['id', 'version', 'structure_id'])
    .executeTakeFirstOrThrow();
  return { postier, doc, message: row, side: contractOver(postier) };
}

describe('fix address: an international domain', () => {
  it('is stored, put on the dossier and sent in its ASCII form (punycode)', async () => {
    const { postier, doc, message, side } = await failedMessage();

    const answer = await side.call('outbox.fixAddress', {
      id: message.id,
      version: message.version,
      address: ' anais.Mailly@Bücher-Äpfel.de ',
    });

    expect(answer.ok).toBe(true);
    const fixed = answer.ok
      ? (answer.value as { id: number; version: number; to: string[] })
      : null;
    expect(fixed!.to).toEqual(['anais.Mailly@xn--bcher-pfel-v5a6z.de']);
    const addresses = await postier.db
      .selectFrom('message_addresses')
      .select('address')
      .where('document_id', '=', doc)
      .execute();
    expect(addresses.map((a) => a.address)).toEqual(['anais.mailly@xn--bcher-pfel-v5a6z.de']);
    const dossier = await postier.records.getDossierByNumber(message.structure_id, '1003');
    expect(dossier.correspondents.map((c) => c.email)).toEqual([
      'anais.Mailly@xn--bcher-pfel-v5a6z.de',
    ]);

    // The same address typed again in its Unicode form is the same address.
    const again = await side.call('outbox.fixAddress', {
      id: fixed!.id,
      version: fixed!.version,
      address: 'anais.mailly@bücher-äpfel.de',
    });
    expect(again.ok === false && again.error.code).toBe('error.message.sameAddress');

    // What the server is asked to deliver to: the ASCII form, which needs no SMTPUTF8.
    const server = await smtpServerForTest();
    await smtpAccount(postier.db, { structureId: message.structure_id, port: server.port });
    await postier.messageActions.validate([fixed!.id]);
    const summary = await runOutbox({
      db: postier.db,
      folder: postier.folder,
      transportFactory: smtpTransportFactory(postier.db),
      actor: { user: 'marie', workstation: 'COMPTA-2' },
    });
    expect(summary).toMatchObject({ sent: 1, failed: 0 });
    // The To header written on the wire is the ASCII form. The test server's library shows
    // the RCPT domain decoded to Unicode (it calls punycode.toUnicode), so it is compared in
    // its ASCII form.
    const [received] = server.messages;
    expect(parseReceivedMessage(received!.raw).header('to')).toBe(
      'anais.Mailly@xn--bcher-pfel-v5a6z.de',
    );
    expect(
      received!.envelope.to.map((to) => {
        const [local, domain] = to.split('@');
        return `${local}@${domainToASCII(domain!)}`;
      }),
    ).toEqual(['anais.mailly@xn--bcher-pfel-v5a6z.de']);
  });

  it('refuses what the wire cannot carry, in French and in English, and changes nothing', async () => {
    const { postier, message, side } = await failedMessage();
    const refused: Array<[string, string, RegExp]> = [
      ['anaïs@bücher.de', 'records.error.emailLocalNotAscii', /anaïs@bücher\.de/],
      ['anais@', 'error.email.invalid', /anais@/],
      ['anais@bücher..de', 'error.email.invalid', /bücher\.\.de/],
      ['anais@example.com\r\nBcc: x@evil.example', 'error.email.invalid', /example\.com/],
      ['anais@exa mple.com', 'error.email.invalid', /exa mple/],
    ];
    for (const [address, code, quoted] of refused) {
      for (const language of ['fr', 'en'] as const) {
        const answer = await side.call(
          'outbox.fixAddress',
          { id: message.id, version: message.version, address },
          language,
        );
        expect(answer.ok === false && answer.error.code, address).toBe(code);
        expect(answer.ok === false && answer.error.message, address).toMatch(quoted);
      }
    }
    const tooLong = await side.call('outbox.fixAddress', {
      id: message.id,
      address: `${'a'.repeat(250)}@bücher.de`,
    });
    expect(tooLong.ok).toBe(false);
    const row = await postier.db
      .selectFrom('messages')
      .select(['status', 'version'])
      .where('id', '=', message.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', version: message.version });
    expect(await postier.db.selectFrom('messages').select('id').execute()).toHaveLength(1);
  });
});
