import type { coreFr } from './core.fr.js';

export const coreEn: Record<keyof typeof coreFr, string> = {
  'error.internal': 'An unexpected error occurred: {detail}',
  'error.field.required': 'The field “{field}” is required.',
  'error.field.tooLong': 'The field “{field}” is too long ({max} characters at most).',
  'error.email.invalid':
    'The e-mail address “{email}” is not valid: check it (example: name@domain.com).',
  'error.amount.invalid': 'The amount “{value}” is not a number: write for example 1234.56.',
  'error.date.invalid': 'The date “{value}” is not valid: write it YYYY-MM-DD (e.g. 2026-10-31).',
  'error.period.invalid':
    'The period “{value}” is not understood: write the month as 11/2026, 2026-11 or November 2026, or the year alone (2026).',
  'error.sin.invalid':
    'The SIN “{value}” is not valid: it needs 9 digits (spaces and dashes allowed).',
  'error.record.stale':
    'This {record} was changed on another workstation while you were editing it. Reopen it to see the latest version, then make your change again.',
  'error.structure.notFound': 'No organisation “{structure}”. Run “postier init” to create one.',
  'error.structure.ambiguous':
    'There are several organisations: say which one with --structure (e.g. --structure {example}).',
  'error.dossier.duplicateNumber':
    'Record no. {number} already exists in “{structure}”: choose another number or edit the existing record.',
  'error.dossier.notFound':
    'No record no. {number}: check the number, or create the record first (postier dossiers add).',
  'error.documentType.unknown': 'Unknown document type “{type}”. Possible types: {types}.',
  'error.documentType.text.passwordRule':
    'The password rule of “{type}” documents must fit on one line, in {max} characters at most: correct it.',
  'error.documentType.text.passwordFallback':
    'The fallback password of “{type}” documents must fit on one line, in {max} characters at most: correct it.',
  'error.documentType.text.watermark':
    'The watermark of “{type}” documents must fit on one line, in {max} characters at most: shorten it.',
  'error.documentType.fallbackSpaces':
    'The fallback password of “{type}” documents cannot contain spaces (recipients type it as it is): remove them.',
  'error.document.duplicateNumber':
    'The “{type}” document no. {number} already exists: choose another number.',
  'error.document.notFound': 'No document no. {id}.',
  'error.document.noPdf': 'Document no. {id} has no PDF.',
  'error.pdf.notFound': 'The PDF file “{file}” cannot be found: check the path.',
  'error.pdf.unreadable':
    'The file “{file}” is not a readable PDF ({reason}): export it again from your software.',
  'error.file.unsafeName': 'The file name “{name}” is not accepted.',
  'error.dataFolder.unusable':
    'The data folder “{folder}” cannot be used ({reason}): check that it exists and that you can write to it.',
  'error.database.busy':
    'The database has been busy on another workstation for too long: try again in a moment.',
  'error.database.tooNew':
    'This database was created by a newer version of Postier: update Postier on this workstation.',
  'error.cli.argument': 'Argument “{argument}”: {problem}',

  'documentType.invoice': 'Invoice',
  'documentType.notice': 'Due notice',
  'documentType.taxslip': 'Tax slip',
  'documentType.statement': 'Account statement',
  'documentType.verification': 'Verification form',

  'emailState.none': 'Not sent',
  'emailState.queued': 'Queued',
  'emailState.sent': 'Sent',
  'emailState.failed': 'Failed',
  'emailState.uncertain': 'Uncertain',
};
