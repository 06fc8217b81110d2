// Why an attempt failed, said in the run's language. A SendFailure's message is French (the
// journal is written in the office's language), but the run's summary — the pause reason the
// bulk-send dialog and `send run` show — must follow the window's or the CLI's language: the
// failure keeps the key of its sentence and its parameters, so it can be said again in English.
import type { ErrorParams } from '../../src-shared/errors.js';
import { MethodFailure } from '../../src-shared/domain/method-failure.js';
import { translate, type Language, type MessageKey } from '../../src-shared/i18n/catalog.js';
import type { SendFailure } from '../mail/transport.js';

/** A failure's sentence: its catalog key and parameters. */
export interface FailureSentence {
  code: MessageKey;
  params: ErrorParams;
}

/** The failure's own sentence, or null when it carries none (its French text is all there is). */
export function failureSentence(failure: SendFailure): FailureSentence | null {
  if (failure instanceof MethodFailure) return { code: failure.key, params: failure.params };
  if (Object.keys(failure.params).length === 0) return null;
  return { code: `mail.failure.${failure.reason}` as MessageKey, params: failure.params };
}

/** The sentence in `language`; the security the account uses (a parameter) said in it too. */
export function sayFailure(language: Language, { code, params }: FailureSentence): string {
  const security = params.security;
  const said =
    typeof security === 'string'
      ? { ...params, current: translate(language, `mail.security.${security}` as MessageKey) }
      : params;
  return translate(language, code, said);
}
