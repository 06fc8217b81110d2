// What a document's messages really say, withdrawing messages from the queue, and the
// confirmations before a reset or a withdrawal. English.
import type { queueTruthFr } from './queue-truth.fr.js';

export const queueTruthEn: Record<keyof typeof queueTruthFr, string> = {
  'emailState.partial': 'Partly sent',
  'queueTruth.partial': 'Sent {sent}/{total} — {rest}',
  'queueTruth.rest.failed.one': '{count} failed',
  'queueTruth.rest.failed.other': '{count} failed',
  'queueTruth.rest.uncertain.one': '{count} uncertain',
  'queueTruth.rest.uncertain.other': '{count} uncertain',
  'queueTruth.rest.waiting.one': '{count} waiting',
  'queueTruth.rest.waiting.other': '{count} waiting',

  'messageStatus.withdrawn': 'Withdrawn from the queue (R)',
  'ui.status.withdrawn': 'Withdrawn from the queue',
  'outbox.event.withdrawn': 'Withdrawn from the queue',
  'ui.event.withdrawn': 'Withdrawn from the queue',
  'queueTruth.journal.withdrawn':
    'Withdrawn from the queue before it was sent: it will not go, the document can be sent again.',

  'queueTruth.withdraw': 'Withdraw from the queue',
  'queueTruth.withdraw.title': 'Withdraw from the queue?',
  'queueTruth.withdraw.button': 'Withdraw',
  'queueTruth.withdraw.confirm.one':
    '{count} message will be withdrawn from the queue: it will not go and its document will be “Not sent” again. The journal keeps a record of the withdrawal.',
  'queueTruth.withdraw.confirm.other':
    '{count} messages will be withdrawn from the queue: they will not go and their documents will be “Not sent” again. The journal keeps a record of the withdrawal.',
  'queueTruth.withdraw.done.one': '{count} message withdrawn from the queue.',
  'queueTruth.withdraw.done.other': '{count} messages withdrawn from the queue.',
  'queueTruth.withdraw.inFlight.one':
    '{count} message was not withdrawn: it is being sent and the mail server may already have it. Wait for the send to finish.',
  'queueTruth.withdraw.inFlight.other':
    '{count} messages were not withdrawn: they are being sent and the mail server may already have them. Wait for the send to finish.',
  'queueTruth.withdraw.notQueued.one':
    '{count} message was no longer in the queue (already sent, failed or withdrawn): it did not change.',
  'queueTruth.withdraw.notQueued.other':
    '{count} messages were no longer in the queue (already sent, failed or withdrawn): they did not change.',
  'action.skipped.in_flight': 'being sent: the mail server may already have it',
  'queueTruth.withdraw.target':
    'Say what to withdraw: --batch <batch number>, or the numbers of the messages (postier send status), one of the two.',

  'queueTruth.reset.title': 'Reset the send status?',
  'queueTruth.reset.button': 'Reset',
  'queueTruth.reset.confirm.one':
    '{count} document will be offered for sending again: the next bulk send will check it. What already went stays in the journal.',
  'queueTruth.reset.confirm.other':
    '{count} documents will be offered for sending again: the next bulk send will check them. What already went stays in the journal.',
  'queueTruth.reset.none': 'No document has a send to reset: nothing is sent, failed or uncertain.',
  'queueTruth.reset.done.one':
    'Send status reset: {count} document will be offered for sending again.',
  'queueTruth.reset.done.other':
    'Send status reset: {count} documents will be offered for sending again.',

  'queueTruth.attachment.document': 'the document',
  'queueTruth.attachment.extra': 'document’s attachment',
  'queueTruth.attachment.recipient': 'individual attachment',
  'queueTruth.attachment.general': 'general attachment',
  'queueTruth.attachment.encrypted': 'password-protected',
  'queueTruth.attachments.none': 'No attachment',
} as const;
