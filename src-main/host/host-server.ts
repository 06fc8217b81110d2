// The headless host: the same contract as the Electron shell, over HTTP (one POST per
// operation) and a WebSocket (events), plus the built renderer, on 127.0.0.1 only. Every
// request needs this run's random token: the page gets it from its start-up URL (then a
// cookie for files, a header for calls); the WebSocket sends it as its first message.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Result } from '../../src-shared/contract/index.js';
import { LANGUAGES } from '../../src-shared/contract/app.js';
import { translate, type Language } from '../../src-shared/i18n/catalog.js';
import type { MainSide } from '../ipc/create-router.js';
import {
  inputTooLargeError,
  unexpectedError,
  unknownOperationError,
  unreadableInputError,
} from '../ipc/error-mapping.js';
import {
  guardExchange,
  guardServer,
  guardUpgradeSocket,
  guardWebSocket,
} from './connection-guards.js';
import {
  announcesMoreThan,
  BodyTooLargeError,
  ClientGoneError,
  discardRest,
  headerValue,
  parseTarget,
  readBody,
  readCookie,
  sendJson,
  sendStatus,
  sendText,
} from './http-exchange.js';
import {
  contentSecurityPolicy,
  contentTypeOf,
  rendererFileFor,
  withTokenMeta,
} from './renderer-files.js';

export const TOKEN_HEADER = 'x-postier-token';
export const LANGUAGE_HEADER = 'x-postier-language';
export const TOKEN_COOKIE = 'postier_token';
export const EVENTS_PATH = '/events';
/** Uploads are at most 25 MB, a third more in base64, plus the JSON around them. */
const MAX_BODY_BYTES = 36 * 1024 * 1024;
/** Of a refused body, what is still read and thrown away so that its 413 gets through. */
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024;
const WS_HELLO_TIMEOUT_MS = 5_000;
const MAX_UNREAD_EVENT_BYTES = 8 * 1024 * 1024;

export interface HostOptions {
  mainSide: MainSide;
  rendererFolder: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Fixed only in tests; otherwise 32 random bytes per run. */
  token?: string;
  /** The language of a request that does not say (the workstation's preference). */
  defaultLanguage: () => Language;
}

