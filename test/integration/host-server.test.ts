// The headless host: loopback only, nothing without this run's token, the page under a
// strict Content-Security-Policy, events over a WebSocket that must say hello first.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { runHost, type HostRun } from '../../src-main/host/run-host.js';
import { freshDataPlace } from '../support/dialects.js';
import { tempFolder } from '../support/temp-folder.js';

const running: HostRun[] = [];
afterEach(async () => {
  for (const run of running.splice(0)) await run.stop();
});

async function startTestHost(): Promise<HostRun> {
  const renderer = tempFolder('postier-renderer-');
  fs.writeFileSync(
    path.join(renderer, 'index.html'),
    '<!doctype html><html><head><title>Postier</title></head><body></body></html>',
  );
  fs.mkdirSync(path.join(renderer, 'assets'));
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  const run = await runHost({
    dataPath: await freshDataPlace(),
    rendererFolder: renderer,
    preferencesFolder: tempFolder('postier-prefs-'),
  });
  running.push(run);
  return run;
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  run: HostRun,
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: run.host.port,
        path: pathname,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (run: HostRun, name: string, input: unknown, headers: Record<string, string> = {}) =>
  request(run, `/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-postier-token': run.host.token, ...headers },
    body: JSON.stringify(input),
  });

describe('headless host', () => {
  it('listens on 127.0.0.1 only', async () => {
    const run = await startTestHost();
    expect(run.host.origin).toBe(`http://127.0.0.1:${run.host.port}`);
    const otherAddresses = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address);
    for (const address of [...otherAddresses, '::1']) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: address, port: run.host.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(false);
        });
        socket.once('error', () => resolve(true));
      });
      expect(refused, `reachable on ${address}`).toBe(true);
    }
  });

  it('answers a call that carries the token, and refuses one without or with another token', async () => {
    const run = await startTestHost();
    const ok = await api(run, 'structures.list', {});
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: [] });

    const missing = await request(run, '/api/structures.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({
      ok: false,
      error: { code: 'ui.error.sessionExpired' },
    });

    const wrong = await api(
      run,
      'structures.list',
      {},
      { 'x-postier-token': `${run.host.token.slice(0, -1)}x` },
    );
    expect(wrong.status).toBe(401);

    // The cookie is for the page's files; it never authorises a call (no cross-site forgery).
    const cookieOnly = await request(run, '/api/structures.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `postier_token=${run.host.token}` },
      body: '{}',
    });
    expect(cookieOnly.status).toBe(401);
  });

  it('refuses other sites: foreign Host (DNS rebinding), foreign Origin, form posts', async () => {
    const run = await startTestHost();
    const rebinding = await api(
      run,
      'structures.list',
      {},
      { host: `evil.example:${run.host.port}` },
    );
    expect(rebinding.status).toBe(421);
    const foreign = await api(run, 'structures.list', {}, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const form = await request(run, '/api/structures.list', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-postier-token': run.host.token,
      },
      body: 'a=1',
    });
    expect(form.status).toBe(405);
  });

  it('validates what it receives like the Electron shell: malformed JSON never reaches a service', async () => {
    const run = await startTestHost();
    const reply = await request(run, '/api/dossiers.get', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-postier-token': run.host.token,
        'x-postier-language': 'en',
      },
      body: '{"id": 1,',
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'ui.error.invalidInput' },
    });
    const unknown = await api(run, '__proto__', {});
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { code: 'ui.error.unknownOperation' },
    });
  });

  it('serves the page only with the token: from the address once, then from a cookie', async () => {
    const run = await startTestHost();
    expect((await request(run, '/')).status).toBe(401);

    const entry = await request(run, `/?token=${run.host.token}`);
    expect(entry.status).toBe(303);
    expect(entry.headers.location).toBe('/');
    const cookie = String(entry.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    const page = await request(run, '/', { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="postier-token" content="${run.host.token}">`);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);

    const script = await request(run, '/assets/app.js', {
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    const outside = await request(run, '/assets/..%2f..%2f..%2fpackage.json', {
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(outside.status).toBe(404);
  });

  it('sends events only to a WebSocket that said hello with the token', async () => {
    const run = await startTestHost();
    const url = `ws://127.0.0.1:${run.host.port}/events`;

    const refused = new WebSocket(url);
    await new Promise((resolve) => refused.once('open', resolve));
    refused.send(JSON.stringify({ type: 'hello', token: 'not-the-token' }));
    const closeCode = await new Promise<number>((resolve) =>
      refused.once('close', (code) => resolve(code)),
    );
    expect(closeCode).toBe(4401);

    const accepted = new WebSocket(url);
    await new Promise((resolve) => accepted.once('open', resolve));
    const messages: unknown[] = [];
    accepted.on('message', (data) => messages.push(JSON.parse(String(data))));
    accepted.send(JSON.stringify({ type: 'hello', token: run.host.token }));
    // 'ready' first; the host's own background work (on PostgreSQL, say) may send events too.
    await expect.poll(() => messages[0]).toEqual({ type: 'ready' });
    run.mainSide.events.emit('outbox.changed', {});
    await expect
      .poll(() => messages)
      .toContainEqual({ type: 'event', event: 'outbox.changed', payload: {} });
    accepted.close();
  });

  it('drops a WebSocket that stops reading instead of keeping every event for it', async () => {
    const run = await startTestHost();
    const socket = new WebSocket(`ws://127.0.0.1:${run.host.port}/events`);
    await new Promise((resolve) => socket.once('open', resolve));
    let received = 0;
    socket.on('message', () => received++);
    socket.send(JSON.stringify({ type: 'hello', token: run.host.token }));
    await expect.poll(() => received).toBe(1);

    socket.pause();
    // Enough past what the kernel's socket buffers hold (a few MB) plus the host's 8 MB.
    const events = 24;
    const url = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < events; i++) {
      run.mainSide.events.emit('methods.authorizationUrl', { structureId: 1, url });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const closed = new Promise<boolean>((resolve) => {
      socket.once('close', () => resolve(true));
      socket.on('message', () => received > events && resolve(false));
    });
    socket.on('error', () => undefined);
    socket.resume();
    expect(await closed).toBe(true);
    expect(received).toBeLessThan(events / 2);
  }, 90_000);
});
