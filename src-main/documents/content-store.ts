// Where a document's PDF and the attachments live, behind one interface (issue 16, point 3).
// - A data folder (SQLite): files beside the database, as always; the reference kept in
//   documents.pdf_path, document_attachments.file_path and a message's attachments is the
//   path relative to the folder (`documents/3/2024-01/FACT-12.pdf`).
// - PostgreSQL: in the database (`document_contents`, migration 0009), one row per distinct
//   content keyed by its SHA-256, so a site needs no shared drive and a general attachment is
//   stored once; the reference is `sha256:<hex>`. What a workstation must hand to a file-based
//   tool (muhammara, a transport) is copied once into its own folder (`contents/<hex>`).
// A relative path met on PostgreSQL (a file this workstation wrote for itself, as a test
// copy's) is read from the workstation's folder. `contentStoreFor` chooses, from the database.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isPostgres } from '../../migrations/dialect.js';
import { UserError } from '../../src-shared/errors.js';
import type { Db } from '../db/connection.js';
import {
  contentSize,
  contentSizes,
  insertContents,
  readContent,
  readContents,
} from '../db/document-contents-queries.js';
import { writeFileAtomic } from '../data-folder/atomic-write.js';
import type { DataFolder } from '../data-folder/data-folder.js';

const REFERENCE_PREFIX = 'sha256:';
/** The workstation's copies of database contents, under its own folder. */
export const CONTENTS_CACHE_FOLDER_NAME = 'contents';

export interface ContentToPut {
  bytes: Uint8Array;
  /** Where a data folder puts it (relative, forward slashes): a free name is found near it. */
  suggestedRelativePath: string;
}

export interface DocumentContentStore {
  readonly kind: 'folder' | 'database';
  /** Stores the bytes; returns the reference to keep in pdf_path / file_path / attachments. */
  put(bytes: Uint8Array, suggestedRelativePath: string): Promise<string>;
  /** The same for several contents at once (one statement on a database). */
  putAll(contents: readonly ContentToPut[]): Promise<string[]>;
  read(reference: string): Promise<Buffer>;
  exists(reference: string): Promise<boolean>;
  size(reference: string): Promise<number>;
  /** The sizes of those that exist (a missing file or content is left out): one query. */
  sizes(references: readonly string[]): Promise<Map<string, number>>;
  /** A file on this workstation holding the content, for tools that read files. */
  localFile(reference: string): Promise<string>;
  /** localFile for several at once: one query on a database for those not copied yet. */
  localFiles(references: readonly string[]): Promise<void>;
  /**
   * The file `localFile` gave (or would give), without reaching the database: throws when a
   * database content has not been copied here yet. For code that cannot wait (building ahead).
   */
  localFileNow(reference: string): string;
  /** Where `localFile` puts (or finds) it, whether it is there yet or not. */
  localPath(reference: string): string;
  /** Undoes a put whose record was not written: a folder's file goes; a shared row stays. */
  discard(reference: string): Promise<void>;
}

export function isContentReference(reference: string): boolean {
  return reference.startsWith(REFERENCE_PREFIX);
}

export function contentReference(bytes: Uint8Array): string {
  return REFERENCE_PREFIX + createHash('sha256').update(bytes).digest('hex');
}

/** The store of this database: in it on PostgreSQL, the data folder's files on SQLite. */
export function contentStoreFor(db: Db, folder: DataFolder): DocumentContentStore {
  return isPostgres(db) ? new DatabaseContentStore(db, folder) : new FolderContentStore(folder);
}

/** Files in the data folder (SQLite), under their relative paths: today's layout. */
export class FolderContentStore implements DocumentContentStore {
  readonly kind = 'folder';

  constructor(private readonly folder: DataFolder) {}

  put(bytes: Uint8Array, suggestedRelativePath: string): Promise<string> {
    const target = freeName(this.folder.resolve(suggestedRelativePath));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, bytes);
    return Promise.resolve(this.folder.relativize(target));
  }

  async putAll(contents: readonly ContentToPut[]): Promise<string[]> {
    const references: string[] = [];
    for (const c of contents) references.push(await this.put(c.bytes, c.suggestedRelativePath));
    return references;
  }

  read(reference: string): Promise<Buffer> {
    return fs.promises.readFile(this.folder.resolve(reference));
  }

  exists(reference: string): Promise<boolean> {
    return Promise.resolve(fs.existsSync(this.folder.resolve(reference)));
  }

  async size(reference: string): Promise<number> {
    return (await fs.promises.stat(this.folder.resolve(reference))).size;
  }

  sizes(references: readonly string[]): Promise<Map<string, number>> {
    // One stat after the other: on a local disk 5,000 files took 25–50 ms so, and 50–400 ms
    // as as many promises on libuv's threads (measured). A file named twice is looked at once.
    const sizes = new Map<string, number>();
    for (const reference of new Set(references)) {
      const stat = fs.statSync(this.folder.resolve(reference), { throwIfNoEntry: false });
      if (stat?.isFile()) sizes.set(reference, stat.size);
    }
    return Promise.resolve(sizes);
  }

  localFile(reference: string): Promise<string> {
    return Promise.resolve(this.localFileNow(reference));
  }

  localFileNow(reference: string): string {
    return this.folder.resolve(reference);
  }

  localFiles(): Promise<void> {
    return Promise.resolve(); // the folder's files are where they are
  }

  localPath(reference: string): string {
    return this.folder.resolve(reference);
  }

  discard(reference: string): Promise<void> {
    fs.rmSync(this.folder.resolve(reference), { force: true });
    return Promise.resolve();
  }
}

