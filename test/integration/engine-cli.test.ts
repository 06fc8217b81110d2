// `postier send run | status | uncertain resolve` and `postier journal export`, run as a user
// would, in a child process, against a real SMTP server.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPostier } from '../../src-main/app/postier.js';
import { postier as cli } from '../support/cli.js';
import { freshDataPlace } from '../support/dialects.js';
import { seedMessages, smtpAccount } from '../support/outbox-fixture.js';
import { type SmtpTestServerOptions } from '../support/smtp-test-server.js';
import { smtpServerForTest } from '../support/smtp-servers.js';
import { tempFolder } from '../support/temp-folder.js';

async function dataFolderWithOutbox(
  count: number,
  options: { server?: SmtpTestServerOptions; delayMs?: number } = {},
) {
  const dataPath = await freshDataPlace();
  const server = await smtpServerForTest(options.server);
  const postier = await openPostier({ dataPath });
  const structureId = (await postier.records.createStructure({ name: 'Résidence Les Érables' })).id;
  const accountId = await smtpAccount(postier.db, {
    structureId,
    port: server.port,
    pacing: { delayMs: options.delayMs ?? 0 },
  });
  const seeded = await seedMessages(postier.db, {
    structureId,
    accountId,
    count,
    recipients: (i) => [i === 1 ? 'inconnu@example.com' : `famille${i + 1}@example.com`],
  });
  await postier.close();
  return { dataPath, server, seeded };
}

const ENV = { POSTIER_USER: 'marie', POSTIER_WORKSTATION: 'COMPTA-2' };

describe('postier send run', () => {
  it('prints its progress in French and ends with the summary; a refused message is no reason to fail', async () => {
    const { dataPath, server } = await dataFolderWithOutbox(3, { delayMs: 300 });
    server.setBehavior(
      { recipient: 'inconnu@example.com' },
      { at: 'rcpt', reply: 550, text: '5.1.1 <inconnu@example.com>: Recipient address rejected' },
    );

    const result = await cli(['send', 'run', '--data', dataPath], ENV);

    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^1\/3 envoyés — prochain envoi à \d\d:\d\d:\d\d$/);
    expect(lines[1]).toMatch(/^1\/3 envoyés, 1 en échec — prochain envoi à \d\d:\d\d:\d\d$/);
    expect(lines[2]).toBe('2/3 envoyés, 1 en échec');
    expect(lines[3]).toBe(
      'Envoi terminé : 2 envoyés, 1 en échec, 0 à réessayer plus tard, 0 incertain à vérifier, 0 restant.',
    );
    expect(result.stderr).toBe('');
  });

  it('speaks English with POSTIER_LANG=en: its progress, its summary, and status --json', async () => {
    const { dataPath, server } = await dataFolderWithOutbox(3, { delayMs: 300 });
    server.setBehavior(
      { recipient: 'inconnu@example.com' },
      { at: 'rcpt', reply: 550, text: '5.1.1 <inconnu@example.com>: Recipient address rejected' },
    );
    const EN = { ...ENV, POSTIER_LANG: 'en' };

    const result = await cli(['send', 'run', '--data', dataPath], EN);

    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^1\/3 sent — next send at \d\d:\d\d:\d\d$/);
    expect(lines[2]).toBe('2/3 sent, 1 failed');
    expect(lines[3]).toMatch(/^Send finished: 2 sent, 1 failed/);
    // Without the server's words (a connection lost…), why it failed, said in English.
    const postier = await openPostier({ dataPath });
    await postier.db.updateTable('messages').set({ last_reply: null }).execute();
    await postier.close();
    const status = await cli(['send', 'status', '--json', '--data', dataPath], EN);
    const { messages } = JSON.parse(status.stdout) as {
      messages: { to: string[]; statusText: string; lastError: string | null }[];
    };
    const refused = messages.find((m) => m.to.includes('inconnu@example.com'))!;
    expect(refused.statusText).toBe('Error while sending');
    expect(refused.lastError).toMatch(/^The server refused the recipient/);
    const sent = messages.find((m) => m.to.includes('famille1@example.com'))!;
    expect(sent.statusText).toBe('Sent successfully');
    const table = await cli(['send', 'status', '--data', dataPath], EN);
    expect(table.stdout).toMatch(/The server refused the recipient/);
    // Statuses in words, in the counts line and the table: no status code shown to the user.
    expect(table.stdout).toMatch(/Sent successfully — 2 · Error while sending — 1 · /);
    expect(table.stdout).not.toMatch(/\bfailed\b|\bsent \d/);
  });

  it('--json prints the run summary', async () => {
    const { dataPath } = await dataFolderWithOutbox(2);

    const result = await cli(['send', 'run', '--json', '--data', dataPath], ENV);

    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      sent: 2,
      failed: 0,
      retrying: 0,
      uncertain: 0,
      excluded: 0,
      remaining: 0,
      stoppedBy: null,
      nextSendAt: null,
      limitReached: null,
      cancelled: false,
    });
  });

  it('an account problem stops the run: exit code 2, the reason on stderr, nothing failed', async () => {
    const { dataPath, server } = await dataFolderWithOutbox(3, {
      server: { auth: { username: 'bureau', password: 'secret' } },
    });

    const result = await cli(['send', 'run', '--json', '--data', dataPath], ENV);

    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(
      /^Envoi arrêté : Le serveur 127\.0\.0\.1 demande un identifiant et un mot de passe : renseignez-les dans le compte d’envoi\. Une fois le compte d’envoi « bureau@residence-test\.example » corrigé, relancez l’envoi : les 3 messages restants sont toujours prêts à partir, aucun n’a été marqué en échec\.$/,
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ sent: 0, failed: 0, remaining: 3 });
    expect(server.messages).toHaveLength(0);
  });
});

