// A batch's files on a database (PostgreSQL, issue 16 point 3): the files are made on this
// workstation as on a data folder (its PDFs encrypted by muhammara, which reads and writes
// files), then each chunk's go into the database and its messages point there, so that any
// workstation can send them. A general attachment is one content, stored once. On a data
// folder both steps do nothing: the files stay in outbox/<batch>/ as always.
import fs from 'node:fs';
import type { MessageAttachment } from '../../src-shared/domain/outbox.js';
import {
  isContentReference,
  type ContentToPut,
  type DocumentContentStore,
} from '../documents/content-store.js';
import type { WrittenMessageFiles } from './attachments.js';
import type { PlannedMessage } from './plan.js';

/** What one statement carries at most: a chunk's encrypted PDFs go in a few statements. */
const PUT_BYTES = 8 * 1024 * 1024;

/** Before a chunk's files are written: the stored PDFs to encrypt, copied here. */
export async function fetchSources(
  contents: DocumentContentStore,
  messages: readonly Pick<PlannedMessage, 'attachments'>[],
): Promise<void> {
  if (contents.kind === 'folder') return;
  for (const message of messages) {
    for (const { source } of message.attachments) {
      if (source.kind === 'encrypt') await contents.localFile(source.reference);
    }
  }
}

/**
 * After a chunk's files are written: on a database, each file this workstation wrote goes
 * into it (once per content) and the messages' attachments point there; the message's own
 * local files are removed. `known` remembers the general files across the batch's chunks.
 */
export async function keepInStore<T extends WrittenMessageFiles>(
  contents: DocumentContentStore,
  written: T[],
  known: Map<string, string>,
): Promise<T[]> {
  if (contents.kind === 'folder') return written;
  let pending: { path: string; content: ContentToPut }[] = [];
  let pendingBytes = 0;
  const seen = new Set<string>();
  const flush = async () => {
    const references = await contents.putAll(pending.map((p) => p.content));
    pending.forEach((p, index) => known.set(p.path, references[index]!));
    pending = [];
    pendingBytes = 0;
  };
  for (const { attachments } of written) {
    for (const { path } of attachments) {
      if (isContentReference(path) || known.has(path) || seen.has(path)) continue;
      seen.add(path);
      const bytes = await contents.read(path);
      pending.push({ path, content: { bytes, suggestedRelativePath: path } });
      pendingBytes += bytes.byteLength;
      if (pendingBytes >= PUT_BYTES) await flush();
    }
  }
  if (pending.length > 0) await flush();
  return written.map((entry) => {
    for (const file of entry.ownFiles) fs.rmSync(file, { force: true });
    return {
      ...entry,
      attachments: entry.attachments.map((a): MessageAttachment => ({
        ...a,
        path: known.get(a.path) ?? a.path,
      })),
      ownFiles: [],
    };
  });
}