/** Contents in the database (PostgreSQL), once each by SHA-256. */
export class DatabaseContentStore implements DocumentContentStore {
  readonly kind = 'database';
  private readonly local: FolderContentStore;

  constructor(
    private readonly db: Db,
    private readonly folder: DataFolder,
  ) {
    this.local = new FolderContentStore(folder);
  }

  async put(bytes: Uint8Array, suggestedRelativePath: string): Promise<string> {
    const [reference] = await this.putAll([{ bytes, suggestedRelativePath }]);
    return reference!;
  }

  async putAll(contents: readonly ContentToPut[]): Promise<string[]> {
    const rows = new Map<string, Uint8Array>();
    const references = contents.map((c) => {
      const reference = contentReference(c.bytes);
      rows.set(hashOf(reference), c.bytes);
      return reference;
    });
    await insertContents(
      this.db,
      [...rows].map(([sha256, content]) => ({ sha256, content })),
    );
    return references;
  }

  async read(reference: string): Promise<Buffer> {
    if (!isContentReference(reference)) return this.local.read(reference);
    const content = await readContent(this.db, hashOf(reference));
    if (!content) throw new UserError('error.postgres.contentMissing', { reference });
    return content;
  }

  async exists(reference: string): Promise<boolean> {
    if (!isContentReference(reference)) return this.local.exists(reference);
    return (await contentSize(this.db, hashOf(reference))) !== undefined;
  }

  async size(reference: string): Promise<number> {
    if (!isContentReference(reference)) return this.local.size(reference);
    const size = await contentSize(this.db, hashOf(reference));
    if (size === undefined) throw new UserError('error.postgres.contentMissing', { reference });
    return size;
  }

  async sizes(references: readonly string[]): Promise<Map<string, number>> {
    const inDatabase = references.filter(isContentReference);
    const sizes = await this.local.sizes(references.filter((r) => !isContentReference(r)));
    const found = await contentSizes(this.db, [...new Set(inDatabase.map(hashOf))]);
    for (const reference of inDatabase) {
      const size = found.get(hashOf(reference));
      if (size !== undefined) sizes.set(reference, size);
    }
    return sizes;
  }

  async localFile(reference: string): Promise<string> {
    if (!isContentReference(reference)) return this.local.localFile(reference);
    const file = this.cachedFile(reference);
    if (fs.existsSync(file)) {
      // Asked for again: kept (pruneLocalCopies goes by this date).
      const now = new Date();
      fs.utimesSync(file, now, now);
    } else {
      const bytes = await this.read(reference);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeFileAtomic(file, bytes);
    }
    return file;
  }

  async localFiles(references: readonly string[]): Promise<void> {
    const missing = new Map<string, string>(); // hash → its local copy
    for (const reference of references) {
      if (!isContentReference(reference)) continue;
      const file = this.cachedFile(reference);
      if (!fs.existsSync(file)) missing.set(hashOf(reference), file);
    }
    const found = await readContents(this.db, [...missing.keys()]);
    for (const [hash, bytes] of found) {
      const file = missing.get(hash)!;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeFileAtomic(file, bytes);
    }
  }

  localFileNow(reference: string): string {
    if (!isContentReference(reference)) return this.local.localFileNow(reference);
    const file = this.cachedFile(reference);
    if (!fs.existsSync(file)) throw new UserError('error.postgres.contentMissing', { reference });
    return file;
  }

  localPath(reference: string): string {
    return isContentReference(reference)
      ? this.cachedFile(reference)
      : this.local.localPath(reference);
  }

  discard(reference: string): Promise<void> {
    // A content may be shared by other documents and messages: its row stays.
    return isContentReference(reference) ? Promise.resolve() : this.local.discard(reference);
  }

  /** Named by the hash: a copy is never stale, and written whole (atomically) or not at all. */
  private cachedFile(reference: string): string {
    return this.folder.resolve(`${CONTENTS_CACHE_FOLDER_NAME}/${hashOf(reference)}`);
  }
}

/** How long this workstation keeps a copy of a database content nobody asked for again. */
export const LOCAL_COPY_DAYS = 2;

/**
 * Removes this workstation's copies of database contents not written or asked for in
 * `days` (each message's encrypted PDF is copied once to be sent, then never read again).
 * A copy still needed is simply copied again. Returns how many went.
 */
export function pruneLocalCopies(
  folder: DataFolder,
  days = LOCAL_COPY_DAYS,
  now = Date.now(),
): number {
  const directory = folder.resolve(CONTENTS_CACHE_FOLDER_NAME);
  if (!fs.existsSync(directory)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(directory)) {
    const file = path.join(directory, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile() || now - stat.mtimeMs < days * 24 * 3_600_000) continue;
    fs.rmSync(file, { force: true });
    removed++;
  }
  return removed;
}

function hashOf(reference: string): string {
  const hash = reference.slice(REFERENCE_PREFIX.length);
  if (!/^[0-9a-f]{64}$/.test(hash))
    throw new UserError('error.file.unsafeName', { name: reference });
  return hash;
}

/** The path itself, or the first of name-2.ext, name-3.ext… that is free. */
function freeName(target: string): string {
  const ext = path.extname(target);
  const stem = target.slice(0, target.length - ext.length);
  let candidate = target;
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${stem}-${n}${ext}`;
  return candidate;
}
