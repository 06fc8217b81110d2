// The loopback redirect of RFC 8252: a one-shot HTTP listener on 127.0.0.1, random port, that
// the browser comes back to after the consent. Only the answer carrying our `state` ends the
// wait (anything else gets a 400 and is ignored); no answer within the time limit ends it with
// a clear error, and the port is closed either way.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserError } from '../../src-shared/errors.js';
import { translate, type Language } from '../../src-shared/i18n/catalog.js';

export const CALLBACK_PATH = '/';
export const DEFAULT_CONSENT_TIMEOUT_MS = 5 * 60_000;

export interface LoopbackRedirect {
  /** What the provider redirects to: http://<host>:<port>/ */
  redirectUri: string;
  /** The full URL the browser came back with (code, state, iss, or error). */
  callback: Promise<URL>;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  expectedState: string;
  /** The name in the redirect URI: "localhost" or "127.0.0.1"; the listener binds 127.0.0.1. */
  host: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Language of the page the browser shows at the end. */
  language?: Language;
}

export async function openLoopbackRedirect(options: LoopbackOptions): Promise<LoopbackRedirect> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const redirectUri = `http://${options.host}:${port}${CALLBACK_PATH}`;
  const language = options.language ?? 'fr';
  let timer: NodeJS.Timeout | undefined;
  const close = () =>
    new Promise<void>((resolve) => {
      clearTimeout(timer);
      server.closeAllConnections();
      server.close(() => resolve());
    });

  const callback = new Promise<URL>((resolve, reject) => {
    const fail = (error: Error) => void close().then(() => reject(error));
    timer = setTimeout(
      () => fail(new UserError('methods.oauth.timeout', { minutes: minutes(options.timeoutMs) })),
      options.timeoutMs ?? DEFAULT_CONSENT_TIMEOUT_MS,
    );
    options.signal?.addEventListener(
      'abort',
      () => fail(new UserError('methods.oauth.cancelled')),
      {
        once: true,
      },
    );
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      const url = new URL(req.url ?? '/', redirectUri);
      const ours =
        req.method === 'GET' &&
        url.pathname === CALLBACK_PATH &&
        url.searchParams.get('state') === options.expectedState;
      if (ours) res.once('finish', () => void close().then(() => resolve(url)));
      const text = ours
        ? finishedText(url, language)
        : translate(language, 'methods.oauth.pageUnknown');
      page(res, ours ? 200 : 400, text);
    });
  });
  // The caller may stop waiting before any answer: never an unhandled rejection.
  callback.catch(() => undefined);
  return { redirectUri, callback, close };
}

function finishedText(url: URL, language: Language): string {
  return url.searchParams.has('error')
    ? translate(language, 'methods.oauth.pageRefused')
    : translate(language, 'methods.oauth.pageDone');
}

function page(res: http.ServerResponse, status: number, text: string): void {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // The page shows a sentence, nothing else: no script, no outside resource.
    'content-security-policy': "default-src 'none'",
    connection: 'close',
  });
  res.end(`<!doctype html><meta charset="utf-8"><title>Postier</title><p>${escaped}</p>`);
}

function minutes(timeoutMs: number | undefined): number {
  return Math.max(1, Math.round((timeoutMs ?? DEFAULT_CONSENT_TIMEOUT_MS) / 60_000));
}
