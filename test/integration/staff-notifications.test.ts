// Staff notifications (issue 17, point 3) against a real SMTP server on 127.0.0.1: a run with
// refused addresses sends ONE notification to the staff the office chose (in each one's
// language), naming the failures, never their SIN; with nobody chosen, the cascade's
// address gets it; a run that went well says its counts when chosen; each is in the send
// journal; and a run is never notified twice.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import type { Language } from '../../src-shared/i18n/catalog.js';
import { sayStored } from '../../src-shared/i18n/said.js';
import { Notifier } from '../../src-main/notifications/notifier.js';
import { runOutbox } from '../../src-main/send/engine.js';
import type { RunReport } from '../../src-main/send/run-contract.js';
import { seedMessages, smtpAccount, smtpTransportFactory } from '../support/outbox-fixture.js';
import { freshPostier } from '../support/postier-fixture.js';
import { smtpServerForTest } from '../support/smtp-servers.js';
import type { ReceivedSmtpMessage, SmtpTestServer } from '../support/smtp-test-server.js';

const SIN = '046454286';
const ACTOR = { user: 'marie', workstation: 'COMPTA-2' };

interface Setup {
  postier: Postier;
  server: SmtpTestServer;
  structureId: number;
}

/** `count` messages; those whose index is in `refused` go to an address the server refuses. */
async function setup(count: number, refused: number[] = []): Promise<Setup> {
  const postier = await freshPostier();
  const server = await smtpServerForTest();
  const structureId = (await postier.records.chooseStructure()).id;
  const accountId = await smtpAccount(postier.db, { structureId, port: server.port });
  await seedMessages(postier.db, {
    structureId,
    accountId,
    count,
    sin: SIN,
    recipients: (i) => [
      refused.includes(i) ? `parti.${i}@example.com` : `famille.${i}@example.com`,
    ],
  });
  for (const i of refused)
    server.setBehavior(
      { recipient: `parti.${i}@example.com` },
      {
        at: 'rcpt',
        reply: 550,
        text: `5.1.1 <parti.${i}@example.com>: Recipient address rejected`,
      },
    );
  return { postier, server, structureId };
}

/** What the server received for this address, parsed as a mail client reads it. */
async function receivedBy(server: SmtpTestServer, address: string): Promise<Received[]> {
  const raws = server.messages.filter((m: ReceivedSmtpMessage) => m.envelope.to.includes(address));
  return Promise.all(
    raws.map(async (m) => {
      const parsed = await simpleParser(m.raw);
      return {
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
        from: parsed.from?.value[0]?.address ?? '',
        attachments: parsed.attachments.length,
        raw: m.raw.toString('utf8'),
      };
    }),
  );
}

interface Received {
  subject: string;
  text: string;
  from: string;
  attachments: number;
  raw: string;
}

/** The journal's lines of an event, their detail said in French (stored in no language). */
async function journal(postier: Postier, event: string, language: Language = 'fr') {
  const rows = await postier.db
    .selectFrom('send_journal')
    .select(['detail', 'server_reply'])
    .where('event', '=', event)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, detail: sayStored(language, row.detail) }));
}

