// The bulk-send dialog's steps, as a reducer: choose the type and period, check the list,
// send (progress, pause, resume, cancel), end with the summary. Pure, so each step is tested.

export type BulkPhase =
  | 'choosing'
  | 'loading'
  | 'ready'
  | 'queueing'
  | 'sending'
  | 'pausing'
  | 'paused'
  /** Queued in manual validation mode: the messages wait for "Valider" in Suivi des envois. */
  | 'awaitingValidation'
  | 'finished'
  | 'cancelled';

export interface BulkProgress {
  sent: number;
  failed: number;
  retrying: number;
  uncertain: number;
  remaining: number;
  total: number;
}

export interface BulkSummary {
  sent: number;
  failed: number;
  retrying: number;
  uncertain: number;
  remaining: number;
  stoppedBy: { code: string; message: string } | null;
  limitReached: 'run' | 'day' | null;
}

export interface BulkState {
  phase: BulkPhase;
  batchId: number | null;
  queued: number;
  validated: number;
  excludedAtQueue: number;
  progress: BulkProgress | null;
  summary: BulkSummary | null;
  /** When sending started or resumed (ms), for the remaining time. */
  startedAt: number | null;
  /** Done before the last resume: the engine counts each run from zero. */
  carried: { sent: number; failed: number };
}

export type BulkEvent =
  | { type: 'load' }
  | { type: 'loaded' }
  | { type: 'loadFailed' }
  | { type: 'queue' }
  | { type: 'queueFailed' }
  | {
      type: 'queued';
      batchId: number | null;
      queued: number;
      validated: number;
      excluded: number;
      at: number;
    }
  /** "Valider et envoyer" after queuing for validation: the batch's messages now go. */
  | { type: 'validated'; validated: number; at: number }
  | { type: 'progress'; progress: BulkProgress; paused: boolean }
  | { type: 'pause' }
  | { type: 'resume'; at: number }
  | { type: 'cancel' }
  | { type: 'cancelled' }
  | { type: 'finished'; summary: BulkSummary; paused: boolean; cancelled: boolean };

export const INITIAL_BULK_STATE: BulkState = {
  phase: 'choosing',
  batchId: null,
  queued: 0,
  validated: 0,
  excludedAtQueue: 0,
  progress: null,
  summary: null,
  startedAt: null,
  carried: { sent: 0, failed: 0 },
};

const RUNNING: BulkPhase[] = ['sending', 'pausing', 'paused'];
const EMPTY_PROGRESS: BulkProgress = {
  sent: 0,
  failed: 0,
  retrying: 0,
  uncertain: 0,
  remaining: 0,
  total: 0,
};

export function bulkSendReducer(state: BulkState, event: BulkEvent): BulkState {
  switch (event.type) {
    case 'load':
      return canEdit(state) ? { ...state, phase: 'loading' } : state;
    case 'loaded':
      return state.phase === 'loading' ? { ...state, phase: 'ready' } : state;
    case 'loadFailed':
      return state.phase === 'loading' ? { ...state, phase: 'choosing' } : state;
    case 'queue':
      return state.phase === 'ready' ? { ...state, phase: 'queueing' } : state;
    case 'queueFailed':
      return state.phase === 'queueing' ? { ...state, phase: 'ready' } : state;
    case 'queued': {
      if (state.phase !== 'queueing') return state;
      const base = {
        ...state,
        batchId: event.batchId,
        queued: event.queued,
        validated: event.validated,
        excludedAtQueue: event.excluded,
      };
      if (event.queued === 0) return { ...base, phase: 'finished', summary: emptySummary() };
      if (event.validated === 0) return { ...base, phase: 'awaitingValidation' };
      return {
        ...base,
        phase: 'sending',
        startedAt: event.at,
        progress: { ...EMPTY_PROGRESS, remaining: event.validated, total: event.validated },
      };
    }
    case 'validated':
      if (state.phase !== 'awaitingValidation') return state;
      if (event.validated === 0) return state;
      return {
        ...state,
        phase: 'sending',
        validated: event.validated,
        startedAt: event.at,
        progress: { ...EMPTY_PROGRESS, remaining: event.validated, total: event.validated },
      };
    case 'progress':
      if (!RUNNING.includes(state.phase)) return state;
      return {
        ...state,
        progress: withCarried(event.progress, state.carried),
        phase: event.paused ? 'paused' : state.phase === 'pausing' ? 'pausing' : 'sending',
      };
    case 'pause':
      return state.phase === 'sending' ? { ...state, phase: 'pausing' } : state;
    case 'resume':
      if (state.phase !== 'paused') return state;
      return {
        ...state,
        phase: 'sending',
        startedAt: event.at,
        carried: { sent: state.progress?.sent ?? 0, failed: state.progress?.failed ?? 0 },
      };
    case 'cancel':
      return RUNNING.includes(state.phase) ? { ...state, phase: 'pausing' } : state;
    case 'cancelled':
      return { ...state, phase: 'cancelled' };
    case 'finished': {
      if (!RUNNING.includes(state.phase)) return state;
      const summary = {
        ...event.summary,
        sent: event.summary.sent + state.carried.sent,
        failed: event.summary.failed + state.carried.failed,
      };
      if (event.cancelled) return { ...state, phase: 'cancelled', summary };
      if (event.paused) return { ...state, phase: 'paused', summary };
      return { ...state, phase: 'finished', summary };
    }
  }
}

