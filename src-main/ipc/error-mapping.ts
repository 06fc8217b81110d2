// How failures read for the user: a service's UserError in the request's language, a refused
// input naming the field, anything else as a generic sentence that leaks no internals.
import type { z } from 'zod';
import type { ApiError } from '../../src-shared/contract/index.js';
import { isUserError } from '../../src-shared/errors.js';
import { translate, type Language } from '../../src-shared/i18n/catalog.js';

export function userFacingError(error: unknown, language: Language): ApiError | null {
  if (!isUserError(error)) return null;
  return { code: error.code, message: translate(language, error.code, error.params) };
}

export function invalidInputError(error: z.ZodError, language: Language): ApiError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'input';
  return {
    code: 'ui.error.invalidInput',
    message: translate(language, 'ui.error.invalidInput', {
      field,
      problem: describeIssue(issue, language),
    }),
    field,
  };
}

function describeIssue(issue: z.core.$ZodIssue | undefined, language: Language): string {
  switch (issue?.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? translate(language, 'ui.problem.tooLong', { max: Number(issue.maximum) })
        : translate(language, 'ui.problem.tooBig');
    case 'too_small':
      return translate(language, 'ui.problem.tooSmall');
    case 'invalid_type':
      return translate(language, 'ui.problem.wrongType');
    case 'unrecognized_keys':
      return translate(language, 'ui.problem.unknownField', { keys: issue.keys.join(', ') });
    case 'invalid_value':
    case 'invalid_format':
      return translate(language, 'ui.problem.notAllowed');
    default:
      return translate(language, 'ui.problem.other');
  }
}

export function unknownOperationError(name: string, language: Language): ApiError {
  // The name comes from the renderer: keep it short and printable in the message.
  const operation = name.replace(/[^\w.-]/g, '?').slice(0, 80);
  return {
    code: 'ui.error.unknownOperation',
    message: translate(language, 'ui.error.unknownOperation', { operation }),
  };
}

export function unexpectedError(operation: string, at: Date, language: Language): ApiError {
  const time = at.toLocaleTimeString(language === 'fr' ? 'fr-CA' : 'en-CA', { hour12: false });
  return {
    code: 'ui.error.unexpected',
    message: translate(language, 'ui.error.unexpected', { operation, time }),
  };
}

/** A body that is not JSON: refused like any input the screen should never send. */
export function unreadableInputError(language: Language): ApiError {
  return inputRefused(language, translate(language, 'ui.problem.wrongType'));
}

/** A body over the host's limit, refused before it is read. */
export function inputTooLargeError(language: Language): ApiError {
  return inputRefused(language, translate(language, 'ui.problem.tooBig'));
}

function inputRefused(language: Language, problem: string): ApiError {
  return {
    code: 'ui.error.invalidInput',
    message: translate(language, 'ui.error.invalidInput', { field: 'input', problem }),
    field: 'input',
  };
}
