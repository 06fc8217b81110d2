// Where bounces are read: the account's inbox over IMAP, Microsoft Graph or the Gmail API.
// Reading never changes a message (no "read" flag set); only our own processed bounces are
// ever moved, and only when the office asked for it. What may be a bounce is told from what
// the mailbox lists, before downloading; bounces/ reads the report itself.

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

/** Who sends bounces, and how their subjects read (English and French servers). */
export const BOUNCE_SENDER = /mailer-daemon|postmaster|mail delivery (subsystem|system)/i;
export const BOUNCE_SUBJECT =
  /undeliver|delivery status notification|returned mail|failure notice|delivery fail|non remis|échec de (la )?(remise|distribution)|message non distribué/i;

/**
 * From what a mailbox lists (sender, subject, content type), whether a message may be a
 * bounce and is worth downloading. Generous: the report itself decides.
 */
export function mayBeBounce(summary: {
  from: string;
  subject: string;
  contentType?: string;
}): boolean {
  if (summary.contentType?.toLowerCase() === 'multipart/report') return true;
  return BOUNCE_SENDER.test(summary.from) || BOUNCE_SUBJECT.test(summary.subject);
}
