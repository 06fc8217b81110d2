// The sending methods beyond plain SMTP and their settings: Microsoft 365 / Google with OAuth2
// (Graph, Gmail API, SMTP XOAUTH2), the user's own Outlook or Thunderbird, an .eml draft for
// the default mail client; and, for accounts with an IMAP mailbox, the Sent copy and bounces.
import type { MailAccountKind, SmtpSecurity } from './mail.js';

/** What an OAuth2 token is for: the API it calls, which decides the scopes asked. */
export type OAuthUse = 'graph' | 'gmail-api' | 'smtp';

/**
 * What both sides must know of each kind of account: the window (which settings to show, the
 * "cannot pace" warning) and src-main/accounts, whose registry adds how each kind sends.
 */
export interface AccountKindTraits {
  /** Signed in with OAuth2, and for which API; null: a password, or nothing to sign in. */
  oauth: OAuthUse | null;
  /** The provider the kind implies (Graph is Microsoft 365); null: the settings say. */
  provider: OAuthProviderName | null;
  /**
   * False for a method that opens a window per message (or hands it to a mail client): fine
   * for one document or a small batch, unable to pace a large one. The send dialog says so.
   */
  canPace(settings: Pick<MethodSettings, 'outlookMode'>): boolean;
}

const ALWAYS = () => true;
const NEVER = () => false;
const PLAIN = { oauth: null, provider: null, canPace: ALWAYS } as const;

export const ACCOUNT_KIND_TRAITS: Record<MailAccountKind, AccountKindTraits> = {
  sandbox: PLAIN,
  smtp: PLAIN,
  graph: { oauth: 'graph', provider: 'microsoft', canPace: ALWAYS },
  'gmail-api': { oauth: 'gmail-api', provider: 'google', canPace: ALWAYS },
  'smtp-oauth': { oauth: 'smtp', provider: null, canPace: ALWAYS },
  outlook: { ...PLAIN, canPace: (settings) => settings.outlookMode === 'send' },
  thunderbird: { ...PLAIN, canPace: NEVER },
  'eml-draft': { ...PLAIN, canPace: NEVER },
};

function traitsOf(kind: string): AccountKindTraits | undefined {
  return (ACCOUNT_KIND_TRAITS as Partial<Record<string, AccountKindTraits>>)[kind];
}

/** The methods signed in with OAuth2. */
export function isOAuthKind(kind: string): boolean {
  return (traitsOf(kind)?.oauth ?? null) !== null;
}

/** Whether the kind can pace a batch in this Outlook mode (the window asks before saving). */
export function methodCanPace(kind: string, outlookMode: OutlookMode): boolean {
  return traitsOf(kind)?.canPace({ outlookMode }) ?? true;
}

/** The most messages one send may hand to a method that cannot pace (one window each). */
export const UNPACED_BATCH_LIMIT = 20;

export const OAUTH_PROVIDER_IDS = ['microsoft', 'google'] as const;
export type OAuthProviderName = (typeof OAUTH_PROVIDER_IDS)[number];

export const OUTLOOK_MODES = ['send', 'review'] as const;
/** send: Outlook sends at once; review: each message opens in Outlook for the user to send. */
export type OutlookMode = (typeof OUTLOOK_MODES)[number];

export interface ImapSettings {
  host: string | null;
  port: number | null;
  security: SmtpSecurity;
  /** Null: the account's own user name (SMTP login or OAuth mailbox). */
  username: string | null;
}

export interface MethodSettings {
  // OAuth2 (graph, gmail-api, smtp-oauth)
  provider: OAuthProviderName | null;
  /** The office's app registration: Entra "Application (client) ID" or Google client id. */
  clientId: string | null;
  /** Microsoft only: tenant id or domain; null for "organizations". */
  tenant: string | null;
  /** Overrides the provider's sign-in address (sovereign cloud; a test provider). */
  authority: string | null;
  /** Key of the tokens in the credential store (never the tokens). */
  tokenRef: string | null;
  // Mail clients
  outlookMode: OutlookMode;
  /** Thunderbird's program; null: looked for where it is usually installed. */
  thunderbirdPath: string | null;
  // Mailbox over IMAP (smtp, smtp-oauth): the Sent copy and bounces
  imap: ImapSettings;
  /** Append each message sent by SMTP to the account's Sent folder. */
  sentCopy: boolean;
  /** The Sent folder's name; null: the one the server marks \Sent. */
  sentFolder: string | null;
  /** Read the mailbox for bounces of our messages. */
  bounces: boolean;
  /** Where our processed bounces go; null: they stay where they are. */
  bounceFolder: string | null;
}

export const DEFAULT_BOUNCE_FOLDER = 'Postier/Retours';

export const DEFAULT_METHOD_SETTINGS: MethodSettings = {
  provider: null,
  clientId: null,
  tenant: null,
  authority: null,
  tokenRef: null,
  outlookMode: 'review',
  thunderbirdPath: null,
  imap: { host: null, port: null, security: 'tls', username: null },
  sentCopy: false,
  sentFolder: null,
  bounces: false,
  bounceFolder: DEFAULT_BOUNCE_FOLDER,
};

export type MethodSettingsInput = Partial<Omit<MethodSettings, 'tokenRef' | 'imap'>> & {
  imap?: Partial<ImapSettings>;
};

/** Whether an OAuth account is usable on this workstation. */
export type OAuthConnectionState = 'connected' | 'not_connected' | 'reconnect';