describe('postier send status, uncertain resolve, journal export', () => {
  it('status --json gives the counts and each message with the server reply', async () => {
    const { dataPath, server, seeded } = await dataFolderWithOutbox(3);
    server.setBehavior(
      { recipient: 'inconnu@example.com' },
      { at: 'rcpt', reply: 550, text: '5.1.1 <inconnu@example.com>: Recipient address rejected' },
    );
    await cli(['send', 'run', '--data', dataPath], ENV);

    const result = await cli(['send', 'status', '--json', '--data', dataPath], ENV);

    expect(result.code, result.stderr).toBe(0);
    const status = JSON.parse(result.stdout) as {
      counts: Record<string, number>;
      messages: {
        id: number;
        document: string;
        to: string[];
        status: string;
        attempts: number;
        lastError: string | null;
        sentAt: string | null;
      }[];
    };
    expect(status.counts).toEqual({
      pending: 0,
      validated: 0,
      sending: 0,
      sent: 2,
      failed: 1,
      blocked: 0,
      uncertain: 0,
      withdrawn: 0,
    });
    const byId = new Map(status.messages.map((m) => [m.id, m]));
    expect(byId.get(seeded.ids[1]!)).toMatchObject({
      to: ['inconnu@example.com'],
      status: 'failed',
      attempts: 1,
      lastError: '550 5.1.1 <inconnu@example.com>: Recipient address rejected',
      sentAt: null,
    });
    expect(byId.get(seeded.ids[0]!)!.document).toMatch(/^F-.+-1$/);
    expect(byId.get(seeded.ids[0]!)!.sentAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    // The table: a sent message's "250 … queued" is the server's reply, not an error.
    const human = await cli(['send', 'status', '--data', dataPath], ENV);
    expect(human.code, human.stderr).toBe(0);
    const [, , header, ...rows] = human.stdout.trimEnd().split('\n');
    const replyAt = header!.indexOf('Réponse du serveur');
    const errorAt = header!.indexOf('Dernière erreur');
    expect(replyAt).toBeGreaterThan(0);
    expect(errorAt).toBeGreaterThan(replyAt);
    const sent = rows.find((r) => r.includes('famille1@example.com'))!;
    expect(sent.slice(replyAt)).toMatch(/^250 2\.0\.0 Ok: queued as TEST\d+$/);
    const refused = rows.find((r) => r.includes('inconnu@example.com'))!;
    expect(refused.slice(replyAt, errorAt).trim()).toBe(
      '550 5.1.1 <inconnu@example.com>: Recipient address rejected',
    );
    expect(refused.slice(errorAt)).toMatch(/^Le serveur a refusé le destinataire/);
  });

  it('uncertain resolve: decides for an uncertain message, refuses any other', async () => {
    const { dataPath, seeded } = await dataFolderWithOutbox(2);
    const postier = await openPostier({ dataPath });
    await postier.db
      .updateTable('messages')
      .set({ status: 'uncertain', attempts: 1 })
      .where('id', '=', seeded.ids[0]!)
      .execute();
    await postier.close();

    const resolved = await cli(
      ['send', 'uncertain', 'resolve', String(seeded.ids[0]), '--as', 'sent', '--data', dataPath],
      ENV,
    );
    const again = await cli(
      ['send', 'uncertain', 'resolve', String(seeded.ids[0]), '--as', 'resend', '--data', dataPath],
      ENV,
    );

    expect(resolved.code, resolved.stderr).toBe(0);
    expect(resolved.stdout.trim()).toBe(`Message n° ${seeded.ids[0]} : confirmé comme envoyé.`);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(
      `Le message n° ${seeded.ids[0]} n’est pas incertain (statut : sent) : cette décision ne s’applique qu’à un message incertain.`,
    );
  });

  it('journal export --out writes the CSV file', async () => {
    const { dataPath } = await dataFolderWithOutbox(2);
    await cli(['send', 'run', '--data', dataPath], ENV);
    const out = path.join(tempFolder(), 'journal.csv');

    const result = await cli(['journal', 'export', '--out', out, '--data', dataPath], ENV);

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(`Journal exporté : 6 lignes dans « ${out} ».`);
    expect(fs.readFileSync(out, 'utf8').split('\r\n')[0]).toBe(
      '\uFEFFDate;Événement;Utilisateur;Poste;Document;Dossier;Destinataires;Détail;Réponse du serveur',
    );
  });
});
