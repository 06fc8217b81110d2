// Paramètres > Ce poste's data place (issue 16): a folder or a PostgreSQL URL, checked and
// tried on a real throw-away server; a password typed once (or found in a URL) kept in the
// credential store only when the server accepts it, never in the preferences.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostier } from '../../src-main/app/postier.js';
import { EncryptedFileCredentialStore } from '../../src-main/credentials/encrypted-file-store.js';
import { postgresCredentialRef } from '../../src-main/db/postgres-password.js';
import { memoryStore } from '../../src-main/ipc/preferences.js';
import { DATA_PLACE_KEY, DataPlaceService, parseDataPlace } from '../../src-main/db/data-place.js';
import { UserError } from '../../src-shared/errors.js';
import { hasPostgres, startPostgres, type PostgresServer } from '../support/postgres-server.js';
import { tempFolder } from '../support/temp-folder.js';

function refusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof UserError) return error.code;
    throw error;
  }
  throw new Error('not refused');
}

function service(openPlace = '/srv/postier') {
  const store = memoryStore();
  const vault = new EncryptedFileCredentialStore(tempFolder());
  const places = new DataPlaceService({
    store,
    openPlace,
    credentials: () => Promise.resolve(vault),
  });
  return { store, vault, places };
}

describe('reading a data place', () => {
  it('refuses what Postier could not open, saying why', () => {
    expect(refusal(() => parseDataPlace(''))).toBe('error.place.empty');
    expect(refusal(() => parseDataPlace('x'.repeat(1001)))).toBe('error.place.tooLong');
    expect(refusal(() => parseDataPlace('Postier/data'))).toBe('error.place.relative');
    expect(refusal(() => parseDataPlace('postgres://'))).toBe('error.place.badUrl');
    expect(refusal(() => parseDataPlace('postgres://u@server:5432/'))).toBe('error.place.badUrl');
    expect(refusal(() => parseDataPlace('postgres://u@server:99999/db'))).toBe(
      'error.place.badUrl',
    );
    expect(refusal(() => parseDataPlace('postgres://u@server/db?sslmode=maybe'))).toBe(
      'error.place.sslmode',
    );
    expect(refusal(() => parseDataPlace('postgres://u@server/db?host=/tmp'))).toBe(
      'error.place.option',
    );
    expect(refusal(() => parseDataPlace('/srv/postier\nx'))).toBe('error.place.badUrl');
  });

  it('takes folders (Windows ones too) and URLs, a password taken out of the URL', () => {
    expect(parseDataPlace('  /srv/postier/ ')).toEqual({ kind: 'folder', place: '/srv/postier/' });
    expect(parseDataPlace('\\\\serveur\\partage\\Postier').kind).toBe('folder');
    expect(parseDataPlace('postgres://office@db.example:5433/postier?sslmode=verify-full')).toEqual(
      {
        kind: 'postgres',
        place: 'postgres://office@db.example:5433/postier?sslmode=verify-full',
        password: null,
        database: 'postier',
      },
    );
    const withPassword = parseDataPlace('postgres://office:s%C3%A9cret@db.example/postier');
    expect(withPassword).toMatchObject({
      place: 'postgres://office@db.example/postier',
      password: 'sécret',
    });
  });

  it('says whether a folder holds an office, can hold one, or cannot be written', async () => {
    const { places } = service();
    const empty = tempFolder();
    expect((await places.test(empty)).outcome).toBe('folderNew');
    expect((await places.test(path.join(empty, 'later'))).outcome).toBe('folderNew');
    const office = tempFolder();
    await (await openPostier({ dataPath: office })).close();
    expect((await places.test(office)).outcome).toBe('folderReady');
    const file = path.join(empty, 'a-file');
    fs.writeFileSync(file, '');
    expect(await places.test(file)).toMatchObject({
      outcome: 'folderUnusable',
      detail: 'ENOTDIR',
    });
  });
});

describe.skipIf(!hasPostgres())('trying a PostgreSQL server', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(() => server?.stop());

  it('says the server does not answer, or the database does not exist', async () => {
    const { places } = service();
    expect(await places.test('postgres://postier@127.0.0.1:1/x')).toMatchObject({
      outcome: 'unreachable',
      detail: 'ECONNREFUSED',
    });
    expect(await places.test(`postgres://postier@127.0.0.1:${server.port}/nowhere`)).toMatchObject({
      outcome: 'noDatabase',
      detail: 'nowhere',
    });
  });

  it('tells an empty database, a Postier one and somebody else’s apart', async () => {
    const { places } = service();
    const url = await server.createDatabase();
    expect((await places.test(url)).outcome).toBe('empty');
    await (await openPostier({ dataPath: url })).close();
    expect((await places.test(url)).outcome).toBe('ready');
    const other = await server.createDatabase();
    const client = new pg.Client({ connectionString: other });
    await client.connect();
    await client.query('create table invoices (id int)');
    await client.end();
    expect(await places.test(other)).toMatchObject({ outcome: 'foreign', detail: '1' });
  });

  it('asks for a missing password, keeps it only once the server accepts it', async () => {
    const { places, vault } = service();
    const url = await server.createPasswordDatabase('bureau', 'Le-bon mot');
    const login = postgresCredentialRef(url);
    expect(await places.test(url)).toMatchObject({
      outcome: 'passwordMissing',
      detail: login,
      passwordSaved: false,
    });
    expect(await places.test(url, 'mauvais')).toMatchObject({
      outcome: 'passwordRefused',
      passwordSaved: false,
    });
    expect(await vault.get(login)).toBeNull();
    expect(await places.test(url, 'Le-bon mot')).toMatchObject({
      outcome: 'empty',
      passwordSaved: true,
    });
    expect(await vault.get(login)).toBe('Le-bon mot');
    // From now on the vault's password is used without typing it.
    expect(await places.test(url)).toMatchObject({ outcome: 'empty', passwordSaved: false });
  });

  it('saves a URL for the next start without its password, which goes to the vault', async () => {
    const { places, vault, store } = service();
    const url = await server.createPasswordDatabase('compta', 'mot:de/passe');
    const withPassword = url.replace('compta@', `compta:${encodeURIComponent('mot:de/passe')}@`);
    expect((await places.test(withPassword)).place).toBe(url);

    const wrong = url.replace('compta@', 'compta:faux@');
    await expect(places.save(wrong)).rejects.toMatchObject({ code: 'error.place.passwordNotKept' });
    expect(store.get(DATA_PLACE_KEY)).toBeUndefined();

    expect(await places.save(withPassword)).toEqual({ place: url, restartNeeded: true });
    expect(store.get(DATA_PLACE_KEY)).toBe(url);
    expect(places.saved()).toBe(url);
    expect(await vault.get(postgresCredentialRef(url))).toBe('mot:de/passe');
    // From now on the saved URL logs in with the vault's password.
    expect(await places.test(places.saved())).toMatchObject({ outcome: 'empty' });
  });
});
