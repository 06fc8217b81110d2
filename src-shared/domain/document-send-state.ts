// The truth about one document: what its messages say, as one state and its counts. The
// journal, the document lists, the CLI and the exports all derive it here, so that a document
// sent to one address and refused by the other reads "Envoyé 1/2 — 1 en échec" everywhere,
// never a plain green "Envoyé".
import type { Language } from '../i18n/catalog.js';
import { translate } from '../i18n/catalog.js';
import { translateCount } from '../i18n/plural.js';
import type { DocumentEmailState, MessageStatus } from './statuses.js';

/** The document's messages that still count, by what became of them. */
export interface SendCounts {
  sent: number;
  failed: number;
  uncertain: number;
  /** Pending, validated, blocked or with the server now. */
  waiting: number;
}

export interface DocumentSendState extends SendCounts {
  state: DocumentEmailState;
  /** Messages that still count: one per address the document goes to. */
  total: number;
}

/**
 * One of the document's messages. `counts` is false for a message that no longer carries the
 * document to its addresses: reset, withdrawn from the queue, or replaced after an address
 * was corrected. Those stay as history and say nothing about the document today.
 */
export interface MessageOfDocument {
  status: MessageStatus;
  counts: boolean;
  /** How many such messages (a grouped count); 1 when absent. */
  n?: number;
}

export const NO_SEND: DocumentSendState = {
  state: 'none',
  sent: 0,
  failed: 0,
  uncertain: 0,
  waiting: 0,
  total: 0,
};

const BUCKET: Record<MessageStatus, keyof SendCounts | null> = {
  sent: 'sent',
  failed: 'failed',
  uncertain: 'uncertain',
  pending: 'waiting',
  validated: 'waiting',
  sending: 'waiting',
  blocked: 'waiting',
  withdrawn: null,
};

/**
 * All sent → 'sent'; some sent → 'partial'; none sent: uncertain first (the user must decide),
 * then waiting, then failed; nothing that counts → 'none' (the next bulk send picks it).
 */
export function documentSendState(messages: Iterable<MessageOfDocument>): DocumentSendState {
  const counts: SendCounts = { sent: 0, failed: 0, uncertain: 0, waiting: 0 };
  for (const message of messages) {
    const bucket = message.counts ? BUCKET[message.status] : null;
    if (bucket) counts[bucket] += message.n ?? 1;
  }
  const total = counts.sent + counts.failed + counts.uncertain + counts.waiting;
  return { ...counts, total, state: stateOf(counts, total) };
}

function stateOf(counts: SendCounts, total: number): DocumentEmailState {
  if (total === 0) return 'none';
  if (counts.sent === total) return 'sent';
  if (counts.sent > 0) return 'partial';
  if (counts.uncertain > 0) return 'uncertain';
  if (counts.waiting > 0) return 'queued';
  return 'failed';
}

/** The state in words: "Envoyé 1/2 — 1 en échec" for a partial send, else its name. */
export function describeSendState(language: Language, send: DocumentSendState): string {
  if (send.state !== 'partial') return translate(language, `emailState.${send.state}`);
  const rest = [
    send.failed && translateCount(language, 'queueTruth.rest.failed', send.failed),
    send.uncertain && translateCount(language, 'queueTruth.rest.uncertain', send.uncertain),
    send.waiting && translateCount(language, 'queueTruth.rest.waiting', send.waiting),
  ].filter((part): part is string => Boolean(part));
  return translate(language, 'queueTruth.partial', {
    sent: send.sent,
    total: send.total,
    rest: rest.join(', '),
  });
}
