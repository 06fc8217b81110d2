// The files an office's rows name (documents' PDFs, their attachments, the messages' files):
// each read from the data folder, its SHA-256 taken, handed to the target's store, which
// says how the rows now name it; then read back from the target and compared by hash.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { DataFolder } from '../data-folder/data-folder.js';
import type { Row } from '../db/table-copy.js';
import type { DocumentContentStore } from '../documents/content-store.js';

export interface MovedFile {
  path: string;
  reference: string;
  sha256: string;
  size: number;
}

export interface FileCopy {
  moved: MovedFile[];
  /** Named by a row but already absent from the data folder: nothing to move. */
  missing: string[];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Files handed to the store together: one statement for a database, bounded memory. */
const BATCH_FILES = 50;
const BATCH_BYTES = 16 * 1024 * 1024;

export async function copyFiles(
  paths: string[],
  source: DataFolder,
  store: DocumentContentStore,
  onFile: (done: number, total: number) => void,
): Promise<FileCopy> {
  const moved: MovedFile[] = [];
  const missing: string[] = [];
  let batch: { path: string; bytes: Buffer }[] = [];
  let batchBytes = 0;
  const flush = async () => {
    const references = await store.putAll(
      batch.map((file) => ({ bytes: file.bytes, suggestedRelativePath: file.path })),
    );
    batch.forEach((file, i) =>
      moved.push({
        path: file.path,
        reference: references[i]!,
        sha256: sha256(file.bytes),
        size: file.bytes.byteLength,
      }),
    );
    onFile(moved.length + missing.length, paths.length);
    batch = [];
    batchBytes = 0;
  };
  for (const relative of paths) {
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(source.resolve(relative));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(relative);
      continue;
    }
    batch.push({ path: relative, bytes });
    batchBytes += bytes.byteLength;
    if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) await flush();
  }
  if (batch.length > 0) await flush();
  return { moved, missing };
}

/** The files whose bytes, read back from the target, do not have the source's hash. */
export async function differingFiles(
  moved: MovedFile[],
  store: DocumentContentStore,
): Promise<string[]> {
  const readBack = new Map<string, string | null>();
  const differing: string[] = [];
  for (const file of moved) {
    // A content stored once for several files (the same bytes) is read back once.
    if (!readBack.has(file.reference)) {
      const back = await store.read(file.reference).catch(() => null);
      readBack.set(file.reference, back && sha256(back));
    }
    if (readBack.get(file.reference) !== file.sha256) differing.push(file.path);
  }
  return differing;
}

/** A row as the target keeps it: its file paths replaced by the store's references. */
export function withReferences(table: string, row: Row, references: Map<string, string>): Row {
  const ref = (value: unknown) =>
    typeof value === 'string' ? (references.get(value) ?? value) : value;
  if (table === 'documents') return { ...row, pdf_path: ref(row.pdf_path) };
  if (table === 'document_attachments') return { ...row, file_path: ref(row.file_path) };
  if (table === 'messages' && typeof row.attachments === 'string' && row.attachments !== '[]') {
    const attachments = JSON.parse(row.attachments) as { path?: string }[];
    // Rewritten only when a path changes: else the text stays byte for byte the source's.
    if (attachments.every((a) => ref(a.path) === a.path)) return row;
    const renamed = attachments.map((a) => ({ ...a, path: ref(a.path) }));
    return { ...row, attachments: JSON.stringify(renamed) };
  }
  return row;
}
