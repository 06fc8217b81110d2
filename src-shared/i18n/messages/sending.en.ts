import type { sendingFr } from './sending.fr.js';

export const sendingEn: Record<keyof typeof sendingFr, string> = {
  'error.template.syntax.subject':
    'The subject has a syntax error (line {line}: {detail}): check the double braces around the fields.',
  'error.template.syntax.text':
    'The message text has a syntax error (line {line}: {detail}): check the double braces around the fields.',
  'error.template.syntax.html':
    'The HTML message has a syntax error (line {line}: {detail}): check the double braces around the fields.',
  'error.template.unknownField.subject':
    'The subject uses the field “{field}”, which does not exist: correct it. Available fields: {fields}.',
  'error.template.unknownField.text':
    'The message text uses the field “{field}”, which does not exist: correct it. Available fields: {fields}.',
  'error.template.unknownField.html':
    'The HTML message uses the field “{field}”, which does not exist: correct it. Available fields: {fields}.',
  'error.template.forbiddenField.subject':
    'The subject uses the field “{field}”: a social insurance number must never appear in an e-mail. Remove it.',
  'error.template.forbiddenField.text':
    'The message text uses the field “{field}”: a social insurance number must never appear in an e-mail. Remove it.',
  'error.template.forbiddenField.html':
    'The HTML message uses the field “{field}”: a social insurance number must never appear in an e-mail. Remove it.',
  'error.template.unsupported.subject':
    'The subject contains “{construct}”, which Postier does not accept: use only fields and #if / #unless conditions.',
  'error.template.unsupported.text':
    'The message text contains “{construct}”, which Postier does not accept: use only fields and #if / #unless conditions.',
  'error.template.unsupported.html':
    'The HTML message contains “{construct}”, which Postier does not accept: use only fields and #if / #unless conditions.',
  'error.template.unescaped.html':
    'The HTML message inserts the field “{field}” with triple braces, unprotected: write it with double braces.',
  'error.template.htmlWithoutText':
    'You gave an HTML message without a plain text: give the text too (mail programs that do not show HTML read it).',
  'error.template.defaultMissing':
    'The default e-mail template “{file}” is missing or unreadable: reinstall Postier.',

  'error.password.ruleInvalid':
    'The password rule of “{type}” documents (“{rule}”) is not valid: write a field between double braces, for example the SIN.',
  'error.password.ruleField':
    'The password rule of “{type}” documents uses the field “{field}”, which does not exist: correct the rule.',
  'error.password.noValue':
    'The password of “{type}” documents cannot be worked out for record {dossier}, and no fallback password is set: complete the dossier or the rule.',
  'error.pdf.encryptFailed':
    'The PDF “{file}” could not be protected with a password ({reason}): export it again from your software.',

  'error.prepare.nothingChosen':
    'Choose the documents to send: a type (and a period), or the documents’ numbers.',
  'error.prepare.noSender':
    'No sender address for record {dossier}: fill in the communication address of “{structure}” or the mail account’s address.',
  'error.prepare.recipientsOneDocument':
    'Chosen addresses only apply when sending one document: choose one document, or let Postier take each record’s correspondents.',
  'error.prepare.noRecipient':
    'No address is chosen for this document: choose at least one correspondent or type an e-mail address.',
  'error.prepare.tooManyForMethod':
    'The account’s sending method opens one window per message: it does not suit {count} messages (at most {limit} at a time). Send fewer documents at a time, or choose an SMTP server, Microsoft 365 or Gmail in Settings > Mail account. Nothing was queued.',
  'error.attachment.missing':
    'The attachment “{file}” is missing or unreadable: check the file. Nothing was queued.',
  'error.attachment.documentNotChosen':
    'Individual attachments are set for document #{id}, which is not part of this send: remove them or add the document.',
  'warning.prepare.noDocuments': 'No document matches this choice ({selection}).',
  'warning.prepare.sandbox':
    'No mail account is set up for “{structure}”: messages will be written to files (sandbox) and will not go out.',
  'warning.attachment.large':
    'The attachment “{file}” weighs {size}: above 1 MB it is slow to receive and may be refused. Prefer a lighter PDF.',
  'warning.password.notExplained':
    '“{type}” documents are protected by a password, but the message does not explain it: add the password rule to the text, or recipients will not be able to open them.',
  'warning.template.fieldEmpty':
    'The field “{field}” is empty for {count, plural, one {# record} other {# records}} ({dossiers}): the message will leave it blank.',

  'exclusion.no_address': 'no e-mail address',
  'exclusion.invalid_address': 'invalid e-mail address',
  'exclusion.opted_out': 'does not accept documents by e-mail',
  'exclusion.no_pdf': 'no PDF',
  'exclusion.precondition': 'no summary number (the slip cannot be sent before the summary)',
  'exclusion.already_sent': 'already sent to this address',
  'exclusion.already_queued': 'already queued for this address',
  'exclusion.too_large': 'message too large for the mail account',

  'error.message.stale':
    'Message #{id} was changed by another workstation meanwhile: refresh the list, then try again.',
  'error.message.cannotFixAddress':
    'Message #{id} is “{status}”: only a pending, blocked, failed or uncertain message can have its address corrected.',
  'error.message.sameAddress':
    'The new address is that of message #{id} ({email}): type the corrected address.',
  'error.message.addressQueued':
    'The document of message #{id} is already queued for {email}: nothing to correct.',
  'error.reset.nothingChosen':
    'Choose the documents whose send status should be reset: their numbers, or all of a type or period.',
  'action.skipped.not_found': 'not found',
  'action.skipped.wrong_status': 'its status does not allow it',
  'action.skipped.stale': 'changed by another workstation',
  'action.skipped.requeued': 'the document is already queued for this address',
  'action.skipped.superseded': 'replaced by a message to the corrected address',

  'sending.journal.queued': 'Queued for {to} (batch #{batch}).',
  'sending.journal.validatedAutomatically': 'Validated automatically (automatic validation).',
  'sending.journal.validated': 'Validated: ready to send.',
  'sending.journal.retry': 'Validated again after a failure: will be sent again (attempts reset).',
  'sending.journal.blocked': 'Blocked: will not go until validated again.',
  'sending.journal.unblocked': 'Unblocked: ready to send.',
  'sending.journal.reset': 'Send status reset: the document may be sent again to {to}.',
  'sending.journal.addressFixed': 'Address corrected: {old} → {new}; replaced by message #{id}.',
  'sending.journal.replacement': 'Queued for {to}, replacing message #{id} (address corrected).',

  'error.send.selectionNeeded':
    'Give the message numbers, or --all for every message the action applies to.',
  'error.send.templateFile': 'The template file “{file}” is missing or unreadable: check the path.',
  'error.send.attachArgument':
    'The --attach option expects DOCUMENT_NUMBER=FILE (e.g. --attach 12=letter.pdf), not “{value}”.',
  'sending.cli.prepared':
    '{count, plural, one {# message prepared} other {# messages prepared}} (batch #{batch}) for {documents, plural, one {# document} other {# documents}}: {status}.',
  'sending.cli.preview':
    'Preview: {count, plural, one {# message would be prepared} other {# messages would be prepared}} for {documents, plural, one {# document} other {# documents}}. Nothing was queued.',
  'sending.cli.nothingQueued': 'No message was queued.',
  'sending.cli.nextPending':
    'Check them, validate them with “postier send validate --all”, then send them with “postier send run”.',
  'sending.cli.nextValidated': 'They are validated: send them with “postier send run”.',
  'sending.cli.excluded': 'Documents not queued ({count}):',
  'sending.cli.warnings': 'Warnings:',
  'sending.cli.validated':
    '{count, plural, one {# message validated} other {# messages validated}}.',
  'sending.cli.blocked': '{count, plural, one {# message blocked} other {# messages blocked}}.',
  'sending.cli.unblocked':
    '{count, plural, one {# message unblocked} other {# messages unblocked}}.',
  'sending.cli.skipped': 'Message #{id} left as it was: {reason}.',
  'sending.cli.reset':
    'Send status reset for {documents, plural, one {# document} other {# documents}} ({messages, plural, one {# message} other {# messages}}): the next preparation will queue {documents, plural, one {it} other {them}} again.',
  'sending.cli.resetNothing':
    'No sent, failed or uncertain document among those chosen: nothing to reset.',
  'sending.cli.addressFixed': 'Message #{id} created for {email}, replacing #{old}: {status}.',

  'messageStatus.pending': 'Awaiting validation (E)',
  'messageStatus.validated': 'Validated, ready to send (V)',
  'messageStatus.sending': 'Sending',
  'messageStatus.sent': 'Sent (OK)',
  'messageStatus.failed': 'Sending failed (KO)',
  'messageStatus.blocked': 'Blocked by the user (B)',
  'messageStatus.uncertain': 'Uncertain (?)',

  'templateField.personne': 'the record’s person (e.g. Mrs Josiane Mailly)',
  'templateField.periode': 'the period (e.g. October 2026)',
  'templateField.numero': 'the document number',
  'templateField.montant': 'the amount (e.g. $2,480.50)',
  'templateField.echeance': 'the due date',
  'templateField.type': 'the document type (e.g. Invoice)',
  'templateField.titre': 'the title (Mr, Mrs)',
  'templateField.nom': 'the last name',
  'templateField.prenom': 'the first name',
  'templateField.dossier': 'the record number',
  'templateField.destinataire': 'the recipient’s name (the correspondent)',
  'templateField.etablissement': 'the office’s name',
  'templateField.expediteur': 'the sender’s name',
  'templateField.extra': 'free field of the record',
};
