// Files the user chose for a send (attachments) or an import (a table, a merged PDF, the PDFs
// of a folder). The renderer only ever holds an opaque reference; the path stays here.
// Uploaded bytes (browser) go to a private temporary folder removed when the process ends.
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
  /** Folders made by gather(), by their sorted references. */
  private readonly gathered = new Map<string, string>();
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

  /**
   * The files behind these references side by side in one private folder, under their own
   * names: a "folder of PDFs" the user chose file by file. The same choice gives the same
   * folder. Two files with the same name cannot be told apart: refused.
   */
  gather(refs: readonly string[]): string {
    const key = [...refs].sort().join('|');
    const known = this.gathered.get(key);
    if (known && fs.existsSync(known)) return known;
    const files = refs.map((ref) => ({ ...this.resolve(ref), as: '' }));
    const names = new Set<string>();
    for (const file of files) {
      file.as = safeFileName(file.name, 'fichier.pdf');
      if (names.has(file.as.toLowerCase()))
        throw new UserError('ui.error.sameFileName', { name: file.name });
      names.add(file.as.toLowerCase());
    }
    const folder = path.join(this.privateFolder(), `folder-${randomUUID()}`);
    fs.mkdirSync(folder, { mode: 0o700 });
    for (const file of files) {
      const target = path.join(folder, file.as);
      // A link costs nothing; across drives (a file picked elsewhere) it is a copy.
      try {
        fs.linkSync(file.path, target);
      } catch {
        fs.copyFileSync(file.path, target);
      }
    }
    this.gathered.set(key, folder);
    return folder;
  }

  dispose(): void {
    if (this.folder) fs.rmSync(this.folder, { recursive: true, force: true });
    this.folder = null;
    this.files.clear();
    this.gathered.clear();
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