export interface RunningHost {
  /** http://127.0.0.1:PORT/?token=…: what the user opens. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const checkToken = constantTimeChecker(token);
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const origins = () => allowedHosts().map((h) => `http://${h}`);

  const log = (line: string) => process.stderr.write(`${line}\n`);
  const server = http.createServer((request, response) => {
    guardExchange(request, response);
    handleRequest(request, response).catch((error: unknown) => {
      // A client that left has nobody to answer and is no fault of the host.
      if (error instanceof ClientGoneError) {
        response.destroy();
        return;
      }
      log(`[postier host] ${error instanceof Error ? error.stack : String(error)}`);
      if (response.headersSent) response.destroy();
      else
        sendJson(response, 500, {
          ok: false,
          error: unexpectedError('host', new Date(), options.defaultLanguage()),
        });
    });
  });
  guardServer(server, log);

  async function handleRequest(
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Promise<void> {
    // A page on another site resolving its name to 127.0.0.1 (DNS rebinding) sends its own Host.
    if (!allowedHosts().includes(request.headers.host ?? '')) {
      sendStatus(response, 421);
      return;
    }
    const target = parseTarget(request.url);
    if (target === null) {
      refuseUnreadableTarget(request, response);
      return;
    }
    if (target.path.startsWith('/api/')) {
      await handleApi(request, response, target.path.slice('/api/'.length));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendStatus(response, 405, { allow: 'GET, HEAD' });
      return;
    }
    const fromQuery = target.query.get('token');
    if (fromQuery !== null && checkToken(fromQuery)) {
      // Keep the token out of the address bar and history: a cookie carries it from now on.
      response.writeHead(303, {
        location: target.rawPath,
        'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
      });
      response.end();
      return;
    }
    if (!checkToken(readCookie(request, TOKEN_COOKIE) ?? '')) {
      sendText(response, 401, translate(options.defaultLanguage(), 'ui.error.sessionExpired'));
      return;
    }
    serveRendererFile(response, target.rawPath, request.method === 'HEAD');
  }

  async function handleApi(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    name: string,
  ): Promise<void> {
    const language = requestLanguage(request);
    // The header (not the cookie) carries the token: another site cannot add a header
    // without a CORS preflight, which this server never grants.
    if (!checkToken(headerValue(request, TOKEN_HEADER))) {
      sendJson(response, 401, failure('ui.error.sessionExpired', language));
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !origins().includes(origin)) {
      sendStatus(response, 403);
      return;
    }
    if (
      request.method !== 'POST' ||
      !(request.headers['content-type'] ?? '').startsWith('application/json')
    ) {
      sendStatus(response, 405, { allow: 'POST' });
      return;
    }
    const body = await readApiBody(request, response, language);
    if (body === null) return;
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(response, 400, { ok: false, error: unreadableInputError(language) });
      return;
    }
    const result = await options.mainSide.router.dispatch(name, input, { language });
    sendJson(response, 200, result);
  }

  /** The body, or null once a body over the limit was answered 413 (without reading it all). */
  async function readApiBody(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    language: Language,
  ): Promise<Buffer | null> {
    const tooLarge = () => {
      // Answered at once; a body that could end within what we discard is read to its end so
      // that the client, still sending, gets the answer. One announced longer is cut short.
      if (!announcesMoreThan(request, MAX_BODY_BYTES + MAX_DISCARDED_BYTES))
        discardRest(request, MAX_DISCARDED_BYTES);
      sendJson(response, 413, { ok: false, error: inputTooLargeError(language) });
    };
    if (announcesMoreThan(request, MAX_BODY_BYTES)) {
      tooLarge();
      return null;
    }
    try {
      return await readBody(request, MAX_BODY_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      tooLarge();
      return null;
    }
  }

  /** A broken percent-encoding or target: 400, in the calls' JSON form for an operation. */
  function refuseUnreadableTarget(
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): void {
    const target = request.url ?? '';
    if (!target.startsWith('/api/')) {
      sendText(response, 400, 'Bad request');
      return;
    }
    const error = unknownOperationError(target.slice('/api/'.length), requestLanguage(request));
    sendJson(response, 400, { ok: false, error });
  }

  function requestLanguage(request: http.IncomingMessage): Language {
    const asked = headerValue(request, LANGUAGE_HEADER);
    return (LANGUAGES as readonly string[]).includes(asked)
      ? (asked as Language)
      : options.defaultLanguage();
  }

  function failure(code: 'ui.error.sessionExpired', language: Language): Result<never> {
    return { ok: false, error: { code, message: translate(language, code) } };
  }

  function serveRendererFile(
    response: http.ServerResponse,
    pathname: string,
    headOnly: boolean,
  ): void {
    const file = rendererFileFor(options.rendererFolder, pathname);
    if (!file) {
      sendText(response, 404, 'Not found');
      return;
    }
    const isPage = file.endsWith('.html');
    const body = isPage
      ? Buffer.from(withTokenMeta(fs.readFileSync(file, 'utf8'), token))
      : fs.readFileSync(file);
    response.writeHead(200, {
      'content-type': contentTypeOf(file),
      'content-length': body.length,
      'content-security-policy': contentSecurityPolicy(
        origins().map((o) => o.replace('http', 'ws')),
      ),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cache-control': isPage ? 'no-store' : 'private, max-age=3600',
    });
    response.end(headOnly ? undefined : body);
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const authenticated = new Set<WebSocket>();
  server.on('upgrade', (request, socket, head) => {
    guardUpgradeSocket(socket);
    const target = parseTarget(request.url);
    const origin = request.headers.origin;
    if (
      target?.rawPath !== EVENTS_PATH ||
      !allowedHosts().includes(request.headers.host ?? '') ||
      (origin !== undefined && !origins().includes(origin))
    ) {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => acceptSocket(ws));
  });

  function acceptSocket(ws: WebSocket): void {
    guardWebSocket(ws);
    const timer = setTimeout(() => ws.close(4401, 'token required'), WS_HELLO_TIMEOUT_MS);
    ws.once('message', (data) => {
      clearTimeout(timer);
      let hello: { type?: unknown; token?: unknown } = {};
      try {
        hello = JSON.parse(String(data)) as typeof hello;
      } catch {
        // an unreadable first message is a refused one
      }
      if (hello.type !== 'hello' || typeof hello.token !== 'string' || !checkToken(hello.token)) {
        ws.close(4401, 'token refused');
        return;
      }
      authenticated.add(ws);
      ws.send(JSON.stringify({ type: 'ready' }));
      ws.on('message', () => ws.close(4400, 'events only'));
    });
    ws.on('close', () => {
      clearTimeout(timer);
      authenticated.delete(ws);
    });
  }

  const unsubscribe = options.mainSide.events.subscribe((event, payload) => {
    const message = JSON.stringify({ type: 'event', event, payload });
    for (const ws of authenticated) {
      // A client that stops reading would make the host keep every event for it in memory.
      if (ws.bufferedAmount > MAX_UNREAD_EVENT_BYTES) ws.terminate();
      else ws.send(message);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? 0, host: '127.0.0.1', exclusive: true }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Compares digests, so neither the length nor the content of the token leaks by timing. */
function constantTimeChecker(token: string): (candidate: string) => boolean {
  const expected = createHash('sha256').update(token).digest();
  return (candidate) => timingSafeEqual(createHash('sha256').update(candidate).digest(), expected);
}
