// The bulk send of this window, kept above its dialog: closing the dialog during a send
// leaves the send here, the status bar shows its progress and its end, and the dialog opened
// again shows it instead of preparing a second one. Fed by the engine's events.
import { createContext, useContext, useSyncExternalStore } from 'react';
import { api, call } from '../api.js';
import {
  INITIAL_BULK_STATE,
  bulkSendReducer,
  isUnderway,
  type BulkEvent,
  type BulkState,
} from '../logic/bulk-send.js';
import type { PacingLike } from '../logic/remaining-time.js';
import type { Warning } from '../screens/sending-types.js';
import type { Said } from '../../src-shared/i18n/said.js';

/** A message of the batch that did not leave, as the summary names it. */
export interface SendFailure {
  messageId: number;
  dossier: string;
  address: string;
  /** The failure in plain words, in French, or null when there is none. */
  explanation: string | null;
  /** The same as a sentence in no language, for an English screen (null: an old French text). */
  explanationSaid: Said | null;
  /** The server's own answer ("550 5.1.1 … User unknown"), or null when it gave none. */
  reply: string | null;
}

/** How many failures the summary names; Suivi des envois lists them all. */
export const FAILURES_NAMED = 50;

export interface RunningSendSnapshot {
  bulk: BulkState;
  /** What the preparation warned about. */
  warnings: Warning[];
  /** The account's pacing, for the time left (the dialog's list may be gone). */
  pacing: PacingLike | null;
  /** Dossiers the dialog's list excluded when the send was queued. */
  excludedInList: number;
  /** The batch's failed messages, once the send ended with failures. */
  failures: SendFailure[] | null;
  /** The send ended and the user has not seen its summary yet. */
  unseenEnd: boolean;
}

const INITIAL: RunningSendSnapshot = {
  bulk: INITIAL_BULK_STATE,
  warnings: [],
  pacing: null,
  excludedInList: 0,
  failures: null,
  unseenEnd: false,
};

const ENDED = ['finished', 'cancelled'];

export class RunningSend {
  private snapshot = INITIAL;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly get = (): RunningSendSnapshot => this.snapshot;

  dispatch(event: BulkEvent): void {
    const before = this.snapshot.bulk;
    const bulk = bulkSendReducer(before, event);
    if (bulk === before) return;
    const ended = ENDED.includes(bulk.phase) && !ENDED.includes(before.phase);
    this.set({ bulk, ...(ended && { unseenEnd: true, failures: null }) });
    if (ended) void this.loadFailures();
  }

  /** A new dialog: starts over unless a send is under way (then the dialog shows it). */
  open(): void {
    if (!isUnderway(this.snapshot.bulk)) this.snapshot = INITIAL;
  }

  /** The send is about to be queued: what its progress and summary need from the dialog. */
  queueing(pacing: PacingLike, excludedInList: number): void {
    this.set({ pacing, excludedInList, warnings: [], failures: null, unseenEnd: false });
  }

  setWarnings(warnings: Warning[]): void {
    this.set({ warnings });
  }

  /** The user saw the end (the summary, or the dialog showing it). */
  seen(): void {
    if (this.snapshot.unseenEnd) this.set({ unseenEnd: false });
  }

  /** Follows the engine's events; returns the function that stops following them. */
  listen(): () => void {
    const stopProgress = api.on('sending.progress', ({ progress, paused }) =>
      this.dispatch({ type: 'progress', progress, paused }),
    );
    const stopFinished = api.on('sending.finished', (payload) =>
      this.dispatch({
        type: 'finished',
        summary: { ...payload.summary, limitReached: payload.limitReached },
        paused: payload.paused,
        cancelled: payload.cancelled,
      }),
    );
    return () => {
      stopProgress();
      stopFinished();
    };
  }

  private async loadFailures(): Promise<void> {
    const { batchId, summary } = this.snapshot.bulk;
    if (batchId === null || !summary || summary.failed === 0) return;
    try {
      const result = await call(
        api.outbox.search({ batchId, statuses: ['failed'], limit: FAILURES_NAMED }),
      );
      this.set({
        failures: result.page.items.map((m) => ({
          messageId: m.id,
          dossier: `${m.dossierNumber} — ${m.dossierName}`,
          address: m.to.join(', '),
          explanation: m.lastError,
          explanationSaid: m.lastErrorSaid,
          reply: m.lastReply,
        })),
      });
    } catch {
      // The summary still gives the counts and the link to Suivi des envois.
    }
  }

  private set(change: Partial<RunningSendSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}

export const RunningSendContext = createContext<RunningSend | null>(null);

export function useRunningSendStore(): RunningSend {
  const store = useContext(RunningSendContext);
  if (!store) throw new Error('useRunningSend outside RunningSendContext');
  return store;
}

/** The window's bulk send, re-rendering on each change. */
export function useRunningSend(): RunningSendSnapshot {
  const store = useRunningSendStore();
  return useSyncExternalStore(store.subscribe, store.get);
}
