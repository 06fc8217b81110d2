// The whole sending pipeline (prepare: recipients, templates, PDF encryption per recipient,
// outbox rows; the engine: MIME, SMTP, statuses, journal) against a local SMTP server in its
// own process, as the app runs it (prepared on the preparation thread, each chunk sent as
// soon as it is queued) and one after the other in one thread; beside raw nodemailer sending
// the same messages to the same server in the same run: composed from the same parts and
// files (like with like), and pre-built as MIME before the clock starts (SMTP alone). Every
// round prepares the same documents again; each contender keeps its best round. The peak
// memory of a large batch is measured in memory.bench.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPostier } from '../../src-main/app/postier.js';
import { CLAIM_BATCH } from '../../src-main/send/claims.js';
import { startSink, taxSlipOffice } from './bench-office.js';
import { perSecond, round, type Bench } from './harness.js';
import { onPostgres, SERVER_NOTE } from './postgres-bench.js';
import { commitMs, fastest, runPipelineRounds, type Phase } from './pipeline-rounds.js';

const PIPELINE_MESSAGES = 1_000;
/** Rounds of the throughput comparison; each contender keeps its fastest. */
const ROUNDS = 3;
/** Rounds on PostgreSQL: fewer (no raw composing), to keep the bench's time reasonable. */
const POSTGRES_ROUNDS = 2;

/** The SQLite pipeline's rate in this run: PostgreSQL's line is compared with it. */
let sqlitePipeline: number | null = null;

export const pipelineThroughput: Bench = async () => {
  const sink = await startSink();
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-bench-pipeline-'));
  const postier = await openPostier({ dataPath });
  const n = PIPELINE_MESSAGES;
  try {
    const structureId = await taxSlipOffice(postier, n, sink.port);
    const run = await runPipelineRounds(postier, structureId, sink, {
      n,
      count: ROUNDS,
      composed: true,
    });
    const { rounds, built, building, threadStart } = run;
    const atOnce = fastest(rounds.atOnce);
    const prepare = fastest(rounds.prepare);
    const send = fastest(rounds.engine);
    const composed = fastest(rounds.composed);
    const raw = fastest(rounds.raw);
    const commit = await commitMs(postier);
    const size = built.reduce((sum, m) => sum + (m.raw as Buffer).length, 0) / built.length / 1024;
    const pipeline = perSecond(n, atOnce.ms);
    sqlitePipeline = pipeline;
    const sequential = perSecond(n, fastest(rounds.sequential).ms);
    const engine = perSecond(n, send.ms);
    const rawRate = perSecond(n, raw.ms);
    const composedRate = perSecond(n, composed.ms);
    const cpu = (phase: Phase) => round(phase.cpuMs / n, 2);
    const note = `${n} tax slips, PDF encrypted per parent, ${round(size)} KB each, pacing off; best of ${ROUNDS} alternating rounds`;
    return [
      {
        name: 'Pipeline: prepare + send',
        value: pipeline,
        unit: 'msg/s',
        note: `${note}; prepared on its thread, each chunk sent as soon as it is queued (send prepare --send); every round: ${rounds.atOnce.map((r) => perSecond(n, r.ms)).join(', ')} msg/s`,
      },
      {
        name: 'Pipeline: prepare, then send',
        value: sequential,
        unit: 'msg/s',
        note: 'one after the other in one thread (send prepare, then send run)',
      },
      {
        name: 'Pipeline: prepare only',
        value: perSecond(n, prepare.ms),
        unit: 'msg/s',
        note: 'recipients, templates, PDF encryption, outbox rows',
      },
      {
        name: 'Pipeline: engine only',
        value: engine,
        unit: 'msg/s',
        note: `prepared messages: MIME built from their parts and files, SMTP, durable statuses and journal (a commit per claim of up to ${CLAIM_BATCH})`,
      },
      {
        name: 'Raw nodemailer, same messages composed from the same files',
        value: composedRate,
        unit: 'msg/s',
        note: 'sendMail with the same parts and PDF paths: MIME built in the clock, no database',
      },
      {
        name: 'Raw nodemailer, same messages pre-built',
        value: rawRate,
        unit: 'msg/s',
        note: 'finished MIME built before the clock: SMTP alone, no database',
      },
      {
        name: 'Pipeline / raw nodemailer pre-built',
        value: round(pipeline / rawRate, 2),
        unit: 'ratio',
        goal: { min: 0.8 },
        ratio: { value: round(pipeline / rawRate, 2), baseline: 'raw nodemailer pre-built' },
        note: `prepare (templates, PDF encryption, rows) + send, against SMTP alone; round by round: ${rounds.atOnce.map((r, i) => round(rounds.raw[i]!.ms / r.ms, 2)).join(', ')}`,
      },
      {
        name: 'Pipeline one after the other / raw nodemailer pre-built',
        value: round(sequential / rawRate, 2),
        unit: 'ratio',
        note: 'the same work without the preparation thread',
      },
      {
        name: 'Engine / raw nodemailer pre-built',
        value: round(engine / rawRate, 2),
        unit: 'ratio',
        note: 'the raw side neither builds MIME nor writes anything',
      },
      {
        name: 'Engine / raw nodemailer composing',
        value: round(engine / composedRate, 2),
        unit: 'ratio',
        note: 'like with like: both build the MIME from the same parts; the engine also commits',
      },
      {
        name: 'CPU per message: at once (both threads) / prepare / engine / raw composing / raw pre-built',
        value: cpu(atOnce),
        unit: 'ms',
        note: `${cpu(atOnce)} / ${cpu(prepare)} / ${cpu(send)} (of which system ${round(send.systemMs / n, 2)}) / ${cpu(composed)} / ${cpu(raw)} ms`,
      },
      {
        name: 'Preparation thread start',
        value: Math.round(threadStart.ms),
        unit: 'ms',
        note: 'outside the clock: the app starts it in the background when it opens; a send prepare --send in the CLI waits for it once (worker thread, sources through tsx)',
      },
      {
        name: 'MIME build alone, same messages',
        value: round(building.ms / n, 2),
        unit: 'ms/msg',
        note: `nodemailer's composer, files read: what the pre-built side does before its clock (CPU ${cpu(building)} ms/msg)`,
      },
      {
        name: 'SQLite commit on this disk (median)',
        value: commit,
        unit: 'ms',
        note: `synchronous=FULL, rollback journal: the engine pays one per claim of up to ${CLAIM_BATCH} messages`,
      },
    ];
  } finally {
    await postier.close();
    sink.close();
    fs.rmSync(dataPath, { recursive: true, force: true });
  }
};

