// Preparing a bulk send on a worker thread. Encrypting a PDF per recipient and writing the
// outbox take about as long as sending itself; on their own thread they run beside the
// sending engine (which can then send a batch while the rest of it is being prepared, see
// QueueFeed) instead of taking turns with it, and the main thread stays free for the window.
// Same service, same guarantees: the worker runs PrepareService on its own connection to the
// same data folder, and the database's locking keeps the two connections apart. Whether the
// account can pace a batch is asked of the main thread, which knows the sending methods.
import { Worker } from 'node:worker_threads';
import { UserError, type ErrorParams } from '../../src-shared/errors.js';
import type { MessageKey } from '../../src-shared/i18n/catalog.js';
import type { OutboxMessage } from '../../src-shared/domain/outbox.js';
import type { PrepareEvents, PrepareInput, PrepareResult } from './prepare.js';

/** To the worker: a batch to prepare, or the answer to its question about pacing. */
export type PrepareRequest =
  | { kind: 'prepare'; id: number; input: PrepareInput }
  | { kind: 'canPace'; question: number; canPace?: boolean; error?: string };

export type PrepareReply =
  | { id: 0; kind: 'ready' }
  /** A chunk committed: its messages (without their texts), and the counts so far. */
  | { id: number; kind: 'queued'; queued: number; planned: number; messages: OutboxMessage[] }
  | { id: number; kind: 'done'; result: PrepareResult }
  /** PrepareServiceOptions.canPace, asked of the main thread. */
  | { kind: 'canPace'; question: number; structureId: number }
  | {
      id: number;
      kind: 'failed';
      userError?: { code: MessageKey; params: ErrorParams };
      error?: string;
    };

/**
 * The thread's young generation, in MB (V8's default lets it reach 48 MB, which a busy worker
 * fills with short-lived garbage: every chunk's texts, rows and PDF buffers). Smaller, those
 * are collected sooner and fewer are promoted: a 10,000-message batch's peak went from 489 MiB
 * (default) to about 390 (6 MB) and 370 (2 MB), with the preparation no slower.
 */
const YOUNG_GENERATION_MB = 2;

export interface PrepareThreadOptions {
  dataPath: string;
  /** The PostgreSQL database, when the office's is one (dataPath then holds its files). */
  databaseUrl?: string;
  busyTimeoutMs?: number;
  /** Messages per transaction (PrepareServiceOptions.chunkSize). */
  chunkSize?: number;
  /** The worker's code, when not the one workerEntry() finds (tests of the bundled file). */
  entry?: URL;
  /** PrepareServiceOptions.canPace, answered here for the worker; unset: every method can. */
  canPace?: (structureId: number) => Promise<boolean>;
}

interface Request {
  resolve(result: PrepareResult): void;
  reject(error: Error): void;
  events: PrepareEvents;
  /** The messages queued so far, as they came a chunk at a time: the result's `queued`. */
  queued: OutboxMessage[];
}

/**
 * Where the worker's code is: the TypeScript sources started through tsx (tests, tsx
 * scripts), or prepare-worker.js beside the bundled main.js: dist/cli/ for the `postier`
 * command (this module is then one of its chunks, in the same folder), dist/electron/ for
 * the app, unpacked from its asar archive (a worker cannot start from inside it; see
 * scripts/build-electron.mjs).
 */
export function workerEntry(moduleUrl = import.meta.url): URL {
  if (moduleUrl.endsWith('.ts')) return new URL('./prepare-worker.boot.mjs', moduleUrl);
  const bundled = new URL('./prepare-worker.js', moduleUrl);
  return new URL(bundled.href.replace('/app.asar/', '/app.asar.unpacked/'));
}

export class PrepareThread {
  private readonly worker: Worker;
  private readonly started: Promise<void>;
  private readonly requests = new Map<number, Request>();
  private readonly canPace: (structureId: number) => Promise<boolean>;
  private nextId = 1;
  /** Why the thread is gone (it failed, or was closed); requests then fail with it. */
  private gone: Error | null = null;

  constructor({
    entry = workerEntry(),
    canPace = () => Promise.resolve(true),
    ...options
  }: PrepareThreadOptions) {
    this.canPace = canPace;
    this.worker = new Worker(entry, {
      workerData: options,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    // An idle thread never keeps the process alive; one preparing a batch does (see below).
    this.worker.unref();
    this.started = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', reject);
      this.worker.once('exit', () => reject(this.gone));
    });
    this.started.catch(() => undefined);
    this.worker.on('message', (reply: PrepareReply) => this.onReply(reply));
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', (code) =>
      this.stop(new Error(`the preparation thread stopped (exit code ${code})`)),
    );
  }

  /** Resolves once the thread can take a batch (its start takes a few hundred ms). */
  ready(): Promise<void> {
    return this.started;
  }

  get alive(): boolean {
    return this.gone === null;
  }

  /**
   * PrepareService.prepare, on the thread; errors for the user come back as UserError. The
   * queued messages come without their text and HTML bodies (resultBodies: false), which are
   * in the outbox; a dry run's previews keep theirs.
   */
  prepare(input: PrepareInput, events: PrepareEvents = {}): Promise<PrepareResult> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    const result = new Promise<PrepareResult>((resolve, reject) =>
      this.requests.set(id, { resolve, reject, events, queued: [] }),
    );
    // Referenced from now on: a process waiting for its batch never exits while the thread starts.
    this.worker.ref();
    // A start that fails rejects every request (stop(), from the worker's 'error' or 'exit').
    this.started.then(
      () => this.post(id, input),
      () => undefined,
    );
    return result;
  }

  private post(id: number, input: PrepareInput): void {
    const request = this.requests.get(id);
    if (!request) return; // closed meanwhile: already rejected
    try {
      this.worker.postMessage({ kind: 'prepare', id, input } satisfies PrepareRequest);
    } catch (error) {
      this.settled(id);
      request.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async close(): Promise<void> {
    this.stop(new Error('the preparation thread was closed'));
    await this.worker.terminate();
  }

  private onReply(reply: PrepareReply): void {
    if (reply.kind === 'ready') return;
    if (reply.kind === 'canPace') return this.answerCanPace(reply.question, reply.structureId);
    const request = this.requests.get(reply.id);
    if (!request) return;
    if (reply.kind === 'queued') {
      for (const message of reply.messages) request.queued.push(message);
      request.events.onQueued?.(reply.queued, reply.planned);
      return;
    }
    this.settled(reply.id);
    // A batch written comes back without its messages (they came with each chunk).
    if (reply.kind === 'done')
      request.resolve(
        request.queued.length > 0 ? { ...reply.result, queued: request.queued } : reply.result,
      );
    else if (reply.userError)
      request.reject(new UserError(reply.userError.code, reply.userError.params));
    else request.reject(new Error(reply.error ?? 'the preparation failed'));
  }

  private answerCanPace(question: number, structureId: number): void {
    const answer = (fields: { canPace?: boolean; error?: string }) => {
      if (!this.gone)
        this.worker.postMessage({ kind: 'canPace', question, ...fields } satisfies PrepareRequest);
    };
    this.canPace(structureId).then(
      (canPace) => answer({ canPace }),
      (error: unknown) => answer({ error: String(error) }),
    );
  }

  private settled(id: number): void {
    this.requests.delete(id);
    if (this.requests.size === 0) this.worker.unref();
  }

  private stop(error: Error): void {
    this.gone ??= error;
    for (const [id, request] of this.requests) {
      this.settled(id);
      request.reject(this.gone);
    }
  }
}
