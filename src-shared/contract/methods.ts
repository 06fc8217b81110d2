// Contract entries for the sending methods (Paramètres > Compte de messagerie): each method's
// own settings, connecting a Microsoft 365 or Google account in the browser, the connection
// test, and reading the account's mailbox for bounces of our messages (Messages revenus).
// Nothing secret ever comes back: no token, no password, not even the tokens' key.
import { z } from 'zod';
import { MAIL_ACCOUNT_KINDS, SMTP_SECURITIES } from '../domain/mail.js';
import {
  OAUTH_PROVIDER_IDS,
  OUTLOOK_MODES,
  type MethodSettings,
  type OAuthConnectionState,
} from '../domain/sending-methods.js';
import { defineOperation } from './operation.js';
import { id, optionalText, text } from './primitives.js';
import { outboxMessageSchema } from './outbox.js';

const provider = z.enum(OAUTH_PROVIDER_IDS);
const security = z.enum(SMTP_SECURITIES);

/** The settings as the screen sees them: everything but the key of the tokens. */
export const methodSettingsSchema = z.object({
  provider: provider.nullable(),
  clientId: z.string().nullable(),
  tenant: z.string().nullable(),
  authority: z.string().nullable(),
  outlookMode: z.enum(OUTLOOK_MODES),
  thunderbirdPath: z.string().nullable(),
  imap: z.object({
    host: z.string().nullable(),
    port: z.int().nullable(),
    security,
    username: z.string().nullable(),
  }),
  sentCopy: z.boolean(),
  sentFolder: z.string().nullable(),
  bounces: z.boolean(),
  bounceFolder: z.string().nullable(),
}) satisfies z.ZodType<Omit<MethodSettings, 'tokenRef'>>;

export const methodStatusSchema = z.object({
  kind: z.enum(MAIL_ACCOUNT_KINDS),
  /** False for a method that opens a window per message: not for a large batch. */
  canPace: z.boolean(),
  settings: methodSettingsSchema,
  /** OAuth methods only: whether this workstation holds a usable authorization. */
  connection: z
    .enum(['connected', 'not_connected', 'reconnect'])
    .nullable() satisfies z.ZodType<OAuthConnectionState | null>,
  connectedAs: z.string().nullable(),
  /** The provider in use: chosen, or implied by the method or the account's preset. */
  provider: provider.nullable(),
});

/** Only what is named changes; '' or null clears a text. */
const methodSettingsInput = z.strictObject({
  provider: provider.nullable().optional(),
  clientId: optionalText(200),
  tenant: optionalText(100),
  authority: optionalText(300),
  outlookMode: z.enum(OUTLOOK_MODES).optional(),
  thunderbirdPath: optionalText(1000),
  sentCopy: z.boolean().optional(),
  sentFolder: optionalText(200),
  bounces: z.boolean().optional(),
  bounceFolder: optionalText(200),
  imap: z
    .strictObject({
      host: optionalText(253),
      port: z.int().min(1).max(65_535).nullable().optional(),
      security: security.optional(),
      username: optionalText(254),
    })
    .optional(),
});

export const connectionTestSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  reply: z.string().nullable(),
});

/** One of our messages that came back, and the message as it is now (to fix its address). */
export const bounceSchema = z.object({
  messageId: id,
  address: z.string(),
  /** The enhanced status code (5.1.1), or '' when the report gave none. */
  status: z.string(),
  reason: z.string(),
  diagnostic: z.string().nullable(),
  /** failed: marked failed by this check; already_failed: known before; not_sent: not sent. */
  change: z.enum(['failed', 'already_failed', 'not_sent']),
  message: outboxMessageSchema,
});

export const bounceCheckSchema = z.object({
  /** What was read, in one sentence; then where our bounces went, when they moved. */
  summary: z.string(),
  moved: z.string().nullable(),
  examined: z.int(),
  bounces: z.int(),
  unknown: z.int(),
  ours: z.array(bounceSchema),
});

const structureInput = z.strictObject({ structureId: id });

export const methodsOperations = [
  defineOperation('methods.status', structureInput, methodStatusSchema),
  defineOperation(
    'methods.saveSettings',
    z.strictObject({ structureId: id, settings: methodSettingsInput }),
    methodStatusSchema,
  ),
  /**
   * Signs the account in, in the browser: answers once the user has finished (or cancelled,
   * or the time ran out). The consent page's address comes first as the event
   * methods.authorizationUrl, for the page to show it.
   */
  defineOperation(
    'methods.connect',
    z.strictObject({
      structureId: id,
      /** Google "Desktop app" clients only; kept in this workstation's credential store. */
      clientSecret: text(500).optional(),
    }),
    methodStatusSchema,
  ),
  /** Stops waiting for the browser: methods.connect answers that the connection was cancelled. */
  defineOperation('methods.cancelConnect', structureInput, z.object({ cancelled: z.boolean() })),
  /** Forgets this workstation's authorization for the account. */
  defineOperation('methods.disconnect', structureInput, methodStatusSchema),
  defineOperation('methods.test', structureInput, connectionTestSchema),
  defineOperation('bounces.check', structureInput, bounceCheckSchema),
] as const;
