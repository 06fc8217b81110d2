// Logging in to an office's PostgreSQL server (issue 16): the password from this workstation's
// credential store (`postier db connect URL --password-stdin`) or PostgreSQL's own places,
// never in the URL; the commands that act on a data folder's file say they do not apply.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postier as cli } from '../support/cli.js';
import { hasPostgres, startPostgres, type PostgresServer } from '../support/postgres-server.js';
import { tempFolder } from '../support/temp-folder.js';

describe.skipIf(!hasPostgres())('a PostgreSQL server that asks for a password', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(() => server?.stop());

  /** A workstation of its own: per-user folder (credential fallback file) and home. */
  const workstation = () => ({ XDG_CONFIG_HOME: tempFolder(), HOME: tempFolder() });

  it('is refused until the password is given, then kept by `db connect` for every command', async () => {
    const url = await server.createPasswordDatabase('office', 'Bon-mot de passe');
    const env = workstation();

    const none = await cli(['--data', url, 'init'], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('demande un mot de passe pour « postgres:office@127.0.0.1:');

    const wrong = await cli(['db', 'connect', url, '--password-stdin'], env, 'mauvais\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('refuse la connexion');
    expect(wrong.stderr).toContain('password authentication failed for user "office"');

    const right = await cli(['db', 'connect', url, '--password-stdin'], env, 'Bon-mot de passe\n');
    expect(right.code).toBe(0);
    expect(right.stdout).toContain(
      'Connexion réussie : le mot de passe de « postgres:office@127.0.0.1:',
    );

    const init = await cli(['--data', url, 'init'], env);
    expect(init.stderr).not.toContain('erreur');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(`Base de données prête : ${url}`);
    // Nothing of the password in the workstation's plain files.
    const files = fs.readdirSync(env.XDG_CONFIG_HOME, { recursive: true, withFileTypes: true });
    for (const file of files.filter((f) => f.isFile())) {
      const text = fs.readFileSync(path.join(file.parentPath, file.name), 'utf8');
      expect(text, file.name).not.toContain('Bon-mot de passe');
    }
  });

  it('takes PGPASSWORD or the pgpass file, PostgreSQL’s own places', async () => {
    const url = await server.createPasswordDatabase('compta', 'p:ass\\word');
    const byEnv = await cli(['--data', url, 'init'], {
      ...workstation(),
      PGPASSWORD: 'p:ass\\word',
    });
    expect(byEnv.code).toBe(0);
    const pgpass = path.join(tempFolder(), 'pgpass');
    fs.writeFileSync(pgpass, `# office\n127.0.0.1:*:*:compta:p\\:ass\\\\word\n`, { mode: 0o600 });
    const byFile = await cli(['--data', url, 'dossiers', 'list'], {
      ...workstation(),
      PGPASSFILE: pgpass,
    });
    expect(byFile.stderr).not.toContain('erreur');
    expect(byFile.stderr).not.toContain('pgpass support is deprecated');
    expect(byFile.code).toBe(0);
  });

  it('a password written in the address is refused, and db check says it acts on files only', async () => {
    const withPassword = await cli(
      ['--data', 'postgres://office:secret@127.0.0.1:1/x', 'init'],
      workstation(),
    );
    expect(withPassword.code).toBe(1);
    expect(withPassword.stderr).toContain('N’écrivez pas le mot de passe dans l’adresse');
    expect(withPassword.stderr).not.toContain('secret');
    const check = await cli(
      ['--data', await server.createDatabase(), 'db', 'check'],
      workstation(),
    );
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('ne fonctionne pas encore sur une base PostgreSQL');
  });
});
