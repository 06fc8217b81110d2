// The lease's decisions that need no database: whether a holder is a dead process of this
// workstation (then its lease is taken over at once, without waiting for it to expire), how
// long an engine waiting for another one sleeps between looks, and how the "sending since"
// of another workstation is told to the user.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  formatSince,
  holderIsDeadHere,
  newHolderId,
  waitBeforeRetryMs,
} from '../../src-main/send/lease.js';

describe('a holder that died on this workstation', () => {
  it('is recognised once its process has ended', () => {
    const ended = spawnSync(process.execPath, ['-e', '']);
    expect(ended.status).toBe(0);
    expect(holderIsDeadHere(`${os.hostname()}:${ended.pid}:x`)).toBe(true);
  });

  it('is never this process, a living one, another workstation or a malformed id', () => {
    expect(holderIsDeadHere(newHolderId())).toBe(false);
    expect(holderIsDeadHere(`${os.hostname()}:${process.ppid}:x`)).toBe(false);
    const ended = spawnSync(process.execPath, ['-e', '']);
    expect(holderIsDeadHere(`another-${os.hostname()}:${ended.pid}:x`)).toBe(false);
    expect(holderIsDeadHere(`${os.hostname()}:not-a-pid:x`)).toBe(false);
    expect(holderIsDeadHere(`${os.hostname()}:0:x`)).toBe(false);
  });

  it('names this workstation and this process in a new holder id, unique per run', () => {
    const [host, pid] = newHolderId().split(':');
    expect([host, Number(pid)]).toEqual([os.hostname(), process.pid]);
    expect(newHolderId()).not.toBe(newHolderId());
  });
});

describe('waiting for another engine', () => {
  const now = Date.parse('2026-01-05T10:00:00.000Z');
  const inMs = (ms: number) => new Date(now + ms).toISOString();

  it('looks again when the lease expires, but at least every second', () => {
    expect(waitBeforeRetryMs(inMs(400), now)).toBe(400);
    expect(waitBeforeRetryMs(inMs(30_000), now)).toBe(1_000);
  });

  it('never spins on a lease that already expired', () => {
    expect(waitBeforeRetryMs(inMs(-5_000), now)).toBe(100);
  });
});

describe('since when another workstation is sending', () => {
  it('tells the time alone today, the day and time otherwise', () => {
    const now = new Date(2026, 10, 23, 15, 0).getTime();
    expect(formatSince(new Date(2026, 10, 23, 10, 42).toISOString(), now)).toBe('10 h 42');
    expect(formatSince(new Date(2026, 10, 22, 9, 5).toISOString(), now)).toBe('22/11, 9 h 05');
  });
});
