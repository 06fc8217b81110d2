// A real office flow on each database (issue 16): init → the demo → a document added →
// prepare the month with a general file → validate → send run, on another workstation, to a
// real SMTP server on 127.0.0.1 (each message carries its PDF and the file) → the journal,
// every step through the `postier` command as a user runs it, the same file for both.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openPostier } from '../../src-main/app/postier.js';
import { postier as cli } from '../support/cli.js';
import { closeAfterTest } from '../support/close-after-test.js';
import { describeEachDialect } from '../support/dialects.js';
import { smtpAccount } from '../support/outbox-fixture.js';
import { parseReceivedMessage, startSmtpTestServer } from '../support/smtp-test-server.js';
import { tempFolder } from '../support/temp-folder.js';

describeEachDialect('an office flow', ({ dialect, freshData }) => {
  it('init, demo, documents add, prepare, validate, send run to SMTP, journal', async () => {
    const data = await freshData();
    const env = { XDG_CONFIG_HOME: tempFolder(), POSTIER_USER: 'sgagne' };
    // The sending workstation: on PostgreSQL it finds the files in the database, not here.
    const sender = { XDG_CONFIG_HOME: tempFolder(), POSTIER_USER: 'mtremblay' };
    const runOn = async (on: NodeJS.ProcessEnv, ...args: string[]) => {
      const result = await cli(['--data', data, ...args], on);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.code, args.join(' ')).toBe(0);
      return result.stdout;
    };
    const run = (...args: string[]) => runOn(env, ...args);

    await run('init');
    await run('demo');
    const dossiers = JSON.parse(await run('dossiers', 'list', '--json')) as unknown[];
    expect(dossiers).toHaveLength(30);
    expect(
      await run(
        ...['documents', 'add', '--dossier', '1001', '--type', 'statement', '--number', 'RC-1'],
        ...['--period', '2026-10', '--amount', '1234,56'],
      ),
    ).toMatch(
      /^Document RC-1 ajouté \(id \d+\) pour le dossier 1001 : 1\s234,56\s\$, PDF généré\.\n$/,
    );

    const smtp = closeAfterTest(await startSmtpTestServer({ security: 'plain' }));
    const office = await openPostier({ dataPath: data });
    const structure = await office.records.ensureDefaultStructure();
    await smtpAccount(office.db, { structureId: structure.id, port: smtp.port, security: 'none' });
    await office.close();

    const gazette = path.join(tempFolder(), 'Gazette.pdf');
    fs.writeFileSync(gazette, Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(20_000)]));
    const prepared = JSON.parse(
      await run('send', 'prepare', '--type', 'invoice', '--attach-all', gazette, '--json'),
    ) as { queued: unknown[] };
    expect(prepared.queued).toHaveLength(30);
    expect(await run('send', 'validate', '--all')).toBe('30 messages validés.\n');
    const summary = JSON.parse(await runOn(sender, 'send', 'run', '--json')) as { sent: number };
    expect(summary.sent).toBe(30);
    expect(smtp.messages).toHaveLength(30);
    for (const received of smtp.messages) {
      const attachments = parseReceivedMessage(received.raw).attachments;
      const invoice = attachments.find((a) => a.filename?.startsWith('Facture'));
      expect(invoice?.contentType).toBe('application/pdf');
      expect(invoice!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const general = attachments.find((a) => a.filename === 'Gazette.pdf');
      expect(general && Buffer.compare(general.content, fs.readFileSync(gazette))).toBe(0);
    }
    // The journal's state of each document follows its messages (25 documents, 30 addresses).
    const after = await openPostier({ dataPath: data });
    const sent = await after.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email_state', '=', 'sent')
      .executeTakeFirstOrThrow();
    // The general file is one content (PostgreSQL) or a file of the batch (a data folder).
    const gazetteRows = await after.db
      .selectFrom('document_contents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('sha256', '=', createHash('sha256').update(fs.readFileSync(gazette)).digest('hex'))
      .executeTakeFirstOrThrow();
    await after.close();
    expect(sent.n).toBe(25);
    expect(Number(gazetteRows.n)).toBe(dialect === 'postgres' ? 1 : 0);

    const csv = path.join(tempFolder(), 'journal.csv');
    await run('journal', 'export', '--out', csv);
    const lines = fs.readFileSync(csv, 'utf8').split('\n');
    expect(lines.filter((line) => line.includes('helene.cote@example.com')).length).toBeGreaterThan(
      0,
    );
  }, 180_000);
});
