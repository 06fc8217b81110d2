// `postier account set|show|test` end to end, in child processes, against a real SMTP server
// with STARTTLS and a login. The password comes in on stdin and must show up nowhere: not in
// the output, not in the database (this pass's: SQLite or PostgreSQL), not in any file of the
// data folder.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDataLocation } from '../../src-main/data-folder/data-folder.js';
import { postier, type CliResult } from '../support/cli.js';
import { freshDataPlace, onPostgres } from '../support/dialects.js';
import { databaseHolds } from '../support/postier-fixture.js';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';
import { tempFolder } from '../support/temp-folder.js';

const PASSWORD = 'Hiver-2026!Érables';

let smtp: SmtpTestServer;
beforeAll(async () => {
  smtp = await startSmtpTestServer({
    security: 'starttls',
    auth: { username: 'compta@erables.example.com', password: PASSWORD },
  });
});
afterAll(() => smtp.close());

interface Office {
  /** The data place: a folder, or a PostgreSQL URL (this pass's database). */
  data: string;
  /** Its files: the data folder, or this workstation's folder for that server. */
  folder: string;
  env: NodeJS.ProcessEnv;
  outputs: CliResult[];
  run(args: string[], stdin?: string): Promise<CliResult>;
}

/** A data place, a credentials folder and the test certificate trusted by the children. */
async function office(): Promise<Office> {
  const data = await freshDataPlace();
  const caFile = path.join(tempFolder(), 'test-ca.pem');
  fs.writeFileSync(caFile, smtp.certificate!);
  const env = {
    POSTIER_CREDENTIALS_DIR: path.join(tempFolder(), 'credentials'),
    // No D-Bus: the encrypted-file store, the same on every machine.
    DBUS_SESSION_BUS_ADDRESS: '',
    DISPLAY: '',
    NODE_EXTRA_CA_CERTS: caFile,
  };
  const outputs: CliResult[] = [];
  return {
    data,
    folder: resolveDataLocation(data).folder,
    env,
    outputs,
    async run(args, stdin) {
      const result = await postier(['--data', data, ...args], env, stdin);
      outputs.push(result);
      return result;
    },
  };
}

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(folder, name))
    .filter((file) => fs.statSync(file).isFile());
}

function setArgs(extra: string[] = []): string[] {
  return [
    'account',
    'set',
    '--kind',
    'smtp',
    '--host',
    '127.0.0.1',
    '--port',
    String(smtp.port),
    '--security',
    'starttls',
    '--user',
    'compta@erables.example.com',
    '--from',
    'facturation@erables.example.com',
    '--from-name',
    'Résidence Les Érables',
    '--delay-ms',
    '500',
    ...extra,
  ];
}

// Each command is a child process compiling the CLI with tsx: give the file room on 2 cores.
describe('postier account', { timeout: 90_000 }, () => {
  it('set with the password on stdin, show, test: the password is never shown or stored in clear', async () => {
    const o = await office();
    expect((await o.run(['init'])).code).toBe(0);

    const fresh = await o.run(['account', 'show']);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('Type : sandbox');

    const set = await o.run(setArgs(['--password-stdin']), `${PASSWORD}\n`);
    expect(set.stderr).toContain('credentials.json');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain(`127.0.0.1, port ${smtp.port}, STARTTLS`);
    expect(set.stdout).toContain('Mot de passe : enregistré sur ce poste.');

    const show = await o.run(['account', 'show']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Identifiant : compta@erables.example.com');
    expect(show.stdout).toContain('Mot de passe : enregistré sur ce poste');
    expect(show.stdout).toContain(
      'Expéditeur : Résidence Les Érables <facturation@erables.example.com>',
    );
    expect(show.stdout).toContain(
      'Cadence : 500 ms entre deux messages, pause de 10000 ms tous les 10 messages',
    );

    const json = await o.run(['account', 'show', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      kind: 'smtp',
      port: smtp.port,
      username: 'compta@erables.example.com',
      hasPassword: true,
      pacing: { delayMs: 500, pauseEvery: 10 },
    });

    const test = await o.run(['account', 'test']);
    expect(test.stderr).not.toContain('Réponse du serveur');
    expect(test.code).toBe(0);
    expect(test.stdout).toBe(
      `Connexion réussie à 127.0.0.1, port ${smtp.port} (STARTTLS) : le serveur accepte l’identifiant compta@erables.example.com.\n`,
    );

    // Nowhere in clear: outputs, the database, the data folder, the credentials folder.
    const secret = Buffer.from(PASSWORD, 'utf8');
    for (const output of o.outputs) {
      expect(output.stdout + output.stderr).not.toContain(PASSWORD);
    }
    expect(await databaseHolds(o.data, PASSWORD)).toBe(false);
    const files = [...filesUnder(o.folder), ...filesUnder(o.env.POSTIER_CREDENTIALS_DIR!)];
    // The credentials' files, and on SQLite the database file too (PostgreSQL's: above).
    expect(files.length).toBeGreaterThan(onPostgres ? 1 : 2);
    for (const file of files) expect(fs.readFileSync(file).includes(secret)).toBe(false);
  });

  it('test says what is wrong and exits 1: a refused password, then a server that cannot be found', async () => {
    const o = await office();
    await o.run(['init']);
    expect((await o.run(setArgs(['--password-stdin']), 'pas le bon\n')).code).toBe(0);

    const refused = await o.run(['account', 'test']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(
      'Identifiant ou mot de passe refusé par le serveur 127.0.0.1 : vérifiez-les',
    );
    expect(refused.stderr).toContain(
      'Réponse du serveur : 535 5.7.8 Authentication unsuccessful: wrong user name or password',
    );
    expect(refused.stderr).not.toContain('pas le bon');

    await o.run(['account', 'set', '--host', 'smtp.postier-test.invalid']);
    const missing = await o.run(['account', 'test']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'Le serveur smtp.postier-test.invalid est introuvable : vérifiez son nom',
    );
  });

  it('refuses an empty password on stdin and bad settings with one sentence, changing nothing', async () => {
    const o = await office();
    await o.run(['init']);
    const empty = await o.run(setArgs(['--password-stdin']), '\n');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('Aucun mot de passe n’a été lu sur l’entrée standard');

    const badPort = await o.run([...setArgs(), '--port', '0']);
    expect(badPort.code).toBe(1);
    expect(badPort.stderr.trim()).toBe(
      'Le port « 0 » n’est pas valide : c’est un nombre entre 1 et 65535, le plus souvent 587 (STARTTLS) ou 465 (TLS).',
    );
    const show = await o.run(['account', 'show', '--json']);
    expect(JSON.parse(show.stdout)).toMatchObject({ kind: 'sandbox', hasPassword: false });
  });
});
