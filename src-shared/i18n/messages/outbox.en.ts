import type { outboxFr } from './outbox.fr.js';

export const outboxEn: Record<keyof typeof outboxFr, string> = {
  'outbox.error.leaseHeld':
    'A send is already running on workstation {holder} since {since}: wait for it to finish, then start sending again (if that workstation stopped abruptly, it will hand over at {expires}).',
  'outbox.error.leaseLost':
    'Workstation {holder} took over sending: this send stops without losing anything, the remaining messages will go with the other send.',
  'outbox.error.messageNotFound':
    'No message #{id} in the outbox: check the number (postier send status).',
  'outbox.error.notUncertain':
    'Message #{id} is not uncertain (status: {status}): this decision only applies to an uncertain message.',
  'outbox.error.attachmentMissing':
    'The attachment “{file}” of message #{id} cannot be found: prepare the sending of this document again.',
  'outbox.error.exportFailed':
    'Cannot write the file “{file}” ({reason}): check the chosen folder and that the file is not open in another program.',
  'outbox.error.transportUnavailable': 'The sending account “{account}” cannot be used: {reason}',

  'outbox.stopped.account':
    'Sending stopped: {reason} Once the sending account “{account}” is fixed, start sending again: {remaining, plural, one {the remaining message is still ready to go, it was not marked failed} other {the # remaining messages are still ready to go, none was marked failed}}.',

  'outbox.journal.runStarted':
    'Send started: {due, plural, one {# message ready to go} other {# messages ready to go}}.',
  'outbox.journal.runFinished':
    'Send finished: {sent} sent, {failed} failed, {retrying} to retry later, {uncertain} uncertain, {remaining} remaining.',
  'outbox.journal.sending': 'Attempt {attempt} of {max}: “{subject}”.',
  'outbox.journal.sent': 'Accepted by the server.',
  'outbox.journal.retry': '{reason} Next attempt at {at} (attempt {attempt} of {max}).',
  'outbox.journal.failedPermanent': '{reason} This message will not go.',
  'outbox.journal.failedAttemptsSpent':
    'Given up after {attempts} unsuccessful attempts: this message will not go unless you validate it again.',
  'outbox.journal.failedUnsendable': 'This message cannot be sent: {reason}',
  'outbox.journal.accountError':
    '{reason} The message stays ready to go; this attempt is not counted.',
  'outbox.journal.uncertainOrphan':
    'The send (workstation {holder}) stopped while this message was going: the server may have received it. It will not be sent again automatically; check, then decide (sent, send again or failed).',
  'outbox.journal.uncertainUnexpected':
    'Unexpected error while sending ({reason}): the server may have received the message. It will not be sent again automatically; check, then decide.',
  'outbox.journal.uncertainNoReply':
    '{reason} It will not be sent again automatically (it could arrive twice): check with the recipient or in the sent items, then decide (sent, send again or failed).',
  'outbox.journal.resolvedSent': 'Confirmed as sent by the user.',
  'outbox.journal.resolvedResend': 'To send again: put back in the outbox by the user.',
  'outbox.journal.resolvedFailed': 'Marked failed by the user.',

  'outbox.event.queued': 'Queued',
  'outbox.event.validated': 'Validated',
  'outbox.event.blocked': 'Blocked',
  'outbox.event.unblocked': 'Unblocked',
  'outbox.event.reset': 'Send status reset',
  'outbox.event.address_fixed': 'Address fixed',
  'outbox.event.sending': 'Sending',
  'outbox.event.sent': 'Sent',
  'outbox.event.retry_scheduled': 'Retry scheduled',
  'outbox.event.failed': 'Failed',
  'outbox.event.uncertain': 'Uncertain',
  'outbox.event.resolved': 'Decision on an uncertain message',
  'outbox.event.account_error': 'Sending account problem',
  'outbox.event.run_started': 'Send started',
  'outbox.event.run_finished': 'Send finished',

  'outbox.progress.line': '{done}/{total} sent',
  'outbox.progress.failed': '{failed} failed',
  'outbox.progress.next': 'next send at {time}',
  'outbox.progress.waitingLease':
    'A send is running on workstation {holder}: waiting for it to finish…',
  'outbox.summary.done':
    'Send finished: {sent} sent, {failed} failed, {retrying} to retry later, {uncertain} uncertain to check, {remaining} remaining.',
  'outbox.summary.nextRetry':
    'Next attempt possible at {time}: start sending again then (or use --wait).',
  'outbox.summary.limitRun': 'Maximum sends per run reached: start sending again to continue.',
  'outbox.summary.limitDay': 'Maximum sends per day reached: the rest will go tomorrow.',
  'outbox.summary.cancelled':
    'Sending interrupted at your request: the remaining messages will go with the next send.',
  'outbox.summary.uncertainHint':
    'Some messages are uncertain: check them (postier send status --status uncertain) then decide with “postier send uncertain resolve”.',
  'outbox.resolved': 'Message #{id}: {decision}.',
  'outbox.decision.sent': 'confirmed as sent',
  'outbox.decision.resend': 'put back in the outbox to be sent again',
  'outbox.decision.failed': 'marked failed',
  'outbox.export.done': 'Journal exported: {rows, plural, one {# row} other {# rows}} in “{file}”.',

  'outbox.table.id': 'No.',
  'outbox.table.document': 'Document',
  'outbox.table.dossier': 'Record',
  'outbox.table.status': 'Status',
  'outbox.table.attempts': 'Attempts',
  'outbox.table.recipients': 'Recipients',
  'outbox.table.sentAt': 'Sent on',
  'outbox.table.serverReply': 'Server reply',
  'outbox.table.lastError': 'Last error',

  'outbox.csv.date': 'Date',
  'outbox.csv.event': 'Event',
  'outbox.csv.user': 'User',
  'outbox.csv.workstation': 'Workstation',
  'outbox.csv.document': 'Document',
  'outbox.csv.dossier': 'Record',
  'outbox.csv.recipients': 'Recipients',
  'outbox.csv.detail': 'Detail',
  'outbox.csv.serverReply': 'Server reply',
};
