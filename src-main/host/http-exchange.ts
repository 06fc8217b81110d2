// Reading a request and writing an answer for the headless host, defensively: the client may
// be any program on this machine, so a target, a header or a body can be anything.
import type http from 'node:http';

/** A body larger than the host accepts: answered 413, and the rest is never read. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

/** The client closed its connection before sending its whole body: nobody to answer. */
export class ClientGoneError extends Error {
  constructor() {
    super('request closed by the client before its end');
  }
}

/** A request target read once: its path as sent, decoded, and its query. */
export interface Target {
  rawPath: string;
  path: string;
  readonly query: URLSearchParams;
}

/**
 * The request target, or null when it is not a URL, its percent-encoding is broken, or its
 * path holds a NUL: all of them a bad request (400), never a 500.
 */
export function parseTarget(target: string | undefined): Target | null {
  let url: URL;
  let path: string;
  try {
    url = new URL(target ?? '/', 'http://localhost');
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  // Read only when asked (the token on the start-up page): building it costs more than the rest.
  return {
    rawPath: url.pathname,
    path,
    get query() {
      return url.searchParams;
    },
  };
}

export function headerValue(request: http.IncomingMessage, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

export function readCookie(request: http.IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** True when the request announces a body longer than `limit`: refused before reading it. */
export function announcesMoreThan(request: http.IncomingMessage, limit: number): boolean {
  const declared = Number(request.headers['content-length'] ?? '0');
  return Number.isFinite(declared) && declared > limit;
}

/** The whole body, or BodyTooLargeError as soon as it passes `limit` (chunked bodies too). */
export function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop collecting: the caller answers 413 (and may discard the rest: discardRest).
        request.off('data', onData);
        request.pause();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', () => reject(new ClientGoneError()));
    // A client gone before the end: nothing to answer, but the promise must not hang.
    request.on('close', () => {
      if (!request.complete) reject(new ClientGoneError());
    });
  });
}

const discarding = new WeakSet<http.IncomingMessage>();

/**
 * Reads the rest of a refused body and throws it away, up to `maxBytes` more, the connection
 * kept open meanwhile: a client still sending when the answer came and the connection closed
 * got a reset (fetch: "fetch failed") instead of the 413 that says why. Past `maxBytes` the
 * connection is cut.
 */
export function discardRest(request: http.IncomingMessage, maxBytes: number): void {
  discarding.add(request);
  let discarded = 0;
  request.removeAllListeners('data');
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > maxBytes) request.socket.destroy();
  });
  request.resume();
}

/**
 * Headers every answer carries. When the request's body was not read to its end (refused
 * early, too large) and is not being discarded, the connection closes after the answer.
 */
function baseHeaders(response: http.ServerResponse): http.OutgoingHttpHeaders {
  return {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(!response.req.complete && !discarding.has(response.req) && { connection: 'close' }),
  };
}

export function sendStatus(
  response: http.ServerResponse,
  status: number,
  headers: http.OutgoingHttpHeaders = {},
): void {
  response.writeHead(status, { ...baseHeaders(response), ...headers }).end();
}

export function sendJson(response: http.ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  response.writeHead(status, {
    ...baseHeaders(response),
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
  });
  response.end(body);
}

export function sendText(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    ...baseHeaders(response),
    'content-type': 'text/plain; charset=utf-8',
  });
  response.end(text);
}
