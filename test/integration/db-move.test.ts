// Moving an office (issue 16, point 5): `postier db move --to postgres://…` copies a demo data
// folder (records, PDFs, a sent batch with its journal and files) into a fresh database on a
// throw-away PostgreSQL server, checked by counts and SHA-256; the commands then answer the
// same on the URL as on the folder. Refused into a database that is not empty, while a send
// is going on (a real `send run` held at the SMTP server), and after messages were left
// 'sending'; a move that fails half-way keeps nothing and the same command then works.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostier } from '../../src-main/app/postier.js';
import { POSTIER_BIN, REPO_ROOT, postier as cli } from '../support/cli.js';
import { smtpAccount } from '../support/outbox-fixture.js';
import { hasPostgres, startPostgres, type PostgresServer } from '../support/postgres-server.js';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';

const LONG = 300_000;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.skipIf(!hasPostgres())('postier db move', () => {
  let server: PostgresServer;
  let smtp: SmtpTestServer;
  const made: string[] = [];
  const folder = (name: string) => {
    const created = fs.mkdtempSync(path.join(os.tmpdir(), `postier-move-${name}-`));
    made.push(created);
    return created;
  };
  /** The office moving: the demo, its October invoices sent, with a general attachment. */
  let office: string;
  /** The same office before its send: 30 messages validated, none sent. */
  let validated: string;
  const env = { XDG_CONFIG_HOME: '', POSTIER_USER: 'sgagne' };
  const run = async (data: string, ...args: string[]) => {
    const result = await cli(['--data', data, ...args], env);
    expect(result.stderr, args.join(' ')).toBe('');
    expect(result.code, args.join(' ')).toBe(0);
    return result.stdout;
  };
  const copyOf = (source: string, name: string) => {
    const copy = folder(name);
    fs.cpSync(source, copy, { recursive: true });
    return copy;
  };

  beforeAll(async () => {
    env.XDG_CONFIG_HOME = folder('user');
    server = await startPostgres();
    smtp = await startSmtpTestServer({ security: 'plain' });
    office = folder('office');
    await run(office, 'init');
    await run(office, 'demo');
    const postier = await openPostier({ dataPath: office });
    const structure = await postier.records.ensureDefaultStructure();
    await smtpAccount(postier.db, { structureId: structure.id, port: smtp.port, security: 'none' });
    await postier.close();
    const rules = path.join(folder('attachment'), 'Règlement intérieur.pdf');
    fs.writeFileSync(rules, '%PDF-1.4\n% règlement intérieur\n%%EOF\n');
    await run(office, 'send', 'prepare', '--type', 'invoice', '--attach-all', rules);
    await run(office, 'send', 'validate', '--all');
    validated = copyOf(office, 'validated');
    expect(JSON.parse(await run(office, 'send', 'run', '--json'))).toMatchObject({ sent: 30 });
  }, LONG);
  afterAll(async () => {
    await smtp?.close();
    await server?.stop();
    for (const created of made) fs.rmSync(created, { recursive: true, force: true });
  });

  it(
    'copies every table and file, checked by counts and SHA-256; the URL answers as the folder',
    async () => {
      const url = await server.createDatabase();
      const before = fs.readFileSync(path.join(office, 'postier.sqlite'));
      const moved = await run(office, 'db', 'move', '--to', url);

      // The comparison printed: every table equal, every file read back identical.
      const source = new Sqlite(path.join(office, 'postier.sqlite'), { readonly: true });
      const count = (table: string) =>
        (source.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
      for (const table of ['dossiers', 'documents', 'messages', 'send_journal', 'settings']) {
        expect(moved).toMatch(
          new RegExp(`^${table}\\s+${count(table)}\\s+${count(table)}\\s+=$`, 'm'),
        );
      }
      expect(moved).not.toContain('≠');
      // The server keeps each distinct content once, in document_contents.
      expect(moved).toMatch(/^document_contents\s+0\s+(\d+)\s+= \(\+\1 contenus de fichiers\)$/m);
      const pdfs = source.prepare('select id, pdf_path from documents').all() as {
        id: number;
        pdf_path: string;
      }[];
      const messageFiles = new Set(
        (
          source.prepare('select attachments from messages').all() as { attachments: string }[]
        ).flatMap((m) => (JSON.parse(m.attachments) as { path: string }[]).map((a) => a.path)),
      );
      // The messages' files: the documents' PDFs (not encrypted) and the general attachment.
      const files = new Set([...pdfs.map((p) => p.pdf_path), ...messageFiles]).size;
      expect(files).toBe(pdfs.length + 1);
      expect(moved).toMatch(
        new RegExp(
          `Fichiers : ${files} copiés \\(.*\\), ${files} relus identiques \\(SHA-256\\) — gardés dans la base\\.`,
        ),
      );
      expect(moved).toContain('Déménagement terminé vers « postgres://');
      expect(moved).toMatch(/^Table messages : 30 \/ 30$/m);

      // Independently: the rows as they are (ids, versions), the PDFs byte for byte.
      const target = new pg.Client({ connectionString: url });
      await target.connect();
      try {
        for (const table of [
          'dossiers',
          'correspondents',
          'send_journal',
          'settings',
          'structures',
        ]) {
          const key = table === 'settings' ? 'key' : 'id';
          const rows = source.prepare(`select * from ${table} order by ${key}`).all();
          const copied = (await target.query(`select * from ${table} order by ${key}`)).rows;
          expect(copied.map(withoutSortName), table).toEqual(rows.map(withoutSortName));
        }
        const versions = (await target.query('select id, version from dossiers order by id')).rows;
        expect(versions).toEqual(
          source.prepare('select id, version from dossiers order by id').all(),
        );
      } finally {
        await target.end();
      }
      const onFolder = await openPostier({ dataPath: office });
      const onServer = await openPostier({ dataPath: url });
      try {
        for (const { id, pdf_path } of pdfs) {
          const original = fs.readFileSync(path.join(office, ...pdf_path.split('/')));
          expect(sha256(await onServer.documents.readPdf(id)), pdf_path).toBe(sha256(original));
          expect(sha256(await onFolder.documents.readPdf(id))).toBe(sha256(original));
        }
      } finally {
        await onFolder.close();
        await onServer.close();
      }
      source.close();

      // The commands, as users run them, answer the same on the URL as on the folder.
      for (const args of [
        ['dossiers', 'list', '--json'],
        ['documents', 'list', '--json'],
        ['send', 'status', '--json'],
      ]) {
        expect(await run(url, ...args), args.join(' ')).toBe(await run(office, ...args));
      }
      const out = folder('pdf');
      for (const { id } of pdfs.slice(0, 3)) {
        await run(office, 'documents', 'pdf', String(id), '--out', path.join(out, `f${id}.pdf`));
        await run(url, 'documents', 'pdf', String(id), '--out', path.join(out, `s${id}.pdf`));
        expect(fs.readFileSync(path.join(out, `s${id}.pdf`))).toEqual(
          fs.readFileSync(path.join(out, `f${id}.pdf`)),
        );
      }
      // The sequences follow the copied ids: a new document gets the next one.
      const highest = Math.max(...pdfs.map((p) => p.id));
      expect(
        await run(
          url,
          'documents',
          'add',
          '--dossier',
          '1001',
          '--type',
          'statement',
          '--number',
          'RC-9',
          '--period',
          '2026-10',
          '--amount',
          '12',
        ),
      ).toContain(`(id ${highest + 1})`);

      // The data folder itself was only read: its database is the same bytes.
      expect(sha256(fs.readFileSync(path.join(office, 'postier.sqlite')))).toBe(sha256(before));

      // Into a database that is not empty (this one, now the office's): refused, naming it.
      const again = await cli(['--data', office, 'db', 'move', '--to', url], env);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain(
        'n’est pas vide : elle contient déjà les données d’un établissement',
      );
      expect(again.stderr).toMatch(/dossiers \(30\)/);
      expect(sha256(fs.readFileSync(path.join(office, 'postier.sqlite')))).toBe(sha256(before));
    },
    LONG,
  );

  it(
    'refuses a database holding another application’s tables',
    async () => {
      const url = await server.createDatabase();
      await queryTarget(url, 'create table factures (id integer primary key)');
      const refused = await cli(['--data', office, 'db', 'move', '--to', url], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('des tables d’une autre application (factures)');
      const english = await cli(['--data', office, 'db', 'move', '--to', url], {
        ...env,
        POSTIER_LANG: 'en',
      });
      expect(english.code).toBe(1);
      expect(english.stderr).toContain('it holds another application’s tables (factures)');
    },
    LONG,
  );

  it(
    'refuses while a send is in progress, then while messages are left sending',
    async () => {
      const sending = copyOf(validated, 'sending');
      const url = await server.createDatabase();
      // A real send run, held at the server on its first message's DATA.
      smtp.setBehavior({ times: 1 }, { at: 'data', stallMs: 120_000 });
      const child = spawn(process.execPath, [POSTIER_BIN, '--data', sending, 'send', 'run'], {
        cwd: REPO_ROOT,
        env: { ...process.env, ...env, POSTIER_LANG: 'fr' },
        stdio: 'ignore',
      });
      try {
        await until(() => sendingCount(sending) > 0);
        const refused = await cli(['--data', sending, 'db', 'move', '--to', url], env);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(
          /^Un envoi est en cours depuis .+ : le déménagement attendra/,
        );
        expect(refused.stderr).toContain('Relancez-le une fois l’envoi terminé');
      } finally {
        child.kill('SIGKILL');
        await new Promise((resolve) => child.once('exit', resolve));
        smtp.clearBehaviors();
      }
      // The engine died with its message at the server: the lease expires, the message stays.
      const file = new Sqlite(path.join(sending, 'postier.sqlite'));
      file.prepare("update engine_lease set expires_at = '2000-01-01T00:00:00.000Z'").run();
      file.close();
      const left = await cli(['--data', sending, 'db', 'move', '--to', url], env);
      expect(left.code).toBe(1);
      expect(left.stderr).toContain(
        '1 message est en train de partir : attendez la fin de l’envoi',
      );
      // Nothing was written into the target: it is still a database without tables.
      const tables = await queryTarget(
        url,
        "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
      );
      expect(tables).toEqual([{ n: 0 }]);
    },
    LONG,
  );

  it(
    'keeps nothing when the copy fails half-way; the same command then works',
    async () => {
      const broken = copyOf(office, 'broken');
      const url = await server.createDatabase();
      const file = new Sqlite(path.join(broken, 'postier.sqlite'));
      const last = file
        .prepare('select id, amount_cents from documents order by id desc')
        .get() as {
        id: number;
        amount_cents: number;
      };
      // A value SQLite keeps and PostgreSQL refuses: the copy fails at the documents table.
      file.prepare("update documents set amount_cents = 'beaucoup' where id = ?").run(last.id);
      file.close();
      const before = sha256(fs.readFileSync(path.join(broken, 'postier.sqlite')));

      const failed = await cli(['--data', broken, 'db', 'move', '--to', url], env);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain(
        'Le dossier de données n’a pas changé et rien n’a été gardé dans la base « postgres://',
      );
      expect(failed.stderr).toContain('relancez la même commande');
      const counts = await queryTarget(
        url,
        'select (select count(*) from dossiers)::int as dossiers, (select count(*) from document_contents)::int as contents',
      );
      expect(counts).toEqual([{ dossiers: 0, contents: 0 }]);

      expect(sha256(fs.readFileSync(path.join(broken, 'postier.sqlite')))).toBe(before);
      const fixed = new Sqlite(path.join(broken, 'postier.sqlite'));
      fixed
        .prepare('update documents set amount_cents = ? where id = ?')
        .run(last.amount_cents, last.id);
      fixed.close();
      // A PDF lost from the folder before the move: said, and moved as it is (missing).
      const reader = new Sqlite(path.join(broken, 'postier.sqlite'), { readonly: true });
      const lost = (
        reader.prepare('select pdf_path from documents where id = 1').get() as { pdf_path: string }
      ).pdf_path;
      reader.close();
      fs.rmSync(path.join(broken, ...lost.split('/')));
      const report = JSON.parse(await run(broken, 'db', 'move', '--to', url, '--json')) as {
        tables: { table: string; source: number; target: number; added: number }[];
        files: { copied: number; identical: number; missing: string[]; storage: string };
      };
      for (const t of report.tables) expect(t.target, t.table).toBe(t.source + t.added);
      expect(report.tables.find((t) => t.table === 'documents')).toMatchObject({ source: 38 });
      expect(report.files).toMatchObject({ copied: 38, identical: 38, missing: [lost] });
      expect(report.files.storage).toBe('database');
      expect(await run(url, 'dossiers', 'list', '--json')).toBe(
        await run(broken, 'dossiers', 'list', '--json'),
      );
    },
    LONG,
  );
});

/** Runs one statement on the target database, as its administrator would. */
async function queryTarget(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

function withoutSortName(row: unknown): unknown {
  const { sort_name: _sortName, ...rest } = row as Record<string, unknown>;
  return rest;
}

function sendingCount(data: string): number {
  const file = new Sqlite(path.join(data, 'postier.sqlite'), { readonly: true, timeout: 5_000 });
  try {
    return (
      file.prepare("select count(*) as n from messages where status = 'sending'").get() as {
        n: number;
      }
    ).n;
  } finally {
    file.close();
  }
}

async function until(condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
