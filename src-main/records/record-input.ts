// What the records service accepts, field by field: required fields present, every text
// within its limit (RECORD_LIMITS) and free of control characters, addresses storable.
// One place for every door: the window, the CLI and the demo all come through here.
import { UserError } from '../../src-shared/errors.js';
import {
  RECORD_LIMITS,
  type CorrespondentInput,
  type ExtraFields,
  type RecordTextField,
} from '../../src-shared/domain/records.js';
import {
  DEFAULT_FAMILY_LANGUAGE,
  isFamilyLanguage,
} from '../../src-shared/domain/family-language.js';
import type { Language } from '../../src-shared/i18n/catalog.js';
import { normalizeSin } from '../../src-shared/validation/identity.js';
import { boundedText, fieldLabels } from '../../src-shared/validation/record-text.js';
import { optionalAddress } from './email-address.js';

/** A text that must not be empty once trimmed. */
export function requiredText(
  field: RecordTextField,
  name: string,
  value: string | undefined | null,
): string {
  const text = boundedText(field, value ?? '');
  if (text === '') throw new UserError('error.field.required', { field: name });
  return text;
}

/** A text that may be empty ('' kept as ''). */
export function optionalText(field: RecordTextField, value: string | undefined | null): string {
  return boundedText(field, value ?? '');
}

/** A text that may be absent: empty becomes null. */
export function nullableText(
  field: RecordTextField,
  value: string | undefined | null,
): string | null {
  return optionalText(field, value) || null;
}

export function sinOrNull(value: string | null | undefined): string | null {
  // Bounded before anything else: the SIN is never quoted back, even masked, when huge.
  return value ? normalizeSin(boundedText('sin', value)) : null;
}

/** A family's language: 'fr' or 'en' (French when not said); anything else is refused. */
export function familyLanguage(value: string | null | undefined): Language {
  if (value === undefined || value === null) return DEFAULT_FAMILY_LANGUAGE;
  if (!isFamilyLanguage(value)) throw new UserError('error.language.unknown', { value });
  return value;
}

/** A correspondent's own language, or null to follow the dossier's. */
export function ownLanguage(value: string | null | undefined): Language | null {
  return value === undefined || value === null || value === '' ? null : familyLanguage(value);
}

/** Extra fields for templates: bounded keys, values and count. */
export function extraFields(extra: ExtraFields): string {
  const entries = Object.entries(extra);
  if (entries.length > RECORD_LIMITS.extraCount) {
    throw new UserError('records.error.tooManyExtra', {
      max: RECORD_LIMITS.extraCount,
      count: entries.length,
      ...fieldLabels('extraCount'),
    });
  }
  const checked = entries.map(([key, value]) => [
    requiredText('extraKey', 'extra', key),
    boundedText('extraValue', value),
  ]);
  return JSON.stringify(Object.fromEntries(checked));
}

export function correspondentRow(input: CorrespondentInput) {
  return {
    name: optionalText('correspondentName', input.name),
    relation: nullableText('relation', input.relation),
    email: input.keepInvalidEmail
      ? nullableText('email', input.email)
      : optionalAddress(input.email),
    receives_documents: input.receivesDocuments === false ? 0 : 1,
    language: ownLanguage(input.language),
  };
}
