// Scheduled sends, the accounts' sending window and the test copy, English.
import type { scheduleFr } from './schedule.fr.js';

export const scheduleEn: Record<keyof typeof scheduleFr, string> = {
  'schedule.error.malformed':
    'The sending time "{value}" is not understood: write the date then the time, for example 2026-12-05 08:00 (YYYY-MM-DD HH:MM, this computer’s time).',
  'schedule.error.past':
    'The sending time {value} has already passed (it is {now}): choose a date and time to come, or send without waiting.',
  'schedule.error.limit':
    'The delay after which a missed scheduled send waits for your decision must be a whole number of hours from 1 to {max}: "{value}" will not do.',
  'schedule.error.nothingInBatch':
    'Batch {batch} has no message to schedule: its messages have left or were withdrawn, or there is no such batch (see postier send status).',
  'schedule.error.nothingChosen':
    'None of the chosen messages can be scheduled: they have left or were withdrawn.',
  'schedule.error.window':
    'The sending window "{value}" is not understood: write the days then the hours, for example "mon-fri 08:00-18:00" (days: mon tue wed thu fri sat sun, separated by commas or as a range, or "all"; "none" removes the window).',
  'schedule.journal.passed':
    'Scheduled for {at} — passed by more than {hours} h without sending (was the computer off?): send now or move it.',
  'schedule.journal.now': 'Schedule lifted: sent from now on.',
  'schedule.journal.moved': 'Send scheduled for {at}.',
  'schedule.outsideWindow':
    'Outside the sending window of account "{account}" ({window}) — resumes {at}. {remaining, plural, one {The remaining message waits} other {The # remaining messages wait}}, no attempt counted.',
  'schedule.resumeAt': '{day} {time}',

  'outbox.event.scheduled': 'Scheduled',
  'outbox.event.rescheduled': 'Schedule changed',
  'outbox.event.test_sent': 'Test copy sent',
  'ui.event.scheduled': 'Scheduled',
  'ui.event.rescheduled': 'Schedule changed',
  'ui.event.test_sent': 'Test copy sent',

  'testCopy.error.noMessage':
    'No message for dossier {dossier} in this send, so nothing to send you as a copy. {reason}',
  'testCopy.error.address':
    'The address "{value}" cannot receive the test copy: write a full e-mail address (name@domain.com).',
  'testCopy.journal':
    'Test copy of the message for {recipient} (document {document}, dossier {dossier}) sent to {to}; no status changed.',
  'testCopy.cli.sent':
    'Test copy sent to {to}: the message for {recipient} (dossier {dossier}, document {document}), subject "{subject}". No send status changed.',

  'schedule.cli.scheduled':
    '{count, plural, one {The message will leave} other {The # messages will leave}} on {at} at the earliest (this computer’s time).',
  'schedule.cli.rescheduled':
    '{count, plural, one {# message scheduled} other {# messages scheduled}} for {at}.',
  'schedule.cli.sendNow':
    '{count, plural, one {# message will leave} other {# messages will leave}} at the next send (schedule lifted).',
  'schedule.cli.limit':
    'A scheduled send missed by more than {hours} h (computer off) waits for your decision instead of leaving.',
  'schedule.cli.windowSet': 'Account sending window: {window}. Outside it, nothing leaves.',
  'schedule.cli.windowNone': 'No sending window: messages leave at any hour.',
  'schedule.status.scheduled': 'Scheduled: {at}',
  'schedule.status.passed': 'Scheduled for {at} — passed; send now or move it',
  'schedule.status.waitingShort': 'Scheduled',
  'schedule.status.passedShort': 'Missed: send now or move it',

  'ui.schedule.later': 'Send later:',
  'ui.schedule.date': 'Sending date',
  'ui.schedule.time': 'Time',
  'ui.schedule.datePlaceholder': 'YYYY-MM-DD',
  'ui.schedule.timePlaceholder': 'HH:MM',
  'ui.schedule.button': 'Schedule the send ({count}) for {at}',
  'ui.schedule.when': '{day} at {time}',
  'ui.schedule.problem.malformed':
    'Write the date as 2026-12-05 (YYYY-MM-DD) and the time as 08:00 (HH:MM).',
  'ui.schedule.problem.past': '{at} has already passed: choose a date and time to come.',
  'ui.schedule.done':
    '{count, plural, one {# message scheduled} other {# messages scheduled}} for {at}: {count, plural, one {it leaves} other {they leave}} at that time (see Send tracking).',
  'ui.testCopy.button': 'Send me a copy…',
  'ui.testCopy.title': 'Send me a copy',
  'ui.testCopy.text':
    'The message for {name} ({address}), exactly as it will leave — with its PDF protected by that recipient’s password — is sent to you with "[TEST]" before the subject. No send status changes.',
  'ui.testCopy.recipient': 'Message of',
  'ui.testCopy.to': 'Send the copy to',
  'ui.testCopy.send': 'Send the copy',
  'ui.testCopy.sending': 'Sending the copy…',
  'ui.testCopy.sent': 'Test copy sent to {to} (subject "{subject}"). No send status changed.',
  'ui.testCopy.noRow': 'First choose a row of the list: its message will be copied.',
  'ui.outbox.reschedule': 'Move…',
  'ui.outbox.rescheduleTitle': 'Move the scheduled send',
  'ui.outbox.rescheduleText':
    'New sending date and time for {count, plural, one {the chosen message} other {the # chosen messages}} (this computer’s time). "Send now" lifts the schedule.',
  'ui.outbox.rescheduleSave': 'Schedule',
  'ui.outbox.sendNow': 'Send now',
  'ui.outbox.rescheduled':
    '{count, plural, one {# message scheduled} other {# messages scheduled}} for {at}.',
  'ui.outbox.sentNow': '{count, plural, one {# message leaves} other {# messages leave}} now.',
  'ui.settings.scheduleLimit':
    'Missed scheduled send (computer off): wait for my decision after (hours)',
  'ui.settings.scheduleLimitHint':
    'More recent, it leaves at the next send; older, it waits: "send now or move it" in Send tracking.',
  'ui.settings.window': 'Sending window',
  'ui.settings.windowHint':
    'E.g. "mon-fri 08:00-18:00". Outside it nothing leaves this account. Empty: any hour.',
  'ui.settings.windowSaved': 'Sending window saved.',
} as const;
