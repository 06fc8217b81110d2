// Preparing a bulk send on its own thread (a real worker thread on the same data folder,
// its own connection to the same database file): the same result as in-process, its
// progress and its errors back on the main thread, and the engine sending the batch while
// the rest of it is still being prepared, each message once.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src-shared/errors.js';
import type { Postier } from '../../src-main/app/postier.js';
import { runOutbox } from '../../src-main/send/engine.js';
import { PrepareThread, workerEntry } from '../../src-main/prepare/prepare-thread.js';
import { QueueFeed } from '../../src-main/send/queue-feed.js';
import { closeAfterTest } from '../support/close-after-test.js';
import { demoPostier } from '../support/demo-postier.js';
import { receivedMessageId, smtpAccount, smtpTransportFactory } from '../support/outbox-fixture.js';
import { smtpServerForTest } from '../support/smtp-servers.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');

/** A thread on `postier`'s database, as the app starts one (its folder, and its URL on PostgreSQL). */
function threadOn(postier: Postier, chunkSize?: number, entry?: URL): PrepareThread {
  const { location } = postier;
  return closeAfterTest(
    new PrepareThread({
      dataPath: postier.folder.root,
      ...(location.kind === 'postgres' && { databaseUrl: location.url }),
      ...(chunkSize && { chunkSize }),
      ...(entry && { entry }),
    }),
  );
}

describe('preparing on its own thread', () => {
  it('queues the batch in the shared database and reports each committed chunk', async () => {
    const { postier, demo } = await demoPostier();
    const thread = threadOn(postier);
    const progress: [number, number][] = [];
    const result = await thread.prepare(
      { type: 'invoice', period: demo.period, validate: true },
      { onQueued: (queued, planned) => progress.push([queued, planned]) },
    );

    expect(result.queued).toHaveLength(30);
    expect(progress.at(-1)).toEqual([30, 30]);
    // Seen from the main thread's own connection: the rows are there, validated.
    const rows = await postier.db.selectFrom('messages').select(['id', 'status']).execute();
    expect(rows.map((r) => r.id).sort()).toEqual(result.queued.map((m) => m.id).sort());
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['validated']));
  });

  it('brings an error for the user back as one, with its code and parameters', async () => {
    const { postier } = await demoPostier();
    const thread = threadOn(postier);
    const failure = await thread.prepare({ type: 'parking' }).catch((error: unknown) => error);
    expect(isUserError(failure)).toBe(true);
    expect(failure).toMatchObject({
      code: 'error.documentType.unknown',
      params: { type: 'parking' },
    });
    // The thread is still there for the next batch.
    const { queued } = await thread.prepare({ type: 'taxslip', period: '2025', dryRun: true });
    expect(queued.length).toBeGreaterThan(0);
  });

  it('refuses work once closed, with a clear error', async () => {
    const { postier } = await demoPostier();
    const thread = threadOn(postier);
    await thread.ready();
    await thread.close();
    await expect(thread.prepare({ type: 'taxslip', period: '2025' })).rejects.toThrow(
      /preparation thread was closed/,
    );
  });

  it('lets the engine send the batch while it is being prepared: every message once', async () => {
    const { postier, demo } = await demoPostier();
    const server = await smtpServerForTest();
    await smtpAccount(postier.db, { structureId: demo.structure.id, port: server.port });
    // Chunks of 5: the engine starts on the first while the thread writes the others.
    const thread = threadOn(postier, 5);
    const feed = new QueueFeed();
    const chunks: number[] = [];
    const preparing = thread
      .prepare(
        { type: 'invoice', period: demo.period, validate: true },
        {
          onQueued: (queued) => {
            chunks.push(queued);
            feed.queued();
          },
        },
      )
      .finally(feed.finish);
    const summary = await runOutbox({
      db: postier.db,
      folder: postier.folder,
      transportFactory: smtpTransportFactory(postier.db),
      actor: { user: 'marie', workstation: 'COMPTA-2' },
      more: feed.more,
    });
    const { queued } = await preparing;

    expect(chunks).toEqual([5, 10, 15, 20, 25, 30]);
    expect(summary.sent).toBe(30);
    const received = server.messages.map((m) => receivedMessageId(m.raw));
    expect(new Set(received).size).toBe(30);
    expect(new Set(received)).toEqual(new Set(queued.map((m) => m.messageIdHeader)));
  });

  it('runs from the app’s bundle too: the built prepare-worker.js, its native addons found outside the archive', async () => {
    execFileSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: REPO, stdio: 'pipe' });
    const { postier } = await demoPostier();
    const bundled = pathToFileURL(path.join(REPO, 'dist', 'electron', 'prepare-worker.js'));
    const thread = threadOn(postier, undefined, bundled);
    const result = await thread.prepare({ type: 'taxslip', period: '2025', validate: true });
    expect(result.queued.length).toBeGreaterThan(0);
    expect(result.queued.every((m) => m.passwordProtected)).toBe(true);

    // Where the app looks for it: beside main.js, unpacked from the asar archive.
    const main = 'file:///C:/Program%20Files/Postier/resources/app.asar/dist/electron/main.js';
    expect(workerEntry(main).href).toBe(
      'file:///C:/Program%20Files/Postier/resources/app.asar.unpacked/dist/electron/prepare-worker.js',
    );
    expect(
      workerEntry(pathToFileURL(path.join(REPO, 'src-main/prepare/prepare-thread.ts')).href).href,
    ).toMatch(/\/src-main\/prepare\/prepare-worker\.boot\.mjs$/);
  }, 60_000);

  it('runs from the postier command’s bundle: dist/cli/prepare-worker.js, found from its chunk', async () => {
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: REPO, stdio: 'pipe' });
    // The chunk that holds this module in the bundle, beside main.js: where workerEntry looks from.
    const meta = JSON.parse(
      fs.readFileSync(path.join(REPO, 'dist', 'cli', 'meta.json'), 'utf8'),
    ) as {
      outputs: Record<string, { inputs: Record<string, unknown> }>;
    };
    const chunk = Object.keys(meta.outputs).find(
      (output) => 'src-main/prepare/prepare-thread.ts' in meta.outputs[output]!.inputs,
    );
    expect(chunk).toMatch(/^dist\/cli\/[^/]+\.js$/);
    const entry = workerEntry(pathToFileURL(path.join(REPO, chunk!)).href);
    expect(entry.href).toBe(
      pathToFileURL(path.join(REPO, 'dist', 'cli', 'prepare-worker.js')).href,
    );

    const { postier } = await demoPostier();
    const thread = threadOn(postier, undefined, entry);
    const result = await thread.prepare({ type: 'taxslip', period: '2025', validate: true });
    expect(result.queued.length).toBeGreaterThan(0);
    expect(result.queued.every((m) => m.passwordProtected)).toBe(true);
  }, 60_000);
});
