// A PostgreSQL server's password, from where Postier may keep it: this workstation's
// credential store (`postier db connect URL --password-stdin`), else PostgreSQL's own places
// (PGPASSWORD, the pgpass file). Never a file of Postier's. pg asks for it only when the
// server wants one (not with trust or peer authentication).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { UserError } from '../../src-shared/errors.js';
import type { CredentialStore } from '../credentials/credential-store.js';
import { resolveDataLocation } from '../data-folder/data-folder.js';
import { postgresConfig, postgresServerError } from './postgres-dialect.js';

interface Login {
  host: string;
  port: string;
  database: string;
  user: string;
}

function loginOf(url: string): Login {
  const parsed = new URL(url);
  return {
    host: parsed.hostname || 'localhost',
    port: parsed.port || '5432',
    database: decodeURIComponent(parsed.pathname.slice(1)),
    user: decodeURIComponent(parsed.username) || os.userInfo().username,
  };
}

/** The credential store's key of a server login: user, server, port and database. */
export function postgresCredentialRef(url: string): string {
  const { user, host, port, database } = loginOf(url);
  return `postgres:${user}@${host}:${port}/${database}`;
}

/** The pgpass file: PGPASSFILE, else %APPDATA%\postgresql\pgpass.conf or ~/.pgpass. */
function pgpassFile(env: NodeJS.ProcessEnv): string {
  if (env.PGPASSFILE) return env.PGPASSFILE;
  if (process.platform === 'win32' && env.APPDATA) {
    return path.join(env.APPDATA, 'postgresql', 'pgpass.conf');
  }
  return path.join(os.homedir(), '.pgpass');
}

/** hostname:port:database:username:password, `*` for any, `\:` and `\\` escaped. */
function fromPgpass(login: Login, env: NodeJS.ProcessEnv): string | null {
  let text: string;
  try {
    text = fs.readFileSync(pgpassFile(env), 'utf8');
  } catch {
    return null;
  }
  const wanted = [login.host, login.port, login.database, login.user];
  for (const line of text.split(/\r?\n/)) {
    if (!line || line.startsWith('#')) continue;
    const values = line.split(/(?<!\\):/).map((field) => field.replace(/\\(.)/g, '$1'));
    if (values.length < 5) continue;
    if (wanted.every((value, i) => values[i] === '*' || values[i] === value)) {
      return values.slice(4).join(':');
    }
  }
  return null;
}

/** pg's `password` callback for `url`: asked only when the server wants a password. */
export function postgresPassword(
  url: string,
  store: () => Promise<CredentialStore>,
  env: NodeJS.ProcessEnv = process.env,
): () => Promise<string> {
  return async () => {
    const login = loginOf(url);
    const stored = await (await store()).get(postgresCredentialRef(url));
    const password = stored ?? env.PGPASSWORD ?? fromPgpass(login, env);
    if (password === null) {
      throw new UserError('error.postgres.noPassword', { login: postgresCredentialRef(url) });
    }
    return password;
  };
}

/**
 * `postier db connect URL --password-stdin`: tries the login with `password`, and only when
 * the server accepts it keeps it in this workstation's credential store. Returns its key.
 */
export async function connectPostgres(
  url: string,
  password: string,
  store: CredentialStore,
): Promise<string> {
  if (resolveDataLocation(url).kind !== 'postgres') {
    throw new UserError('error.postgres.badUrl', { url });
  }
  const client = new pg.Client({
    ...postgresConfig(url),
    password,
    connectionTimeoutMillis: 10_000,
  });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw postgresServerError(url, error);
  } finally {
    await client.end().catch(() => undefined);
  }
  const ref = postgresCredentialRef(url);
  await store.set(ref, password);
  return ref;
}
