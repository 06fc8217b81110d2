// What the pipeline benches share, on SQLite and on PostgreSQL: the office prepared once
// for the raw side, then rounds where the contenders take turns (the app's pipeline, prepare
// then send, raw nodemailer composing, raw nodemailer pre-built), each keeping its best.
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Postier } from '../../src-main/app/postier.js';
import { writeTransaction } from '../../src-main/db/connection.js';
import { contentStoreFor } from '../../src-main/documents/content-store.js';
import { prepareAndSend } from '../../src-main/send/prepare-and-send.js';
import { jsonList } from '../../src-main/outbox/outbox-status.js';
import type { MessageAttachment } from '../../src-shared/domain/outbox.js';
import type { Sink } from './bench-office.js';
import { round } from './harness.js';

export interface Phase {
  ms: number;
  /** CPU time of this process (user + system): comparable when other work shares the machine. */
  cpuMs: number;
  /** The system part of it (file and socket calls: SQLite's journal and syncs, SMTP I/O). */
  systemMs: number;
  /** The process's RSS high-water mark at the end of the phase. */
  peakRssMiB: number;
}

async function measured<T>(work: () => Promise<T>): Promise<{ result: T } & Phase> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return {
    result,
    ms: performance.now() - start,
    cpuMs: (used.user + used.system) / 1000,
    systemMs: used.system / 1000,
    peakRssMiB: round(process.resourceUsage().maxRSS / 1024, 1),
  };
}

/** Prepare, then send: one after the other, in this thread. */
async function prepareThenSend(postier: Postier, structureId: number) {
  const prepare = await measured(() =>
    postier.prepare.prepare({ structureId, type: 'taxslip', period: '2026', validate: true }),
  );
  const send = await measured(() => postier.sendEngine.run({ actor: ACTOR }));
  return { prepare, send };
}

/** What one durable commit costs on this disk now: the floor of an exactly-once engine. */
export async function commitMs(postier: Postier): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    await writeTransaction(postier.db, (tx) =>
      tx
        .updateTable('engine_lease')
        .set({ heartbeat_at: String(i) })
        .where('id', '=', 1)
        .execute(),
    );
    times.push(performance.now() - start);
  }
  return round(times.sort((a, b) => a - b)[times.length >> 1]!, 2);
}

// ------------------------------------------------------------ raw nodemailer, same messages

export type RawMessage = SendMailOptions & { envelope: { from: string; to: string[] } };

/** The outbox's messages as nodemailer options: the same parts and files the engine sends. */
async function rawMessages(postier: Postier): Promise<RawMessage[]> {
  const rows = await postier.db.selectFrom('messages').selectAll().orderBy('id').execute();
  // A data folder's files, or (PostgreSQL) the database's contents copied to this workstation.
  const contents = contentStoreFor(postier.db, postier.folder);
  const messages: RawMessage[] = [];
  for (const row of rows) {
    const to = jsonList<string>(row.to_addresses);
    const attachments = [];
    for (const a of jsonList<MessageAttachment>(row.attachments)) {
      const file = await contents.localFile(a.path);
      attachments.push({ filename: a.fileName, path: file, contentType: 'application/pdf' });
    }
    messages.push({
      envelope: { from: row.from_address, to },
      messageId: row.message_id_header,
      from: { name: row.from_name ?? '', address: row.from_address },
      to,
      subject: row.subject,
      text: row.text_body,
      ...(row.html_body !== null && { html: row.html_body }),
      attachments,
    });
  }
  return messages;
}

/** The same messages as finished MIME (encrypted PDFs included), built before the clock starts. */
async function prebuilt(messages: RawMessage[]): Promise<RawMessage[]> {
  const composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  });
  const built: RawMessage[] = [];
  for (const message of messages) {
    const info = await composer.sendMail(message);
    built.push({ envelope: message.envelope, raw: info.message as Buffer });
  }
  return built;
}

