/**
 * A real SMTP server on 127.0.0.1 (random port) for tests, built on the `smtp-server` package.
 *
 *   const server = await startSmtpTestServer({ security: 'starttls', auth: { username, password } });
 *   // transports connect to 127.0.0.1:server.port; trust server.certificate (PEM) for TLS modes
 *   server.setBehavior({ recipient: 'gone@example.com' }, {
 *     at: 'rcpt', reply: 550, text: '5.1.1 <gone@example.com>: Recipient address rejected: User unknown',
 *   });
 *   server.setBehavior({ message: 3, times: 1 }, { at: 'data', drop: true });
 *   await server.waitForMessages(2);
 *   server.messages[0].raw; parseReceivedMessage(server.messages[0].raw).decodedHeader('subject');
 *   await server.close();
 *
 * Options (`startSmtpTestServer`):
 * - security: 'plain' (no TLS, STARTTLS not offered; AUTH allowed in clear), 'starttls'
 *   (STARTTLS offered and required before MAIL FROM), 'tls' (implicit TLS from the first byte).
 *   TLS modes use a self-signed certificate for 127.0.0.1 / localhost made at test time with
 *   `openssl req`; `server.certificate` is its PEM, to pass as the client's trusted CA.
 * - auth: { username, password }: AUTH required before MAIL FROM (535 for other credentials).
 * - maxMessageBytes: advertised with SIZE; a bigger message gets
 *   "552 5.3.4 Message size exceeds fixed maximum message size".
 *
 * Behaviours (`setBehavior(match, action)`), checked in the order they were set; the first
 * matching rule with uses left applies:
 * - match: { recipient?: address (RCPT of that address, or DATA of a message to it);
 *   message?: N, the N-th mail transaction the server has seen (1-based, every MAIL FROM
 *   counts, failed ones too); connection?: N, the N-th connection (1-based);
 *   times?: how many times the rule applies (default: always) }. An empty match is every time.
 * - action: { at: 'mail' | 'rcpt' | 'data' | 'auth', reply: code, text } answers that code
 *   and text (e.g. 450 '4.2.1 Mailbox busy', 421 '4.7.0 Too many messages, slow down', 552 …);
 *   { at: 'greeting', reply: 421, text } answers the connection with that line instead of the
 *   greeting, then closes it (a server out of service);
 *   { at: 'data', drop: true } closes the connection in the middle of DATA (after the first
 *   bytes of the message; the client is still sending only if the message is bigger than what
 *   the sockets buffer, a few MB on loopback); { at: 'greeting' | 'rcpt' | 'data', stallMs }
 *   says nothing for that long, then carries on normally (use a stall longer than the client's
 *   timeout to make it time out; at 'data', the stall comes once the whole message arrived);
 *   { at: 'data', noReply: 'stall' | 'drop' } takes the whole message (recorded: the server
 *   has it) and never answers: 'stall' stays silent until the client gives up, 'drop' closes
 *   the connection (a server that queued the message and died before saying so).
 *
 * `dropConnections()` cuts every open client connection at once (idle timeout, restart).
 *
 * `startSmtpFront(targetPort)`: a raw `net` server in front of a test server. 'silent' takes
 * each connection and never says a word (a server that never greets); 'forward' passes every
 * byte both ways (the server came back). Its `connectionCount` counts TCP connections.
 *
 * Recorded: `messages` (accepted ones: raw bytes, envelope, arrival time in ms, whether the
 * session was encrypted, the authenticated user), `connectionCount`, `transactionCount`,
 * `authFailures`. `parseReceivedMessage(raw)` is a minimal MIME reader for assertions
 * (headers unfolded and RFC 2047-decoded, text/html bodies, attachments as bytes), enough for
 * the messages Postier builds; `mailparser` is not needed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';

export type SmtpTestSecurity = 'plain' | 'starttls' | 'tls';

export interface SmtpTestServerOptions {
  security?: SmtpTestSecurity;
  auth?: { username: string; password: string };
  maxMessageBytes?: number;
}

export interface SmtpTestMatch {
  recipient?: string;
  message?: number;
  connection?: number;
  times?: number;
}

export type SmtpTestAction =
  | { at: 'greeting' | 'mail' | 'rcpt' | 'data' | 'auth'; reply: number; text: string }
  | { at: 'data'; drop: true }
  | { at: 'data'; noReply: 'stall' | 'drop' }
  | { at: 'greeting' | 'rcpt' | 'data'; stallMs: number };

export interface ReceivedSmtpMessage {
  raw: Buffer;
  envelope: { from: string; to: string[] };
  /** Date.now() when the server accepted the message. */
  receivedAt: number;
  secure: boolean;
  user: string | null;
  connection: number;
}

