// The headless host never falls over: whatever a local program sends (broken WebSocket
// frames, unreadable requests, bodies too large or not JSON), that client loses its own
// connection and the host keeps answering. The host runs in its own process so that a crash
// shows (it exits), and everything goes over raw sockets to 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';
import { freshDataPlace } from '../support/dialects.js';
import { seededRandom, type Random } from '../support/seeded-random.js';
import { tempFolder } from '../support/temp-folder.js';

const TOKEN = 'fuzz-token-0123456789';
const SEED = Number(process.env.POSTIER_FUZZ_SEED ?? 14);
const CASES = 300;
const BATCH = 25;
const FUZZ_TIME_CAP_MS = 90_000;

interface Host {
  child: ChildProcess;
  port: number;
  stderr: () => string;
}

let host: Host;

/** `runHost` in a child process; resolves once it prints its port. */
async function startHostProcess(): Promise<Host> {
  const dataPath = await freshDataPlace();
  const renderer = tempFolder('postier-renderer-');
  fs.writeFileSync(path.join(renderer, 'index.html'), '<html><head></head><body></body></html>');
  const script = `
    import { runHost } from ${JSON.stringify(path.join(REPO_ROOT, 'src-main/host/run-host.ts'))};
    const run = await runHost(${JSON.stringify({
      dataPath,
      rendererFolder: renderer,
      preferencesFolder: tempFolder('postier-prefs-'),
      token: TOKEN,
    })});
    process.stdout.write('PORT ' + run.host.port + '\\n');
    process.once('SIGTERM', () => run.stop().then(() => process.exit(0)));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: REPO_ROOT,
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const port = /PORT (\d+)/.exec(stdout)?.[1];
      if (port) resolve({ child, port: Number(port), stderr: () => stderr });
    });
    child.once('exit', (code) => reject(new Error(`host exited (${code}): ${stderr}`)));
  });
}

beforeAll(async () => {
  host = await startHostProcess();
}, 60_000);

afterAll(async () => {
  if (host.child.exitCode !== null) return;
  const exited = new Promise((resolve) => host.child.once('exit', resolve));
  host.child.kill('SIGTERM');
  await exited;
});

interface Exchange {
  /** The HTTP status of the first answer, or null when the host only closed. */
  status: number | null;
  text: string;
}

/**
 * Writes raw bytes and reads until the host closes, a whole answer has arrived, or `waitMs`
 * passes (then this side closes: an incomplete request is allowed to wait for its end).
 */
function exchange(
  bytes: Buffer[],
  waitMs = 400,
  enough: (text: string) => boolean = isWholeAnswer,
): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port: host.port });
    let received = Buffer.alloc(0);
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = received.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      resolve({ status: status ? Number(status) : null, text });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (enough(received.toString('latin1'))) finish();
    });
    socket.on('close', finish);
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The host may reset a connection it refuses; refusing to connect at all is a crash.
      if (error.code === 'ECONNREFUSED') reject(error);
    });
    socket.on('connect', () => {
      for (const part of bytes) if (!socket.destroyed) socket.write(part);
    });
  });
}

function isWholeAnswer(text: string): boolean {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const length = /\r\ncontent-length: (\d+)/i.exec(text.slice(0, end))?.[1];
  return length !== undefined && text.length >= end + 4 + Number(length);
}

function httpRequest(
  method: string,
  target: string,
  headers: Record<string, string | number>,
  body = '',
): Buffer {
  const lines = [`${method} ${target} HTTP/1.1`, `Host: 127.0.0.1:${host.port}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`, 'latin1');
}

const apiCall = (name: string, body: string, extra: Record<string, string | number> = {}) =>
  httpRequest(
    'POST',
    `/api/${name}`,
    {
      'Content-Type': 'application/json',
      'X-Postier-Token': TOKEN,
      'Content-Length': Buffer.byteLength(body),
      Connection: 'close',
      ...extra,
    },
    body,
  );

/** A WebSocket upgrade to /events, as a browser would open it. */
function upgradeRequest(): Buffer {
  return httpRequest('GET', '/events', {
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
    'Sec-WebSocket-Version': 13,
  });
}

/** A frame header: FIN, `opcode`, masked or not, with the length field for `length`. */
function frameHeader(opcode: number, length: number, masked: boolean): Buffer {
  const maskBit = masked ? 0x80 : 0;
  let header: Buffer;
  if (length < 126) header = Buffer.from([0x80 | opcode, maskBit | length]);
  else if (length < 65_536) {
    header = Buffer.from([0x80 | opcode, maskBit | 126, 0, 0]);
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = 0x80 | opcode;
    header[1] = maskBit | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return masked ? Buffer.concat([header, randomBytes(4)]) : header;
}

/** The host is alive and answers an authenticated call and a WebSocket hello correctly. */
async function expectHostAnswers(): Promise<void> {
  const call = await exchange([apiCall('structures.list', '{}')], 5_000);
  expect(host.child.exitCode, `host exited; stderr:\n${host.stderr()}`).toBeNull();
  expect(call.status, `no answer; stderr:\n${host.stderr()}`).toBe(200);
  expect(call.text).toContain('{"ok":true,"value":[]}');
  const hello = Buffer.from(JSON.stringify({ type: 'hello', token: TOKEN }));
  const events = await exchange([upgradeRequest(), maskedFrame(0x1, hello)], 5_000, (text) =>
    text.includes('{"type":"ready"}'),
  );
  expect(events.text).toMatch(/^HTTP\/1\.1 101/);
  expect(events.text).toContain('{"type":"ready"}');
}

/** A frame as a client must send it: masked (with a zero mask, the payload reads as is). */
function maskedFrame(opcode: number, payload: Buffer): Buffer {
  const header = frameHeader(opcode, payload.length, true);
  header.fill(0, header.length - 4);
  return Buffer.concat([header, payload]);
}

/** Nothing the host printed is a stack trace or an unhandled error. */
function expectCleanStderr(): void {
  expect(host.stderr()).not.toMatch(/\n\s+at |Unhandled|uncaught|WS_ERR_|ERR_/i);
}

const cookie = { Cookie: `postier_token=${TOKEN}`, Connection: 'close' };

describe('the headless host under bad input', () => {
  it('survives an unmasked WebSocket frame sent before any hello (the reproducer)', async () => {
    const payload = Buffer.from('{"type":"hello"}');
    const reply = await exchange(
      [upgradeRequest(), frameHeader(0x1, payload.length, false), payload],
      2_000,
    );
    expect(reply.text).toMatch(/^HTTP\/1\.1 101/);
    await expectHostAnswers();
  });

  it('survives a frame over the WebSocket size limit sent before any hello', async () => {
    const reply = await exchange(
      [upgradeRequest(), frameHeader(0x1, 70_000, true), randomBytes(1_000)],
      2_000,
    );
    expect(reply.text).toMatch(/^HTTP\/1\.1 101/);
    await expectHostAnswers();
  });

  it('answers a broken percent-encoding 400, for an operation and for a file', async () => {
    const operation = await exchange([apiCall('%E0%A4%A', '{}')]);
    expect(operation.status).toBe(400);
    expect(operation.text).toContain('"code":"ui.error.unknownOperation"');
    const file = await exchange([httpRequest('GET', '/assets/%E0%A4%A', cookie)]);
    expect(file.status).toBe(400);
    const nul = await exchange([httpRequest('GET', '/index.html%00.js', cookie)]);
    expect(nul.status).toBe(400);
    const notUrl = await exchange([httpRequest('GET', 'http://[', cookie)]);
    expect(notUrl.status).toBe(400);
  });

  it('answers a body announced over the limit 413 at once, without waiting for it', async () => {
    const reply = await exchange(
      [apiCall('structures.list', '', { 'Content-Length': 100 * 1024 * 1024 })],
      5_000,
    );
    expect(reply.status).toBe(413);
    expect(reply.text).toContain('"code":"ui.error.invalidInput"');
    expect(reply.text).toMatch(/\r\nconnection: close\r\n/i);
  });

  it('stops reading a chunked body once it passes the limit, and answers 413', async () => {
    const result = await sendChunkedUntilAnswered(60);
    expect(result.status).toBe(413);
    expect(result.sentMb).toBeLessThan(60);
  });

  it('answers a body that is not JSON 400, and a call without the token 401', async () => {
    const notJson = await exchange([apiCall('dossiers.get', '{"id": 1,')]);
    expect(notJson.status).toBe(400);
    expect(notJson.text).toContain('"code":"ui.error.invalidInput"');
    const noToken = await exchange([apiCall('structures.list', '{}', { 'X-Postier-Token': '' })]);
    expect(noToken.status).toBe(401);
    const foreign = await exchange([
      apiCall('structures.list', '{}', { Origin: 'http://evil.example' }),
    ]);
    expect(foreign.status).toBe(403);
    await expectHostAnswers();
  });

  it(`keeps answering through ${CASES} random frames, requests and bodies (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const counts: Record<string, { tried: number; handled: number }> = {};
    const started = Date.now();
    for (let i = 0; i < CASES && Date.now() - started < FUZZ_TIME_CAP_MS; i++) {
      const fuzzCase = FUZZ_CASES[i % FUZZ_CASES.length]!(random);
      // A case that must be answered is waited for longer: an operation reaches the database
      // (PostgreSQL's a server away), and the machine may be loaded.
      const reply = await exchange(fuzzCase.bytes, fuzzCase.expected === undefined ? 400 : 10_000);
      const count = (counts[fuzzCase.kind] ??= { tried: 0, handled: 0 });
      count.tried++;
      const context = `case ${i} (${fuzzCase.kind}, seed ${SEED}): ${reply.text.slice(0, 200)}`;
      if (fuzzCase.expected !== undefined) expect(reply.status, context).toBe(fuzzCase.expected);
      else expect(reply.status === null || reply.status < 500, context).toBe(true);
      count.handled++;
      if ((i + 1) % BATCH === 0) await expectHostAnswers();
    }
    await expectHostAnswers();
    expectCleanStderr();
    const tried = Object.values(counts).reduce((sum, c) => sum + c.tried, 0);
    process.stdout.write(`host fuzz (seed ${SEED}): ${JSON.stringify(counts)}\n`);
    // The time cap is a guard for a very slow machine, not a way to run nothing.
    expect(tried).toBeGreaterThanOrEqual(CASES / 2);
  }, 180_000);
});

