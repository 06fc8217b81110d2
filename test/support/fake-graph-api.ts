/**
 * A local stand-in for Microsoft Graph's mail endpoints on 127.0.0.1, checking each request
 * against the published shapes (v1.0 `message`, `recipient`, `fileAttachment`,
 * `attachmentItem`, upload sessions) and answering as Graph does.
 *
 *   const graph = await startFakeGraphApi({ verifyToken: async (t) => ['Mail.Send'] });
 *   // transports use graph.baseUrl (http://127.0.0.1:port/v1.0)
 *   graph.sentItems          // messages sent (sendMail or draft + send), attachments decoded
 *   graph.problems           // every shape violation seen (each also answered 400)
 *   graph.failNext({ status: 429, headers: { 'retry-after': '3' }, error: { code: 'TooManyRequests', message: '…' } });
 *   graph.inbox.push(mime)   // messages in the Inbox, for the bounce reader
 *
 * Routes: GET /v1.0/me (User.Read); POST /v1.0/me/sendMail (JSON, ≤ 4 MB, 202); POST /v1.0/me/messages (draft, 201);
 * POST /v1.0/me/messages/{id}/attachments (fileAttachment < 3 MB); POST
 * /v1.0/me/messages/{id}/attachments/createUploadSession; PUT /upload/{session} (no
 * Authorization header, Content-Range in 320 KiB multiples); POST /v1.0/me/messages/{id}/send
 * (202); DELETE /v1.0/me/messages/{id}; for the mailbox: GET
 * /v1.0/me/mailFolders/inbox/messages, GET /v1.0/me/messages/{id}/$value, GET/POST
 * /v1.0/me/mailFolders(/{id}/childFolders), POST /v1.0/me/messages/{id}/move.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphAttachment {
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface GraphSentItem {
  message: Record<string, unknown>;
  attachments: GraphAttachment[];
  via: 'sendMail' | 'draft';
  saveToSentItems: boolean;
}

export interface ScriptedAnswer {
  /** Only for requests whose path matches (default: the next request, whatever it is). */
  path?: RegExp;
  status: number;
  headers?: Record<string, string>;
  error?: { code: string; message: string };
}

export interface FakeGraphOptions {
  /** The scopes an access token carries, or null when it is not valid (401). */
  verifyToken?: (token: string) => Promise<string[] | null>;
  /** Who GET /me says is signed in. */
  signedIn?: string;
}

export interface InboxItem {
  id: string;
  mime: Buffer;
  folder: string;
  isRead: boolean;
}

export interface FakeGraphApi {
  baseUrl: string;
  sentItems: GraphSentItem[];
  problems: string[];
  requests: { method: string; path: string; authorization: string | null; bytes: number }[];
  inbox: InboxItem[];
  folders: { id: string; displayName: string; parentId: string | null }[];
  failNext(...answers: ScriptedAnswer[]): void;
  addToInbox(mime: Buffer | string): InboxItem;
  close(): Promise<void>;
}

const GRAPH_LIMIT = 4 * 1024 * 1024;
const SMALL_ATTACHMENT = 3 * 1024 * 1024;
const CHUNK_UNIT = 320 * 1024;

const MESSAGE_PROPERTIES = new Set([
  'subject',
  'body',
  'from',
  'sender',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'attachments',
  'internetMessageHeaders',
  'isReadReceiptRequested',
  'isDeliveryReceiptRequested',
  'importance',
  'categories',
]);

interface Draft {
  message: Record<string, unknown>;
  attachments: GraphAttachment[];
  sessions: Set<string>;
}

interface UploadSession {
  draftId: string;
  name: string;
  contentType: string;
  size: number;
  received: Buffer[];
  next: number;
}

export async function startFakeGraphApi(options: FakeGraphOptions = {}): Promise<FakeGraphApi> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state = {
    drafts: new Map<string, Draft>(),
    sessions: new Map<string, UploadSession>(),
    scripted: [] as ScriptedAnswer[],
  };
  const api: FakeGraphApi = {
    baseUrl: `${origin}/v1.0`,
    sentItems: [],
    problems: [],
    requests: [],
    inbox: [],
    folders: [{ id: 'inbox-id', displayName: 'Inbox', parentId: null }],
    failNext: (...answers) => void state.scripted.push(...answers),
    addToInbox(mime) {
      const item = { id: randomUUID(), mime: Buffer.from(mime), folder: 'inbox-id', isRead: false };
      api.inbox.push(item);
      return item;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    void handle(req, res, api, state, options, origin).catch((error: unknown) => {
      api.problems.push(`server error: ${String(error)}`);
      answer(res, 500, { error: { code: 'InternalServerError', message: String(error) } });
    });
  });
  return api;
}