export interface SmtpTestServer {
  host: '127.0.0.1';
  port: number;
  /** PEM of the self-signed certificate (TLS modes), null in plain mode. */
  certificate: string | null;
  messages: ReceivedSmtpMessage[];
  readonly connectionCount: number;
  /**
   * Date.now() when each client connected (TCP), in order: before smtp-server's own 100 ms
   * wait for clients that talk before the greeting, and before any greeting stall.
   */
  readonly connectionOpenedAt: readonly number[];
  readonly transactionCount: number;
  readonly authFailures: number;
  setBehavior(match: SmtpTestMatch, action: SmtpTestAction): void;
  clearBehaviors(): void;
  /** Cuts every open client connection now (an idle timeout, a server restart). */
  dropConnections(): void;
  /** Resolves once `count` messages have been accepted, or rejects after `timeoutMs`. */
  waitForMessages(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface Rule {
  match: SmtpTestMatch;
  action: SmtpTestAction;
  used: number;
}

interface SessionInfo {
  connection: number;
  message: number;
}

type Step = SmtpTestAction['at'];

class SmtpTestServerState {
  readonly messages: ReceivedSmtpMessage[] = [];
  readonly rules: Rule[] = [];
  readonly sessions = new Map<string, SessionInfo>();
  readonly timers = new Set<NodeJS.Timeout>();
  connectionCount = 0;
  readonly connectionOpenedAt: number[] = [];
  transactionCount = 0;
  authFailures = 0;
  waiters: Array<() => void> = [];

  /** The action for this step, using up one of the matching rule's times. */
  take(step: Step, session: SMTPServerSession, recipients: string[]): SmtpTestAction | null {
    const info = this.sessions.get(session.id);
    for (const rule of this.rules) {
      const { match, action } = rule;
      if (action.at !== step) continue;
      if (match.times !== undefined && rule.used >= match.times) continue;
      if (match.connection !== undefined && match.connection !== info?.connection) continue;
      if (match.message !== undefined && match.message !== info?.message) continue;
      if (match.recipient !== undefined && !recipients.includes(match.recipient.toLowerCase())) {
        continue;
      }
      rule.used++;
      return action;
    }
    return null;
  }

  later(ms: number, work: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, ms);
    this.timers.add(timer);
  }

  record(message: ReceivedSmtpMessage): void {
    this.messages.push(message);
    for (const wake of this.waiters.splice(0)) wake();
  }
}

function smtpError(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

/** Runs `proceed` now, after a stall, or answers the rule's reply, as the rule says. */
function applyAction(
  state: SmtpTestServerState,
  action: SmtpTestAction | null,
  callback: (error?: Error | null) => void,
  proceed: () => void,
): void {
  if (action === null || 'noReply' in action) return proceed();
  if ('stallMs' in action) return state.later(action.stallMs, proceed);
  if ('reply' in action) return callback(smtpError(action.reply, action.text));
  proceed();
}

export async function startSmtpTestServer(
  options: SmtpTestServerOptions = {},
): Promise<SmtpTestServer> {
  const security = options.security ?? 'plain';
  const state = new SmtpTestServerState();
  const certificate = security === 'plain' ? null : await testCertificate();
  const findSocket = (session: SMTPServerSession) =>
    [...server.connections].find((c) => c.id === session.id)?._socket;

  const serverOptions: SMTPServerOptions = {
    logger: false,
    name: 'smtp-test.postier.invalid',
    disableReverseLookup: true,
    closeTimeout: 100,
    secure: security === 'tls',
    ...(certificate && { key: certificate.key, cert: certificate.cert }),
    ...(security === 'plain' && { disabledCommands: ['STARTTLS'], allowInsecureAuth: true }),
    authOptional: options.auth === undefined,
    ...(options.maxMessageBytes !== undefined && { size: options.maxMessageBytes }),

    onConnect(session, callback) {
      state.connectionCount++;
      state.sessions.set(session.id, { connection: state.connectionCount, message: 0 });
      applyAction(state, state.take('greeting', session, []), callback, () => callback());
    },

    onAuth(auth, session, callback) {
      const refused = (text: string, code = 535) => {
        state.authFailures++;
        callback(null, { message: text, responseCode: code });
      };
      const action = state.take('auth', session, []);
      if (action && 'reply' in action) return refused(action.text, action.reply);
      const expected = options.auth;
      if (
        expected &&
        (auth.username !== expected.username || auth.password !== expected.password)
      ) {
        return refused('5.7.8 Authentication unsuccessful: wrong user name or password');
      }
      callback(null, { user: auth.username ?? 'anonymous' });
    },

    onMailFrom(_address, session, callback) {
      state.transactionCount++;
      const info = state.sessions.get(session.id);
      if (info) info.message = state.transactionCount;
      if (security === 'starttls' && !session.secure) {
        return callback(smtpError(530, '5.7.0 Must issue a STARTTLS command first'));
      }
      applyAction(state, state.take('mail', session, []), callback, () => callback());
    },

    onRcptTo(address, session, callback) {
      const action = state.take('rcpt', session, [address.address.toLowerCase()]);
      applyAction(state, action, callback, () => callback());
    },

    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      const action = state.take('data', session, recipients);
      if (action && 'drop' in action) {
        stream.once('data', () => findSocket(session)?.destroy());
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          return callback(smtpError(552, '5.3.4 Message size exceeds fixed maximum message size'));
        }
        applyAction(state, action, callback, () => {
          const mailFrom = session.envelope.mailFrom;
          state.record({
            raw: Buffer.concat(chunks),
            envelope: { from: mailFrom ? mailFrom.address : '', to: recipients },
            receivedAt: Date.now(),
            secure: session.secure,
            user: typeof session.user === 'string' ? session.user : null,
            connection: state.sessions.get(session.id)?.connection ?? 0,
          });
          if (action && 'noReply' in action) {
            if (action.noReply === 'drop') findSocket(session)?.destroy();
            return;
          }
          callback(null, `2.0.0 Ok: queued as TEST${state.messages.length}`);
        });
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  server.on('error', () => undefined); // dropped client sockets are part of the tests
  server.server.on('connection', () => state.connectionOpenedAt.push(Date.now()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    host: '127.0.0.1',
    port,
    certificate: certificate?.cert ?? null,
    messages: state.messages,
    get connectionCount() {
      return state.connectionCount;
    },
    connectionOpenedAt: state.connectionOpenedAt,
    get transactionCount() {
      return state.transactionCount;
    },
    get authFailures() {
      return state.authFailures;
    },
    setBehavior(match, action) {
      state.rules.push({ match, action, used: 0 });
    },
    clearBehaviors() {
      state.rules.splice(0);
    },
    dropConnections() {
      for (const connection of server.connections) connection._socket.destroy();
    },
    waitForMessages(count, timeoutMs = 5000) {
      return waitUntil(state, () => state.messages.length >= count, timeoutMs, count);
    },
    close: () => closeServer(server, state),
  };
}

function waitUntil(
  state: SmtpTestServerState,
  done: () => boolean,
  timeoutMs: number,
  count: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (done()) {
        clearTimeout(timer);
        resolve();
      } else {
        state.waiters.push(check);
      }
    };
    const timer = setTimeout(
      () => reject(new Error(`SMTP test server: ${state.messages.length} of ${count} messages`)),
      timeoutMs,
    );
    check();
  });
}

function closeServer(server: SMTPServer, state: SmtpTestServerState): Promise<void> {
  for (const timer of state.timers) clearTimeout(timer);
  state.timers.clear();
  for (const connection of server.connections) connection._socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

// --- A raw front: silent, or forwarding -----------------------------------------------------

export interface SmtpFront {
  host: '127.0.0.1';
  port: number;
  /** 'silent': accepts and says nothing; 'forward': every byte passed to the target server. */
  mode: 'silent' | 'forward';
  readonly connectionCount: number;
  close(): Promise<void>;
}

export async function startSmtpFront(targetPort: number): Promise<SmtpFront> {
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined); // clients giving up are part of the tests
    socket.on('close', () => sockets.delete(socket));
  };
  let connectionCount = 0;
  const server = net.createServer((client) => {
    connectionCount++;
    track(client);
    if (front.mode === 'silent') return client.resume();
    const target = net.connect(targetPort, '127.0.0.1');
    track(target);
    client.pipe(target).pipe(client);
    client.on('close', () => target.destroy());
    target.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const front: SmtpFront = {
    host: '127.0.0.1',
    port: typeof address === 'object' && address ? address.port : 0,
    mode: 'silent',
    get connectionCount() {
      return connectionCount;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return front;
}

// --- Test certificate ---------------------------------------------------------------------

interface TestCertificate {
  key: string;
  cert: string;
}

let certificatePromise: Promise<TestCertificate> | null = null;

/** One self-signed certificate per test process, for 127.0.0.1 and localhost. */
export function testCertificate(): Promise<TestCertificate> {
  certificatePromise ??= makeCertificate();
  return certificatePromise;
}

async function makeCertificate(): Promise<TestCertificate> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-smtp-cert-'));
  try {
    const keyFile = path.join(folder, 'key.pem');
    const certFile = path.join(folder, 'cert.pem');
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ]);
    return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8') };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

// --- Reading received messages ------------------------------------------------------------

export interface ReceivedPart {
  headers: Array<{ name: string; value: string }>;
  header(name: string): string | undefined;
  /** e.g. "text/plain", lower-cased, without parameters. */
  contentType: string;
  /** Decoded filename (RFC 2231 / RFC 2047), or null. */
  filename: string | null;
  /** Body after Content-Transfer-Encoding decoding. */
  body: Buffer;
  parts: ReceivedPart[];
}

export interface ParsedReceivedMessage extends ReceivedPart {
  /** Every value of a header (unfolded, raw). */
  headerValues(name: string): string[];
  /** A header with RFC 2047 encoded words decoded. */
  decodedHeader(name: string): string | undefined;
  text: string | null;
  html: string | null;
  attachments: Array<{ filename: string | null; contentType: string; content: Buffer }>;
}

export function parseReceivedMessage(raw: Buffer | string): ParsedReceivedMessage {
  const root = parsePart(Buffer.isBuffer(raw) ? raw.toString('latin1') : raw);
  const leaves = flatten(root);
  const textLeaf = (type: string) =>
    leaves.find((p) => p.contentType === type && p.filename === null);
  const text = textLeaf('text/plain');
  const html = textLeaf('text/html');
  return {
    ...root,
    headerValues: (name) =>
      root.headers.filter((h) => h.name.toLowerCase() === name.toLowerCase()).map((h) => h.value),
    decodedHeader: (name) => {
      const value = root.header(name);
      return value === undefined ? undefined : decodeEncodedWords(value);
    },
    text: text ? text.body.toString('utf8') : null,
    html: html ? html.body.toString('utf8') : null,
    attachments: leaves
      .filter((p) => p.filename !== null)
      .map((p) => ({ filename: p.filename, contentType: p.contentType, content: p.body })),
  };
}

function flatten(part: ReceivedPart): ReceivedPart[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(flatten);
}

/** `source` is latin1 text so that every byte maps to one character and back. */
function parsePart(source: string): ReceivedPart {
  const split = source.search(/\r?\n\r?\n/);
  const headerText = split < 0 ? source : source.slice(0, split);
  const bodyText = split < 0 ? '' : source.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = headerText
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/)
    .filter((line) => line.includes(':'))
    .map((line) => {
      const colon = line.indexOf(':');
      return { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
    });
  const header = (name: string) =>
    headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
  const contentTypeHeader = header('content-type') ?? 'text/plain';
  const contentType = contentTypeHeader.split(';')[0]!.trim().toLowerCase();
  const boundary = headerParameter(contentTypeHeader, 'boundary');
  const parts =
    contentType.startsWith('multipart/') && boundary ? splitMultipart(bodyText, boundary) : [];
  return {
    headers,
    header,
    contentType,
    filename: partFilename(header('content-disposition'), contentTypeHeader),
    body: parts.length
      ? Buffer.alloc(0)
      : decodeBody(bodyText, header('content-transfer-encoding')),
    parts: parts.map(parsePart),
  };
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  return body
    .split(new RegExp(`\\r?\\n?${escapeRegExp(delimiter)}`))
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .map((chunk) => chunk.replace(/^[ \t]*\r?\n/, ''));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decodeBody(body: string, encoding: string | undefined): Buffer {
  switch (encoding?.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.replace(/=\r?\n/g, ''));
    default:
      return Buffer.from(body, 'latin1');
  }
}

function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function headerParameter(value: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}="?([^";]+)"?`, 'i').exec(value);
  return match ? match[1]! : null;
}

