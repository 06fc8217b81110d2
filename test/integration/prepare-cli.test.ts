// `postier send prepare | validate | block | unblock | reset` in child processes, as a user
// (or a script) runs them; and two workstations preparing the same month at once.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { postier } from '../support/cli.js';
import { demoPostier } from '../support/demo-postier.js';
import { dataPlace } from '../support/postier-fixture.js';
import { receivedMessageId, smtpAccount } from '../support/outbox-fixture.js';
import { startSmtpTestServer } from '../support/smtp-test-server.js';
import { tempFolder } from '../support/temp-folder.js';

interface PrepareJson {
  batch: number | null;
  queued: {
    id: number | null;
    document: number;
    to: string[];
    status: string;
    subject: string;
    attachments: string[];
    passwordProtected: boolean;
  }[];
  excluded: { dossier: string; reason: string; detail: string | null; message: string }[];
  warnings: { code: string; message: string }[];
}

/** `postier --data <data> send prepare --type invoice <options>`. */
function prepareInvoices(data: string, ...options: string[]): string[] {
  return ['--data', data, 'send', 'prepare', '--type', 'invoice', ...options];
}

describe('postier send prepare (CLI)', () => {
  it('prepares the demo month in JSON, then validates, blocks, unblocks and resets from the command line', async () => {
    const data = dataPlace((await demoPostier()).postier);

    const run = await postier(['--data', data, 'send', 'prepare', '--type', 'invoice', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as PrepareJson;
    expect(result.queued).toHaveLength(30);
    expect(result.queued[0]).toEqual({
      id: expect.any(Number),
      document: expect.any(Number),
      documentNumber: expect.stringMatching(/^F\d{6}-1001$/),
      dossier: '1001',
      to: ['helene.cote@example.com'],
      cc: [],
      from: 'sophie.gagne@erables.example.com',
      status: 'pending',
      subject: expect.stringContaining('Mme Bérénice Lefèvre-Côté'),
      attachments: [expect.stringMatching(/^Facture F\d{6}-1001\.pdf$/)],
      passwordProtected: false,
    });
    expect(result.excluded.map((e) => [e.dossier, e.reason]).sort()).toEqual([
      ['1004', 'no_address'],
      ['1006', 'invalid_address'],
      ['1010', 'opted_out'],
      ['1013', 'no_address'],
      ['1022', 'no_address'],
    ]);
    expect(result.excluded.find((e) => e.reason === 'opted_out')?.message).toBe(
      'n’accepte pas les documents par e-mail',
    );

    const ids = result.queued.map((m) => String(m.id));
    const block = await postier(['--data', data, 'send', 'block', ids[0]!, ids[1]!]);
    expect(block.stdout).toBe('2 messages bloqués.\n');
    const validate = await postier(['--data', data, 'send', 'validate', '--all']);
    expect(validate.stdout).toBe('28 messages validés.\n');
    const unblock = await postier(['--data', data, 'send', 'unblock', ids[0]!, ids[2]!]);
    expect(unblock.stdout).toBe(
      `1 message débloqué.\nMessage n° ${ids[2]} laissé tel quel : statut ne le permettant pas — Validé, prêt à envoyer (V).\n`,
    );

    const again = await postier(['--data', data, 'send', 'prepare', '--type', 'invoice']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Aucun message n’a été mis en file.');
    expect(again.stdout).toContain('1006  M. Léopold Pelletier — ');
    expect(again.stdout).toContain(': adresse e-mail invalide (etienne.pelletier@example)');
    expect(again.stdout).toContain(
      'déjà en file d’envoi pour cette adresse (helene.cote@example.com)',
    );

    const reset = await postier([
      '--data',
      data,
      'send',
      'reset',
      String(result.queued[0]!.document),
    ]);
    expect(reset.stdout).toContain('rien à remettre à zéro');
  }, 90_000);

  it('says in French what is wrong, naming the field and the part, and writes nothing', async () => {
    const { postier: local } = await demoPostier();
    const data = dataPlace(local);
    const noChoice = await postier(['--data', data, 'send', 'prepare']);
    expect(noChoice.code).toBe(1);
    expect(noChoice.stderr).toContain('Choisissez les documents à envoyer');

    const badField = await postier([
      '--data',
      data,
      'send',
      'prepare',
      '--type',
      'invoice',
      '--subject',
      'Facture {{mois}}',
    ]);
    expect(badField.code).toBe(1);
    expect(badField.stderr).toContain(
      'L’objet du message utilise le champ « mois », qui n’existe pas',
    );

    const body = path.join(tempFolder(), 'message.txt');
    fs.writeFileSync(
      body,
      '\uFEFFBonjour {{destinataire}},\n\n{{#if chambre}}Chambre {{chambre}}{{/if}} {{#if solde}}x{{/if}}\n',
    );
    const badCondition = await postier([
      '--data',
      data,
      'send',
      'prepare',
      '--type',
      'invoice',
      '--body-file',
      body,
    ]);
    expect(badCondition.stderr).toContain('Le texte du message utilise le champ « solde »');

    const noSelection = await postier(['--data', data, 'send', 'validate']);
    expect(noSelection.stderr).toContain('Donnez les numéros des messages, ou --all');

    expect(await local.db.selectFrom('messages').select('id').execute()).toEqual([]);
    expect(await local.db.selectFrom('send_batches').select('id').execute()).toEqual([]);
  }, 90_000);

  it('previews with --dry-run, and uses a body file and a general attachment', async () => {
    const { postier: local } = await demoPostier();
    const data = dataPlace(local);
    // The clerk's own files, apart from the data place (a URL on PostgreSQL).
    const own = tempFolder();
    const body = path.join(own, 'message.txt');
    fs.writeFileSync(
      body,
      'Bonjour {{destinataire}},\n\nVoici la facture de {{personne}} (chambre {{chambre}}).\n',
    );
    const gazette = path.join(own, 'gazette.pdf');
    fs.writeFileSync(gazette, '%PDF-1.4\n%%EOF\n');
    const preview = await postier([
      '--data',
      data,
      'send',
      'prepare',
      '--type',
      'invoice',
      '--body-file',
      body,
      '--attach-all',
      gazette,
      '--dry-run',
      '--json',
    ]);
    const result = JSON.parse(preview.stdout) as PrepareJson;
    expect(result.batch).toBeNull();
    expect(result.queued).toHaveLength(30);
    expect(result.queued.every((m) => m.id === null && m.attachments.includes('gazette.pdf'))).toBe(
      true,
    );
    // Nothing made: no batch folder where the queue writer makes them (the data folder, or
    // this workstation's folder for the server), no message row.
    expect(fs.existsSync(path.join(local.folder.root, 'outbox'))).toBe(false);
    const messages = await local.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(messages.n)).toBe(0);

    const text = await postier([
      '--data',
      data,
      'send',
      'prepare',
      '--type',
      'invoice',
      '--dry-run',
    ]);
    expect(text.stdout).toContain(
      'Aperçu : 30 messages seraient préparés pour 25 documents. Rien n’a été mis en file.',
    );
  }, 90_000);

  it('never queues a document twice when two workstations prepare the same month at once', async () => {
    const { postier: local } = await demoPostier();
    const data = dataPlace(local);
    const [a, b] = await Promise.all([
      postier(['--data', data, 'send', 'prepare', '--type', 'invoice', '--json'], {
        POSTIER_WORKSTATION: 'POSTE-1',
      }),
      postier(['--data', data, 'send', 'prepare', '--type', 'invoice', '--json'], {
        POSTIER_WORKSTATION: 'POSTE-2',
      }),
    ]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    const results = [JSON.parse(a.stdout), JSON.parse(b.stdout)] as PrepareJson[];
    expect(results[0]!.queued.length + results[1]!.queued.length).toBe(30);
    const already = results.flatMap((r) => r.excluded).filter((e) => e.reason === 'already_queued');
    expect(already).toHaveLength(30);
    const rows = await local.db
      .selectFrom('messages')
      .select(['document_id', 'to_addresses', 'workstation'])
      .execute();
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => `${r.document_id} ${r.to_addresses}`)).size).toBe(30);
  }, 90_000);

  it('--send prepares and sends at once: every message to the server once, with the summary', async () => {
    const { postier: local, demo } = await demoPostier();
    const server = await startSmtpTestServer();
    try {
      await smtpAccount(local.db, { structureId: demo.structure.id, port: server.port });
      const data = dataPlace(local);

      const run = await postier(prepareInvoices(data, '--send'));
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const lines = run.stdout.trim().split('\n');
      // Progress while sending, then what was queued, then the run's summary.
      expect(lines.some((line) => /^\d+\/\d+ envoyés/.test(line))).toBe(true);
      expect(run.stdout).toContain('30 messages');
      expect(run.stdout).not.toContain('postier send run');
      expect(lines.at(-1)).toMatch(/30 envoyé/);

      const received = server.messages.map((m) => receivedMessageId(m.raw));
      expect(new Set(received).size).toBe(30);
      const rows = await local.db
        .selectFrom('messages')
        .select(['status', 'message_id_header'])
        .execute();
      expect(rows.map((r) => r.status)).toEqual(Array(30).fill('sent'));
      expect(new Set(received)).toEqual(new Set(rows.map((r) => r.message_id_header)));

      const again = await postier(prepareInvoices(data, '--send', '--json'));
      expect(again.code).toBe(0);
      const json = JSON.parse(again.stdout) as PrepareJson & { run: { sent: number } };
      expect(json.queued).toEqual([]);
      expect(json.excluded.filter((e) => e.reason === 'already_sent')).toHaveLength(30);
      expect(json.run.sent).toBe(0);
      expect(server.messages).toHaveLength(30);
    } finally {
      await server.close();
    }
  }, 90_000);

  it('refuses more than 20 messages for a method that opens a window per message, with or without --send', async () => {
    const { postier: local } = await demoPostier();
    const data = dataPlace(local);
    const account = ['--data', data, 'account', 'set', '--kind', 'eml-draft'];
    expect((await postier([...account, '--from', 'compta@erables.example'])).code).toBe(0);

    for (const run of [
      await postier(prepareInvoices(data)),
      await postier(prepareInvoices(data, '--send')),
    ]) {
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        'ne convient pas à 30 messages (au plus 20 à la fois). Envoyez moins de documents à la fois',
      );
    }
    expect(await local.db.selectFrom('messages').select('id').execute()).toEqual([]);

    // A preview still shows the month; a small batch goes.
    const preview = await postier(prepareInvoices(data, '--dry-run', '--json'));
    const previewed = JSON.parse(preview.stdout) as PrepareJson;
    expect(previewed.queued).toHaveLength(30);
    const few = previewed.queued
      .slice(0, 3)
      .map((m) => m.document)
      .join(',');
    const small = await postier(['--data', data, 'send', 'prepare', '--ids', few]);
    expect(small.code).toBe(0);
    expect(await local.db.selectFrom('messages').select('id').execute()).toHaveLength(3);
  }, 90_000);

  it('--send cannot go with --dry-run', async () => {
    const data = dataPlace((await demoPostier()).postier);
    const run = await postier(prepareInvoices(data, '--send', '--dry-run'));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/--send.*--dry-run|--dry-run.*--send/);
  }, 90_000);
});
