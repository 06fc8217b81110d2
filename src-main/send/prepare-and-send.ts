// A bulk send sent while it is prepared: the preparation runs on its own thread and the
// engine sends each chunk as soon as it is committed, instead of waiting for the whole
// batch. Nothing changes in what is guaranteed: the engine only ever takes committed,
// validated messages, and a preparation that fails half-way leaves its committed chunks
// queued (a following run sends them before it ends) and reports its error.
import type { EngineRunSummary, SendEngine, SendEngineRunOptions } from './engine.js';
import type { PrepareInput, PrepareResult, PrepareService } from '../prepare/prepare.js';
import type { PrepareThread } from '../prepare/prepare-thread.js';
import { QueueFeed } from './queue-feed.js';

export interface PrepareAndSendResult {
  prepared: PrepareResult;
  summary: EngineRunSummary;
}

/**
 * Prepares on the thread; `startSending` is called first with the `more` that a run
 * following the preparation takes (RunOutboxOptions.more), and may start one or not.
 */
export function prepareFollowed(
  thread: PrepareThread,
  input: PrepareInput,
  startSending: (more: () => Promise<boolean>) => void,
): Promise<PrepareResult> {
  const feed = new QueueFeed();
  startSending(feed.more);
  return thread.prepare(input, { onQueued: feed.queued }).finally(feed.finish);
}

/**
 * The bulk dialog's "Envoyer": prepared on the thread. Under automatic validation the
 * messages are validated as queued, so `startSending` is called at once and its run follows
 * the preparation, sending each chunk as it is committed; under manual validation nothing
 * starts. Says how many messages were queued validated.
 */
export async function queueBulkSend(
  parts: { thread: PrepareThread; prepare: Pick<PrepareService, 'validationMode'> },
  input: PrepareInput,
  startSending: (more: () => Promise<boolean>) => void,
): Promise<{ prepared: PrepareResult; validated: number }> {
  const automatic = (await parts.prepare.validationMode()) === 'automatic';
  const prepared = await prepareFollowed(parts.thread, input, (more) => {
    if (automatic) startSending(more);
  });
  const validated = prepared.queued.filter((m) => m.status === 'validated').length;
  return { prepared, validated };
}

/** Validated as queued, prepared on the thread, sent by one engine run following it. */
export async function prepareAndSend(
  parts: { thread: PrepareThread; engine: SendEngine },
  input: Omit<PrepareInput, 'validate' | 'dryRun'>,
  run: SendEngineRunOptions = {},
): Promise<PrepareAndSendResult> {
  let sending: Promise<EngineRunSummary> | null = null;
  const preparing = prepareFollowed(parts.thread, { ...input, validate: true }, (more) => {
    sending = parts.engine.run({ ...run, more });
  });
  const [prepared, summary] = await Promise.allSettled([preparing, sending!]);
  // The preparation's error first: it says why messages are missing from the batch.
  if (prepared.status === 'rejected') throw prepared.reason;
  if (summary.status === 'rejected') throw summary.reason;
  return { prepared: prepared.value, summary: summary.value };
}
