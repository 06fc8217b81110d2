// Messages of the bulk send's warnings said by name, English.
import type { uiBulkWarningsFr } from './bulk-warnings.fr.js';

export const uiBulkWarningsEn: Record<keyof typeof uiBulkWarningsFr, string> = {
  'ui.bulkWarnings.title': 'Check before sending',
  'ui.bulkWarnings.fallback.title':
    'Records without a SIN ({count}): their PDF will be protected by the fallback password {password}',
  'ui.bulkWarnings.fallback.body':
    'Anyone who knows this password can open these documents. Enter the SIN in each record ("Fix"), or uncheck the document.',
  'ui.bulkWarnings.fallback.sinMissing': 'SIN missing',
  'ui.bulkWarnings.fallback.otherField': 'a piece of the password is missing',
  'ui.bulkWarnings.fix': 'Fix',
  'ui.bulkWarnings.fixLabel': 'Fix the record of {name}',
  'ui.bulkWarnings.showAll': 'Show the {count} others',
  'ui.bulkWarnings.showLess': 'Shorten the list',
  'ui.bulkWarnings.passwordText':
    'The message does not explain the password of the "{type}" documents: recipients will not know how to open the PDF. Say in the text how to find it (for example "The password is your SIN, without spaces").',
  'ui.bulkWarnings.large.title': 'Attachments over 1 MB ({count})',
  'ui.bulkWarnings.large.body':
    'They are slow to receive and some mailboxes refuse them: prefer lighter files.',
  'ui.bulkWarnings.large.general': '"{file}" ({size}), for every recipient',
  'ui.bulkWarnings.large.dossier': '"{file}" ({size}), for {name}',
  'ui.bulkWarnings.sender.sentAs':
    'The sender {sender} is not in the same domain as the sending account {account}: the messages will leave from {sender}, and some servers will refuse them or file them as junk. Check that the account may send from this address.',
  'ui.bulkWarnings.sender.replyTo':
    'The sender {sender} is not in the same domain as the sending account {account}: the messages will leave from {account} in its name, and replies will go to {sender}.',
  'ui.bulkWarnings.cli.title': 'Check before sending:',

  'ui.bulkWarnings.reason.summary_number':
    'The slip’s summary number is missing: import this slip again with its summary number.',
  'ui.bulkWarnings.reason.precondition':
    'The document lacks a piece of information its type requires: complete it before sending.',
  'ui.bulkWarnings.reason.pdfGone':
    'The document’s PDF file is no longer in the data folder: import it again.',
  'ui.bulkWarnings.reason.noPdf': 'The document has no PDF: import it before sending.',
  'ui.bulkWarnings.openDossier': 'Open the record',
  'ui.bulkWarnings.openDossierLabel': 'Open the record of {name}',
  'ui.bulkWarnings.col.action': 'Fix',

  'ui.bulkWarnings.fixTitle': 'Record {name}',
  'ui.bulkWarnings.fixHint':
    'Fix it, then save (Ctrl+S): the send’s list will be brought up to date.',
  'ui.bulkWarnings.refreshing': 'Updating the list…',

  'ui.bulkWarnings.preview.addresses': 'One message per address',
  'ui.bulkWarnings.preview.files': 'Attachments',
  'ui.bulkWarnings.role.document': 'the document',
  'ui.bulkWarnings.role.extra': 'document’s file',
  'ui.bulkWarnings.role.recipient': 'for this record',
  'ui.bulkWarnings.role.general': 'for everyone',
  'ui.bulkWarnings.protected': 'password-protected',
};