describe('staff notifications', () => {
  it('a failed run sends one notification to each chosen staff member, in their language, naming the failures without the SIN', async () => {
    const { postier, server, structureId } = await setup(5, [1, 3]);
    const staff = postier.notifications;
    await staff.saveStaff(structureId, {
      name: 'Marie Tremblay',
      email: 'marie@bureau.example',
      language: 'fr',
    });
    await staff.saveStaff(structureId, {
      name: 'John Smith',
      email: 'john@bureau.example',
      language: 'en',
    });
    const ids = await staff.staffIdsByName(structureId, ['marie tremblay', 'John Smith']);
    await staff.setChoice(structureId, 'failures', { mode: 'chosen', staffIds: ids });

    const summary = await postier.sendEngine.run({ actor: ACTOR });

    expect(summary).toMatchObject({ sent: 3, failed: 2 });
    const toMarie = await receivedBy(server, 'marie@bureau.example');
    const toJohn = await receivedBy(server, 'john@bureau.example');
    expect(toMarie).toHaveLength(1);
    expect(toJohn).toHaveLength(1);
    const fr = toMarie[0]!;
    const en = toJohn[0]!;
    expect(fr.subject).toBe('[Postier] Résidence Test : 2 messages en échec');
    expect(en.subject).toBe('[Postier] Résidence Test: 2 messages failed');
    for (const { text, raw, from, attachments } of [fr, en]) {
      expect(text).toContain('parti.1@example.com');
      expect(text).toContain('parti.3@example.com');
      expect(text).toContain('550 5.1.1');
      expect(text).toContain('Lefèvre-Côté 2');
      expect(text).toContain('Lefèvre-Côté 4');
      // Those that went are not named; the SIN is nowhere; no PDF.
      expect(text).not.toContain('famille.0@example.com');
      expect(raw).not.toContain(SIN);
      expect(attachments).toBe(0);
      // Sent through the structure's own account.
      expect(from).toBe('bureau@residence-test.example');
    }
    expect(fr.text).toContain('Ces messages n’ont pas pu être remis');
    expect(en.text).toContain('These messages could not be delivered');
    // Why each failed, in the reader's language, the server's words beside it.
    expect(fr.text).toContain('Le serveur a refusé le destinataire');
    expect(en.text).toContain('The server refused the recipient');
    expect(en.text).not.toContain('Le serveur');
    // Nothing else went to the staff: "finished" is off until chosen.
    expect(server.messages).toHaveLength(3 + 2);
    const notified = await journal(postier, 'notified');
    expect(notified.map((j) => j.detail).sort()).toEqual([
      'Notification « Messages en échec » envoyée à john@bureau.example.',
      'Notification « Messages en échec » envoyée à marie@bureau.example.',
    ]);
    expect(notified[0]!.server_reply).toMatch(/^250/);
    // The Journal in English says the line in English.
    expect((await journal(postier, 'notified', 'en'))[0]!.detail).toBe(
      'Notification “Failed messages” sent to john@bureau.example.',
    );
  });

  it('with nobody chosen, the cascade decides: the manager, else the functional address (not a no-reply one), else the communication address', async () => {
    const { postier, server, structureId } = await setup(2, [0]);
    const structure = await postier.records.getStructure(structureId);
    const saved = await postier.records.updateStructure(structure.id, structure.version, {
      functionalEmail: 'ne-pas-repondre@residence-test.example',
      communicationEmail: 'info@residence-test.example',
    });
    const settings = await postier.notifications.settings(structureId);
    expect(settings.events.find((e) => e.event === 'failures')).toMatchObject({
      choice: { mode: 'cascade' },
      recipients: [{ address: 'info@residence-test.example', source: 'communication' }],
    });

    await postier.sendEngine.run({ actor: ACTOR });

    const sent = await receivedBy(server, 'info@residence-test.example');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe('[Postier] Résidence Test : 1 message en échec');
    expect(await receivedBy(server, 'ne-pas-repondre@residence-test.example')).toHaveLength(0);

    // A functional address someone reads comes before the communication address…
    await postier.records.updateStructure(saved.id, saved.version, {
      functionalEmail: 'secretariat@residence-test.example',
    });
    expect(await postier.notifications.recipients(structureId, 'failures')).toMatchObject([
      { address: 'secretariat@residence-test.example', source: 'functional' },
    ]);
    // … and a designated manager before both.
    await postier.notifications.saveStaff(structureId, {
      name: 'Luc Gagnon',
      email: 'luc@bureau.example',
      language: 'en',
      manager: true,
    });
    expect(await postier.notifications.recipients(structureId, 'failures')).toEqual([
      { address: 'luc@bureau.example', name: 'Luc Gagnon', language: 'en', source: 'manager' },
    ]);
  });

  it('a run that went well says its counts when "finished" is chosen, and no run is notified twice', async () => {
    const { postier, server, structureId } = await setup(3);
    await postier.notifications.setChoice(structureId, 'run_finished', {
      mode: 'chosen',
      addresses: ['direction@bureau.example'],
    });
    const reports: RunReport[] = [];
    const notifier = new Notifier({
      db: postier.db,
      records: postier.records,
      settings: postier.notifications,
      openTransport: smtpTransportFactory(postier.db),
    });
    const summary = await runOutbox({
      db: postier.db,
      folder: postier.folder,
      transportFactory: smtpTransportFactory(postier.db),
      actor: ACTOR,
      afterRun: async (report) => {
        reports.push(report);
        await notifier.afterRun(report);
      },
    });
    expect(summary).toMatchObject({ sent: 3, failed: 0 });
    const finished = await receivedBy(server, 'direction@bureau.example');
    expect(finished).toHaveLength(1);
    expect(finished[0]!.subject).toBe(
      '[Postier] Résidence Test : envoi terminé — 3 envoyés, 0 en échec',
    );
    expect(finished[0]!.text).toContain('Envoyés : 3. En échec : 0.');
    expect(finished[0]!.text).toContain('Envoi lancé par marie sur COMPTA-2');

    // The same run reported again (a second process, a retry): nothing more leaves.
    await notifier.afterRun(reports[0]!);
    expect(await receivedBy(server, 'direction@bureau.example')).toHaveLength(1);
    expect(await journal(postier, 'notified')).toHaveLength(1);

    // A run with nothing to do notifies nobody (a background sender looks often).
    await postier.sendEngine.run({ actor: ACTOR });
    expect(await receivedBy(server, 'direction@bureau.example')).toHaveLength(1);
  });

  it('60 failures make one notification listing the first 25 and "and 35 more"', async () => {
    const refused = Array.from({ length: 60 }, (_, i) => i);
    const { postier, server, structureId } = await setup(60, refused);
    await postier.sendEngine.setAutoPauseAfterFailures(0);
    await postier.notifications.setChoice(structureId, 'failures', {
      mode: 'chosen',
      addresses: ['direction@bureau.example'],
    });

    const summary = await postier.sendEngine.run({ actor: ACTOR });

    expect(summary).toMatchObject({ sent: 0, failed: 60 });
    const sent = await receivedBy(server, 'direction@bureau.example');
    expect(sent).toHaveLength(1);
    expect(server.messages).toHaveLength(1);
    expect(sent[0]!.subject).toBe('[Postier] Résidence Test : 60 messages en échec');
    expect(sent[0]!.text.match(/^- /gm)).toHaveLength(25);
    expect(sent[0]!.text).toContain('… et 35 autres.');
  });
  it('a message left uncertain is named to the cascade, to decide; a bounce check names its bounces', async () => {
    const { postier, server, structureId } = await setup(2);
    const structure = await postier.records.getStructure(structureId);
    await postier.records.updateStructure(structure.id, structure.version, {
      communicationEmail: 'info@residence-test.example',
    });
    // The server takes the first message whole, then hangs up without answering.
    server.setBehavior({ message: 1, times: 1 }, { at: 'data', noReply: 'drop' });

    const summary = await postier.sendEngine.run({ actor: ACTOR });

    expect(summary.uncertain).toBe(1);
    const sent = await receivedBy(server, 'info@residence-test.example');
    expect(sent.map((m) => m.subject)).toEqual([
      '[Postier] Résidence Test : 1 message incertain à décider',
    ]);
    expect(sent[0]!.text).toContain('Lefèvre-Côté 1');
    expect(sent[0]!.text).toContain('décidez : envoyé, à renvoyer ou en échec');
    expect(sent[0]!.raw).not.toContain(SIN);

    // A bounce check that marked the second message failed (its server had taken it, or it
    // waits behind the paused account: the bounce says it failed): one notification naming it.
    const second = await postier.db
      .selectFrom('messages')
      .select(['id', 'document_id'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const notifier = new Notifier({
      db: postier.db,
      records: postier.records,
      settings: postier.notifications,
      openTransport: smtpTransportFactory(postier.db),
    });
    await notifier.afterBounces(
      structureId,
      [
        {
          messageId: second.id,
          documentId: second.document_id,
          address: 'famille.1@example.com',
          status: '5.1.1',
          reason: 'unknown_address',
          reasonText: 'adresse inconnue',
          diagnostic: '550 5.1.1 User unknown',
          change: 'failed',
        },
      ],
      ACTOR,
    );
    const bounces = (await receivedBy(server, 'info@residence-test.example')).slice(1);
    expect(bounces.map((m) => m.subject)).toEqual([
      '[Postier] Résidence Test : 1 retour en erreur',
    ]);
    expect(bounces[0]!.text).toContain(
      'famille.1@example.com : adresse inconnue (550 5.1.1 User unknown)',
    );
  });

  it('an account that refuses to connect: its notification is tried and, refused too, journaled as not sent', async () => {
    const postier = await freshPostier();
    const server = await smtpServerForTest({ auth: { username: 'bureau', password: 'le-bon' } });
    const structureId = (await postier.records.chooseStructure()).id;
    const accountId = await smtpAccount(postier.db, {
      structureId,
      port: server.port,
      username: 'bureau',
    });
    await seedMessages(postier.db, { structureId, accountId, count: 2, sin: SIN });
    await postier.notifications.setChoice(structureId, 'account', {
      mode: 'chosen',
      addresses: ['direction@bureau.example'],
    });
    const factory = smtpTransportFactory(postier.db, { password: 'le-mauvais' });
    const notifier = new Notifier({
      db: postier.db,
      records: postier.records,
      settings: postier.notifications,
      openTransport: factory,
    });

    const summary = await runOutbox({
      db: postier.db,
      folder: postier.folder,
      transportFactory: factory,
      actor: ACTOR,
      afterRun: (report) => notifier.afterRun(report),
    });

    expect(summary.stoppedBy?.code).toBe('outbox.stopped.account');
    expect(server.messages).toHaveLength(0);
    const failed = await journal(postier, 'notify_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.detail).toMatch(
      /^Notification « Compte d’envoi à reconnecter » non envoyée à direction@bureau\.example : .*(mot de passe|refus)/i,
    );
    expect(await journal(postier, 'notified')).toHaveLength(0);
  });
  it('messages a dead engine left with the server are named to decide by the next run', async () => {
    const postier = await freshPostier();
    const server = await smtpServerForTest();
    const structureId = (await postier.records.chooseStructure()).id;
    const accountId = await smtpAccount(postier.db, { structureId, port: server.port });
    await seedMessages(postier.db, {
      structureId,
      accountId,
      count: 2,
      sin: SIN,
      status: 'sending',
      sendingBy: 'SERVEUR-01:robot-mort',
    });
    await postier.notifications.setChoice(structureId, 'uncertain', {
      mode: 'chosen',
      addresses: ['direction@bureau.example'],
    });

    const summary = await postier.sendEngine.run({ actor: ACTOR });

    expect(summary.uncertain).toBe(2);
    const sent = await receivedBy(server, 'direction@bureau.example');
    expect(sent.map((m) => m.subject)).toEqual([
      '[Postier] Résidence Test : 2 messages incertains à décider',
    ]);
    expect(sent[0]!.text).toContain('Lefèvre-Côté 1');
    expect(sent[0]!.text).toContain('Lefèvre-Côté 2');
    expect(sent[0]!.raw).not.toContain(SIN);
    // Still uncertain at the next run: not named again (that run marked none).
    await postier.sendEngine.run({ actor: ACTOR });
    expect(await receivedBy(server, 'direction@bureau.example')).toHaveLength(1);
  });
});
