// An account's sending window (issue 17, point 2): the days and hours outside which nothing
// leaves the account ("lun-ven 08:00-18:00"). Shared by every workstation (the settings
// table, one key per account); the engine treats the account's messages as due at the next
// opening (send/window-stop.ts). The window (Paramètres > Compte de messagerie) and the CLI
// (`postier account set --window`) read and write it through these functions.
import { parseSendingWindow, type SendingWindow } from '../../src-shared/domain/schedule.js';
import { UserError } from '../../src-shared/errors.js';
import type { Db } from '../db/connection.js';
import { readSetting, writeSetting } from '../db/settings-queries.js';

const windowKey = (accountId: number) => `account.${accountId}.sendingWindow`;

/** Words that remove the window: the account sends at any hour. */
const NO_WINDOW = ['', 'aucune', 'aucun', 'none', 'off'];

export async function readSendingWindow(db: Db, accountId: number): Promise<SendingWindow | null> {
  const stored = await readSetting<SendingWindow | null>(db, windowKey(accountId), null);
  return isWindow(stored) ? stored : null;
}

/**
 * Saves the window as typed ("lun-ven 08:00-18:00", "mon-fri 8:00-18:00", "aucune") or as
 * the window's fields give it; a UserError says what to type. Returns it as saved.
 */
export async function writeSendingWindow(
  db: Db,
  accountId: number,
  value: string | SendingWindow | null,
): Promise<SendingWindow | null> {
  const cleared =
    value === null || (typeof value === 'string' && NO_WINDOW.includes(value.trim().toLowerCase()));
  const window = cleared
    ? null
    : typeof value === 'string'
      ? parseSendingWindow(value)
      : isWindow(value)
        ? value
        : null;
  if (!cleared && window === null) {
    const typed = typeof value === 'string' ? value : JSON.stringify(value);
    throw new UserError('schedule.error.window', { value: typed.trim().slice(0, 60) });
  }
  await writeSetting(db, windowKey(accountId), window);
  return window;
}

function isWindow(value: unknown): value is SendingWindow {
  if (!value || typeof value !== 'object') return false;
  const w = value as SendingWindow;
  return (
    Array.isArray(w.days) &&
    w.days.length > 0 &&
    w.days.every((d) => Number.isInteger(d) && d >= 0 && d <= 6) &&
    Number.isInteger(w.from) &&
    Number.isInteger(w.to) &&
    w.from >= 0 &&
    w.to <= 24 * 60 &&
    w.to > w.from
  );
}
