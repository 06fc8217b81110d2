// `npm run bench`: runs every test/bench/*.bench.ts (each exports Bench functions) and
// prints the figures. Speed and memory targets live here, never in timed unit tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { goalText, ratioText, type Bench, type BenchFigure } from './harness.js';

const folder = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];

const files = fs
  .readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => !only || name.includes(only))
  .sort();

const figures: BenchFigure[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(path.join(folder, file)).href)) as Record<
    string,
    unknown
  >;
  for (const [name, value] of Object.entries(module)) {
    if (typeof value !== 'function') continue;
    process.stdout.write(`▶ ${file} ${name}…\n`);
    const results = await (value as Bench)();
    for (const figure of results) {
      figures.push(figure);
      process.stdout.write(
        figure.skipped
          ? `  ${figure.name}: ${figure.skipped}\n`
          : `  ${figure.name}: ${figure.value} ${figure.unit}${figure.note ? `  (${figure.note})` : ''}\n`,
      );
    }
  }
}

process.stdout.write('\nSummary (figure, goal, ratio to its baseline in this run)\n');
const width = Math.max(...figures.map((f) => f.name.length), 10);
for (const f of figures) {
  if (f.skipped) {
    process.stdout.write(`${f.name.padEnd(width)}  ${f.skipped}\n`);
    continue;
  }
  const extras = [goalText(f), ratioText(f), f.note ?? ''].filter(Boolean).join('  ·  ');
  process.stdout.write(
    `${f.name.padEnd(width)}  ${String(f.value).padStart(10)} ${f.unit}${extras ? `  ${extras}` : ''}\n`,
  );
}
const missed = figures.filter((f) => !f.skipped && goalText(f).endsWith('MISSED'));
const skipped = figures.filter((f) => f.skipped).length;
process.stdout.write(
  `\n${missed.length} of ${figures.filter((f) => f.goal && !f.skipped).length} goals missed${skipped ? `; ${skipped} figures skipped` : ''}\n`,
);