type State = {
  drafts: Map<string, Draft>;
  sessions: Map<string, UploadSession>;
  scripted: ScriptedAnswer[];
};

class ShapeError extends Error {}

async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  api: FakeGraphApi,
  state: State,
  options: FakeGraphOptions,
  origin: string,
): Promise<void> {
  const body = await readBody(req);
  const url = new URL(req.url ?? '/', origin);
  const path = url.pathname;
  api.requests.push({
    method: req.method ?? '',
    path,
    authorization: req.headers.authorization ?? null,
    bytes: body.length,
  });
  if (req.method === 'PUT' && path.startsWith('/upload/'))
    return upload(req, res, body, api, state, path);

  const scopes = await authorize(req, options);
  if (scopes === null) {
    return answer(res, 401, {
      error: {
        code: 'InvalidAuthenticationToken',
        message: 'Access token has expired or is not yet valid.',
      },
    });
  }
  const at = state.scripted.findIndex((a) => !a.path || a.path.test(path));
  const scripted = at >= 0 ? state.scripted.splice(at, 1)[0] : undefined;
  if (scripted) {
    return answer(
      res,
      scripted.status,
      scripted.error ? { error: scripted.error } : undefined,
      scripted.headers,
    );
  }
  try {
    await route(req.method ?? '', path, url, body, scopes, req, res, api, state, origin, options);
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    api.problems.push(`${req.method} ${path}: ${error.message}`);
    answer(res, 400, { error: { code: 'RequestBodyRead', message: error.message } });
  }
}

async function route(
  method: string,
  path: string,
  url: URL,
  body: Buffer,
  scopes: string[],
  req: http.IncomingMessage,
  res: http.ServerResponse,
  api: FakeGraphApi,
  state: State,
  origin: string,
  options: FakeGraphOptions,
): Promise<void> {
  const needs = (scope: string) => {
    if (!scopes.some((s) => s.endsWith(scope))) {
      answer(res, 403, {
        error: {
          code: 'ErrorAccessDenied',
          message: 'Access is denied. Check credentials and try again.',
        },
      });
      return false;
    }
    return true;
  };
  let m: RegExpExecArray | null;
  if (method === 'GET' && path === '/v1.0/me') {
    if (!needs('User.Read')) return;
    const address = options.signedIn ?? 'marie.tremblay@bureau.example';
    return answer(res, 200, { mail: address, userPrincipalName: address });
  }
  if (method === 'POST' && path === '/v1.0/me/sendMail') {
    if (!needs('Mail.Send')) return;
    if (body.length > GRAPH_LIMIT) {
      api.problems.push(`sendMail request of ${body.length} bytes (over 4 MB)`);
      return answer(res, 413, {
        error: { code: 'ErrorRequestEntityTooLarge', message: 'The request is too large.' },
      });
    }
    const json = jsonBody(req, body);
    allowOnly(json, ['message', 'saveToSentItems'], 'sendMail');
    const message = checkMessage(json.message);
    const attachments = checkAttachments(message.attachments);
    api.sentItems.push({
      message: withoutAttachments(message),
      attachments,
      via: 'sendMail',
      saveToSentItems: json.saveToSentItems !== false,
    });
    return answer(res, 202, undefined, { 'request-id': randomUUID() });
  }
  if (method === 'POST' && path === '/v1.0/me/messages') {
    if (!needs('Mail.Send')) return;
    const message = checkMessage(jsonBody(req, body));
    const id = randomUUID();
    state.drafts.set(id, {
      message: withoutAttachments(message),
      attachments: checkAttachments(message.attachments),
      sessions: new Set(),
    });
    return answer(res, 201, { id, isDraft: true });
  }
  if ((m = /^\/v1\.0\/me\/messages\/([^/]+)\/attachments$/.exec(path)) && method === 'POST') {
    const draft = findDraft(state, m[1]!);
    const [attachment] = checkAttachments([jsonBody(req, body)]);
    if (attachment!.bytes.length >= SMALL_ATTACHMENT) {
      api.problems.push(
        `attachment ${attachment!.name} of ${attachment!.bytes.length} bytes posted whole (3 MB and over need an upload session)`,
      );
      return answer(res, 413, {
        error: { code: 'ErrorRequestEntityTooLarge', message: 'Attachment too large.' },
      });
    }
    draft.attachments.push(attachment!);
    return answer(res, 201, { id: randomUUID() });
  }
  if (
    (m = /^\/v1\.0\/me\/messages\/([^/]+)\/attachments\/createUploadSession$/.exec(path)) &&
    method === 'POST'
  ) {
    const draft = findDraft(state, m[1]!);
    const json = jsonBody(req, body);
    allowOnly(json, ['AttachmentItem'], 'createUploadSession');
    const item = json.AttachmentItem as Record<string, unknown>;
    allowOnly(
      item,
      ['attachmentType', 'name', 'size', 'contentType', 'isInline', 'contentId'],
      'attachmentItem',
    );
    if (item.attachmentType !== 'file')
      throw new ShapeError('attachmentItem.attachmentType must be "file"');
    if (typeof item.name !== 'string' || !item.name)
      throw new ShapeError('attachmentItem.name is required');
    if (!Number.isInteger(item.size) || (item.size as number) <= 0)
      throw new ShapeError('attachmentItem.size must be a positive integer');
    const sessionId = randomUUID();
    state.sessions.set(sessionId, {
      draftId: m[1]!,
      name: item.name,
      contentType:
        typeof item.contentType === 'string' ? item.contentType : 'application/octet-stream',
      size: item.size as number,
      received: [],
      next: 0,
    });
    draft.sessions.add(sessionId);
    return answer(res, 201, {
      uploadUrl: `${origin}/upload/${sessionId}?authtoken=${randomUUID()}`,
      expirationDateTime: new Date(Date.now() + 3600_000).toISOString(),
      nextExpectedRanges: ['0-'],
    });
  }
  if ((m = /^\/v1\.0\/me\/messages\/([^/]+)\/send$/.exec(path)) && method === 'POST') {
    const draft = findDraft(state, m[1]!);
    if (draft.sessions.size > 0) throw new ShapeError('send before every upload session finished');
    state.drafts.delete(m[1]!);
    api.sentItems.push({
      message: draft.message,
      attachments: draft.attachments,
      via: 'draft',
      saveToSentItems: true,
    });
    return answer(res, 202, undefined, { 'request-id': randomUUID() });
  }
  if ((m = /^\/v1\.0\/me\/messages\/([^/]+)$/.exec(path)) && method === 'DELETE') {
    state.drafts.delete(m[1]!);
    return answer(res, 204);
  }
  return mailbox(method, path, url, req, body, res, api);
}

