// Sending while a bulk send is still being prepared: the preparation says when it has
// queued more messages (after each committed chunk) and when it is done; the engine, with
// nothing due, asks `more()` instead of ending its run. Nothing is lost between the two: a
// chunk queued while the engine was busy is remembered until it asks.
export class QueueFeed {
  private waiter: ((more: boolean) => void) | null = null;
  private unseen = false;
  private done = false;

  /** The preparation committed more messages. */
  readonly queued = (): void => {
    if (this.waiter) this.wake(true);
    else this.unseen = true;
  };

  /** The preparation ended (done or failed): no more messages will come from it. */
  readonly finish = (): void => {
    this.done = true;
    if (this.waiter) this.wake(false);
  };

  /** For the engine: true when there may be new messages to look at, false when no more will come. */
  readonly more = (): Promise<boolean> => {
    if (this.unseen) {
      this.unseen = false;
      return Promise.resolve(true);
    }
    if (this.done) return Promise.resolve(false);
    return new Promise((resolve) => (this.waiter = resolve));
  };

  private wake(more: boolean): void {
    const waiter = this.waiter!;
    this.waiter = null;
    waiter(more);
  }
}

/**
 * For the engine, with nothing due: whether the bulk send being prepared queued more
 * messages; false once it is done, when there is none, or when the run is aborted meanwhile.
 */
export async function moreToCome(
  more: (() => Promise<boolean>) | undefined,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  if (!more || signal?.aborted) return false;
  let stop = () => {};
  const aborted = new Promise<false>((resolve) => {
    stop = () => resolve(false);
    signal?.addEventListener('abort', stop, { once: true });
  });
  try {
    return await Promise.race([more(), aborted]);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