const PG = 'on PostgreSQL';
const PG_LINES = [
  `Pipeline ${PG}: prepare + send`,
  `Pipeline ${PG} / raw nodemailer pre-built`,
  `Pipeline ${PG}, one after the other / raw nodemailer pre-built`,
  `Engine ${PG} / raw nodemailer pre-built`,
  `PostgreSQL commit, throw-away server (median)`,
];

/** The same office, batch and rounds on a PostgreSQL database (runs after the SQLite one). */
export const pipelineThroughputPostgres: Bench = () =>
  onPostgres(PG_LINES, async (url) => {
    const sink = await startSink();
    const postier = await openPostier({ dataPath: url });
    const n = PIPELINE_MESSAGES;
    try {
      const structureId = await taxSlipOffice(postier, n, sink.port);
      const { rounds } = await runPipelineRounds(postier, structureId, sink, {
        n,
        count: POSTGRES_ROUNDS,
        composed: false,
      });
      const pipeline = perSecond(n, fastest(rounds.atOnce).ms);
      const sequential = perSecond(n, fastest(rounds.sequential).ms);
      const engine = perSecond(n, fastest(rounds.engine).ms);
      const rawRate = perSecond(n, fastest(rounds.raw).ms);
      const note = `${n} tax slips as on SQLite, ${SERVER_NOTE}; best of ${POSTGRES_ROUNDS} alternating rounds`;
      return [
        {
          name: PG_LINES[0]!,
          value: pipeline,
          unit: 'msg/s',
          note: `${note}; every round: ${rounds.atOnce.map((r) => perSecond(n, r.ms)).join(', ')} msg/s`,
          ...(sqlitePipeline && {
            ratio: {
              value: round(pipeline / sqlitePipeline, 2),
              baseline: `the SQLite pipeline (${sqlitePipeline} msg/s)`,
            },
          }),
        },
        {
          name: PG_LINES[1]!,
          value: round(pipeline / rawRate, 2),
          unit: 'ratio',
          goal: { min: 0.8 },
          ratio: {
            value: round(pipeline / rawRate, 2),
            baseline: `raw nodemailer pre-built (${rawRate} msg/s)`,
          },
          note: `round by round: ${rounds.atOnce.map((r, i) => round(rounds.raw[i]!.ms / r.ms, 2)).join(', ')}`,
        },
        {
          name: PG_LINES[2]!,
          value: round(sequential / rawRate, 2),
          unit: 'ratio',
          note: 'the same work without the preparation thread',
        },
        {
          name: PG_LINES[3]!,
          value: round(engine / rawRate, 2),
          unit: 'ratio',
          note: `engine only: ${engine} msg/s, a commit per claim of up to ${CLAIM_BATCH}`,
        },
        {
          name: PG_LINES[4]!,
          value: await commitMs(postier),
          unit: 'ms',
          note: `one write transaction on the throw-away server (${SERVER_NOTE}: an office's server syncs to its disk)`,
        },
      ];
    } finally {
      await postier.close();
      sink.close();
    }
  });
