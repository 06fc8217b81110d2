// The settings of the sending methods, one JSON value per mail account in the shared settings
// table (every workstation sees the same). Nothing secret: tokens and passwords stay in each
// workstation's credential store, the settings keep only the reference.
import net from 'node:net';
import {
  SMTP_SECURITIES,
  type MailAccount,
  type MailPreset,
} from '../../src-shared/domain/mail.js';
import {
  ACCOUNT_KIND_TRAITS,
  DEFAULT_METHOD_SETTINGS,
  OAUTH_PROVIDER_IDS,
  OUTLOOK_MODES,
  type ImapSettings,
  type MethodSettings,
  type MethodSettingsInput,
  type OAuthProviderName,
} from '../../src-shared/domain/sending-methods.js';
import { UserError } from '../../src-shared/errors.js';
import type { Db } from '../db/connection.js';
import { readSetting, writeSetting } from '../db/settings-queries.js';
import { hasControlCharacters } from '../../src-shared/validation/single-line.js';

const settingKey = (accountId: number) => `sendingMethod.${accountId}`;

export async function readMethodSettings(db: Db, accountId: number): Promise<MethodSettings> {
  const stored = await readSetting<Partial<MethodSettings>>(db, settingKey(accountId), {});
  return {
    ...DEFAULT_METHOD_SETTINGS,
    ...stored,
    imap: { ...DEFAULT_METHOD_SETTINGS.imap, ...stored.imap },
  };
}

export async function writeMethodSettings(
  db: Db,
  accountId: number,
  settings: MethodSettings,
): Promise<void> {
  await writeSetting(db, settingKey(accountId), settings);
}

/** current < what the input names; then every field checked. */
export function mergeMethodSettings(
  current: MethodSettings,
  input: MethodSettingsInput,
): MethodSettings {
  const { imap, ...fields } = input;
  const defined = <T extends object>(value: T) =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
  return validate({
    ...current,
    ...defined(fields),
    imap: { ...current.imap, ...defined(imap ?? {}) },
  });
}

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const TENANT = /^[A-Za-z0-9][A-Za-z0-9.-]{0,99}$/;

function validate(s: MethodSettings): MethodSettings {
  if (s.provider !== null && !(OAUTH_PROVIDER_IDS as readonly string[]).includes(s.provider)) {
    throw new UserError('methods.error.provider', { value: s.provider });
  }
  if (!(OUTLOOK_MODES as readonly string[]).includes(s.outlookMode)) {
    throw new UserError('methods.error.outlookMode', { value: s.outlookMode });
  }
  const tenant = text('tenant', s.tenant, 100);
  if (tenant !== null && !TENANT.test(tenant))
    throw new UserError('methods.error.tenant', { value: tenant });
  return {
    ...s,
    clientId: text('clientId', s.clientId, 200),
    tenant,
    authority: authority(s.authority),
    thunderbirdPath: text('thunderbirdPath', s.thunderbirdPath, 1000),
    sentFolder: text('sentFolder', s.sentFolder, 200),
    bounceFolder: text('bounceFolder', s.bounceFolder, 200),
    imap: validateImap(s.imap),
  };
}

function validateImap(imap: ImapSettings): ImapSettings {
  if (!(SMTP_SECURITIES as readonly string[]).includes(imap.security)) {
    throw new UserError('methods.error.imapSecurity', { value: imap.security });
  }
  const host = text('imapHost', imap.host, 253)?.toLowerCase() ?? null;
  if (host !== null && !HOST_NAME.test(host) && net.isIP(host) === 0) {
    throw new UserError('methods.error.imapHost', { value: host });
  }
  if (
    imap.port !== null &&
    !(Number.isInteger(imap.port) && imap.port >= 1 && imap.port <= 65535)
  ) {
    throw new UserError('methods.error.imapPort', { value: String(imap.port) });
  }
  return { ...imap, host, username: text('imapUser', imap.username, 254) };
}

function authority(value: string | null): string | null {
  const trimmed = text('authority', value, 300);
  if (trimmed === null) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new UserError('methods.error.authority', { value: trimmed });
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) {
    throw new UserError('methods.error.authority', { value: trimmed });
  }
  return trimmed.replace(/\/+$/, '');
}

function text(field: string, value: string | null, max: number): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return null;
  if (hasControlCharacters(trimmed) || trimmed.length > max)
    throw new UserError('methods.error.text', { field, max });
  return trimmed;
}

/** The OAuth provider an account uses: set, implied by the method, or by the preset. */
export function providerOf(
  account: Pick<MailAccount, 'kind' | 'preset'>,
  settings: MethodSettings,
): OAuthProviderName | null {
  const implied = ACCOUNT_KIND_TRAITS[account.kind].provider;
  if (implied) return implied;
  const byPreset: Partial<Record<MailPreset, OAuthProviderName>> = {
    microsoft365: 'microsoft',
    gmail: 'google',
  };
  return settings.provider ?? (account.preset ? (byPreset[account.preset] ?? null) : null);
}

/** Where SMTP with OAuth goes when the account names no server. */
export const OAUTH_SMTP_SERVERS: Record<
  OAuthProviderName,
  { host: string; port: number; security: 'starttls' | 'tls' }
> = {
  microsoft: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
  google: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
};

/** The providers' IMAP servers, for a mailbox the settings do not name. */
export const PROVIDER_IMAP_SERVERS: Record<OAuthProviderName, { host: string; port: number }> = {
  microsoft: { host: 'outlook.office365.com', port: 993 },
  google: { host: 'imap.gmail.com', port: 993 },
};
