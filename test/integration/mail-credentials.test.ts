// Where passwords live: the OS vault through keytar, else an AES-256-GCM file in the user's
// profile. The keytar round trip runs only where a Secret Service answers on D-Bus, e.g.
//   dbus-run-session -- sh -c 'eval $(echo -n pw | gnome-keyring-daemon --unlock --components=secrets); npx vitest run test/integration/mail-credentials.test.ts'
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src-shared/errors.js';
import { credentialsFolder } from '../../src-main/credentials/credential-store.js';
import {
  EncryptedFileCredentialStore,
  KEY_FILE_NAME,
  VAULT_FILE_NAME,
} from '../../src-main/credentials/encrypted-file-store.js';
import { KeytarCredentialStore } from '../../src-main/credentials/keytar-store.js';
import { REPO_ROOT } from '../support/cli.js';
import { tempFolder } from '../support/temp-folder.js';

const SECRET = 'Mot-de-passe très secret é€ 42!';

function storeIn(folder = path.join(tempFolder(), 'credentials')) {
  return new EncryptedFileCredentialStore(folder);
}

describe('encrypted file credential store', () => {
  it('keeps, replaces and deletes a secret, across instances', async () => {
    const store = storeIn();
    expect(await store.get('mail-account-1')).toBeNull();
    await store.set('mail-account-1', SECRET);
    await store.set('mail-account-2', 'autre');
    const reopened = new EncryptedFileCredentialStore(store.folder);
    expect(await reopened.get('mail-account-1')).toBe(SECRET);
    await reopened.set('mail-account-1', 'nouveau');
    expect(await store.get('mail-account-1')).toBe('nouveau');
    expect(await store.delete('mail-account-1')).toBe(true);
    expect(await store.delete('mail-account-1')).toBe(false);
    expect(await store.get('mail-account-1')).toBeNull();
    expect(await store.get('mail-account-2')).toBe('autre');
  });

  it('never writes the secret in clear, and keeps its files to the user', async () => {
    const store = storeIn();
    await store.set('mail-account-1', SECRET);
    const everything = fs
      .readdirSync(store.folder)
      .map((name) => fs.readFileSync(path.join(store.folder, name)));
    expect(everything).toHaveLength(2);
    for (const bytes of everything) {
      expect(bytes.includes(Buffer.from(SECRET, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(Buffer.from(SECRET).toString('base64')))).toBe(false);
    }
    if (process.platform !== 'win32') {
      expect(fs.statSync(store.folder).mode & 0o777).toBe(0o700);
      expect(fs.statSync(store.file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(store.keyFile).mode & 0o777).toBe(0o600);
    }
  });

  it('refuses to decrypt with another key, with a sentence naming the files', async () => {
    const store = storeIn();
    await store.set('mail-account-1', SECRET);
    fs.writeFileSync(store.keyFile, crypto.randomBytes(32));
    const error = await store.get('mail-account-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('error.credentials.unreadable');
    expect((error as UserError).params).toEqual({ file: store.file, keyFile: store.keyFile });
  });

  it('refuses an entry moved under another reference', async () => {
    const store = storeIn();
    await store.set('mail-account-1', SECRET);
    const vault = JSON.parse(fs.readFileSync(store.file, 'utf8'));
    vault.entries['mail-account-2'] = vault.entries['mail-account-1'];
    fs.writeFileSync(store.file, JSON.stringify(vault));
    await expect(store.get('mail-account-2')).rejects.toThrow(UserError);
    expect(await store.get('mail-account-1')).toBe(SECRET);
  });

  it('refuses a vault whose key file is gone, rather than saying "no password"', async () => {
    const store = storeIn();
    await store.set('mail-account-1', SECRET);
    fs.rmSync(store.keyFile);
    await expect(store.get('mail-account-1')).rejects.toThrow(UserError);
  });

  it('lives in the user profile, apart from the data folders', () => {
    const home = '/home/marie';
    expect(credentialsFolder({}, 'linux', home)).toBe('/home/marie/.config/postier-credentials');
    expect(
      credentialsFolder({ LOCALAPPDATA: 'C:\\Users\\marie\\AppData\\Local' }, 'win32', home),
    ).toBe('C:\\Users\\marie\\AppData\\Local\\Postier\\Credentials');
    expect(credentialsFolder({ POSTIER_CREDENTIALS_DIR: '/tmp/x' }, 'linux', home)).toBe('/tmp/x');
  });
});

describe('opening the credential store', () => {
  it('without D-Bus, falls back to the file with one log line naming it, never the secret', () => {
    const folder = path.join(tempFolder(), 'credentials');
    const script = path.join(tempFolder(), 'open-store.mjs');
    fs.writeFileSync(
      script,
      `const { openCredentialStore } = await import(${JSON.stringify(
        path.join(REPO_ROOT, 'src-main/credentials/credential-store.ts'),
      )});
      const store = await openCredentialStore();
      await store.set('mail-account-1', process.env.SECRET);
      process.stdout.write(await store.get('mail-account-1') === process.env.SECRET ? 'ok' : 'mismatch');`,
    );
    const { DBUS_SESSION_BUS_ADDRESS: _bus, DISPLAY: _display, ...env } = process.env;
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: REPO_ROOT,
      env: { ...env, POSTIER_CREDENTIALS_DIR: folder, SECRET },
      encoding: 'utf8',
    });
    expect(child.stdout).toBe('ok');
    const lines = child.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(path.join(folder, VAULT_FILE_NAME));
    expect(lines[0]).toMatch(/indisponible \(.*D-Bus.*\)/);
    expect(child.stderr).not.toContain(SECRET);
    expect(fs.readdirSync(folder).sort()).toEqual([VAULT_FILE_NAME, KEY_FILE_NAME].sort());
  });
});

// keytar needs a Secret Service on D-Bus; where none answers, say so instead of passing.
const keytar = await KeytarCredentialStore.open(5000).catch((error: Error) => error);
const keytarSkipReason =
  keytar instanceof Error
    ? `skipped: no Secret Service answers here (${keytar.message.split('\n')[0]}); run under dbus-run-session with gnome-keyring to include it`
    : '';
if (keytarSkipReason)
  process.stderr.write(`mail-credentials.test.ts: keytar round trip ${keytarSkipReason}\n`);

describe('keytar credential store', () => {
  it.skipIf(keytar instanceof Error)(
    `round trip through the OS vault ${keytarSkipReason}`.trim(),
    async () => {
      const store = keytar as KeytarCredentialStore;
      const ref = `postier-test-${crypto.randomUUID()}`;
      try {
        expect(await store.get(ref)).toBeNull();
        await store.set(ref, SECRET);
        expect(await store.get(ref)).toBe(SECRET);
        await store.set(ref, 'remplacé');
        expect(await store.get(ref)).toBe('remplacé');
      } finally {
        expect(await store.delete(ref)).toBe(true);
      }
      expect(await store.get(ref)).toBeNull();
    },
  );
});
