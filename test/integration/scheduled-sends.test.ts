// Scheduled sends, the account's sending window and the test copy (issue 17, points 2 and 4),
// run as a user would: `postier` in child processes on the demo's tax slips, a real SMTP
// server on 127.0.0.1, the engine reading the real clock. A missed schedule is a schedule
// written in the past in the database, as a PC switched off over the weekend leaves it. The
// test copy on both databases (on PostgreSQL its PDF comes from the database, issue 16).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../src-main/pdf/read.js';
import { postier } from '../support/cli.js';
import { demoPostier } from '../support/demo-postier.js';
import { describeEachDialect } from '../support/dialects.js';
import { smtpAccount } from '../support/outbox-fixture.js';
import { parseReceivedMessage } from '../support/smtp-test-server.js';
import { smtpServerForTest } from '../support/smtp-servers.js';
import { tempFolder } from '../support/temp-folder.js';

const SIN_1007 = '193456787';
/** Tax slips the demo can send: 7 messages (two parents for 1001 and 1005). */
const SLIPS = 7;

/** The demo office (a data folder, or a PostgreSQL URL), its account on a real SMTP server. */
async function officeWithServer(data: string = tempFolder()) {
  const { postier: local, demo } = await demoPostier(data);
  const server = await smtpServerForTest();
  await smtpAccount(local.db, { structureId: demo.structure.id, port: server.port });
  // The commands run as another workstation would: its own per-user folder.
  const env = { XDG_CONFIG_HOME: tempFolder() };
  const cli = (...args: string[]) => postier(['--data', data, ...args], env);
  const statuses = async () =>
    (await local.db.selectFrom('messages').select('status').orderBy('id').execute()).map(
      (r) => r.status,
    );
  return { local, server, cli, statuses };
}

const prepareSlips = (...options: string[]) => [
  'send',
  'prepare',
  '--type',
  'taxslip',
  '--period',
  '2025',
  ...options,
];

describe('scheduled sends', () => {
  it('a batch scheduled a few seconds ahead is not sent before its time, and is sent after', async () => {
    const { local, server, cli, statuses } = await officeWithServer();
    const at = new Date(Date.now() + 15_000);

    const prepared = await cli(...prepareSlips('--validate', '--not-before', at.toISOString()));
    expect(prepared.stderr).toBe('');
    expect(prepared.code).toBe(0);
    expect(prepared.stdout).toContain(`Les ${SLIPS} messages partiront au plus tôt le`);

    const early = await cli('send', 'run');
    expect(Date.now()).toBeLessThan(at.getTime());
    expect(early.code, early.stderr).toBe(0);
    expect(early.stdout).toContain('0 envoyé');
    // Waiting for its time is no retry.
    expect(early.stdout).toContain('0 à réessayer plus tard');
    expect(server.messages).toHaveLength(0);
    expect(await statuses()).toEqual(Array(SLIPS).fill('validated'));
    const status = await cli('send', 'status');
    expect(status.stdout).toContain('Programmé : ');
    const journal = await cli('journal', 'export', '--out', `${local.folder.root}/journal.csv`);
    expect(journal.code, journal.stderr).toBe(0);
    expect(fs.readFileSync(`${local.folder.root}/journal.csv`, 'utf8')).toContain(
      'Envoi programmé pour le ',
    );

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now())));
    const late = await cli('send', 'run');
    expect(late.code, late.stderr).toBe(0);
    expect(server.messages).toHaveLength(SLIPS);
    expect(await statuses()).toEqual(Array(SLIPS).fill('sent'));
    for (const message of server.messages) expect(message.receivedAt).toBeGreaterThan(+at);
  }, 120_000);

  it('refuses a time already past, or one it cannot read, saying what to type', async () => {
    const { cli, statuses } = await officeWithServer();

    const past = await cli(...prepareSlips('--not-before', '2020-01-06 08:00'));
    expect(past.code).not.toBe(0);
    expect(past.stderr).toContain('L’heure d’envoi 2020-01-06 08:00 est déjà passée');
    const wrong = await cli(...prepareSlips('--not-before', '2026-13-05 08:00'));
    expect(wrong.stderr).toContain('« 2026-13-05 08:00 » n’est pas comprise');
    expect(wrong.stderr).toContain('AAAA-MM-JJ HH:MM');
    expect(await statuses()).toEqual([]);
  }, 60_000);

  it('a schedule missed by more than the limit waits for a decision; moved to now, it leaves', async () => {
    const { local, server, cli, statuses } = await officeWithServer();
    const prepared = await cli(
      ...prepareSlips('--validate', '--json', '--not-before', '2099-01-04 08:00'),
    );
    const batch = (JSON.parse(prepared.stdout) as { batch: number }).batch;
    // The PC was off: the schedule passed 30 hours ago, the limit is 24 h.
    const passed = new Date(Date.now() - 30 * 3_600_000).toISOString();
    await local.db
      .updateTable('messages')
      .set({ scheduled_at: passed, next_attempt_at: passed })
      .execute();

    const run = await cli('send', 'run');
    expect(server.messages).toHaveLength(0);
    expect(run.stdout).toContain('0 envoyé');
    expect(await statuses()).toEqual(Array(SLIPS).fill('blocked'));
    const status = await cli('send', 'status');
    expect(status.stdout).toMatch(/Programmé pour \d{4}-\d\d-\d\d \d\d:\d\d — dépassé ; envoyer/);

    const moved = await cli('send', 'reschedule', '--batch', String(batch), '--now');
    expect(moved.stdout).toBe(
      `${SLIPS} messages partiront dès le prochain envoi (programmation levée).\n`,
    );
    await cli('send', 'run');
    expect(server.messages).toHaveLength(SLIPS);
    expect(await statuses()).toEqual(Array(SLIPS).fill('sent'));
  }, 120_000);

  it('a schedule that passed within the limit is sent on the next run; the limit is a setting', async () => {
    const { local, server, cli } = await officeWithServer();
    await cli(...prepareSlips('--validate', '--not-before', '2099-01-04 08:00'));
    const passed = new Date(Date.now() - 3 * 3_600_000).toISOString();
    await local.db
      .updateTable('messages')
      .set({ scheduled_at: passed, next_attempt_at: passed })
      .execute();

    const limit = await cli('send', 'schedule-limit', 'set', '4');
    expect(limit.stdout).toContain('plus de 4 h');
    await cli('send', 'run');
    expect(server.messages).toHaveLength(SLIPS);
  }, 120_000);
});

