// Provider outages and the engine's automatic pauses, English.
import type { outageFr } from './outage.fr.js';

export const outageEn: Record<keyof typeof outageFr, string> = {
  'mail.failure.server_unavailable':
    'The server {host} is not taking connections right now (unavailable, or it hung up at once): sending from this account will resume later, no message is lost.',
  'mail.failure.server_not_answering':
    'The server {host} does not answer when connected to (timed out): sending from this account will resume later, no message is lost.',
  'mail.failure.server_refused':
    'The server {host} refuses this account’s connection: check the sending account (server, port) or contact your e-mail provider.',

  'outbox.paused.outage':
    'Sending paused for the account “{account}”: {reason} {remaining, plural, one {The remaining message is} other {The # remaining messages are}} still ready to go, no attempt counted; next try from {at}.',
  'outbox.paused.reply': 'Server reply: “{reply}”.',
  'outbox.paused.uncertain':
    'Message no. {id} (“{subject}”) is marked uncertain: check whether it arrived, then decide (sent, send again or failed).',
  'outbox.paused.refusals':
    'Sending paused after {count, plural, one {# refusal} other {# refusals}} in a row: {reply} Check the list or the account. {remaining, plural, one {The remaining message is} other {The # remaining messages are}} still ready to go.',

  'outbox.journal.accountPaused':
    'Account “{account}” paused until {at} (outage no. {streak} in a row): {reason}',
  'outbox.journal.autoPaused':
    'Sending paused for the account “{account}” after {count} refusals in a row: {reply}',

  'outbox.error.autoPauseInvalid':
    'The number of refusals in a row before sending is paused must be a whole number from 0 (never) to {max}: “{value}” will not do.',
};
