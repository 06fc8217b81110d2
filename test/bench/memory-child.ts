// The process whose memory memory.bench.ts measures, bundled by it as the app is (esbuild,
// npm packages from node_modules, the preparation thread's own bundle beside it): it opens a
// data folder set up beforehand, starts the preparation thread, notes its memory then (the
// app at rest: the baseline), does one thing and prints one JSON line with its peak RSS.
//   node memory-child.js batch <dataPath> <structureId>   a batch prepared and sent at once
//   node memory-child.js export <dataPath>                the send journal exported as CSV
import path from 'node:path';
import { openPostier } from '../../src-main/app/postier.js';
import { prepareAndSend } from '../../src-main/send/prepare-and-send.js';

export interface MemoryChildReport {
  /** RSS of the app opened, its preparation thread started, before the work. */
  restMiB: number;
  /** The process's RSS high-water mark at the end of the work. */
  peakMiB: number;
  ms: number;
  count: number;
}

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const [mode, dataPath, structureId] = process.argv.slice(2);

const postier = await openPostier({ dataPath: dataPath! });
try {
  await postier.prepareThread().ready();
  const restMiB = mib(process.memoryUsage().rss);
  const start = performance.now();
  let count: number;
  if (mode === 'batch') {
    const { summary } = await prepareAndSend(
      { thread: postier.prepareThread(), engine: postier.sendEngine },
      { structureId: Number(structureId), type: 'taxslip', period: '2026' },
      { actor: { user: 'bench', workstation: 'BENCH' } },
    );
    count = summary.sent;
  } else {
    const exported = await postier.sendEngine.exportJournal(path.join(dataPath!, 'journal.csv'));
    count = exported.rows;
  }
  const report: MemoryChildReport = {
    restMiB,
    peakMiB: mib(process.resourceUsage().maxRSS * 1024),
    ms: Math.round(performance.now() - start),
    count,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  await postier.close();
}
