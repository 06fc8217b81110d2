// Where bounces are read: the account's inbox over IMAP, Microsoft Graph or the Gmail API.
// Reading never changes a message (no "read" flag set); only our own processed bounces are
// ever moved, and only when the office asked for it.

export interface MailboxItem {
  /** The mailbox's own id for the message (IMAP UID, Graph or Gmail id). */
  ref: string;
  raw: Buffer;
}

/** Where the previous check stopped, so that a check reads only what arrived since. */
export type MailboxCursor = Record<string, string | number>;

export interface BounceMailbox {
  /** Messages of the inbox that may be bounces, arrived since the cursor; changes nothing. */
  candidates(
    cursor: MailboxCursor | null,
  ): Promise<{ items: MailboxItem[]; cursor: MailboxCursor | null }>;
  /** Moves these messages (our processed bounces) to the folder, made if missing. */
  move(refs: string[], folder: string): Promise<void>;
  close(): Promise<void>;
}

/** On a first check, how far back to look. */
export const FIRST_CHECK_DAYS = 30;
