// Where Postier keeps its database and PDFs. Paths stored in the database are relative to
// this folder, so the whole folder can move (to a network drive, another PC) in one piece.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../src-shared/errors.js';

export const DATABASE_FILE_NAME = 'postier.sqlite';
export const DOCUMENTS_FOLDER_NAME = 'documents';
export const BACKUPS_FOLDER_NAME = 'backups';

/** The per-user application-data folder, as Electron's app.getPath('appData') would give it. */
export function defaultDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Postier');
  }
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Postier');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Postier');
}

/** `--data DIR` wins over POSTIER_DATA, which wins over the per-user default. */
export function resolveDataFolderPath(
  explicit?: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const chosen = explicit || env.POSTIER_DATA || defaultDataFolder(env);
  return path.resolve(chosen);
}

/**
 * Where the office's data is: a data folder (the SQLite file beside its documents), or a
 * PostgreSQL database given by URL (postgres://user@host:port/db?sslmode=require). With a
 * server, this workstation's files (documents until they move into the database, sandbox,
 * logos) go to a folder of the per-user folder named after the server and database.
 */
export type DataLocation =
  { kind: 'folder'; folder: string } | { kind: 'postgres'; url: string; folder: string };

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

export function isPostgresUrl(text: string): boolean {
  return POSTGRES_URL.test(text);
}

/** `--data` wins over POSTIER_DATA, which wins over the per-user default; a URL or a folder. */
export function resolveDataLocation(
  explicit?: string,
  env: NodeJS.ProcessEnv = process.env,
): DataLocation {
  const chosen = explicit || env.POSTIER_DATA;
  if (!chosen || !isPostgresUrl(chosen)) {
    return { kind: 'folder', folder: resolveDataFolderPath(chosen, env) };
  }
  let url: URL;
  try {
    url = new URL(chosen);
  } catch {
    throw new UserError('error.postgres.badUrl', { url: withoutPassword(chosen) });
  }
  // A password written in the URL would sit in shortcuts, services and process lists.
  if (url.password) throw new UserError('error.postgres.passwordInUrl');
  const server = `${url.hostname || 'localhost'}-${url.port || '5432'}-${url.pathname.slice(1)}`;
  return {
    kind: 'postgres',
    url: chosen,
    folder: path.join(defaultDataFolder(env), 'servers', safeFileName(server, 'postgres')),
  };
}

/** The URL as it may be shown: the password, if any, replaced. */
export function withoutPassword(text: string): string {
  return text.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}

export class DataFolder {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  get databaseFile(): string {
    return path.join(this.root, DATABASE_FILE_NAME);
  }

  get documentsFolder(): string {
    return path.join(this.root, DOCUMENTS_FOLDER_NAME);
  }

  /** The database's daily and on-demand copies (see db/backup.ts). */
  get backupsFolder(): string {
    return path.join(this.root, BACKUPS_FOLDER_NAME);
  }

  /** Creates the folder and its documents/ subfolder, or says clearly why it cannot. */
  ensure(): void {
    try {
      fs.mkdirSync(this.documentsFolder, { recursive: true });
      fs.accessSync(this.root, fs.constants.W_OK);
    } catch (error) {
      throw new UserError('error.dataFolder.unusable', {
        folder: this.root,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      });
    }
  }

  /** Turns a stored relative path into an absolute one; refuses anything leaving the folder. */
  resolve(relativePath: string): string {
    const absolute = path.resolve(this.root, ...relativePath.split('/'));
    if (absolute !== this.root && !absolute.startsWith(this.root + path.sep)) {
      throw new UserError('error.file.unsafeName', { name: relativePath });
    }
    return absolute;
  }

  /** The form stored in the database: relative, forward slashes on every OS. */
  relativize(absolutePath: string): string {
    const relative = path.relative(this.root, absolutePath);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new UserError('error.file.unsafeName', { name: absolutePath });
    }
    return relative.split(path.sep).join('/');
  }
}

/**
 * Makes a name safe to use as one file name on Windows and elsewhere: no separators,
 * no reserved characters, no leading dots, bounded length. Accents are kept.
 */
export function safeFileName(name: string, fallback = 'document'): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what we remove
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
  return cleaned === '' || reserved.test(cleaned) ? fallback : cleaned;
}