describe('sending window', () => {
  it('outside the window nothing leaves and the run says when it resumes; inside, it is sent', async () => {
    const { server, cli, statuses } = await officeWithServer();
    // Every day but today, all day: closed now, open tomorrow at 00:00.
    const names = ['dim', 'lun', 'mar', 'mer', 'jeu', 'ven', 'sam'];
    const today = new Date().getDay();
    const others = names.filter((_, day) => day !== today).join(',');
    const set = await cli('account', 'set', '--window', `${others} 00:00-24:00`);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('Plage d’envoi du compte : ');
    await cli(...prepareSlips('--validate'));

    const closed = await cli('send', 'run');
    expect(closed.stderr).toContain('Hors de la plage d’envoi du compte');
    expect(closed.stderr).toMatch(/reprise \S+ 00:00/);
    expect(server.messages).toHaveLength(0);
    expect(await statuses()).toEqual(Array(SLIPS).fill('validated'));

    const wrong = await cli('account', 'set', '--window', 'lun-ven 18:00-08:00');
    expect(wrong.stderr).toContain('« lun-ven 18:00-08:00 » n’est pas comprise');

    await cli('account', 'set', '--window', 'tous 00:00-24:00');
    const open = await cli('send', 'run');
    expect(open.code, open.stderr).toBe(0);
    expect(server.messages).toHaveLength(SLIPS);
  }, 120_000);
});

describeEachDialect('test copy (M’envoyer un exemplaire)', ({ freshData }) => {
  it('sends the chosen recipient’s exact message to my address, "[TEST]" first, its PDF opening with that recipient’s password; no status changes', async () => {
    const { local, server, cli } = await officeWithServer(await freshData());
    const states = () =>
      local.db.selectFrom('documents').select(['id', 'email_state']).orderBy('id').execute();
    const before = await states();

    const sent = await cli(...prepareSlips('--test-to', 'moi@bureau.example', '--dossier', '1007'));
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain('Exemplaire de test envoyé à moi@bureau.example');

    expect(server.messages).toHaveLength(1);
    const received = server.messages[0]!;
    expect(received.envelope.to).toEqual(['moi@bureau.example']);
    const parsed = parseReceivedMessage(received.raw);
    expect(parsed.decodedHeader('subject')).toMatch(/^\[TEST\] /);
    expect(parsed.decodedHeader('to')).toContain('moi@bureau.example');
    const pdf = parsed.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.filename).toBe('Relevé fiscal RL-2025-1007.pdf');
    expect((await readPdfText(pdf.content, { password: SIN_1007 })).join('\n')).toContain(
      'RL-2025-1007',
    );
    await expect(readPdfText(pdf.content, { password: '000000000' })).rejects.toMatchObject({
      code: 'error.pdf.unreadable',
    });

    expect(await local.db.selectFrom('messages').select('id').execute()).toEqual([]);
    expect(await states()).toEqual(before);
    const journal = await local.db
      .selectFrom('send_journal')
      .select(['event', 'detail'])
      .where('event', '=', 'test_sent')
      .execute();
    expect(journal).toHaveLength(1);
    expect(journal[0]!.detail).toContain('moi@bureau.example');
    expect(journal[0]!.detail).not.toContain(SIN_1007);
  }, 60_000);
});