// ------------------------------------------------------------ the mailbox (bounces)

function mailbox(
  method: string,
  path: string,
  url: URL,
  req: http.IncomingMessage,
  body: Buffer,
  res: http.ServerResponse,
  api: FakeGraphApi,
): void {
  let m: RegExpExecArray | null;
  if (method === 'GET' && path === '/v1.0/me/mailFolders/inbox/messages') {
    const top = Number(url.searchParams.get('$top') ?? '10');
    const skip = Number(url.searchParams.get('$skip') ?? '0');
    const items = api.inbox.filter((i) => i.folder === 'inbox-id');
    const page = items
      .slice(skip, skip + top)
      .map((i) => ({ id: i.id, isRead: i.isRead, ...headersOf(i.mime) }));
    const next =
      skip + top < items.length
        ? `${url.origin}${path}?$top=${top}&$skip=${skip + top}`
        : undefined;
    return answer(res, 200, { value: page, ...(next && { '@odata.nextLink': next }) });
  }
  if ((m = /^\/v1\.0\/me\/messages\/([^/]+)\/\$value$/.exec(path)) && method === 'GET') {
    const item = api.inbox.find((i) => i.id === m![1]);
    if (!item)
      return answer(res, 404, { error: { code: 'ErrorItemNotFound', message: 'Not found.' } });
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(item.mime);
    return;
  }
  if (method === 'GET' && path === '/v1.0/me/mailFolders') {
    const name = /displayName eq '([^']*)'/.exec(url.searchParams.get('$filter') ?? '')?.[1];
    return answer(res, 200, {
      value: api.folders.filter((f) => f.parentId === null && (!name || f.displayName === name)),
    });
  }
  if ((m = /^\/v1\.0\/me\/mailFolders\/([^/]+)\/childFolders$/.exec(path))) {
    if (method === 'GET') {
      const name = /displayName eq '([^']*)'/.exec(url.searchParams.get('$filter') ?? '')?.[1];
      return answer(res, 200, {
        value: api.folders.filter((f) => f.parentId === m![1] && (!name || f.displayName === name)),
      });
    }
    const json = jsonBody(req, body);
    allowOnly(json, ['displayName', 'isHidden'], 'mailFolder');
    const folder = { id: randomUUID(), displayName: String(json.displayName), parentId: m[1]! };
    api.folders.push(folder);
    return answer(res, 201, folder);
  }
  if (method === 'POST' && path === '/v1.0/me/mailFolders') {
    const json = jsonBody(req, body);
    allowOnly(json, ['displayName', 'isHidden'], 'mailFolder');
    const folder = { id: randomUUID(), displayName: String(json.displayName), parentId: null };
    api.folders.push(folder);
    return answer(res, 201, folder);
  }
  if ((m = /^\/v1\.0\/me\/messages\/([^/]+)\/move$/.exec(path)) && method === 'POST') {
    const json = jsonBody(req, body);
    allowOnly(json, ['destinationId'], 'move');
    const item = api.inbox.find((i) => i.id === m![1]);
    if (!item || !api.folders.some((f) => f.id === json.destinationId)) {
      return answer(res, 404, { error: { code: 'ErrorItemNotFound', message: 'Not found.' } });
    }
    item.folder = String(json.destinationId);
    return answer(res, 201, { id: item.id });
  }
  answer(res, 400, {
    error: { code: 'BadRequest', message: `Unsupported request: ${method} ${path}` },
  });
}

