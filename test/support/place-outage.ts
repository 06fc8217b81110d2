// A data place out of reach for a while, on either database, for the robot's tests: a data
// folder renamed away (a network drive gone) and back; a PostgreSQL database closed to
// connections, its sessions ended and renamed away (an administrator taking it offline, a
// server restarting) and back; the database locked by another program for a while.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { isPostgresUrl } from '../../src-main/data-folder/data-folder.js';
import { holdDatabase } from './db-processes.js';

/** The server's `postgres` database (the test user is its superuser) and the database's name. */
function onServer(url: string): { admin: string; name: string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  parsed.pathname = '/postgres';
  return { admin: parsed.toString(), name };
}

async function asAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: onServer(url).admin });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const awayName = (name: string) => `${name}_ailleurs`;

/** Takes `dataPath` out of reach until the returned `back()`. */
export async function takeAway(dataPath: string): Promise<{ back(): Promise<void> }> {
  if (!isPostgresUrl(dataPath)) {
    const away = `${dataPath}-ailleurs`;
    fs.renameSync(dataPath, away);
    return { back: async () => fs.renameSync(away, dataPath) };
  }
  const { name } = onServer(dataPath);
  await asAdmin(dataPath, async (client) => {
    await client.query(`alter database ${name} allow_connections false`);
    // A session ends a moment after it is told to: rename once none is left.
    for (let attempt = 1; ; attempt++) {
      await client.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1',
        [name],
      );
      try {
        await client.query(`alter database ${name} rename to ${awayName(name)}`);
        return;
      } catch (error) {
        if (attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
  return {
    back: () =>
      asAdmin(dataPath, async (client) => {
        await client.query(`alter database ${awayName(name)} rename to ${name}`);
        await client.query(`alter database ${name} allow_connections true`);
      }),
  };
}

/** Whether the place is there: the folder, or a database of that name on the server. */
export async function placeExists(dataPath: string): Promise<boolean> {
  if (!isPostgresUrl(dataPath)) return fs.existsSync(dataPath);
  const { name } = onServer(dataPath);
  return asAdmin(dataPath, async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    return found.rowCount === 1;
  });
}

/**
 * Another program holds the database for `holdMs`: SQLite's exclusive lock on the file, or on
 * PostgreSQL an exclusive lock on the messages table in an open transaction. Resolves once it
 * holds it; `exited` once it let go (0).
 */
export async function lockAWhile(
  dataPath: string,
  holdMs: number,
): Promise<{ exited: Promise<number> }> {
  if (!isPostgresUrl(dataPath)) {
    return holdDatabase(path.join(dataPath, 'postier.sqlite'), 'exclusive', holdMs);
  }
  const client = new pg.Client({ connectionString: dataPath });
  await client.connect();
  await client.query('begin');
  await client.query('lock table messages in access exclusive mode');
  const exited = new Promise<number>((resolve, reject) => {
    setTimeout(() => {
      client
        .query('commit')
        .then(() => client.end())
        .then(() => resolve(0), reject);
    }, holdMs);
  });
  return { exited };
}
