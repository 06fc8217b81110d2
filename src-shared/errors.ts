// Errors meant for the user: a code and its parameters, rendered by the i18n catalogs.
import type { MessageKey } from './i18n/catalog.js';

export type ErrorParams = Record<string, string | number>;

export class UserError extends Error {
  readonly code: MessageKey;
  readonly params: ErrorParams;

  constructor(code: MessageKey, params: ErrorParams = {}, englishMessage?: string) {
    super(englishMessage ?? code);
    this.name = 'UserError';
    this.code = code;
    this.params = params;
  }
}

export function isUserError(value: unknown): value is UserError {
  return value instanceof UserError;
}