/** The list, templates and attachments can change only before sending. */
export function canEdit(state: BulkState): boolean {
  return state.phase === 'choosing' || state.phase === 'ready';
}

/**
 * The type and period can be chosen again while a list is being read: the clerk who opened
 * the dialog on the invoices and wants the tax slips does not wait, and what they type is
 * not lost to a field greyed under their fingers (the older list's answer is dropped).
 */
export function canChoose(state: BulkState): boolean {
  return canEdit(state) || state.phase === 'loading';
}

export function canSend(state: BulkState, checkedCount: number): boolean {
  return state.phase === 'ready' && checkedCount > 0;
}

/** The dialog may close at once (a running send goes on in the background otherwise). */
export function isBusy(state: BulkState): boolean {
  return state.phase === 'queueing' || state.phase === 'sending' || state.phase === 'pausing';
}

/** A send is being prepared or is going (paused included): the window follows it. */
export function isUnderway(state: BulkState): boolean {
  return state.phase === 'queueing' || RUNNING.includes(state.phase);
}

/** Share of the run done, 0..1. */
export function progressFraction(progress: BulkProgress | null): number {
  if (!progress || progress.total <= 0) return 0;
  return Math.min(1, (progress.sent + progress.failed) / progress.total);
}

function emptySummary(): BulkSummary {
  return {
    sent: 0,
    failed: 0,
    retrying: 0,
    uncertain: 0,
    remaining: 0,
    stoppedBy: null,
    limitReached: null,
  };
}

function withCarried(progress: BulkProgress, carried: BulkState['carried']): BulkProgress {
  return {
    ...progress,
    sent: progress.sent + carried.sent,
    failed: progress.failed + carried.failed,
    total: progress.total + carried.sent + carried.failed,
  };
}

/** Messages handled since the last start or resume (what the remaining time is measured on). */
export function doneThisRun(state: BulkState): number {
  if (!state.progress) return 0;
  return state.progress.sent + state.progress.failed - state.carried.sent - state.carried.failed;
}

// --- The check boxes of the list ---------------------------------------------------------

/** Messages the checked rows would make: one per address of each checked document. */
export function checkedMessageCount(
  rows: readonly { documentId: number; addresses: readonly string[] }[],
  checked: ReadonlySet<number>,
): number {
  return rows.reduce((n, row) => n + (checked.has(row.documentId) ? row.addresses.length : 0), 0);
}

/**
 * A method that opens a window per message (Outlook review, Thunderbird, .eml drafts) takes a
 * small batch only: the number of messages over its limit, or 0.
 */
export function overMethodLimit(messages: number, canPace: boolean, limit: number): number {
  return canPace || messages <= limit ? 0 : messages - limit;
}

export function toggleChecked(checked: ReadonlySet<number>, id: number): Set<number> {
  const next = new Set(checked);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** "Tout / rien": all when not all are checked, else none. */
export function toggleAllChecked(
  checked: ReadonlySet<number>,
  ids: readonly number[],
): Set<number> {
  return checked.size === ids.length && ids.every((id) => checked.has(id))
    ? new Set()
    : new Set(ids);
}

export function allCheckedState(
  checked: ReadonlySet<number>,
  ids: readonly number[],
): boolean | 'mixed' {
  if (checked.size === 0) return false;
  return ids.every((id) => checked.has(id)) ? true : 'mixed';
}
