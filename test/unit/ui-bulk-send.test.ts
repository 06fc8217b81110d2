// The bulk-send dialog's logic: its steps, the check boxes, the remaining time.
import { describe, expect, it } from 'vitest';
import {
  INITIAL_BULK_STATE,
  allCheckedState,
  bulkSendReducer,
  canChoose,
  canEdit,
  canSend,
  checkedMessageCount,
  doneThisRun,
  isBusy,
  overMethodLimit,
  progressFraction,
  toggleAllChecked,
  toggleChecked,
  type BulkEvent,
  type BulkState,
} from '../../src-renderer/logic/bulk-send.js';
import {
  describeDuration,
  estimateRemainingMs,
  pacingMs,
} from '../../src-renderer/logic/remaining-time.js';

const run = (events: BulkEvent[], from: BulkState = INITIAL_BULK_STATE) =>
  events.reduce(bulkSendReducer, from);
const progress = (sent: number, remaining: number, total: number) => ({
  sent,
  failed: 0,
  retrying: 0,
  uncertain: 0,
  remaining,
  total,
});
const summary = (sent: number) => ({
  sent,
  failed: 0,
  retrying: 0,
  uncertain: 0,
  remaining: 0,
  stoppedBy: null,
  limitReached: null,
});

describe('bulk-send steps', () => {
  it('goes from choosing to sending to the summary, and can be edited only before sending', () => {
    let s = run([{ type: 'load' }, { type: 'loaded' }]);
    expect(s.phase).toBe('ready');
    expect(canEdit(s)).toBe(true);
    expect(canSend(s, 0)).toBe(false);
    expect(canSend(s, 3)).toBe(true);
    s = run(
      [
        { type: 'queue' },
        { type: 'queued', batchId: 7, queued: 25, validated: 25, excluded: 5, at: 1000 },
      ],
      s,
    );
    expect(s.phase).toBe('sending');
    expect(canEdit(s)).toBe(false);
    expect(isBusy(s)).toBe(true);
    s = bulkSendReducer(s, { type: 'progress', progress: progress(10, 15, 25), paused: false });
    expect(progressFraction(s.progress)).toBeCloseTo(0.4);
    s = bulkSendReducer(s, {
      type: 'finished',
      summary: summary(25),
      paused: false,
      cancelled: false,
    });
    expect(s.phase).toBe('finished');
    expect(s.summary?.sent).toBe(25);
  });

  it('lets another type or period be chosen while a list is read, never during a send', () => {
    const loading = run([{ type: 'load' }]);
    expect(loading.phase).toBe('loading');
    expect(canEdit(loading)).toBe(false);
    expect(canChoose(loading)).toBe(true);
    // A second reading asked before the first answered: still one reading, then ready.
    const again = run([{ type: 'load' }, { type: 'loaded' }], loading);
    expect(again.phase).toBe('ready');
    const sending = run(
      [
        { type: 'queue' },
        { type: 'queued', batchId: 1, queued: 2, validated: 2, excluded: 0, at: 0 },
      ],
      again,
    );
    expect(canChoose(sending)).toBe(false);
  });

  it('in manual validation mode, queued messages wait for validation instead of going', () => {
    const s = run([
      { type: 'load' },
      { type: 'loaded' },
      { type: 'queue' },
      { type: 'queued', batchId: 3, queued: 12, validated: 0, excluded: 0, at: 0 },
    ]);
    expect(s.phase).toBe('awaitingValidation');
    expect(isBusy(s)).toBe(false);
  });

  it('pauses after the message being sent, resumes, and counts across the pause', () => {
    let s = run([
      { type: 'load' },
      { type: 'loaded' },
      { type: 'queue' },
      { type: 'queued', batchId: 1, queued: 10, validated: 10, excluded: 0, at: 0 },
    ]);
    s = run(
      [{ type: 'progress', progress: progress(4, 6, 10), paused: false }, { type: 'pause' }],
      s,
    );
    expect(s.phase).toBe('pausing');
    s = bulkSendReducer(s, {
      type: 'finished',
      summary: summary(4),
      paused: true,
      cancelled: false,
    });
    expect(s.phase).toBe('paused');
    s = bulkSendReducer(s, { type: 'resume', at: 5000 });
    expect(s.phase).toBe('sending');
    s = bulkSendReducer(s, { type: 'progress', progress: progress(2, 4, 6), paused: false });
    expect(s.progress).toMatchObject({ sent: 6, total: 10 });
    expect(doneThisRun(s)).toBe(2);
    s = bulkSendReducer(s, {
      type: 'finished',
      summary: summary(6),
      paused: false,
      cancelled: false,
    });
    expect(s.summary?.sent).toBe(10);
  });

  it('a queueing failure brings the list back; a cancel ends the run', () => {
    expect(
      run([{ type: 'load' }, { type: 'loaded' }, { type: 'queue' }, { type: 'queueFailed' }]).phase,
    ).toBe('ready');
    const sending = run([
      { type: 'load' },
      { type: 'loaded' },
      { type: 'queue' },
      { type: 'queued', batchId: 1, queued: 3, validated: 3, excluded: 0, at: 0 },
    ]);
    expect(run([{ type: 'cancel' }, { type: 'cancelled' }], sending).phase).toBe('cancelled');
    // Events of another run are ignored once finished.
    const done = run(
      [{ type: 'finished', summary: summary(3), paused: false, cancelled: false }],
      sending,
    );
    expect(
      bulkSendReducer(done, { type: 'progress', progress: progress(1, 1, 2), paused: false }),
    ).toBe(done);
  });

  it('nothing queued (everything excluded) ends at once', () => {
    const s = run([
      { type: 'load' },
      { type: 'loaded' },
      { type: 'queue' },
      { type: 'queued', batchId: null, queued: 0, validated: 0, excluded: 4, at: 0 },
    ]);
    expect(s.phase).toBe('finished');
  });
});