/** The few headers Graph lists for a message (what a client filters on before downloading). */
function headersOf(mime: Buffer): Record<string, unknown> {
  const head = mime.toString('latin1').split(/\r?\n\r?\n/)[0] ?? '';
  const header = (name: string) =>
    new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im')
      .exec(head)?.[1]
      ?.replace(/\r?\n[ \t]+/g, ' ')
      .trim() ?? '';
  const from = header('From');
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return {
    subject: header('Subject'),
    from: { emailAddress: { address } },
    internetMessageId: header('Message-ID'),
    receivedDateTime: new Date().toISOString(),
  };
}

// ------------------------------------------------------------ uploads

function upload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: Buffer,
  api: FakeGraphApi,
  state: State,
  path: string,
): void {
  const sessionId = path.slice('/upload/'.length);
  const session = state.sessions.get(sessionId);
  const problem = (text: string) => {
    api.problems.push(`upload ${session?.name ?? sessionId}: ${text}`);
    answer(res, 400, { error: { code: 'InvalidRequest', message: text } });
  };
  if (!session) return problem('unknown upload session');
  if (req.headers.authorization)
    return problem('an Authorization header was sent to the upload URL');
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range'] ?? ''));
  if (!range) return problem(`bad Content-Range "${req.headers['content-range'] ?? ''}"`);
  const [start, end, total] = range.slice(1).map(Number) as [number, number, number];
  if (total !== session.size)
    return problem(`Content-Range total ${total} differs from size ${session.size}`);
  if (start !== session.next) return problem(`chunk starts at ${start}, expected ${session.next}`);
  if (end - start + 1 !== body.length)
    return problem(`chunk of ${body.length} bytes announced as ${end - start + 1}`);
  const last = end + 1 === total;
  if (!last && body.length % CHUNK_UNIT !== 0)
    return problem(`chunk of ${body.length} bytes is not a multiple of 320 KiB`);
  if (body.length > 60 * 1024 * 1024) return problem('chunk over 60 MiB');
  session.received.push(body);
  session.next = end + 1;
  if (!last)
    return answer(res, 200, {
      expirationDateTime: new Date(Date.now() + 3600_000).toISOString(),
      nextExpectedRanges: [`${session.next}-`],
    });
  const draft = state.drafts.get(session.draftId);
  draft?.attachments.push({
    name: session.name,
    contentType: session.contentType,
    bytes: Buffer.concat(session.received),
  });
  draft?.sessions.delete(sessionId);
  state.sessions.delete(sessionId);
  answer(res, 201, undefined, { location: `https://graph.example/attachments/${randomUUID()}` });
}

// ------------------------------------------------------------ shapes

