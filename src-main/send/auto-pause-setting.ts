// The auto-pause: after this many refusals in a row by an account's server (5xx for the
// message: a wrong address, a blocked account), the run stops sending from that account and
// says why, so that a wrong list or a blocked account does not burn a whole batch. Shared by
// every workstation (the settings table); 0 turns it off.
import { UserError } from '../../src-shared/errors.js';
import type { Db } from '../db/connection.js';
import { readSetting, writeSetting } from '../db/settings-queries.js';

export const AUTO_PAUSE_SETTING = 'outbox.autoPauseAfterFailures';
export const DEFAULT_AUTO_PAUSE_AFTER = 5;
const MAX_AUTO_PAUSE_AFTER = 1000;

/** The setting as stored, or the default when it is missing or unreadable. */
export async function readAutoPauseAfter(db: Db): Promise<number> {
  const stored = await readSetting<unknown>(db, AUTO_PAUSE_SETTING, DEFAULT_AUTO_PAUSE_AFTER);
  return isValidCount(stored) ? stored : DEFAULT_AUTO_PAUSE_AFTER;
}

/** Saves the setting: a whole number from 0 (never pause) to 1000. */
export async function writeAutoPauseAfter(db: Db, count: number): Promise<void> {
  if (!isValidCount(count))
    throw new UserError('outbox.error.autoPauseInvalid', { value: String(count) });
  await writeSetting(db, AUTO_PAUSE_SETTING, count);
}

function isValidCount(value: unknown): value is number {
  return (
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_AUTO_PAUSE_AFTER
  );
}
