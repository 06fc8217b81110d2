// Where this workstation's office data is (Paramètres > Ce poste): a data folder or a
// PostgreSQL server's URL, checked, tried ("Tester la connexion") and kept for the next start.
// A password never stays in the URL nor in the preferences file: one typed (or found inside a
// URL) is tried, then kept in this workstation's credential store by the same service as
// `postier db connect`; the URL is kept without it.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../src-shared/errors.js';
import type { DataPlaceCheck } from '../../src-shared/contract/data-place.js';
import type { CredentialStore } from '../credentials/credential-store.js';
import {
  DATABASE_FILE_NAME,
  isPostgresUrl,
  type DataLocation,
} from '../data-folder/data-folder.js';

/** The preferences key the Electron shell and the host read at start. */
export const DATA_PLACE_KEY = 'dataFolder';
export const MAX_PLACE_LENGTH = 1000;
export const MAX_PASSWORD_LENGTH = 1000;
/** The sslmode values the pg driver's settings understand (postgres-dialect.ts). */
const SSLMODES = ['disable', 'require', 'verify-ca', 'verify-full'];
/** Kysely's own table: a database that has it is a Postier database. */
const MIGRATION_TABLE = 'kysely_migration';

export interface PlaceStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** A place as read from the user: a folder, or a URL without password (and the one it had). */
export type ParsedPlace =
  | { kind: 'folder'; place: string }
  | { kind: 'postgres'; place: string; password: string | null; database: string };

/** What the open place is called in settings: the folder, or the URL (never with a password). */
export function placeOf(location: DataLocation): string {
  return location.kind === 'postgres' ? location.url : location.folder;
}

/** Reads a place typed by the user; refuses what Postier could not open, saying why. */
export function parseDataPlace(text: string): ParsedPlace {
  const place = text.trim();
  if (place.length > MAX_PLACE_LENGTH) {
    throw new UserError('error.place.tooLong', { max: MAX_PLACE_LENGTH });
  }
  if (!place) throw new UserError('error.place.empty');
  // eslint-disable-next-line no-control-regex -- control characters are what we refuse
  if (/[\u0000-\u001f\u007f]/.test(place)) throw new UserError('error.place.badUrl');
  if (!isPostgresUrl(place)) {
    if (!path.isAbsolute(place) && !path.win32.isAbsolute(place)) {
      throw new UserError('error.place.relative');
    }
    return { kind: 'folder', place: path.normalize(place) };
  }
  let url: URL;
  try {
    url = new URL(place);
  } catch {
    throw new UserError('error.place.badUrl');
  }
  const database = decodeURIComponent(url.pathname.slice(1));
  if (!url.hostname || !database || database.includes('/') || url.hash) {
    throw new UserError('error.place.badUrl');
  }
  for (const [name, value] of url.searchParams) {
    if (name !== 'sslmode') throw new UserError('error.place.option', { name });
    if (!SSLMODES.includes(value)) throw new UserError('error.place.sslmode', { value });
  }
  const password = url.password ? decodeURIComponent(url.password) : null;
  url.password = '';
  return { kind: 'postgres', place: url.toString(), password, database };
}

type Outcome = Omit<DataPlaceCheck, 'place' | 'passwordSaved'>;

/** pg's error codes in plain words: network, login, database missing, anything else. */
function classifyError(error: unknown, login: string, database: string): Outcome {
  if (error instanceof UserError && error.code === 'error.postgres.noPassword') {
    return { outcome: 'passwordMissing', detail: login };
  }
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const reason = String(message ?? error).slice(0, 300);
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return { outcome: 'unreachable', detail: code };
  }
  if (reason.includes('timeout')) return { outcome: 'unreachable', detail: 'timeout' };
  if (code === '28P01') return { outcome: 'passwordRefused', detail: login };
  if (code === '3D000') return { outcome: 'noDatabase', detail: database };
  return { outcome: 'refused', detail: reason };
}

