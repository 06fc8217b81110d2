// The account's mailbox over IMAP (imapflow), for the Sent copy and the bounce reader: one
// connection with the account's password or its OAuth2 token (XOAUTH2), certificates always
// verified, and failures said in one sentence naming the server.
import tls from 'node:tls';
import type { ImapFlow, ListResponse } from 'imapflow';
import type { SmtpSecurity } from '../../src-shared/domain/mail.js';
import type { AccessTokenSource } from '../oauth/access-token.js';
import { MethodFailure, shortText } from '../../src-shared/domain/method-failure.js';
import { SendFailure } from './transport.js';

export interface ImapAccess {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  /** A password, or the account's OAuth2 tokens (XOAUTH2). */
  secret: { password: string } | { tokens: AccessTokenSource };
  /** Tests only: a self-signed test certificate to trust (never a switch to trust anything). */
  trustedCertificates?: string;
  timeoutMs?: number;
}

/** Names the Sent folder goes by when the server does not mark it (\Sent). */
const SENT_NAMES = [
  'Sent',
  'Sent Items',
  'Sent Messages',
  'Éléments envoyés',
  'Envoyés',
  'Messages envoyés',
];

export async function connectImap(access: ImapAccess): Promise<ImapFlow> {
  try {
    return await login(access, false);
  } catch (error) {
    // An OAuth token the server refuses: once more with a fresh one.
    if ('tokens' in access.secret && isAuthFailure(error)) {
      try {
        return await login(access, true);
      } catch (retryError) {
        throw imapFailure(retryError, access);
      }
    }
    throw imapFailure(error, access);
  }
}

async function login(access: ImapAccess, refresh: boolean): Promise<ImapFlow> {
  const secret = access.secret;
  const auth =
    'password' in secret
      ? { user: access.user, pass: secret.password }
      : {
          user: access.user,
          accessToken: await secret.tokens.accessToken({ forceRefresh: refresh }),
        };
  const timeout = access.timeoutMs ?? 20_000;
  // imapflow takes a third of a second to load: only a command that opens a mailbox pays.
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host: access.host,
    port: access.port,
    secure: access.security === 'tls',
    doSTARTTLS:
      access.security === 'starttls' ? true : access.security === 'none' ? false : undefined,
    auth,
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: 3 * timeout,
    tls: {
      minVersion: 'TLSv1.2',
      rejectUnauthorized: true,
      ...(access.trustedCertificates && {
        ca: [...tls.rootCertificates, access.trustedCertificates],
      }),
    },
  });
  // A connection error after connect() resolves must not crash the process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

function isAuthFailure(error: unknown): boolean {
  return (error as { authenticationFailed?: boolean }).authenticationFailed === true;
}

export function imapFailure(
  error: unknown,
  access: Pick<ImapAccess, 'host' | 'port' | 'user'>,
): SendFailure {
  if (error instanceof SendFailure) return error;
  const e = error as { code?: string; responseText?: string; message?: string };
  const detail = shortText(e.responseText || e.message || String(error));
  const params = { host: access.host, port: access.port, user: access.user, detail };
  if (isAuthFailure(error))
    return new MethodFailure('account', 'auth_refused', 'methods.imap.authRefused', params);
  if (/certificate|self.signed|CERT_|ERR_TLS/i.test(`${e.code ?? ''} ${e.message ?? ''}`)) {
    return new MethodFailure('account', 'certificate_untrusted', 'methods.imap.tls', params);
  }
  return new MethodFailure('account', 'network_unreachable', 'methods.imap.unreachable', params);
}

/** The Sent folder: the one named in the settings, else the one marked \Sent, else by name. */
export async function findSentFolder(client: ImapFlow, configured: string | null): Promise<string> {
  const folders = await client.list();
  if (configured) {
    if (folders.some((f) => f.path === configured)) return configured;
    throw new MethodFailure('account', 'other', 'methods.imap.sentMissing', {
      folder: configured,
      folders: names(folders),
    });
  }
  const found =
    folders.find((f) => f.specialUse === '\\Sent') ??
    SENT_NAMES.map((name) => folders.find((f) => f.name.toLowerCase() === name.toLowerCase())).find(
      Boolean,
    );
  if (found) return found.path;
  throw new MethodFailure('account', 'other', 'methods.imap.sentUnknown', {
    folders: names(folders),
  });
}

/** A folder such as "Postier/Retours", made with the server's own separator if missing. */
export async function ensureFolder(client: ImapFlow, wanted: string): Promise<string> {
  const folders = await client.list();
  const delimiter = folders.find((f) => f.delimiter)?.delimiter ?? '/';
  const path = wanted.split('/').join(delimiter);
  if (!folders.some((f) => f.path === path)) await client.mailboxCreate(path);
  return path;
}

function names(folders: ListResponse[]): string {
  return folders.map((f) => f.path).join(', ');
}
