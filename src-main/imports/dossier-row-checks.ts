// The records' limits (RECORD_LIMITS) applied to a client list's cells: a row the window or
// the CLI would refuse is refused here too, named by its line, and the other rows go in.
// Also the cells read the same way as those doors read them: the SIN (its check digit warned
// about), the correspondence language, the address. No value is quoted whole in a reason: a
// 5 MB cell must not make a 5 MB report.
import { isUserError, UserError } from '../../src-shared/errors.js';
import { readFamilyLanguage } from '../../src-shared/domain/family-language.js';
import type { Language } from '../../src-shared/i18n/catalog.js';
import { normalizeSin } from '../../src-shared/validation/identity.js';
import { sinNeedsWarning } from '../../src-shared/validation/sin-check.js';
import { RECORD_LIMITS, type RecordTextField } from '../../src-shared/domain/records.js';
import {
  boundedText,
  checkRecordText,
  quoted,
  type TextProblem,
} from '../../src-shared/validation/record-text.js';
import { singleLine } from '../../src-shared/validation/single-line.js';
import { storableAddress } from '../records/email-address.js';
import type { DossierField, RowProblem } from './import-types.js';

/** The record field whose limit each text column of a client list takes. */
const TEXT_CELLS: [DossierField, RecordTextField][] = [
  ['number', 'number'],
  ['title', 'title'],
  ['lastName', 'lastName'],
  ['firstName', 'firstName'],
  ['address', 'address'],
  ['postalCode', 'addressLine'],
  ['city', 'addressLine'],
  ['sin', 'sin'],
  ['manager', 'staffName'],
  ['group', 'groupName'],
  ['emailOptIn', 'title'],
  ['language', 'title'],
];

type Cell = (field: DossierField) => string | undefined;

/** Every text cell checked; the cells as they will be stored, or the row's first problem. */
export function checkTextCells(
  line: number,
  cell: Cell,
  column: (field: DossierField) => string,
): { cell: Cell } | RowProblem {
  const checked: Partial<Record<DossierField, string>> = {};
  for (const [field, limitedBy] of TEXT_CELLS) {
    const value = cell(field);
    if (value === undefined) continue;
    const result = checkRecordText(limitedBy, value);
    if ('problem' in result) return cellProblem(line, column(field), result.problem);
    checked[field] = result.text;
  }
  return { cell: (field) => checked[field] ?? cell(field) };
}

export function cellProblem(line: number, column: string, problem: TextProblem): RowProblem {
  return problem.kind === 'tooLong'
    ? {
        line,
        code: 'records.import.tooLong',
        params: { column: quoted(column), length: problem.length, max: problem.max },
      }
    : { line, code: 'records.import.controlCharacter', params: { column: quoted(column) } };
}

/** A row may not bring more correspondents than a dossier form takes. */
export function tooManyAddresses(line: number, column: string, count: number): RowProblem | null {
  return count > RECORD_LIMITS.correspondents
    ? {
        line,
        code: 'records.import.tooManyAddresses',
        params: { column: quoted(column), count, max: RECORD_LIMITS.correspondents },
      }
    : null;
}

/** One address of a cell as it will be stored (ASCII domain), or why the row is refused. */
export function checkedAddress(
  line: number,
  number: string,
  column: string,
  email: string,
): string | RowProblem {
  const checked = checkRecordText('email', email);
  if ('problem' in checked && checked.problem.kind === 'tooLong') {
    return cellProblem(line, column, checked.problem);
  }
  try {
    return storableAddress(email);
  } catch (error) {
    const params = { number, email: quoted(singleLine(email)), column: quoted(column) };
    if (isUserError(error) && error.code === 'records.error.emailLocalNotAscii') {
      return { line, code: 'records.import.emailLocalNotAscii', params };
    }
    return { line, code: 'import.reason.invalidEmail', params };
  }
}

/**
 * The row's SIN as stored (undefined: an empty cell keeps the stored one), whether its check
 * digit fails (imported all the same, with a warning), or why the row is refused. Never the
 * value itself in a reason: a SIN stays out of reports and logs.
 */
export function sinCell(
  line: number,
  number: string,
  column: string,
  value: string | undefined,
): { sin: string | undefined; doubtful: boolean } | RowProblem {
  if (!value) return { sin: undefined, doubtful: false };
  try {
    const sin = normalizeSin(value);
    return { sin, doubtful: sinNeedsWarning(sin) };
  } catch {
    return { line, code: 'import.reason.invalidSin', params: { number, column } };
  }
}

/** The row's correspondence language ("fr", "anglais", "English"…); undefined: none given. */
export function languageCell(
  line: number,
  number: string,
  column: string,
  value: string | undefined,
): { language: Language | undefined } | RowProblem {
  if (!value) return { language: undefined };
  const language = readFamilyLanguage(value);
  if (language) return { language };
  return {
    line,
    code: 'import.reason.invalidLanguage',
    params: { number, value: quoted(singleLine(value), 40), column: quoted(column) },
  };
}

/** The extra columns' names are field names: bounded, and not more than a dossier holds. */
export function checkExtraColumns(headers: string[]): void {
  if (headers.length > RECORD_LIMITS.extraCount) {
    throw new UserError('records.error.tooManyExtra', {
      max: RECORD_LIMITS.extraCount,
      count: headers.length,
    });
  }
  for (const header of headers) boundedText('extraKey', header);
}

/** Street, postal code and city as one address; undefined when no column gives any. */
export function composeAddress(
  street: string | undefined,
  postalCode: string | undefined,
  city: string | undefined,
): string | undefined {
  if (street === undefined && postalCode === undefined && city === undefined) return undefined;
  const locality = [postalCode, city].filter((part) => part).join(' ');
  return [street, locality].filter((part) => part).join('\n');
}

/** A manager or group name: undefined (no column), null (empty cell) or the name. */
export function optionalName(value: string | undefined): string | null | undefined {
  return value === undefined ? undefined : value || null;
}