async function rawSend(port: number, messages: RawMessage[]) {
  // As the engine's SMTP transport: one connection, one message after the other.
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 1,
  });
  const phase = await measured(async () => {
    for (const message of messages) await transport.sendMail(message);
  });
  transport.close();
  return phase;
}

/**
 * Empties the outbox (messages, their addresses, the journal, the documents' e-mail state) so
 * that the next round prepares the same documents again. The files stay: raw nodemailer
 * sends the first round's encrypted PDFs.
 */
async function emptyOutbox(postier: Postier): Promise<void> {
  await writeTransaction(postier.db, async (tx) => {
    await tx.deleteFrom('send_journal').execute();
    await tx.deleteFrom('message_addresses').execute();
    await tx.deleteFrom('messages').execute();
    await tx.updateTable('documents').set({ email_state: 'none', last_sent_at: null }).execute();
  });
}

export const fastest = <T extends { ms: number }>(phases: T[]) =>
  phases.reduce((a, b) => (b.ms < a.ms ? b : a));

const ACTOR = { user: 'bench', workstation: 'BENCH' };

function prepareAndSendNow(postier: Postier, structureId: number) {
  return prepareAndSend(
    { thread: postier.prepareThread(), engine: postier.sendEngine },
    { structureId, type: 'taxslip', period: '2026' },
    { actor: ACTOR },
  );
}

function expectSent(what: string, sent: number, count: number): void {
  if (sent !== count) throw new Error(`${what}: ${sent} sent of ${count}`);
}

export interface PipelineRounds {
  atOnce: Phase[];
  prepare: Phase[];
  engine: Phase[];
  sequential: { ms: number }[];
  composed: Phase[];
  raw: Phase[];
}

export interface PipelineRun {
  rounds: PipelineRounds;
  /** The outbox's messages as nodemailer options, and pre-built as MIME (with its cost). */
  messages: RawMessage[];
  built: RawMessage[];
  building: Phase;
  threadStart: Phase;
}

/**
 * The office's batch of `n` prepared once for the raw side, then `count` rounds. `composed`:
 * whether raw nodemailer composing from the same files takes its turn too.
 */
export async function runPipelineRounds(
  postier: Postier,
  structureId: number,
  sink: Sink,
  options: { n: number; count: number; composed: boolean },
): Promise<PipelineRun> {
  const { n, count } = options;
  // The raw side's messages: the outbox's first preparation, as nodemailer options and as MIME.
  await postier.prepare.prepare({ structureId, type: 'taxslip', period: '2026', validate: true });
  const messages = await rawMessages(postier);
  const building = await measured(() => prebuilt(messages));
  // The app starts the preparation thread when it opens and keeps it: its start is shown apart.
  const threadStart = await measured(() => postier.prepareThread().ready());
  const before = await sink.count();
  // The machine is shared: the contenders take turns, and each keeps its best round.
  const rounds: PipelineRounds = {
    atOnce: [],
    prepare: [],
    engine: [],
    sequential: [],
    composed: [],
    raw: [],
  };
  for (let turn = 1; turn <= count; turn++) {
    await emptyOutbox(postier);
    const atOnce = await measured(() => prepareAndSendNow(postier, structureId));
    expectSent(`round ${turn}, prepared and sent at once`, atOnce.result.summary.sent, n);
    rounds.atOnce.push(atOnce);
    await emptyOutbox(postier);
    const { prepare, send } = await prepareThenSend(postier, structureId);
    expectSent(`round ${turn}, one after the other`, send.result.sent, n);
    rounds.prepare.push(prepare);
    rounds.engine.push(send);
    rounds.sequential.push({ ms: prepare.ms + send.ms });
    if (options.composed) rounds.composed.push(await rawSend(sink.port, messages));
    rounds.raw.push(await rawSend(sink.port, building.result));
  }
  const expected = (options.composed ? 4 : 3) * count * n;
  const received = (await sink.count()) - before;
  if (received !== expected) throw new Error(`the server received ${received} of ${expected}`);
  return { rounds, messages, built: building.result, building, threadStart };
}
