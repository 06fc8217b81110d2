// Writing a planned batch into the outbox: the batch row, then the messages a chunk at a
// time, each chunk's files written before the rows that point to them, its rows in one
// short transaction, so that a big batch never holds the database and the engine may send
// each committed chunk at once (QueueFeed). A batch that queues nothing leaves nothing.
import { formatLocalDateTime } from '../../src-shared/domain/schedule.js';
import type { OutboxMessage } from '../../src-shared/domain/outbox.js';
import { isUserError } from '../../src-shared/errors.js';
import type { Actor } from '../workstation/identity.js';
import { writeTransaction, type Db } from '../db/connection.js';
import * as q from '../db/outbox-prepare-queries.js';
import type { MessageRow } from '../db/schema.js';
import { appendJournalEvents, type JournalEventInput } from '../db/send-journal-queries.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import { OutboxFiles, type WrittenMessageFiles } from './attachments.js';
import { fetchSources, keepInStore } from './outbox-contents.js';
import { contentStoreFor, type DocumentContentStore } from '../documents/content-store.js';
import { outboxMessage, type Plan, type PlannedMessage } from './plan.js';
import type { PrepareEvents, PrepareResult } from './prepare-input.js';
import { storeSaid } from '../../src-shared/i18n/said.js';

/**
 * The first chunk of a batch is small, and each next one twice as large up to the chunk
 * size: the first messages are in the outbox within a few milliseconds, so that an engine
 * sending while the batch is prepared (QueueFeed) starts at once, and the progress shows.
 */
const FIRST_CHUNK = 25;

export class QueueWriter {
  /** Where the batch's files end up: the data folder, or the database (PostgreSQL). */
  private readonly contents: DocumentContentStore;

  constructor(
    private readonly db: Db,
    private readonly folder: DataFolder,
    private readonly actor: () => Actor,
    private readonly chunkSize: number,
    /** False: the result's messages come without their bodies (see PrepareServiceOptions). */
    private readonly resultBodies = true,
  ) {
    this.contents = contentStoreFor(db, folder);
  }

  async queue(plan: Plan, events: PrepareEvents): Promise<PrepareResult> {
    const actor = this.actor();
    const batchId = await writeTransaction(this.db, (tx) =>
      q.insertBatch(tx, {
        structure_id: plan.structure.id,
        description: plan.description(),
        created_by: actor.user,
        workstation: actor.workstation,
      }),
    );
    const files = new OutboxFiles(this.folder, batchId);
    // Kept for the result, unless the caller takes each chunk's (PrepareEvents.onQueuedMessages).
    const queued: OutboxMessage[] = [];
    let count = 0;
    // On a database the files go into it (outbox-contents.ts); the general ones once.
    const inStore = new Map<string, string>();
    try {
      let size = Math.min(FIRST_CHUNK, this.chunkSize);
      // A streamed plan plans each chunk's messages as it is taken (plan.ts).
      for (let chunk = plan.take(size); chunk.length > 0; chunk = plan.take(size)) {
        size = Math.min(2 * size, this.chunkSize);
        await fetchSources(this.contents, chunk);
        const stored = await this.keepChunkFiles(
          this.writeChunkFiles(plan, chunk, files),
          files,
          inStore,
        );
        const inserted = await this.insertChunk(plan, stored, files, batchId, actor);
        count += inserted.length;
        if (events.onQueuedMessages) events.onQueuedMessages(inserted);
        else queued.push(...inserted);
        events.onQueued?.(count, plan.size);
      }
    } finally {
      if (count === 0) {
        await writeTransaction(this.db, (tx) => q.deleteBatchIfEmpty(tx, batchId));
        files.removeAll();
      } else if (this.contents.kind === 'database') {
        files.removeAll();
      }
    }
    return {
      batchId: count > 0 ? batchId : null,
      queued,
      excluded: plan.excluded,
      warnings: plan.warnings,
    };
  }

  /** On a database, a chunk's files go into it; if they cannot, they are removed here. */
  private async keepChunkFiles(
    stored: StoredMessage[],
    files: OutboxFiles,
    inStore: Map<string, string>,
  ): Promise<StoredMessage[]> {
    try {
      return await keepInStore(this.contents, stored, inStore);
    } catch (error) {
      files.removeFiles(stored.flatMap((s) => s.ownFiles));
      throw error;
    }
  }

