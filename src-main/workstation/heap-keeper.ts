// A long piece of work's heap kept near what it really holds: preparing a batch (the
// preparation thread, after each chunk) and sending it (the engine, after each message).
// Each chunk or message leaves garbage (rendered texts, rows, queries, PDF buffers, built
// messages), and V8 lets a heap grow to about 100-150 MB before its first full collection:
// a 10,000-message batch held that much garbage on each thread. Collected each time its old
// generation has grown by GROWTH_MB since the last collection, a heap stays within that of
// what the work keeps, however large the batch, and never fails for lack of room as a hard
// limit would. Watching the whole heap instead asked for a collection at nearly every
// scavenge and halved the sending rate (10,000 messages: 150-220 msg/s instead of 340-430).
// A full collection of a few tens of MB takes some 10-30 ms, once per GROWTH_MB of garbage.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

const GROWTH_MB = 12;

type Collect = () => void;

/** V8's full collection, asked for (it is not exposed to scripts by default). */
function exposedCollect(): Collect | null {
  v8.setFlagsFromString('--expose-gc');
  const collect: unknown = runInNewContext('gc');
  return typeof collect === 'function' ? (collect as Collect) : null;
}

/** Returns what to call after each chunk: collects when the heap has grown by GROWTH_MB. */
export function heapKeeper(collect: Collect | null = exposedCollect()): () => void {
  if (!collect) return () => undefined;
  const used = oldGenerationUsed;
  let floor = used();
  return () => {
    if (used() - floor < GROWTH_MB * 1024 * 1024) return;
    collect();
    floor = used();
  };
}

/**
 * The old generation only: the young one fills and empties at every scavenge (up to 16 MB on
 * the main thread), which would ask for a full collection nearly each time.
 */
function oldGenerationUsed(): number {
  let used = 0;
  for (const space of v8.getHeapSpaceStatistics()) {
    if (!space.space_name.startsWith('new_')) used += space.space_used_size;
  }
  return used;
}
