// One kind of mail account, defined once: how it opens its transport and tests its connection,
// whether it can pace a batch and signs in with OAuth2, and where its mailbox is read (the Sent
// copy, bounces). The registry (mail-methods.ts) holds one per kind; nothing else switches on
// the kind of an account.
import type { MailAccountKind } from '../../src-shared/domain/mail.js';
import {
  ACCOUNT_KIND_TRAITS,
  type AccountKindTraits,
  type MethodSettings,
} from '../../src-shared/domain/sending-methods.js';
import type { BounceMailbox } from '../mail/bounce-mailbox.js';
import type { ConnectionTestResult } from '../mail/connection-test.js';
import type { ImapAccess } from '../mail/imap-client.js';
import type { MailTransport } from '../mail/transport.js';
import type { MethodContext } from './method-context.js';

export interface MailMethod extends AccountKindTraits {
  readonly kind: MailAccountKind;
  /** Plain SMTP: a server, its port and the sender must be set. */
  readonly needsServer: boolean;
  /** Writes each message as an .eml file and sends nothing: nothing to test or to warn of. */
  readonly sendsNothing: boolean;
  /** Throws a SendFailure when the account cannot send (a password missing, not connected). */
  readonly openTransport: (ctx: MethodContext) => Promise<MailTransport>;
  /** Tries the sending side; the mailbox, when the settings use it, is tried by the caller. */
  readonly testConnection: (ctx: MethodContext) => Promise<ConnectionTestResult>;
  /** The account's own mailbox over IMAP (the Sent copy, bounces); null: not reached so. */
  readonly imap: ((ctx: MethodContext) => Promise<ImapAccess>) | null;
  /** Where the account's bounces are read; null: this kind has no mailbox Postier reads. */
  readonly bounceMailbox: ((ctx: MethodContext) => Promise<BounceMailbox>) | null;
}

type OwnParts = Omit<
  MailMethod,
  'kind' | keyof AccountKindTraits | 'needsServer' | 'sendsNothing'
> &
  Partial<Pick<MailMethod, 'needsServer' | 'sendsNothing'>>;

/** A kind's definition: its shared traits (src-shared), then what only the main side does. */
export function defineMethod(kind: MailAccountKind, parts: OwnParts): MailMethod {
  return { kind, ...ACCOUNT_KIND_TRAITS[kind], needsServer: false, sendsNothing: false, ...parts };
}

/** Whether the settings use the account's mailbox: bounces, or the Sent copy over IMAP. */
export function usesMailbox(method: MailMethod, settings: MethodSettings): boolean {
  return settings.bounces || (settings.sentCopy && method.imap !== null);
}