/** filename="…", filename*=utf-8''…, or the split form filename*0*=…; filename*1*=…. */
function partFilename(disposition: string | undefined, contentType: string): string | null {
  for (const value of [disposition, contentType]) {
    if (!value) continue;
    const pieces = [...value.matchAll(/;\s*(?:file)?name\*(\d+)?\*?="?([^";]*)"?/gi)];
    if (pieces.length) {
      const joined = pieces.map((m) => m[2]).join('');
      const encoded = /^([^']*)'[^']*'(.*)$/.exec(joined);
      return encoded ? decodeURIComponent(encoded[2]!) : joined;
    }
    const plain = headerParameter(value, 'filename') ?? headerParameter(value, 'name');
    if (plain !== null) return decodeEncodedWords(plain);
  }
  return null;
}

/** RFC 2047: =?utf-8?B?…?= and =?utf-8?Q?…?=, adjacent words joined without the space. */
export function decodeEncodedWords(value: string): string {
  const latin1 = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  const decoded = latin1.replace(
    /=\?([^?]+)\?([bq])\?([^?]*)\?=/gi,
    (_whole, _charset: string, encoding: string, text: string) => {
      const bytes =
        encoding.toLowerCase() === 'b'
          ? Buffer.from(text, 'base64')
          : decodeQuotedPrintable(text.replace(/_/g, ' '));
      return bytes.toString('latin1');
    },
  );
  return Buffer.from(decoded, 'latin1').toString('utf8');
}
