// Staff notifications (issue 17, point 3), English.
import type { notificationsFr } from './notifications.fr.js';

export const notificationsEn: Record<keyof typeof notificationsFr, string> = {
  'notify.event.run_finished': 'Send finished',
  'notify.event.failures': 'Failed messages',
  'notify.event.uncertain': 'Uncertain messages to decide',
  'notify.event.bounces': 'Bounces received',
  'notify.event.account': 'Sending account to reconnect',

  'notify.mode.cascade': 'Cascade',
  'notify.mode.off': 'Nobody',
  'notify.mode.chosen': 'Custom',
  'notify.step.manager': 'manager',
  'notify.step.functional': 'functional address',
  'notify.step.communication': 'communication address',
  'notify.step.account': 'sending account’s address',
  'notify.step.staff': 'staff member',
  'notify.step.address': 'address',

  'notify.subject.run_finished':
    '[Postier] {structure}: send finished — {sent} sent, {failed} failed',
  'notify.subject.failures':
    '[Postier] {structure}: {count, plural, one {# message failed} other {# messages failed}}',
  'notify.subject.uncertain':
    '[Postier] {structure}: {count, plural, one {# uncertain message to decide} other {# uncertain messages to decide}}',
  'notify.subject.bounces':
    '[Postier] {structure}: {count, plural, one {# bounce} other {# bounces}} received',
  'notify.subject.account': '[Postier] {structure}: the sending account needs reconnecting',

  'notify.body.greeting': 'Hello,',
  'notify.body.run': 'Send started by {actor} on {workstation}, finished on {at}.',
  'notify.body.counts':
    'Sent: {sent}. Failed: {failed}. To retry: {retrying}. Uncertain, to decide: {uncertain}. Left to send: {remaining}.',
  'notify.body.failures': 'These messages could not be delivered (the server refused them):',
  'notify.body.failuresAction':
    'Fix the address in Send tracking (filter “Failed”), then send again.',
  'notify.body.uncertain':
    'These messages were interrupted while the server may have received them; they will never be sent again without your decision:',
  'notify.body.uncertainAction':
    'In Send tracking, check whether they arrived, then decide: sent, send again or failed.',
  'notify.body.bounces': 'These messages came back as bounces (non-delivery reports):',
  'notify.body.account': 'The account “{account}” refused to connect: {reason}',
  'notify.body.accountAction':
    'The remaining messages wait, nothing is lost. Reconnect the account in Settings > Sending account (password or authorization), then start the send again.',
  'notify.body.line': '- {dossier} — {address}: {reason}',
  'notify.body.more': '… and {count} more.',
  'notify.body.footer':
    'Automatic message from Postier. To choose who receives it: Settings > Notifications, or “postier notify set”.',

  'notify.journal.sent': 'Notification “{event}” sent to {to}.',
  'notify.journal.failed': 'Notification “{event}” not sent to {to}: {reason}',
  'outbox.event.notified': 'Notification sent',
  'outbox.event.notify_failed': 'Notification not sent',
  'ui.event.notified': 'Notification sent',
  'ui.event.notify_failed': 'Notification not sent',

  'notify.error.unknownEvent': 'Unknown event: “{event}”. Choose from: {events}.',
  'notify.error.unknownStaff': 'No staff member named “{name}” in this structure. Staff: {names}.',
  'notify.error.staffNoEmail':
    '{name} has no e-mail address: add it (postier notify staff "{name}" --email …) before choosing them.',
  'notify.error.oneChoice': 'Choose one thing only: --to / --staff, --cascade or --off.',
  'notify.error.noChoice':
    'Say who receives “{event}”: --to ADDRESS…, --staff NAME…, --cascade or --off.',
  'notify.error.clientMethod':
    'the account’s sending method opens a message on screen; notifications need an account that sends (SMTP, Microsoft 365, Gmail).',
  'notify.error.language': 'Unknown language: “{language}”. Choose fr or en.',

  'notify.cli.description':
    'Who receives the notifications (send finished, failures, uncertain, bounces, account to reconnect)',
  'notify.cli.show': 'Shows, for each event, the choice and who receives it',
  'notify.cli.set': 'Chooses who receives an event',
  'notify.cli.staff': 'Adds or changes a staff member (address, language, manager)',
  'notify.cli.event': 'The event: {events}',
  'notify.cli.to': 'Addresses that receive it',
  'notify.cli.staffNames': 'Staff members who receive it (by name)',
  'notify.cli.cascade':
    'Nobody chosen: the cascade decides (manager > functional address > communication address > account’s address)',
  'notify.cli.off': 'Nobody receives it',
  'notify.cli.email': 'Their e-mail address',
  'notify.cli.language': 'The language of their notifications (fr or en)',
  'notify.cli.manager': 'Makes them the manager, first in the cascade',
  'notify.cli.nobody': '(nobody)',
  'notify.cli.manager.line': 'Manager (start of the cascade): {name}',
  'notify.cli.manager.none': 'Manager (start of the cascade): none',
  'notify.cli.saved': '“{event}”: {choice}.',
  'notify.cli.staffSaved': 'Staff member {name}: {email}, language {language}.',

  'ui.settings.notifications': 'Notifications',
  'ui.notify.intro':
    'Choose who receives each automatic e-mail. With no choice, the cascade decides: the manager, else the functional address (unless it is a “no-reply” one), else the communication address, else the sending account’s address.',
  'ui.notify.event': 'Event',
  'ui.notify.configuration': 'Configuration',
  'ui.notify.recipients': 'Recipients',
  'ui.notify.addresses': 'Other addresses (comma-separated)',
  'ui.notify.manager': 'Manager (start of the cascade)',
  'ui.notify.noManager': 'None',
  'ui.notify.staff': 'Staff',
  'ui.notify.staffName': 'Name',
  'ui.notify.staffEmail': 'E-mail address',
  'ui.notify.staffLanguage': 'Language',
  'ui.notify.addStaff': 'Add the staff member',
  'ui.notify.noRecipient': 'No address found: nobody will receive it.',
};
