// Where mail-account passwords live: the operating system's vault through keytar (Windows
// Credential Manager, macOS Keychain, the Secret Service on Linux), else an encrypted file in
// the user's own profile. Never the database, never the shared data folder, never a log.
import os from 'node:os';
import path from 'node:path';
import { translate } from '../../src-shared/i18n/catalog.js';
import { EncryptedFileCredentialStore } from './encrypted-file-store.js';
import { KeytarCredentialStore } from './keytar-store.js';
import type { CredentialStore } from './credential-store-interface.js';

// The accounts and OAuth layers name the store through this module.
export type { CredentialStore } from './credential-store-interface.js';

/**
 * The per-user folder of the fallback file. On purpose NOT the data folder (which may be
 * shared on a network drive and copied), nor the per-user default data folder: a copy of
 * either must not carry passwords. POSTIER_CREDENTIALS_DIR overrides it (tests).
 */
export function credentialsFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.POSTIER_CREDENTIALS_DIR) return path.resolve(env.POSTIER_CREDENTIALS_DIR);
  if (platform === 'win32') {
    // Local, not Roaming: a roaming profile must not carry the key to other computers.
    const local = env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local');
    return path.win32.join(local, 'Postier', 'Credentials');
  }
  if (platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', 'Postier Credentials');
  }
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'postier-credentials');
}

export interface OpenCredentialStoreOptions {
  env?: NodeJS.ProcessEnv;
  /** Where the one fallback line goes; stderr by default. */
  log?: (line: string) => void;
  /** How long the vault may take to answer the first question before falling back. */
  probeTimeoutMs?: number;
}

/**
 * The OS vault when it answers, else the encrypted file, announced by one line naming the
 * file (never a secret). Without D-Bus, keytar throws "Cannot autolaunch D-Bus…".
 */
export async function openCredentialStore(
  options: OpenCredentialStoreOptions = {},
): Promise<CredentialStore> {
  const env = options.env ?? process.env;
  const keytarStore = await KeytarCredentialStore.open(options.probeTimeoutMs ?? 10_000).catch(
    (error: unknown) => error as Error,
  );
  if (!(keytarStore instanceof Error)) return keytarStore;
  const fallback = new EncryptedFileCredentialStore(credentialsFolder(env));
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  log(fallbackLine(keytarStore, fallback.file));
  return fallback;
}

function fallbackLine(error: Error, file: string): string {
  const reason = error.message.split('\n')[0]!.trim();
  return `Postier : ${translate('fr', 'mail.credentials.fallback', { reason, file })}`;
}

/** Opens the store on first call only, then hands out the same one. */
export function lazyCredentialStore(
  options: OpenCredentialStoreOptions = {},
): () => Promise<CredentialStore> {
  let store: Promise<CredentialStore> | null = null;
  return () => (store ??= openCredentialStore(options));
}
