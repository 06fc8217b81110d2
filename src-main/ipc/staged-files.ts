// Files the user chose for a send (attachments) or an import. The renderer only ever holds
// an opaque reference; the path stays here. Uploaded bytes (browser) go to a private
// temporary folder removed when the process ends.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../src-shared/errors.js';
import { safeFileName } from '../data-folder/data-folder.js';

export const MAX_STAGED_BYTES = 25 * 1024 * 1024;

export interface StagedFile {
  ref: string;
  name: string;
  size: number;
}

export class StagedFiles {
  private readonly files = new Map<string, StagedFile & { path: string }>();
  private folder: string | null = null;

  /** A file the user picked in the system's dialog: kept where it is. */
  stagePath(absolutePath: string): StagedFile {
    const size = fs.statSync(absolutePath).size;
    const name = path.basename(absolutePath);
    if (size > MAX_STAGED_BYTES) throw new UserError('ui.error.fileTooLarge', { name });
    return this.remember({ ref: randomUUID(), name, size }, absolutePath);
  }

  /** A file uploaded from the page: written to the private folder under a safe name. */
  stageBytes(name: string, bytes: Uint8Array): StagedFile {
    const safeName = safeFileName(path.basename(name.replace(/\\/g, '/')), 'fichier');
    if (bytes.byteLength > MAX_STAGED_BYTES)
      throw new UserError('ui.error.fileTooLarge', { name: safeName });
    const ref = randomUUID();
    const folder = path.join(this.privateFolder(), ref);
    fs.mkdirSync(folder, { mode: 0o700 });
    const target = path.join(folder, safeName);
    fs.writeFileSync(target, bytes, { mode: 0o600 });
    return this.remember({ ref, name: safeName, size: bytes.byteLength }, target);
  }

  /** The file behind a reference, or a clear error when it is unknown (e.g. after a restart). */
  resolve(ref: string, nameForMessage = ref): StagedFile & { path: string } {
    const file = this.files.get(ref);
    if (!file || !fs.existsSync(file.path))
      throw new UserError('ui.error.stagedFileGone', { name: nameForMessage });
    return file;
  }

  dispose(): void {
    if (this.folder) fs.rmSync(this.folder, { recursive: true, force: true });
    this.folder = null;
    this.files.clear();
  }

  private remember(file: StagedFile, filePath: string): StagedFile {
    this.files.set(file.ref, { ...file, path: filePath });
    return file;
  }

  private privateFolder(): string {
    this.folder ??= fs.mkdtempSync(path.join(os.tmpdir(), 'postier-files-'));
    return this.folder;
  }
}
