// The fallback when the operating system's vault cannot be reached (Linux without a Secret
// Service): passwords encrypted with AES-256-GCM in a file of the user's own profile.
//
// Threat model. What it protects against:
// - a copy of the shared data folder or of the database (backup, network share, a folder
//   sent to support) carrying passwords: nothing secret is there, only a random reference;
// - the vault file alone leaking (sent by mistake, indexed, grepped): without the key file it
//   is random bytes, and each entry is bound to its reference (GCM additional data), so
//   entries cannot be swapped or altered unnoticed;
// - other users of the computer: folder 0700, files 0600 (on Windows the folder is under the
//   user's own %LOCALAPPDATA%, which only that user can read).
// What it does not protect against: a program running as the same user, or someone holding
// a copy of the whole user profile (key and vault together). That is what the OS vault is
// for, and why this store is only the fallback.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../src-shared/errors.js';
import type { CredentialStore } from './credential-store-interface.js';

export const VAULT_FILE_NAME = 'credentials.json';
export const KEY_FILE_NAME = 'credentials.key';
const FORMAT = 'postier-credentials-1';
const KEY_BYTES = 32;

interface SealedEntry {
  iv: string;
  tag: string;
  data: string;
}

interface VaultFile {
  format: typeof FORMAT;
  entries: Record<string, SealedEntry>;
}

export class EncryptedFileCredentialStore implements CredentialStore {
  readonly file: string;
  readonly keyFile: string;

  constructor(readonly folder: string) {
    this.file = path.join(folder, VAULT_FILE_NAME);
    this.keyFile = path.join(folder, KEY_FILE_NAME);
  }

  get description(): string {
    return this.file;
  }

  async get(ref: string): Promise<string | null> {
    const entry = this.readVault().entries[ref];
    return entry ? this.open(ref, entry) : null;
  }

  async set(ref: string, secret: string): Promise<void> {
    const vault = this.readVault();
    vault.entries[ref] = this.seal(ref, secret);
    this.writeVault(vault);
  }

  async delete(ref: string): Promise<boolean> {
    const vault = this.readVault();
    if (!(ref in vault.entries)) return false;
    delete vault.entries[ref];
    this.writeVault(vault);
    return true;
  }

  private seal(ref: string, secret: string): SealedEntry {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key(), iv);
    cipher.setAAD(Buffer.from(ref, 'utf8'));
    const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return {
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  }

  private open(ref: string, entry: SealedEntry): string {
    try {
      const key = this.key({ create: false });
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(entry.iv, 'base64'));
      decipher.setAAD(Buffer.from(ref, 'utf8'));
      decipher.setAuthTag(Buffer.from(entry.tag, 'base64'));
      const data = Buffer.from(entry.data, 'base64');
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    } catch {
      throw this.unreadable();
    }
  }

  /** The key, made on first use (0600, never overwritten: `wx`). */
  private key(options: { create: boolean } = { create: true }): Buffer {
    const existing = this.readKey();
    if (existing || !options.create) {
      if (!existing || existing.length !== KEY_BYTES) throw this.unreadable();
      return existing;
    }
    this.ensureFolder();
    try {
      fs.writeFileSync(this.keyFile, crypto.randomBytes(KEY_BYTES), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      // Another process made it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw this.unwritable(error);
    }
    return this.key({ create: false });
  }

  private readKey(): Buffer | null {
    try {
      return fs.readFileSync(this.keyFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw this.unreadable();
    }
  }

  private readVault(): VaultFile {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { format: FORMAT, entries: {} };
      throw this.unreadable();
    }
    try {
      const parsed = JSON.parse(text) as Partial<VaultFile>;
      if (parsed.format !== FORMAT || typeof parsed.entries !== 'object') throw new Error();
      return { format: FORMAT, entries: { ...parsed.entries } };
    } catch {
      throw this.unreadable();
    }
  }

  /** Written to a temporary file then renamed: a crash never leaves half a vault. */
  private writeVault(vault: VaultFile): void {
    this.ensureFolder();
    const temporary = `${this.file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      fs.writeFileSync(temporary, `${JSON.stringify(vault, null, 2)}\n`, { mode: 0o600 });
      fs.renameSync(temporary, this.file);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw this.unwritable(error);
    }
  }

  private ensureFolder(): void {
    try {
      fs.mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw this.unwritable(error);
    }
  }

  private unreadable(): UserError {
    return new UserError('error.credentials.unreadable', {
      file: this.file,
      keyFile: this.keyFile,
    });
  }

  private unwritable(error: unknown): UserError {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return new UserError('error.credentials.unwritable', { file: this.file, reason });
  }
}
