// Mail the provider accepts as sent by the account: whatever the sender cascade picks, the
// envelope sender (MAIL FROM) is the account's own address; the From header carries the
// cascade's address only when the account may send as it, else the account's address with
// the cascade's address as Reply-To, and a no-reply address is never the only way back. The
// greeting names a real host, and accented names are encoded as the RFCs say. Checked on what
// a real SMTP server on 127.0.0.1 received, sent by the real engine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import { greetingName } from '../../src-main/mail/greeting-name.js';
import { encodedPhrase, MAX_ENCODED_WORD } from '../../src-main/mail/header-words.js';
import type { Sender } from '../../src-main/prepare/sender-cascade.js';
import { senderIdentity, type IdentityAccount } from '../../src-main/prepare/sender-identity.js';
import { addInvoiceDossiers } from '../support/invoice-dossiers.js';
import { freshPostier } from '../support/postier-fixture.js';
import { decodeEncodedWords } from '../support/smtp-test-server.js';
import { tempFolder } from '../support/temp-folder.js';

const ACCOUNT = 'bureau@cabinet-test.example';
const MANAGER = 'sophie@cabinet-test.example';
const GROUP = 'pavillon@cabinet-test.example';
const FUNCTIONAL = 'ne-pas-repondre@cabinet-test.example';
const COMMUNICATION = 'compta@cabinet-test.example';
const MANAGER_NAME = 'Marie-Éloïse Bérubé-Tremblay, directrice des services à la clientèle';
const ATTACHMENT = 'Relevé fiscal 2026 — Éloïse Côté.pdf';

interface Received {
  ehlo: string;
  mailFrom: string;
  raw: Buffer;
}