function checkMessage(value: unknown): Record<string, unknown> {
  if (!isObject(value)) throw new ShapeError('message must be an object');
  allowOnly(value, [...MESSAGE_PROPERTIES], 'microsoft.graph.message');
  if (value.subject !== undefined && typeof value.subject !== 'string')
    throw new ShapeError('subject must be a string');
  if (/[\r\n]/.test(String(value.subject ?? '')))
    throw new ShapeError('subject holds a line break');
  const body = value.body;
  if (!isObject(body)) throw new ShapeError('body is required');
  allowOnly(body, ['contentType', 'content'], 'itemBody');
  if (!['text', 'html'].includes(String(body.contentType).toLowerCase()))
    throw new ShapeError('body.contentType must be Text or HTML');
  if (typeof body.content !== 'string') throw new ShapeError('body.content must be a string');
  for (const field of ['toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo']) {
    const list = value[field];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new ShapeError(`${field} must be an array`);
    list.forEach((r, i) => checkRecipient(r, `${field}[${i}]`));
  }
  if (value.from !== undefined) checkRecipient(value.from, 'from');
  const total = ['toRecipients', 'ccRecipients', 'bccRecipients'].reduce(
    (n, f) => n + ((value[f] as unknown[]) ?? []).length,
    0,
  );
  if (total === 0) throw new ShapeError('no recipient');
  const headers = value.internetMessageHeaders;
  if (headers !== undefined) {
    if (!Array.isArray(headers)) throw new ShapeError('internetMessageHeaders must be an array');
    for (const h of headers) {
      if (!isObject(h)) throw new ShapeError('internetMessageHeader must be an object');
      allowOnly(h, ['name', 'value'], 'internetMessageHeader');
      if (!/^x-/i.test(String(h.name)))
        throw new ShapeError(`header "${String(h.name)}" is not an X- header`);
      if (typeof h.value !== 'string' || /[\r\n]/.test(h.value))
        throw new ShapeError('header value must be one line');
    }
  }
  for (const flag of ['isReadReceiptRequested', 'isDeliveryReceiptRequested']) {
    if (value[flag] !== undefined && typeof value[flag] !== 'boolean')
      throw new ShapeError(`${flag} must be a boolean`);
  }
  return value;
}

function checkRecipient(value: unknown, where: string): void {
  if (!isObject(value)) throw new ShapeError(`${where} must be a recipient object`);
  allowOnly(value, ['emailAddress'], `${where} (recipient)`);
  const email = value.emailAddress;
  if (!isObject(email)) throw new ShapeError(`${where}.emailAddress is required`);
  allowOnly(email, ['address', 'name'], `${where}.emailAddress`);
  if (typeof email.address !== 'string' || !/^[^\s@<>]+@[^\s@<>]+$/.test(email.address)) {
    throw new ShapeError(
      `${where}.emailAddress.address "${String(email.address)}" is not an address`,
    );
  }
  if (email.name !== undefined && (typeof email.name !== 'string' || /[\r\n]/.test(email.name))) {
    throw new ShapeError(`${where}.emailAddress.name must be one line of text`);
  }
}

function checkAttachments(value: unknown): GraphAttachment[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ShapeError('attachments must be an array');
  return value.map((a, i) => {
    if (!isObject(a)) throw new ShapeError(`attachments[${i}] must be an object`);
    allowOnly(
      a,
      ['@odata.type', 'name', 'contentType', 'contentBytes', 'isInline', 'contentId'],
      `attachments[${i}]`,
    );
    if (a['@odata.type'] !== '#microsoft.graph.fileAttachment')
      throw new ShapeError(`attachments[${i}] @odata.type must be #microsoft.graph.fileAttachment`);
    if (typeof a.name !== 'string' || !a.name)
      throw new ShapeError(`attachments[${i}].name is required`);
    const bytes = String(a.contentBytes ?? '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(bytes) || bytes.length % 4 !== 0) {
      throw new ShapeError(`attachments[${i}].contentBytes is not base64`);
    }
    return {
      name: a.name,
      contentType: String(a.contentType ?? ''),
      bytes: Buffer.from(bytes, 'base64'),
    };
  });
}

function withoutAttachments(message: Record<string, unknown>): Record<string, unknown> {
  const { attachments: _attachments, ...rest } = message;
  return rest;
}

function allowOnly(value: Record<string, unknown>, allowed: string[], type: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      throw new ShapeError(`Property '${key}' does not exist on type '${type}'`);
  }
}

function jsonBody(req: http.IncomingMessage, body: Buffer): Record<string, unknown> {
  if (!/^application\/json/.test(req.headers['content-type'] ?? '')) {
    throw new ShapeError(
      `Content-Type must be application/json, not "${req.headers['content-type'] ?? ''}"`,
    );
  }
  const parsed: unknown = JSON.parse(body.toString('utf8'));
  if (!isObject(parsed)) throw new ShapeError('body must be a JSON object');
  return parsed;
}

function findDraft(state: State, id: string): Draft {
  const draft = state.drafts.get(id);
  if (!draft) throw new ShapeError(`no draft ${id}`);
  return draft;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function authorize(
  req: http.IncomingMessage,
  options: FakeGraphOptions,
): Promise<string[] | null> {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!token) return null;
  return options.verifyToken
    ? options.verifyToken(token)
    : ['Mail.Send', 'Mail.ReadWrite', 'User.Read'];
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function answer(
  res: http.ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...(text && { 'content-type': 'application/json' }), ...headers });
  res.end(text);
}