/** Streams 1 MB chunks until the host answers (or `maxMb` is sent). */
function sendChunkedUntilAnswered(maxMb: number): Promise<{ status: number; sentMb: number }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port: host.port });
    const chunk = Buffer.concat([
      Buffer.from(`100000\r\n`),
      Buffer.alloc(0x100000, 0x20),
      Buffer.from('\r\n'),
    ]);
    let sentMb = 0;
    let answer = '';
    const done = () => {
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
      if (status) resolve({ status: Number(status), sentMb });
      else reject(new Error(`no answer after ${sentMb} MB`));
    };
    socket.on('data', (data: Buffer) => {
      answer += data.toString('latin1');
      if (answer.includes('\r\n\r\n')) done();
    });
    socket.on('error', () => undefined);
    socket.on('close', done);
    const pump = () => {
      while (!socket.destroyed && answer === '' && sentMb < maxMb) {
        sentMb++;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    socket.on('connect', () => {
      socket.write(
        httpRequest('POST', '/api/structures.list', {
          'Content-Type': 'application/json',
          'X-Postier-Token': TOKEN,
          'Transfer-Encoding': 'chunked',
        }),
      );
      pump();
    });
  });
}

const below = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[below(random, items.length)]!;
const bytesOf = (random: Random, n: number) =>
  Buffer.from(Array.from({ length: n }, () => below(random, 256)));