/** A plain SMTP server recording what each client said of itself and its envelope. */
async function recordingServer(): Promise<{
  port: number;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        received.push({
          ehlo: session.hostNameAppearsAs,
          mailFrom: from ? from.address : '',
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const opened: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  // Clients first: a server waits for its open connections to end.
  for (const item of opened.splice(0).reverse()) await item.close();
});

async function office(postier: Postier, port: number, sendAs: string[]) {
  const structure = await postier.records.chooseStructure();
  await postier.records.updateStructure(structure.id, structure.version, {
    senderName: 'Comptabilité',
    functionalEmail: FUNCTIONAL,
    communicationEmail: COMMUNICATION,
  });
  const manager = await postier.records.addStaff(structure.id, MANAGER_NAME, MANAGER);
  const group = await postier.records.addClientGroup(structure.id, 'Pavillon du Lac', GROUP);
  await addInvoiceDossiers(postier, structure.id, [
    { number: 'D1', managerId: manager.id },
    { number: 'D3', groupId: group.id },
    { number: 'D4' },
  ]);
  const account = await postier.accounts.setAccount(structure.id, {
    kind: 'smtp',
    host: '127.0.0.1',
    port,
    security: 'none',
    fromAddress: ACCOUNT,
    fromName: 'Cabinet',
    sendAs,
    pacing: { delayMs: 0, pauseEvery: 0, pauseMs: 0 },
  });
  return { structure, account };
}

interface Seen {
  ehlo: string;
  mailFrom: string;
  from: string;
  fromName: string;
  replyTo: string | null;
  raw: string;
  attachments: string[];
}

/** Prepares the batch, lets the engine send it, and reads back what the server got. */
async function sendBatch(sendAs: string[]) {
  const server = await recordingServer();
  opened.push(server);
  const postier = await freshPostier();
  const { account } = await office(postier, server.port, sendAs);
  const file = path.join(tempFolder(), ATTACHMENT);
  fs.writeFileSync(file, '%PDF-1.4 test\n');
  const { queued } = await postier.prepare.prepare({
    type: 'invoice',
    period: '2026-10',
    validate: true,
    generalAttachments: [file],
  });
  const preview = Object.fromEntries(queued.map((m) => [m.dossierNumber, m]));
  expect((await postier.sendEngine.run({})).sent).toBe(3);
  const seen: Record<string, Seen> = {};
  for (const message of server.received) {
    const parsed = await simpleParser(message.raw);
    const to = (parsed.to as AddressObject).value[0]!.address!;
    const dossier = /famille\.(d\d)@/.exec(to)![1]!.toUpperCase();
    seen[dossier] = {
      ehlo: message.ehlo,
      mailFrom: message.mailFrom,
      from: parsed.from!.value[0]!.address!,
      fromName: parsed.from!.value[0]!.name,
      replyTo: parsed.replyTo?.value[0]?.address ?? null,
      raw: message.raw.toString('latin1'),
      attachments: parsed.attachments.map((a) => a.filename ?? ''),
    };
  }
  return { seen, preview, account };
}

describe('mail sent as the account', () => {
  it('without "send as": the account’s address in the envelope and the From, the cascade’s as Reply-To', async () => {
    const { seen, preview } = await sendBatch([]);
    for (const dossier of ['D1', 'D3', 'D4']) {
      expect(seen[dossier]!.mailFrom, dossier).toBe(ACCOUNT);
      expect(seen[dossier]!.from, dossier).toBe(ACCOUNT);
    }
    expect(seen.D1).toMatchObject({ fromName: MANAGER_NAME, replyTo: MANAGER });
    expect(seen.D3).toMatchObject({ fromName: 'Comptabilité — Pavillon du Lac', replyTo: GROUP });
    // The cascade landed on the no-reply address: replies go to the communication address.
    expect(seen.D4).toMatchObject({ fromName: 'Comptabilité', replyTo: COMMUNICATION });
    // What the preview said is what left.
    for (const dossier of ['D1', 'D3', 'D4']) {
      expect(preview[dossier]!.fromAddress).toBe(seen[dossier]!.from);
      expect(preview[dossier]!.replyTo).toBe(seen[dossier]!.replyTo);
    }
  });

  it('with "send as": the From is the cascade’s address only where allowed, the envelope always the account’s', async () => {
    const { seen, account } = await sendBatch([MANAGER.toUpperCase(), FUNCTIONAL]);
    expect(account.sendAs).toEqual([FUNCTIONAL, MANAGER].sort());
    for (const dossier of ['D1', 'D3', 'D4']) expect(seen[dossier]!.mailFrom).toBe(ACCOUNT);
    expect(seen.D1).toMatchObject({ from: MANAGER, replyTo: null });
    expect(seen.D3).toMatchObject({ from: ACCOUNT, replyTo: GROUP });
    // Allowed to send as the no-reply address: a real Reply-To still goes with it.
    expect(seen.D4).toMatchObject({ from: FUNCTIONAL, replyTo: COMMUNICATION });
  });

  it('greets with a real host name and encodes accented names as the RFCs say', async () => {
    const { seen } = await sendBatch([]);
    const expected = greetingName(ACCOUNT);
    expect(seen.D1!.ehlo).toBe(expected);
    expect(seen.D1!.ehlo).not.toBe('[127.0.0.1]');
    if (!os.hostname().includes('.')) expect(seen.D1!.ehlo).toBe('cabinet-test.example');

    const raw = seen.D1!.raw;
    const headers = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(seen.D1!.attachments).toContain(ATTACHMENT);
    expect(raw).toContain('name="Releve fiscal 2026 _ Eloise Cote.pdf"');
    expect(raw).toMatch(/filename\*(0\*)?=utf-8''Relev%C3%A9%20fiscal/);
    // No encoded word inside a quoted string anywhere (RFC 2047 §5).
    expect(raw).not.toMatch(/"[^"\r\n]*=\?[^"\r\n]*\?=[^"\r\n]*"/);
    const fromHeader = /^From: (.*(?:\r\n[ \t].*)*)/m.exec(headers)![1]!.replace(/\r\n/g, '');
    const words = fromHeader.match(/=\?UTF-8\?Q\?[^?]*\?=/g)!;
    expect(words.length).toBeGreaterThan(1);
    for (const [index, word] of words.entries()) {
      expect(word.length).toBeLessThanOrEqual(75);
      // Cut between words: every encoded word but the last ends with the space.
      if (index < words.length - 1) expect(decodeEncodedWords(word)).toMatch(/ $/);
    }
    expect(seen.D1!.fromName).toBe(MANAGER_NAME);
  });

  it('a message queued before the change (From: the manager) still leaves with the account’s envelope', async () => {
    const server = await recordingServer();
    opened.push(server);
    const postier = await freshPostier();
    const { account } = await office(postier, server.port, []);
    const transport = await postier.methods.openTransport(account);
    opened.push(transport);
    await transport.send({
      messageIdHeader: '<ancien-1@cabinet-test.example>',
      from: { name: 'Sophie', address: MANAGER },
      replyTo: null,
      to: ['famille@example.com'],
      cc: [],
      bcc: [],
      subject: 'Ancien message',
      text: 'Bonjour',
      html: null,
      attachments: [],
      readReceiptTo: null,
      date: new Date(),
    });
    expect(server.received.map((r) => r.mailFrom)).toEqual([ACCOUNT]);
  });
});

describe('the rules, case by case', () => {
  const structure = { functionalEmail: FUNCTIONAL, communicationEmail: COMMUNICATION };
  const account: IdentityAccount = { ownAddress: ACCOUNT, replyTo: null, sendAs: new Set() };
  const sender = (source: Sender['source'], address: string): Sender => ({
    source,
    address,
    name: 'Nom',
  });

  it('picks the From and a real Reply-To for every level of the cascade', () => {
    const cases: [Sender, IdentityAccount, string, string | null][] = [
      [sender('manager', MANAGER), account, ACCOUNT, MANAGER],
      [sender('communication', COMMUNICATION), account, ACCOUNT, COMMUNICATION],
      [sender('account', ACCOUNT), account, ACCOUNT, null],
      [sender('functional', FUNCTIONAL), account, ACCOUNT, COMMUNICATION],
      // An office reply address wins over the cascade's, as it always did.
      [
        sender('manager', MANAGER),
        { ...account, replyTo: 'direction@cabinet-test.example' },
        ACCOUNT,
        'direction@cabinet-test.example',
      ],
      // A reply address that is itself a no-reply one is passed over.
      [
        sender('manager', MANAGER),
        { ...account, replyTo: 'noreply@cabinet-test.example' },
        ACCOUNT,
        MANAGER,
      ],
      [sender('manager', MANAGER), { ...account, sendAs: new Set([MANAGER]) }, MANAGER, null],
      // Allowed as sender, but its name says nobody reads it.
      [
        sender('group', 'no-reply@cabinet-test.example'),
        { ...account, sendAs: new Set(['no-reply@cabinet-test.example']) },
        'no-reply@cabinet-test.example',
        COMMUNICATION,
      ],
      // Only the no-reply address and the account: replies go to the account (the From).
      [sender('functional', FUNCTIONAL), account, ACCOUNT, null],
      // No account address at all (the sandbox): nothing leaves, the cascade's From is kept.
      [sender('manager', MANAGER), { ...account, ownAddress: null }, MANAGER, null],
    ];
    const results = cases.map(([s, a], index) =>
      senderIdentity(s, a, index === 8 ? { ...structure, communicationEmail: null } : structure),
    );
    expect(results.map((r) => [r.fromAddress, r.replyTo])).toEqual(
      cases.map(([, , from, replyTo]) => [from, replyTo]),
    );
    expect(results.every((r) => r.fromName === 'Nom')).toBe(true);
  });

  it('names the workstation when it has a dot, else the account’s domain', () => {
    expect(greetingName(ACCOUNT, 'PC-COMPTA')).toBe('cabinet-test.example');
    expect(greetingName(ACCOUNT, 'pc-compta.cabinet.local')).toBe('pc-compta.cabinet.local');
    expect(greetingName(ACCOUNT, '192.168.1.20')).toBe('cabinet-test.example');
    expect(greetingName(ACCOUNT, 'poste de Marie')).toBe('cabinet-test.example');
    expect(greetingName(null, 'PC-COMPTA')).toBeUndefined();
  });

  it('cuts a long display name between words, a single long word between characters', () => {
    for (const name of [
      MANAGER_NAME,
      'Zoé',
      `${'é'.repeat(80)} fin`,
      'Cabinet 請求書を添付いたします よろしくお願いいたします',
    ]) {
      const words = encodedPhrase(name).split(' ');
      for (const word of words) expect(word.length).toBeLessThanOrEqual(MAX_ENCODED_WORD);
      expect(decodeEncodedWords(encodedPhrase(name))).toBe(name);
    }
  });
});
