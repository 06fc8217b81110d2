// The sending method's part of Paramètres > Compte de messagerie: which fields each method
// shows, the form's text fields from the saved settings, and the settings to save from them.
// Pure, so that each method's form is tested without a browser.
import type { z } from 'zod';
import type { methodSettingsSchema } from '../../src-shared/contract/methods.js';
import type { MailAccountKind, SmtpSecurity } from '../../src-shared/domain/mail.js';
import {
  isOAuthKind,
  methodCanPace,
  type OAuthProviderName,
  type OutlookMode,
} from '../../src-shared/domain/sending-methods.js';

export type MethodSettingsView = z.output<typeof methodSettingsSchema>;

/** The form as typed: texts stay texts until saved. */
export interface MethodDraft {
  provider: OAuthProviderName | '';
  clientId: string;
  tenant: string;
  authority: string;
  outlookMode: OutlookMode;
  thunderbirdPath: string;
  sentCopy: boolean;
  sentFolder: string;
  bounces: boolean;
  bounceFolder: string;
  imapHost: string;
  imapPort: string;
  imapSecurity: SmtpSecurity;
  imapUser: string;
}

export function methodDraftOf(settings: MethodSettingsView): MethodDraft {
  return {
    provider: settings.provider ?? '',
    clientId: settings.clientId ?? '',
    tenant: settings.tenant ?? '',
    authority: settings.authority ?? '',
    outlookMode: settings.outlookMode,
    thunderbirdPath: settings.thunderbirdPath ?? '',
    sentCopy: settings.sentCopy,
    sentFolder: settings.sentFolder ?? '',
    bounces: settings.bounces,
    bounceFolder: settings.bounceFolder ?? '',
    imapHost: settings.imap.host ?? '',
    imapPort: settings.imap.port === null ? '' : String(settings.imap.port),
    imapSecurity: settings.imap.security,
    imapUser: settings.imap.username ?? '',
  };
}

/** What methods.saveSettings gets: every field ('' clears a text; the main side checks all). */
export function methodSettingsInput(draft: MethodDraft) {
  const port = draft.imapPort.trim();
  return {
    provider: draft.provider || null,
    clientId: draft.clientId,
    tenant: draft.tenant,
    authority: draft.authority,
    outlookMode: draft.outlookMode,
    thunderbirdPath: draft.thunderbirdPath,
    sentCopy: draft.sentCopy,
    sentFolder: draft.sentFolder,
    bounces: draft.bounces,
    bounceFolder: draft.bounceFolder,
    imap: {
      host: draft.imapHost,
      // Digits only reach here (the field drops the rest); out of range: the main side says so.
      port: port === '' ? null : Math.min(Number(port), 65_535) || null,
      security: draft.imapSecurity,
      username: draft.imapUser,
    },
  };
}

/** The parts of the form a method shows. */
export interface MethodSections {
  /** The SMTP server, its user name and password (SMTP; SMTP with OAuth without password). */
  smtpServer: boolean;
  smtpPassword: boolean;
  /** Microsoft 365 or Google: which one (SMTP with OAuth only; implied otherwise). */
  providerChoice: boolean;
  /** The app registration and the connection on this workstation. */
  oauth: boolean;
  /** Microsoft only: the tenant. */
  tenant: boolean;
  /** Google only: a "Desktop app" client's secret, given when connecting. */
  clientSecret: boolean;
  outlook: boolean;
  thunderbird: boolean;
  /** The Sent copy over IMAP. */
  sentCopy: boolean;
  /** The bounce check (any method whose mailbox Postier can read). */
  bounces: boolean;
  /** The IMAP server: when the Sent copy or the bounces need it. */
  imap: boolean;
  /** One window per message: say it before a large batch. */
  cannotPace: boolean;
}

export function sectionsFor(
  kind: MailAccountKind,
  draft: Pick<MethodDraft, 'provider' | 'outlookMode' | 'sentCopy' | 'bounces'>,
  impliedProvider: OAuthProviderName | null,
): MethodSections {
  const smtpLike = kind === 'smtp' || kind === 'smtp-oauth';
  const provider =
    kind === 'graph'
      ? 'microsoft'
      : kind === 'gmail-api'
        ? 'google'
        : draft.provider || impliedProvider;
  return {
    smtpServer: smtpLike,
    smtpPassword: kind === 'smtp',
    providerChoice: kind === 'smtp-oauth',
    oauth: isOAuthKind(kind),
    tenant: isOAuthKind(kind) && provider === 'microsoft',
    clientSecret: isOAuthKind(kind) && provider === 'google',
    outlook: kind === 'outlook',
    thunderbird: kind === 'thunderbird',
    sentCopy: smtpLike,
    bounces: smtpLike || kind === 'graph' || kind === 'gmail-api',
    imap: smtpLike && (draft.sentCopy || draft.bounces),
    cannotPace: !methodCanPace(kind, draft.outlookMode),
  };
}