interface FuzzCase {
  kind: string;
  bytes: Buffer[];
  /** The exact status expected, when the case is a well-formed request; otherwise < 500. */
  expected?: number;
}

/** Random frames after a valid upgrade: before the hello, or after it. */
function webSocketFrames(random: Random): FuzzCase {
  const hello = Buffer.from(JSON.stringify({ type: 'hello', token: TOKEN }));
  const before = random() < 0.5;
  const frames: Buffer[] = [];
  for (let n = 1 + below(random, 3); n > 0; n--) {
    const shape = below(random, 3);
    if (shape === 0) frames.push(bytesOf(random, 1 + below(random, 300)));
    else if (shape === 1) {
      const length = pick(random, [0, 5, 125, 126, 65_535, 65_536, 2 ** 40]);
      frames.push(frameHeader(below(random, 16), length, random() < 0.5));
      frames.push(bytesOf(random, below(random, 200)));
    } else frames.push(maskedFrame(pick(random, [0x1, 0x2, 0x8, 0x9]), bytesOf(random, 50)));
  }
  return {
    kind: `websocket: random frames ${before ? 'before' : 'after'} the hello`,
    bytes: [upgradeRequest(), ...(before ? [] : [maskedFrame(0x1, hello)]), ...frames],
  };
}

const BAD_TARGETS = [
  '/%',
  '/%E0%A4%A',
  '/api/%E0%A4%A',
  '/api/%00',
  '/assets/%zz',
  '/%C0%AE%C0%AE/',
  'http://[',
  '*',
  '/api/\u0000x',
  '/..%2f..%2fetc%2fpasswd',
];

const CONTENT_LENGTHS = ['-1', 'abc', '1e9', '99999999999999999999', '2, 3', ' '];
const CHUNKS = [
  'zz\r\n',
  '-1\r\n',
  'ffffffffffffffff\r\nab\r\n',
  '2\r\n{}\r\n0\r\nX\0: y\r\n\r\n',
  `1;${'e'.repeat(20_000)}\r\n`,
];

