// Text typed or imported into a record: trimmed, at most its field's length (RECORD_LIMITS),
// and free of characters nobody types (NUL, other control characters) that would break a
// header, a listing or a file name further on.
import { RECORD_LIMITS, type RecordTextField } from '../domain/records.js';
import { UserError } from '../errors.js';
import { translate } from '../i18n/catalog.js';
import { hasControlCharacters } from './single-line.js';

/**
 * line: one line, no control character at all (names, numbers, titles…).
 * lines: a postal address, line breaks kept, each line bounded too.
 * free: an extra field's value for templates: tabs and line breaks are fine there.
 */
type TextShape = 'line' | 'lines' | 'free';

const SHAPES: Partial<Record<RecordTextField, TextShape>> = {
  address: 'lines',
  structureAddress: 'lines',
  extraValue: 'free',
};

// eslint-disable-next-line no-control-regex -- control characters are what we refuse
const CONTROL_EXCEPT_TAB_AND_LINE_BREAK = /[\u0000-\u0008\u000b-\u001f\u007f]/;

export interface TextProblem {
  kind: 'tooLong' | 'controlCharacter';
  field: RecordTextField;
  length: number;
  max: number;
}

/** The text as it will be stored, or what is wrong with it. */
export function checkRecordText(
  field: RecordTextField,
  value: string,
): { text: string } | { problem: TextProblem } {
  const shape = SHAPES[field] ?? 'line';
  const text = shape === 'line' ? value.trim() : value.replace(/\r\n?/g, '\n').trim();
  const tooLong = (limitedField: RecordTextField, length: number) => ({
    problem: {
      kind: 'tooLong' as const,
      field: limitedField,
      length,
      max: RECORD_LIMITS[limitedField],
    },
  });
  if (text.length > RECORD_LIMITS[field]) return tooLong(field, text.length);
  const control = {
    problem: { kind: 'controlCharacter' as const, field, length: text.length, max: 0 },
  };
  if (shape === 'free') return CONTROL_EXCEPT_TAB_AND_LINE_BREAK.test(text) ? control : { text };
  const lines = shape === 'lines' ? text.split('\n') : [text];
  for (const line of lines) {
    if (hasControlCharacters(line)) return control;
    if (shape === 'lines' && line.length > RECORD_LIMITS.addressLine) {
      return tooLong('addressLine', line.length);
    }
  }
  return { text };
}

/** The text as it will be stored; a UserError naming the field and its limit otherwise. */
export function boundedText(field: RecordTextField, value: string): string {
  const checked = checkRecordText(field, value);
  if ('problem' in checked) throw textError(checked.problem);
  return checked.text;
}

/** The field's name in both languages, for messages that name it. */
export function fieldLabels(field: RecordTextField): { field: string; fieldEn: string } {
  return {
    field: translate('fr', `records.label.${field}`),
    fieldEn: translate('en', `records.label.${field}`),
  };
}

export function textError(problem: TextProblem): UserError {
  const labels = fieldLabels(problem.field);
  return problem.kind === 'tooLong'
    ? new UserError('records.error.tooLong', {
        ...labels,
        length: problem.length,
        max: problem.max,
      })
    : new UserError('records.error.controlCharacter', labels);
}

/** A value quoted in a message, cut so that a huge cell never makes a huge message. */
export function quoted(value: string, max = 80): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
