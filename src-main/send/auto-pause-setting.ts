// The auto-pause: after this many refusals in a row by an account's server (5xx for the
// message: a wrong address, a blocked account), the run stops sending from that account and
// says why, so that a wrong list or a blocked account does not burn a whole batch. Shared by
// every workstation (the settings table); 0 turns it off. The window (Paramètres > Envoi)
// and the CLI (`postier send auto-pause`) both read and write it through the two functions
// below, so the same bounds and the same sentence apply at every door.
import {
  AUTO_PAUSE_DEFAULT,
  AUTO_PAUSE_MAX,
  AUTO_PAUSE_OFF,
} from '../../src-shared/domain/auto-pause.js';
import { UserError } from '../../src-shared/errors.js';
import type { Db } from '../db/connection.js';
import { readSetting, writeSetting } from '../db/settings-queries.js';

export const AUTO_PAUSE_SETTING = 'outbox.autoPauseAfterFailures';
export const DEFAULT_AUTO_PAUSE_AFTER = AUTO_PAUSE_DEFAULT;

/** The setting as stored, or the default when it is missing or unreadable. */
export async function readAutoPauseAfter(db: Db): Promise<number> {
  const stored = await readSetting<unknown>(db, AUTO_PAUSE_SETTING, DEFAULT_AUTO_PAUSE_AFTER);
  return isValidCount(stored) ? stored : DEFAULT_AUTO_PAUSE_AFTER;
}

/**
 * Saves the setting: a whole number from 0 (never pause) to AUTO_PAUSE_MAX, given as a number
 * (the window) or as typed (the CLI: "7", not "7.5", "-1" or "beaucoup"). Returns it as saved.
 */
export async function writeAutoPauseAfter(db: Db, count: number | string): Promise<number> {
  const value = typeof count === 'string' && /^\s*\d{1,6}\s*$/.test(count) ? Number(count) : count;
  if (!isValidCount(value)) {
    throw new UserError('outbox.error.autoPauseInvalid', {
      value: String(count).trim().slice(0, 40),
      max: AUTO_PAUSE_MAX,
    });
  }
  await writeSetting(db, AUTO_PAUSE_SETTING, value);
  return value;
}

function isValidCount(value: unknown): value is number {
  return (
    Number.isInteger(value) &&
    (value as number) >= AUTO_PAUSE_OFF &&
    (value as number) <= AUTO_PAUSE_MAX
  );
}