describe('check boxes', () => {
  it('toggles one, all or none, and says when some are checked', () => {
    const ids = [1, 2, 3];
    let checked = toggleAllChecked(new Set(), ids);
    expect(allCheckedState(checked, ids)).toBe(true);
    checked = toggleChecked(checked, 2);
    expect(allCheckedState(checked, ids)).toBe('mixed');
    checked = toggleAllChecked(checked, ids);
    expect([...checked].sort()).toEqual([1, 2, 3]);
    checked = toggleAllChecked(checked, ids);
    expect(allCheckedState(checked, ids)).toBe(false);
  });
});

describe('remaining time', () => {
  const seedPacing = { delayMs: 2000, pauseEvery: 10, pauseMs: 10_000 };

  it('counts the seed’s pacing: 2 s between messages and 10 s every 10', () => {
    // 30 messages: 30 delays, pauses after the 10th and the 20th (not after the last).
    expect(pacingMs(30, 0, seedPacing)).toBe(30 * 2000 + 2 * 10_000);
    expect(pacingMs(5, 8, seedPacing)).toBe(5 * 2000 + 10_000);
    expect(pacingMs(0, 0, seedPacing)).toBe(0);
  });

  it('uses the pace actually seen once a few messages went', () => {
    expect(
      estimateRemainingMs({ remaining: 10, done: 5, pacing: seedPacing, elapsedMs: 15_000 }),
    ).toBe(30_000);
    expect(estimateRemainingMs({ remaining: 10, done: 0, pacing: seedPacing, elapsedMs: 0 })).toBe(
      10 * 2500,
    );
  });

  it('reads like a person says it', () => {
    expect(describeDuration(45_000, 'fr')).toBe('45 s');
    expect(describeDuration(3 * 60_000 + 1, 'fr')).toBe('4 min');
    expect(describeDuration(65 * 60_000, 'fr')).toBe('1 h 05');
    expect(describeDuration(65 * 60_000, 'en')).toBe('1 h 05 min');
  });
});

describe('a method that cannot pace a large batch', () => {
  const rows = [
    { documentId: 1, addresses: ['a@example.com', 'b@example.com'] },
    { documentId: 2, addresses: ['c@example.com'] },
    { documentId: 3, addresses: ['d@example.com'] },
  ];

  it('counts one message per address of each checked document', () => {
    expect(checkedMessageCount(rows, new Set([1, 2, 3]))).toBe(4);
    expect(checkedMessageCount(rows, new Set([1]))).toBe(2);
    expect(checkedMessageCount(rows, new Set())).toBe(0);
  });

  it('says how many messages are over the limit, only for a method that cannot pace', () => {
    expect(overMethodLimit(21, false, 20)).toBe(1);
    expect(overMethodLimit(20, false, 20)).toBe(0);
    expect(overMethodLimit(500, true, 20)).toBe(0);
  });
});
