/**
 * A local stand-in for the Gmail API on 127.0.0.1, checking each request against the published
 * shapes (users.messages.send with a base64url `raw` RFC 2822 message, or a media upload of
 * message/rfc822) and answering as Google does.
 *
 *   const gmail = await startFakeGmailApi({ verifyToken: async (t) => ['…/gmail.send'] });
 *   // transports use gmail.baseUrl (http://127.0.0.1:port)
 *   gmail.sent               // raw MIME of each message sent, and how it came (json | media)
 *   gmail.problems           // every shape violation seen (each also answered 400)
 *   gmail.failNext({ status: 429, reason: 'rateLimitExceeded', message: '…', headers: {...} });
 *   gmail.addToInbox(mime)   // messages labelled INBOX, for the bounce reader
 *
 * Routes: POST /gmail/v1/users/me/messages/send; POST
 * /upload/gmail/v1/users/me/messages/send?uploadType=media; GET /gmail/v1/users/me/messages
 * (labelIds, q, pageToken); GET /gmail/v1/users/me/messages/{id}?format=raw; GET/POST
 * /gmail/v1/users/me/labels; POST /gmail/v1/users/me/messages/{id}/modify.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GmailSent {
  raw: Buffer;
  via: 'json' | 'media';
}

export interface GmailScripted {
  status: number;
  reason?: string;
  message?: string;
  headers?: Record<string, string>;
}

export interface GmailStored {
  id: string;
  raw: Buffer;
  labelIds: string[];
}

export interface FakeGmailApi {
  baseUrl: string;
  sent: GmailSent[];
  problems: string[];
  messages: GmailStored[];
  labels: { id: string; name: string }[];
  requests: { method: string; path: string }[];
  failNext(...answers: GmailScripted[]): void;
  addToInbox(mime: Buffer | string, labelIds?: string[]): GmailStored;
  close(): Promise<void>;
}

export interface FakeGmailOptions {
  verifyToken?: (token: string) => Promise<string[] | null>;
}

const JSON_SEND_LIMIT = 5 * 1024 * 1024;
const UPLOAD_LIMIT = 35 * 1024 * 1024;
const SEND_SCOPES = ['gmail.send', 'gmail.compose', 'gmail.modify', 'https://mail.google.com/'];

class ShapeError extends Error {}

export async function startFakeGmailApi(options: FakeGmailOptions = {}): Promise<FakeGmailApi> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const scripted: GmailScripted[] = [];
  const api: FakeGmailApi = {
    baseUrl: origin,
    sent: [],
    problems: [],
    messages: [],
    labels: ['INBOX', 'SENT', 'UNREAD'].map((id) => ({ id, name: id })),
    requests: [],
    failNext: (...answers) => void scripted.push(...answers),
    addToInbox(mime, labelIds = ['INBOX', 'UNREAD']) {
      const stored = {
        id: randomUUID().replace(/-/g, '').slice(0, 16),
        raw: Buffer.from(mime),
        labelIds,
      };
      api.messages.push(stored);
      return stored;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', origin);
      api.requests.push({ method: req.method ?? '', path: url.pathname });
      const scopes = await authorize(req, options);
      if (scopes === null)
        return googleError(res, 401, 'authError', 'Invalid Credentials', 'UNAUTHENTICATED');
      const next = scripted.shift();
      if (next)
        return googleError(
          res,
          next.status,
          next.reason ?? 'backendError',
          next.message ?? 'Scripted error',
          '',
          next.headers,
        );
      try {
        route(req, url, body, scopes, res, api);
      } catch (error) {
        if (!(error instanceof ShapeError)) throw error;
        api.problems.push(`${req.method} ${url.pathname}: ${error.message}`);
        googleError(res, 400, 'invalidArgument', error.message, 'INVALID_ARGUMENT');
      }
    })().catch((error: unknown) => {
      api.problems.push(`server error: ${String(error)}`);
      googleError(res, 500, 'backendError', String(error), 'INTERNAL');
    });
  });
  return api;
}

function route(
  req: http.IncomingMessage,
  url: URL,
  body: Buffer,
  scopes: string[],
  res: http.ServerResponse,
  api: FakeGmailApi,
): void {
  const path = url.pathname;
  const method = req.method ?? '';
  let m: RegExpExecArray | null;
  if (method === 'POST' && path === '/gmail/v1/users/me/messages/send') {
    if (!hasScope(scopes, SEND_SCOPES)) return insufficient(res);
    if (!/^application\/json/.test(req.headers['content-type'] ?? ''))
      throw new ShapeError('Content-Type must be application/json');
    if (body.length > JSON_SEND_LIMIT)
      throw new ShapeError(`JSON send of ${body.length} bytes: use the media upload`);
    const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    for (const key of Object.keys(json))
      if (!['raw', 'threadId'].includes(key)) throw new ShapeError(`Unknown name "${key}"`);
    if (typeof json.raw !== 'string' || !/^[A-Za-z0-9_-]+={0,2}$/.test(json.raw)) {
      throw new ShapeError("'raw' RFC822 payload message string must be base64url encoded");
    }
    return accept(res, api, Buffer.from(json.raw, 'base64url'), 'json');
  }
  if (method === 'POST' && path === '/upload/gmail/v1/users/me/messages/send') {
    if (!hasScope(scopes, SEND_SCOPES)) return insufficient(res);
    if (url.searchParams.get('uploadType') !== 'media')
      throw new ShapeError('uploadType must be media');
    if (req.headers['content-type'] !== 'message/rfc822')
      throw new ShapeError('Media type must be message/rfc822');
    if (body.length > UPLOAD_LIMIT)
      return googleError(res, 413, 'uploadTooLarge', 'Request Entity Too Large', '');
    return accept(res, api, body, 'media');
  }
  if (method === 'GET' && path === '/gmail/v1/users/me/messages') {
    const label = url.searchParams.get('labelIds');
    const listed = api.messages.filter((s) => !label || s.labelIds.includes(label));
    const start = Number(url.searchParams.get('pageToken') ?? '0');
    const size = Number(url.searchParams.get('maxResults') ?? '100');
    const page = listed.slice(start, start + size);
    return json(res, 200, {
      messages: page.map((s) => ({ id: s.id, threadId: s.id })),
      ...(start + size < listed.length && { nextPageToken: String(start + size) }),
      resultSizeEstimate: listed.length,
    });
  }
  if ((m = /^\/gmail\/v1\/users\/me\/messages\/([^/]+)$/.exec(path)) && method === 'GET') {
    const stored = api.messages.find((s) => s.id === m![1]);
    if (!stored)
      return googleError(res, 404, 'notFound', 'Requested entity was not found.', 'NOT_FOUND');
    if (url.searchParams.get('format') !== 'raw')
      throw new ShapeError('this fake serves format=raw only');
    return json(res, 200, {
      id: stored.id,
      threadId: stored.id,
      labelIds: stored.labelIds,
      raw: stored.raw.toString('base64url'),
    });
  }
  if (path === '/gmail/v1/users/me/labels') {
    if (method === 'GET')
      return json(res, 200, { labels: api.labels.map((l) => ({ ...l, type: 'user' })) });
    const label = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    for (const key of Object.keys(label)) {
      if (!['name', 'labelListVisibility', 'messageListVisibility'].includes(key))
        throw new ShapeError(`Unknown name "${key}"`);
    }
    const created = { id: `Label_${api.labels.length}`, name: String(label.name) };
    api.labels.push(created);
    return json(res, 200, created);
  }
  if ((m = /^\/gmail\/v1\/users\/me\/messages\/([^/]+)\/modify$/.exec(path)) && method === 'POST') {
    const stored = api.messages.find((s) => s.id === m![1]);
    if (!stored)
      return googleError(res, 404, 'notFound', 'Requested entity was not found.', 'NOT_FOUND');
    const change = JSON.parse(body.toString('utf8')) as {
      addLabelIds?: string[];
      removeLabelIds?: string[];
    };
    for (const key of Object.keys(change)) {
      if (!['addLabelIds', 'removeLabelIds'].includes(key))
        throw new ShapeError(`Unknown name "${key}"`);
    }
    stored.labelIds = [
      ...stored.labelIds.filter((l) => !change.removeLabelIds?.includes(l)),
      ...(change.addLabelIds ?? []),
    ];
    return json(res, 200, { id: stored.id, labelIds: stored.labelIds });
  }
  googleError(res, 404, 'notFound', `Unsupported: ${method} ${path}`, 'NOT_FOUND');
}

/** The checks Gmail makes on the message itself: headers it needs, CRLF lines. */
function accept(
  res: http.ServerResponse,
  api: FakeGmailApi,
  raw: Buffer,
  via: GmailSent['via'],
): void {
  const text = raw.toString('latin1');
  const head = text.split('\r\n\r\n')[0] ?? '';
  if (/[^\r]\n/.test(head)) throw new ShapeError('header lines must end with CRLF');
  if (!/^(to|cc|bcc):/im.test(head)) throw new ShapeError('Recipient address required');
  if (!/^from:/im.test(head)) throw new ShapeError('From header required');
  if ([...head].some((c) => c.charCodeAt(0) > 0x7f)) {
    throw new ShapeError('8-bit characters in headers: encode them (RFC 2047)');
  }
  api.sent.push({ raw, via });
  const id = randomUUID().replace(/-/g, '').slice(0, 16);
  json(res, 200, { id, threadId: id, labelIds: ['SENT'] });
}

function hasScope(scopes: string[], wanted: string[]): boolean {
  return scopes.some((s) => wanted.some((w) => s === w || s.endsWith(`/auth/${w}`)));
}

function insufficient(res: http.ServerResponse): void {
  googleError(
    res,
    403,
    'insufficientPermissions',
    'Request had insufficient authentication scopes.',
    'PERMISSION_DENIED',
  );
}

async function authorize(
  req: http.IncomingMessage,
  options: FakeGmailOptions,
): Promise<string[] | null> {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!token) return null;
  return options.verifyToken
    ? options.verifyToken(token)
    : [
        'https://www.googleapis.com/auth/gmail.send',
        'https://www.googleapis.com/auth/gmail.modify',
      ];
}

function googleError(
  res: http.ServerResponse,
  code: number,
  reason: string,
  message: string,
  status: string,
  headers: Record<string, string> = {},
): void {
  json(
    res,
    code,
    {
      error: {
        code,
        message,
        errors: [{ message, domain: 'global', reason }],
        ...(status && { status }),
      },
    },
    headers,
  );
}

function json(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
