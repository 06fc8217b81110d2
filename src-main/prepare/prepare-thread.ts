// Preparing a bulk send on a worker thread. Encrypting a PDF per recipient and writing the
// outbox take about as long as sending itself; on their own thread they run beside the
// sending engine (which can then send a batch while the rest of it is being prepared, see
// QueueFeed) instead of taking turns with it, and the main thread stays free for the window.
// Same service, same guarantees: the worker runs PrepareService on its own connection to the
// same data folder, and the database's locking keeps the two connections apart.
import { Worker } from 'node:worker_threads';
import { UserError, type ErrorParams } from '../../src-shared/errors.js';
import type { MessageKey } from '../../src-shared/i18n/catalog.js';
import type { PrepareEvents, PrepareInput, PrepareResult } from './prepare.js';

export interface PrepareRequest {
  id: number;
  input: PrepareInput;
}

export type PrepareReply =
  | { id: 0; kind: 'ready' }
  | { id: number; kind: 'queued'; queued: number; planned: number }
  | { id: number; kind: 'done'; result: PrepareResult }
  | {
      id: number;
      kind: 'failed';
      userError?: { code: MessageKey; params: ErrorParams };
      error?: string;
    };

export interface PrepareThreadOptions {
  dataPath: string;
  busyTimeoutMs?: number;
  /** Messages per transaction (PrepareServiceOptions.chunkSize). */
  chunkSize?: number;
  /** The worker's code, when not the one workerEntry() finds (tests of the bundled file). */
  entry?: URL;
}

interface Request {
  resolve(result: PrepareResult): void;
  reject(error: Error): void;
  events: PrepareEvents;
}

/**
 * Where the worker's code is: the TypeScript sources started through tsx (CLI, headless
 * host, tests), or prepare-worker.js beside the bundled main.js, unpacked from the app's
 * asar archive (a worker cannot start from inside it; see scripts/build-electron.mjs).
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
  private nextId = 1;
  /** Why the thread is gone (it failed, or was closed); requests then fail with it. */
  private gone: Error | null = null;

  constructor({ entry = workerEntry(), ...options }: PrepareThreadOptions) {
    this.worker = new Worker(entry, { workerData: options });
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

  /** PrepareService.prepare, on the thread; errors for the user come back as UserError. */
  prepare(input: PrepareInput, events: PrepareEvents = {}): Promise<PrepareResult> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    const result = new Promise<PrepareResult>((resolve, reject) =>
      this.requests.set(id, { resolve, reject, events }),
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
      this.worker.postMessage({ id, input } satisfies PrepareRequest);
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
    const request = this.requests.get(reply.id);
    if (!request) return;
    if (reply.kind === 'queued') {
      request.events.onQueued?.(reply.queued, reply.planned);
      return;
    }
    this.settled(reply.id);
    if (reply.kind === 'done') request.resolve(reply.result);
    else if (reply.userError)
      request.reject(new UserError(reply.userError.code, reply.userError.params));
    else request.reject(new Error(reply.error ?? 'the preparation failed'));
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