export interface DataPlaceDeps {
  /** The workstation's preferences (electron-store or conf). */
  store: PlaceStore;
  /** The place open now (placeOf(postier.location)). */
  openPlace: string;
  credentials: () => Promise<CredentialStore>;
}

export class DataPlaceService {
  constructor(private readonly deps: DataPlaceDeps) {}

  /** The place the next start opens: the one saved here, else the one open now. */
  saved(): string {
    const stored = this.deps.store.get(DATA_PLACE_KEY);
    return typeof stored === 'string' && stored ? stored : this.deps.openPlace;
  }

  /**
   * "Tester la connexion": whether a folder can hold the office's data, or whether the server
   * answers, wants a password this workstation lacks, refuses it, and what the database is.
   * A password typed (or found in the URL) that the server accepts is kept in the credential
   * store; one it refuses is not.
   */
  async test(text: string, typedPassword?: string): Promise<DataPlaceCheck> {
    const parsed = parseDataPlace(text);
    if (parsed.kind === 'folder') {
      return { place: parsed.place, passwordSaved: false, ...folderCheck(parsed.place) };
    }
    if (typedPassword !== undefined && typedPassword.length > MAX_PASSWORD_LENGTH) {
      throw new UserError('error.place.tooLong', { max: MAX_PASSWORD_LENGTH });
    }
    const password = typedPassword || parsed.password;
    const outcome = await this.#tryServer(parsed.place, parsed.database, password);
    let passwordSaved = false;
    if (password && LOGGED_IN.has(outcome.outcome)) {
      const { connectPostgres } = await import('./postgres-password.js');
      await connectPostgres(parsed.place, password, await this.deps.credentials());
      passwordSaved = true;
    }
    return { place: parsed.place, passwordSaved, ...outcome };
  }

  /**
   * Keeps the place for the next start (nothing changes before). A URL that carried a
   * password is kept without it, once the server accepted the password (then in the
   * credential store); a refused one is not kept at all.
   */
  async save(text: string): Promise<{ place: string; restartNeeded: boolean }> {
    const parsed = parseDataPlace(text);
    if (parsed.kind === 'postgres' && parsed.password) {
      const checked = await this.test(parsed.place, parsed.password);
      if (!checked.passwordSaved) throw new UserError('error.place.passwordNotKept');
    }
    this.deps.store.set(DATA_PLACE_KEY, parsed.place);
    return { place: parsed.place, restartNeeded: parsed.place !== this.deps.openPlace };
  }

  async #tryServer(url: string, database: string, password: string | null): Promise<Outcome> {
    const { postgresCredentialRef, postgresPassword } = await import('./postgres-password.js');
    const { openCheckClient } = await import('./postgres-dialect.js');
    const login = postgresCredentialRef(url);
    const client = openCheckClient(
      url,
      password ? async () => password : postgresPassword(url, this.deps.credentials),
    );
    try {
      await client.connect();
      const { rows } = await client.query<{ name: string }>(
        'select table_name as name from information_schema.tables where table_schema = current_schema()',
      );
      if (rows.length === 0) return { outcome: 'empty' };
      return rows.some((row) => row.name === MIGRATION_TABLE)
        ? { outcome: 'ready' }
        : { outcome: 'foreign', detail: String(rows.length) };
    } catch (error) {
      return classifyError(error, login, database);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

const LOGGED_IN = new Set(['ready', 'empty', 'foreign']);

function folderCheck(folder: string): Outcome {
  if (!fs.existsSync(folder)) return { outcome: 'folderNew' };
  try {
    if (!fs.statSync(folder).isDirectory()) return { outcome: 'folderUnusable', detail: 'ENOTDIR' };
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (error) {
    return { outcome: 'folderUnusable', detail: (error as NodeJS.ErrnoException).code ?? '' };
  }
  return fs.existsSync(path.join(folder, DATABASE_FILE_NAME))
    ? { outcome: 'folderReady' }
    : { outcome: 'folderNew' };
}
