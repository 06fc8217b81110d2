// A throw-away PostgreSQL server for tests: initdb in a temporary folder, a free loopback
// port, `pg_ctl start`, a fresh database per caller, stopped and removed at the end. Debian's
// `postgresql` package is enough (CI installs it, .ci/run); without its binaries the tests
// that need it are skipped, and only then.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** The folder of initdb/pg_ctl: POSTIER_TEST_PG_BIN, else Debian's newest, else on PATH. */
export function postgresBinFolder(): string | null {
  const chosen = process.env.POSTIER_TEST_PG_BIN;
  if (chosen) return fs.existsSync(path.join(chosen, 'initdb')) ? chosen : null;
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((name) => fs.existsSync(path.join(debian, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return which.status === 0 ? path.dirname(which.stdout.trim()) : null;
}

export const hasPostgres = (): boolean => postgresBinFolder() !== null;

export interface PostgresServer {
  port: number;
  /** A new empty database owned by the test user; its postgres:// URL (no password: trust). */
  createDatabase(): Promise<string>;
  /**
   * A new database owned by a new login `user` that must give `password` (scram-sha-256 on
   * loopback, as an office's server asks); its URL, without the password.
   */
  createPasswordDatabase(user: string, password: string): Promise<string>;
  stop(): Promise<void>;
}

/** The user initdb and the server run as: root may not run them, `postgres` does then. */
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const USER = 'postier';
let databases = 0;

/** A new database's name, unique across the processes of a run sharing one server. */
function newDatabaseName(): string {
  return `postier_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}_${++databases}`;
}

async function asAdminOn(port: number, ...statements: string[]): Promise<void> {
  const client = new pg.Client({
    connectionString: `postgres://${USER}@127.0.0.1:${port}/postgres`,
  });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new empty database on the test server listening on `port`; its URL. */
export async function createDatabaseOn(port: number): Promise<string> {
  const name = newDatabaseName();
  await asAdminOn(port, `create database ${name}`);
  return `postgres://${USER}@127.0.0.1:${port}/${name}`;
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinFolder();
  if (!bin) throw new Error('No PostgreSQL binaries (install Debian’s postgresql package)');
  const owner = serverUser();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-pg-'));
  const dataDir = path.join(folder, 'data');
  if (owner) fs.chownSync(folder, owner.uid, owner.gid);
  const run = (tool: string, args: string[]) => {
    const result = spawnSync(path.join(bin, tool), args, {
      encoding: 'utf8',
      ...(owner ?? {}),
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
    });
    if (result.status !== 0) {
      throw new Error(`${tool} failed: ${result.stderr || result.stdout || result.error}`);
    }
  };
  // Trust on loopback: the test user needs no password. --no-sync: nothing here must survive.
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', USER, '-E', 'UTF8', '--no-sync']);
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300`;
    try {
      run('pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(folder, 'log'), '-w', 'start']);
      break;
    } catch (error) {
      // Another process took the port between the probe and the start: try another one.
      if (attempt >= 3) throw error;
    }
  }
  const asAdmin = (...statements: string[]) => asAdminOn(port, ...statements);
  return {
    port,
    createDatabase: () => createDatabaseOn(port),
    async createPasswordDatabase(user, password) {
      const name = newDatabaseName();
      // pg_hba.conf is read first line first: this login's rule goes before initdb's trust.
      const hba = path.join(dataDir, 'pg_hba.conf');
      const rule = `host all ${user} 127.0.0.1/32 scram-sha-256\n`;
      fs.writeFileSync(hba, rule + fs.readFileSync(hba, 'utf8'));
      await asAdmin(
        `create role ${user} login password '${password.replaceAll("'", "''")}'`,
        `create database ${name} owner ${user}`,
        'select pg_reload_conf()',
      );
      return `postgres://${user}@127.0.0.1:${port}/${name}`;
    },
    stop() {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      fs.rmSync(folder, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}
