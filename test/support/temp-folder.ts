// Fresh temporary folders for tests, removed afterwards: after what was opened in them (a
// Postier, its database), since they join the same last-opened-first list.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeAfterTest } from './close-after-test.js';

export function tempFolder(prefix = 'postier-test-'): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  closeAfterTest({ close: () => fs.rmSync(folder, { recursive: true, force: true }) });
  return folder;
}
