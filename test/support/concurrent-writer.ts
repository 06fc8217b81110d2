// Run by the multi-process test: one "workstation" adding dossiers to a shared data folder.
// Usage: tsx concurrent-writer.ts DATA_DIR PREFIX COUNT [SHARED_PREFIX]
// Prints one JSON line: { created, duplicates, errors }.
import { openPostier } from '../../src-main/app/postier.js';
import { isUserError } from '../../src-shared/errors.js';

const [dataPath, prefix, countText, sharedPrefix] = process.argv.slice(2);
const count = Number(countText);
const postier = await openPostier({ dataPath: dataPath!, busyTimeoutMs: 30_000 });
// COUNT 0: only open (and so migrate) the folder, as a workstation starting up does.
const structure = count > 0 ? await postier.records.chooseStructure() : null;
let created = 0;
let duplicates = 0;
const errors: string[] = [];

for (let i = 0; i < count; i++) {
  // Every writer also tries the same shared numbers: exactly one of them may win each.
  const numbers = [`${prefix}-${i}`, ...(sharedPrefix ? [`${sharedPrefix}-${i}`] : [])];
  for (const number of numbers) {
    try {
      await postier.records.createDossier(structure!.id, {
        number,
        lastName: `Écrivain ${prefix}`,
        correspondents: [{ email: `${number.toLowerCase()}@example.com` }],
      });
      created++;
    } catch (error) {
      if (isUserError(error) && error.code === 'error.dossier.duplicateNumber') duplicates++;
      else errors.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }
}
await postier.close();
process.stdout.write(`${JSON.stringify({ created, duplicates, errors })}\n`);
