// An account's pacing, between its database columns and the domain's Pacing: mapped here
// only, so the settings screen and the sending engine read the same values (the engine
// once had its own copy that floored max_attempts and the screen's did not).
import type { Pacing } from '../../src-shared/domain/mail.js';
import type { MailAccountRow } from './schema.js';

type PacingColumns = Pick<
  MailAccountRow,
  | 'delay_ms'
  | 'pause_every'
  | 'pause_ms'
  | 'max_per_run'
  | 'max_per_day'
  | 'max_attempts'
  | 'retry_base_ms'
>;

/** A message is always tried at least once, whatever an old row holds. */
export function pacingFromRow(row: PacingColumns): Pacing {
  return {
    delayMs: row.delay_ms,
    pauseEvery: row.pause_every,
    pauseMs: row.pause_ms,
    maxPerRun: row.max_per_run,
    maxPerDay: row.max_per_day,
    maxAttempts: Math.max(1, row.max_attempts),
    retryBaseMs: row.retry_base_ms,
  };
}

export function pacingToRow(pacing: Pacing): PacingColumns {
  return {
    delay_ms: pacing.delayMs,
    pause_every: pacing.pauseEvery,
    pause_ms: pacing.pauseMs,
    max_per_run: pacing.maxPerRun,
    max_per_day: pacing.maxPerDay,
    max_attempts: pacing.maxAttempts,
    retry_base_ms: pacing.retryBaseMs,
  };
}