/** Unreadable requests, each shape named for the report: what a broken client could send. */
function httpGarbage(random: Random): FuzzCase {
  const head = `Host: 127.0.0.1:${host.port}`;
  const api = `POST /api/structures.list HTTP/1.1\r\n${head}\r\nContent-Type: application/json\r\nX-Postier-Token: ${TOKEN}`;
  const shapes: Record<string, () => string> = {
    'random bytes': () => bytesOf(random, 1 + below(random, 500)).toString('latin1'),
    'bad method': () =>
      `${pick(random, ['FOO', 'G\0ET', 'get', 'PO ST', 'X'.repeat(5_000), ''])} / HTTP/1.1\r\n${head}\r\n\r\n`,
    'bad target or percent-encoding': () =>
      `GET ${pick(random, BAD_TARGETS)} HTTP/1.1\r\n${head}\r\nCookie: postier_token=${TOKEN}\r\n\r\n`,
    'bad http version': () =>
      `GET / HTTP/${pick(random, ['9.9', '1', 'x', '1.1\0'])}\r\n${head}\r\n\r\n`,
    'huge header': () =>
      `GET / HTTP/1.1\r\n${head}\r\nX-Big: ${'a'.repeat(20_000 + below(random, 80_000))}\r\n\r\n`,
    'bad content-length': () =>
      `${api}\r\nContent-Length: ${pick(random, CONTENT_LENGTHS)}\r\n\r\n{}`,
    'two content-lengths': () =>
      `POST /api/structures.list HTTP/1.1\r\n${head}\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}`,
    'chunked garbage': () => `${api}\r\nTransfer-Encoding: chunked\r\n\r\n${pick(random, CHUNKS)}`,
    'NUL and malformed headers': () =>
      `GET / HTTP/1.1\r\n${head}\r\nX-Nul: a\0b\r\nBad Header\r\n\r\n`,
    'broken websocket handshake': () =>
      `GET /events HTTP/1.1\r\n${head}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: ${pick(random, ['13', '99', ''])}\r\n${pick(random, ['', 'Sec-WebSocket-Key: short\r\n'])}\r\n`,
  };
  const kind = pick(random, Object.keys(shapes));
  return { kind: `http: ${kind}`, bytes: [Buffer.from(shapes[kind]!(), 'latin1')] };
}

const OPERATIONS = [
  'app.info',
  'structures.list',
  'structures.lookups',
  'dossiers.search',
  'dossiers.get',
  'dossiers.create',
  'outbox.search',
  'settings.get',
  'sending.state',
  '__proto__',
  'constructor',
  'no.such.operation',
  '..%2F..%2Fpackage.json',
];

function randomJson(random: Random, depth = 0): unknown {
  switch (below(random, depth > 3 ? 4 : 7)) {
    case 0:
      return null;
    case 1:
      return random() < 0.5 ? below(random, 2 ** 31) - 2 ** 30 : random() * 1e300;
    case 2:
      return bytesOf(random, below(random, 40)).toString('latin1');
    case 3:
      return 'x'.repeat(below(random, 100_000));
    case 4:
      return Array.from({ length: below(random, 5) }, () => randomJson(random, depth + 1));
    default: {
      const keys = ['id', 'name', '__proto__', 'constructor', 'structureId', 'query', 'email'];
      return Object.fromEntries(
        Array.from({ length: below(random, 5) }, () => [
          pick(random, keys),
          randomJson(random, depth + 1),
        ]),
      );
    }
  }
}

/** Random bodies to real and unknown operations, with and without the token. */
function apiBodies(random: Random): FuzzCase {
  const withToken = random() < 0.7;
  const depth = 5_000 + below(random, 50_000);
  const bodies: Record<string, () => Buffer> = {
    'random bytes': () => bytesOf(random, below(random, 300)),
    'unclosed nesting': () => Buffer.from('['.repeat(depth)),
    'deep nesting': () => Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`),
    'random JSON': () => Buffer.from(JSON.stringify(randomJson(random)) ?? ''),
  };
  const shape = pick(random, Object.keys(bodies));
  const body = bodies[shape]!();
  const request = Buffer.concat([
    httpRequest('POST', `/api/${pick(random, OPERATIONS)}`, {
      'Content-Type': 'application/json',
      ...(withToken && { 'X-Postier-Token': TOKEN }),
      'Content-Length': body.length,
      Connection: 'close',
    }),
    body,
  ]);
  return {
    kind: `api: ${shape}, ${withToken ? 'with' : 'without'} the token`,
    bytes: [request],
    expected: !withToken ? 401 : isJson(body) ? 200 : 400,
  };
}

function isJson(body: Buffer): boolean {
  if (body.length === 0) return true;
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

const FUZZ_CASES = [webSocketFrames, httpGarbage, apiBodies];
