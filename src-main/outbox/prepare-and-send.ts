// A bulk send prepared and sent at once (validated as it is queued): the preparation runs on
// its own thread and the engine sends each chunk as soon as it is committed, instead of
// waiting for the whole batch. Nothing changes in what is guaranteed: the engine only ever
// takes committed, validated messages, and a preparation that fails half-way leaves its
// committed chunks queued (the engine sends them before the run ends) and reports its error.
import type { EngineRunSummary, SendEngine, SendEngineRunOptions } from './engine.js';
import type { PrepareEvents, PrepareInput, PrepareResult } from './prepare.js';
import type { PrepareThread } from './prepare-thread.js';
import { QueueFeed } from './queue-feed.js';

export interface PrepareAndSendResult {
  prepared: PrepareResult;
  summary: EngineRunSummary;
}

export async function prepareAndSend(
  parts: { thread: PrepareThread; engine: SendEngine },
  input: Omit<PrepareInput, 'validate' | 'dryRun'>,
  options: { run?: SendEngineRunOptions; events?: PrepareEvents } = {},
): Promise<PrepareAndSendResult> {
  const feed = new QueueFeed();
  const preparing = parts.thread
    .prepare(
      { ...input, validate: true },
      {
        onQueued: (queued, planned) => {
          options.events?.onQueued?.(queued, planned);
          feed.queued();
        },
      },
    )
    .finally(feed.finish);
  const sending = parts.engine.run({ ...options.run, more: feed.more });
  const [prepared, summary] = await Promise.allSettled([preparing, sending]);
  // The preparation's error first: it says why messages are missing from the batch.
  if (prepared.status === 'rejected') throw prepared.reason;
  if (summary.status === 'rejected') throw summary.reason;
  return { prepared: prepared.value, summary: summary.value };
}
