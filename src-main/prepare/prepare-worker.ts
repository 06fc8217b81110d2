// The worker thread behind PrepareThread: the same PrepareService, on its own connection to
// the same data folder, so that encrypting and writing a bulk send's files does not take
// the main thread from the sending engine (or from the window).
import { parentPort, workerData } from 'node:worker_threads';
import type { OutboxMessage } from '../../src-shared/domain/outbox.js';
import { isUserError } from '../../src-shared/errors.js';
import { DataFolder } from '../data-folder/data-folder.js';
import { openDatabase } from '../db/connection.js';
import { openPostgresDatabase } from '../db/postgres-dialect.js';
import { postgresPassword } from '../db/postgres-password.js';
import { lazyCredentialStore } from '../credentials/credential-store.js';
import { RecordsService } from '../records/records-service.js';
import { heapKeeper } from '../workstation/heap-keeper.js';
import { PrepareService, type PrepareInput } from './prepare.js';
import type { PrepareReply, PrepareRequest, PrepareThreadOptions } from './prepare-thread.js';

const port = parentPort!;
const { dataPath, databaseUrl, busyTimeoutMs, chunkSize } = workerData as PrepareThreadOptions;
// Only what preparing needs (not the mail, import and export services): the thread starts
// sooner and weighs less. The folder's database was migrated by the Postier that started it.
const folder = new DataFolder(dataPath);
const { db } = databaseUrl
  ? openPostgresDatabase(databaseUrl, {
      maxConnections: 2,
      password: postgresPassword(databaseUrl, lazyCredentialStore()),
    })
  : openDatabase(folder.databaseFile, {
      ...(busyTimeoutMs !== undefined && { busyTimeoutMs }),
    });
/** The questions about pacing asked of the main thread, by number, awaiting its answer. */
const questions = new Map<
  number,
  { resolve(canPace: boolean): void; reject(error: Error): void }
>();
let nextQuestion = 1;

const service = new PrepareService(db, folder, new RecordsService(db), {
  ...(chunkSize !== undefined && { chunkSize }),
  // What crosses back to the main thread: the queued messages without their texts.
  resultBodies: false,
  canPace: (structureId) =>
    new Promise((resolve, reject) => {
      const question = nextQuestion++;
      questions.set(question, { resolve, reject });
      reply({ kind: 'canPace', question, structureId });
    }),
});

const reply = (message: PrepareReply) => port.postMessage(message);

port.on('message', (request: PrepareRequest) => {
  if (request.kind === 'prepare') return void prepare(request.id, request.input);
  const waiting = questions.get(request.question);
  questions.delete(request.question);
  if (request.error !== undefined) waiting?.reject(new Error(request.error));
  else waiting?.resolve(request.canPace ?? true);
});

async function prepare(id: number, input: PrepareInput): Promise<void> {
  try {
    const keepHeapSmall = heapKeeper();
    let chunk: OutboxMessage[] = [];
    const result = await service.prepare(input, {
      // Each chunk's messages cross with its count: the thread never holds the batch's.
      onQueuedMessages: (messages) => (chunk = messages),
      onQueued: (queued, planned) => {
        reply({ id, kind: 'queued', queued, planned, messages: chunk });
        chunk = [];
        keepHeapSmall();
      },
    });
    reply({ id, kind: 'done', result });
  } catch (error) {
    reply(
      isUserError(error)
        ? { id, kind: 'failed', userError: { code: error.code, params: error.params } }
        : {
            id,
            kind: 'failed',
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          },
    );
  }
}

reply({ id: 0, kind: 'ready' });
