// Staff notifications (issue 17, point 3; after the accounting portal's "destinataires des
// e-mails automatiques"): which events exist, what the office chose for each, and who that
// comes to. Plain data: the same shapes cross the IPC contract.
import type { Language } from '../i18n/catalog.js';

export const NOTIFICATION_EVENTS = [
  'run_finished',
  'failures',
  'uncertain',
  'bounces',
  'account',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/**
 * What the office chose for one event: the cascade (nothing chosen), named staff members and
 * addresses, or nobody. Nothing chosen means the cascade, except for `run_finished`, which
 * is off until chosen (a note after every run would teach everyone to ignore them).
 */
export type NotificationChoice =
  | { mode: 'cascade' }
  | { mode: 'off' }
  | { mode: 'chosen'; staffIds: number[]; addresses: string[] };

/** Where the cascade found its address, first to last. */
export const CASCADE_STEPS = ['manager', 'functional', 'communication', 'account'] as const;
export type CascadeStep = (typeof CASCADE_STEPS)[number];

/** One person a notification goes to, in their language. */
export interface NotificationRecipient {
  address: string;
  /** The staff member's name; null for a plain address. */
  name: string | null;
  language: Language;
  /** 'staff' or 'address' when chosen; the cascade's step otherwise. */
  source: 'staff' | 'address' | CascadeStep;
}

/** A staff member as notifications see them: with the language they read. */
export interface NotifiedStaff {
  id: number;
  name: string;
  email: string | null;
  language: Language;
}

export interface EventNotifications {
  event: NotificationEvent;
  choice: NotificationChoice;
  /** Who it goes to now; empty when off, or when the cascade finds no address. */
  recipients: NotificationRecipient[];
}

/** A structure's notification settings, as `notify show` and Paramètres > Notifications see them. */
export interface NotificationSettings {
  structureId: number;
  /** The staff member the cascade starts with (the structure's manager), if designated. */
  managerId: number | null;
  staff: NotifiedStaff[];
  events: EventNotifications[];
}

/** A failure listed in a notification: never more than this many, then "and N more". */
export const NOTIFICATION_LIST_LIMIT = 25;

export function defaultChoice(event: NotificationEvent): NotificationChoice {
  return event === 'run_finished' ? { mode: 'off' } : { mode: 'cascade' };
}
