// Message statuses after the Winpass seed (E, V, OK, KO, B) plus "sending", "uncertain" and
// "withdrawn" (taken out of the queue by the user before it left: kept as history).

export const MESSAGE_STATUSES = [
  'pending',
  'validated',
  'sending',
  'sent',
  'failed',
  'blocked',
  'uncertain',
  'withdrawn',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** The seed's one-letter codes, shown in the tracking grid. */
export const STATUS_SHORT_CODE: Record<MessageStatus, string> = {
  pending: 'E',
  validated: 'V',
  sending: '…',
  sent: 'OK',
  failed: 'KO',
  blocked: 'B',
  uncertain: '?',
  withdrawn: 'R',
};

/** What a user or the engine may do to a message in each status. */
const TRANSITIONS: Record<MessageStatus, readonly MessageStatus[]> = {
  pending: ['validated', 'blocked', 'withdrawn'],
  validated: ['sending', 'blocked', 'pending', 'withdrawn'],
  sending: ['sent', 'failed', 'validated', 'uncertain'],
  // A bounce arriving after the server accepted the message.
  sent: ['failed'],
  failed: ['validated', 'blocked'],
  blocked: ['validated', 'withdrawn'],
  uncertain: ['sent', 'validated', 'failed'],
  // Never sent and never will be: the document is free to be queued again.
  withdrawn: [],
};

export function canTransition(from: MessageStatus, to: MessageStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * A document's e-mail state in the journal, kept in step with its messages
 * (`documentSendState`): 'partial' is sent to some of its addresses and not (yet) to others.
 */
export const DOCUMENT_EMAIL_STATES = [
  'none',
  'queued',
  'sent',
  'partial',
  'failed',
  'uncertain',
] as const;
export type DocumentEmailState = (typeof DOCUMENT_EMAIL_STATES)[number];