  /**
   * Writes the files of a chunk's messages. A PDF that cannot be encrypted leaves its document
   * out, not the batch; any other failure removes what the chunk wrote and stops the batch.
   */
  private writeChunkFiles(
    plan: Plan,
    chunk: PlannedMessage[],
    files: OutboxFiles,
  ): StoredMessage[] {
    const stored: StoredMessage[] = [];
    for (const message of chunk) {
      try {
        stored.push({ message, ...files.writeMessageFiles(message.attachments) });
      } catch (error) {
        if (!isUserError(error) || error.code !== 'error.pdf.encryptFailed') {
          files.removeFiles(stored.flatMap((done) => done.ownFiles));
          throw error;
        }
        plan.exclude(message.document, 'no_pdf', String(error.params.file ?? ''));
      }
    }
    return stored;
  }

  /**
   * The rows of a chunk whose files are written, in one transaction (a few statements for
   * the whole chunk, not a few per message); removes the files if it fails.
   */
  private async insertChunk(
    plan: Plan,
    stored: StoredMessage[],
    files: OutboxFiles,
    batchId: number,
    actor: Actor,
  ): Promise<OutboxMessage[]> {
    try {
      return await writeTransaction(this.db, async (tx) => {
        // Another workstation may have queued the same documents since the plan was made.
        const inUse = new Map(
          (
            await q.listAddressesInUse(tx, [...new Set(stored.map((s) => s.message.document.id))])
          ).map((a) => [`${a.document_id}|${a.address}`, a.status]),
        );
        const fresh: StoredMessage[] = [];
        for (const entry of stored) {
          const { message } = entry;
          const previous = inUse.get(`${message.document.id}|${message.recipient.key}`);
          if (!previous) {
            fresh.push(entry);
            continue;
          }
          plan.exclude(
            message.document,
            previous === 'sent' ? 'already_sent' : 'already_queued',
            message.recipient.address,
          );
          files.removeFiles(entry.ownFiles);
        }
        const rows = await q.insertMessages(
          tx,
          fresh.map(({ message, attachments }) => ({
            ...plan.rowValues(message, JSON.stringify(attachments)),
            batch_id: batchId,
            queued_by: actor.user,
            workstation: actor.workstation,
          })),
        );
        const inserted = rows.map((row, index) => ({ row, message: fresh[index]!.message }));
        await q.insertAddressesOfMessages(
          tx,
          inserted.map(({ row, message }) => ({
            messageId: row.id,
            documentId: row.document_id,
            addresses: [message.recipient.address],
          })),
        );
        await appendJournalEvents(
          tx,
          inserted.flatMap(({ row, message }) =>
            queuedEvents(row, message.recipient.address, actor, batchId),
          ),
        );
        await q.refreshDocumentEmailStates(
          tx,
          stored.map((s) => s.message.document.id),
        );
        return inserted.map(({ row, message }) =>
          outboxMessage(
            this.resultBodies ? row : { ...row, text_body: '', html_body: null },
            message.document,
          ),
        );
      });
    } catch (error) {
      files.removeFiles(stored.flatMap((s) => s.ownFiles));
      throw error;
    }
  }
}

/** The journal's events for a message just queued: queued, and validated when it is. */
function queuedEvents(
  row: MessageRow,
  to: string,
  actor: Actor,
  batchId: number,
): JournalEventInput[] {
  const journal = { actor, messageId: row.id, documentId: row.document_id };
  const events: JournalEventInput[] = [
    {
      ...journal,
      event: 'queued',
      detail: storeSaid({ code: 'sending.journal.queued', params: { to, batch: batchId } }),
    },
  ];
  if (row.status === 'validated') {
    events.push({
      ...journal,
      event: 'validated',
      detail: storeSaid({ code: 'sending.journal.validatedAutomatically', params: {} }),
    });
  }
  if (row.scheduled_at) {
    const at = formatLocalDateTime(row.scheduled_at);
    events.push({
      ...journal,
      event: 'scheduled',
      detail: storeSaid({ code: 'schedule.journal.moved', params: { at } }),
    });
  }
  return events;
}

/** A planned message whose files are written: what its row says it carries. */
interface StoredMessage extends WrittenMessageFiles {
  message: PlannedMessage;
}
