// The throw-away PostgreSQL server the integration suite runs on (test/support).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import pg from 'pg';
import { hasPostgres, startPostgres, type PostgresServer } from '../support/postgres-server.js';

async function query(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

describe.skipIf(!hasPostgres())('a throw-away PostgreSQL server', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(() => server?.stop());

  it('gives each caller its own empty database on a loopback port', async () => {
    const first = await server.createDatabase();
    const second = await server.createDatabase();
    expect(first).not.toBe(second);
    expect(first).toMatch(/^postgres:\/\/postier@127\.0\.0\.1:\d+\/postier_test_/);
    await query(first, 'create table mark (id integer)');
    const tables = await query(
      second,
      "select count(*)::int as n from pg_tables where tablename = 'mark'",
    );
    expect(tables.rows[0]).toEqual({ n: 0 });
    // Debian's contrib extensions the journal search needs are there without extra packages.
    const extensions = await query(
      first,
      "select name from pg_available_extensions where name in ('pg_trgm', 'unaccent') order by name",
    );
    expect(extensions.rows.map((row: { name: string }) => row.name)).toEqual([
      'pg_trgm',
      'unaccent',
    ]);
  });

  it('is gone once stopped', async () => {
    const other = await startPostgres();
    await other.stop();
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(other.port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(false)));
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  }, 60_000);
});
