// The registry of mail methods: one definition per kind of account. Every place that opens a
// transport, tests a connection, reads a mailbox or asks whether a method can pace goes
// through it.
import type { MailAccountKind } from '../../src-shared/domain/mail.js';
import { UserError } from '../../src-shared/errors.js';
import { emlDraftMethod, outlookMethod, thunderbirdMethod } from './mail-client-methods.js';
import type { MailMethod } from './mail-method.js';
import { gmailApiMethod, graphMethod, smtpOAuthMethod } from './oauth-methods.js';
import { sandboxMethod, smtpMethod } from './server-methods.js';

export const MAIL_METHODS: Readonly<Record<MailAccountKind, MailMethod>> = {
  sandbox: sandboxMethod,
  smtp: smtpMethod,
  graph: graphMethod,
  'gmail-api': gmailApiMethod,
  'smtp-oauth': smtpOAuthMethod,
  outlook: outlookMethod,
  thunderbird: thunderbirdMethod,
  'eml-draft': emlDraftMethod,
};

/** The definition of an account's kind; a kind this version does not know is said so. */
export function methodOf(kind: string): MailMethod {
  const method = (MAIL_METHODS as Partial<Record<string, MailMethod>>)[kind];
  if (!method) throw new UserError('methods.error.unknownKind', { value: kind });
  return method;
}
