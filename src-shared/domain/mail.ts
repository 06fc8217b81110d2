// Mail accounts and pacing: what a structure sends with, and how fast.

export const MAIL_ACCOUNT_KINDS = [
  'sandbox',
  'smtp',
  // The other methods (sending-methods.ts): OAuth2 APIs and SMTP, the user's mail client.
  'graph',
  'gmail-api',
  'smtp-oauth',
  'outlook',
  'thunderbird',
  'eml-draft',
] as const;
export type MailAccountKind = (typeof MAIL_ACCOUNT_KINDS)[number];

export const SMTP_SECURITIES = ['none', 'starttls', 'tls'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITIES)[number];

export interface Pacing {
  /** Wait between two messages. */
  delayMs: number;
  /** After this many messages, a longer pause (0: never). */
  pauseEvery: number;
  pauseMs: number;
  /** Stop a run after this many messages (null: no limit). */
  maxPerRun: number | null;
  /** Never send more than this many in a calendar day (null: no limit). */
  maxPerDay: number | null;
  /** Attempts before a temporary failure becomes "failed". */
  maxAttempts: number;
  /** First retry delay; doubled at each attempt. */
  retryBaseMs: number;
}

export const DEFAULT_PACING: Pacing = {
  delayMs: 2000,
  pauseEvery: 10,
  pauseMs: 10_000,
  maxPerRun: null,
  maxPerDay: null,
  maxAttempts: 5,
  retryBaseMs: 60_000,
};

export const MAIL_PRESETS = ['microsoft365', 'gmail', 'relay'] as const;

/** How many "send as" addresses one account may list. */
export const SEND_AS_MAX = 50;
export type MailPreset = (typeof MAIL_PRESETS)[number];

export interface MailAccount {
  id: number;
  structureId: number;
  kind: MailAccountKind;
  preset: MailPreset | null;
  host: string | null;
  port: number | null;
  security: SmtpSecurity;
  username: string | null;
  /** Whether a password is kept in the credential store (never the password itself). */
  hasPassword: boolean;
  fromName: string | null;
  fromAddress: string | null;
  replyTo: string | null;
  /** Addresses (lower-cased) the provider lets this account put in the From header. */
  sendAs: string[];
  archiveBcc: string | null;
  ccSender: boolean;
  readReceipt: boolean;
  pacing: Pacing;
  /** The provider's limit for one whole message, attachments included. */
  maxMessageBytes: number;
  version: number;
}

export type MailAccountInput = Partial<
  Omit<MailAccount, 'id' | 'structureId' | 'hasPassword' | 'version' | 'pacing'>
> & {
  pacing?: Partial<Pacing>;
  /** Set or replace the password (kept in the credential store). */
  password?: string;
};
