// Bounded input on dossiers and the records around them, English.
import type { recordsInputFr } from './records-input.fr.js';

export const recordsInputEn: Record<keyof typeof recordsInputFr, string> = {
  'records.label.structureName': 'organisation name',
  'records.label.structureAddress': 'organisation address',
  'records.label.phone': 'phone',
  'records.label.senderName': 'sender name',
  'records.label.number': 'file number',
  'records.label.title': 'title',
  'records.label.lastName': 'last name',
  'records.label.firstName': 'first name',
  'records.label.address': 'address',
  'records.label.addressLine': 'address line',
  'records.label.email': 'e-mail address',
  'records.label.correspondentName': 'correspondent name',
  'records.label.relation': 'relationship to the client',
  'records.label.staffName': 'manager name',
  'records.label.groupName': 'group name',
  'records.label.extraKey': 'extra field name',
  'records.label.extraValue': 'extra field value',
  'records.label.extraCount': 'extra fields',
  'records.label.correspondents': 'correspondents',
  'records.label.sin': 'SIN',
  'records.label.documentNumber': 'document number',
  'records.label.summaryNumber': 'summary number',

  'records.error.tooLong':
    'The field “{fieldEn}” is too long: {length} characters where {max} at most are allowed. Shorten it.',
  'records.error.controlCharacter':
    'The field “{fieldEn}” holds an invisible character (null, tab or line break): type it on the keyboard rather than pasting it.',
  'records.error.tooManyExtra':
    'A file may have {max} extra fields at most ({count} given): keep only those the templates need.',
  'records.error.emailLocalNotAscii':
    'The address “{email}” has accented or special letters before the “@”: most mail servers refuse it. Ask the client for an address without accents before the “@”.',
  'records.error.sinTwice': 'Give the SIN with --sin or with --sin-stdin, not both.',
  'records.error.sinStdinEmpty':
    'No SIN was read from standard input: type it and press Enter, or redirect a file (--sin-stdin < sin.txt).',

  'records.import.tooLong':
    'Column “{column}” too long: {length} characters where {max} at most are allowed. Fix this line in the file and import it again.',
  'records.import.controlCharacter':
    'Column “{column}”: invisible character (null or control character). Fix this line in the file and import it again.',
  'records.import.tooManyAddresses':
    'Column “{column}”: {count} e-mail addresses where {max} at most are allowed per file. Keep only those who receive the documents.',
  'records.import.emailLocalNotAscii':
    'File {number}: the address “{email}” (column “{column}”) has accented letters before the “@”, which most servers refuse. Ask for an address without accents before the “@”.',

  'records.cli.cutNotice': 'Cells that are too long are cut (…); --json gives the whole values.',
};
