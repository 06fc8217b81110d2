// How big a table file Postier reads. A file is read whole into memory and then parsed; an
// export of a few thousand clients weighs a few megabytes, so 50 MB leaves ample room while a
// mistaken file (a backup, a video renamed .csv) is refused at once, by its size on disk.
import fs from 'node:fs';
import { UserError } from '../../src-shared/errors.js';
import { megabytes } from '../pdf/pdf-limits.js';

export const MAX_TABLE_FILE_BYTES = 50 * 1024 * 1024;

/** The file's bytes, refused before reading when over the limit. */
export async function readBoundedFile(
  absolute: string,
  label: string,
  maxBytes = MAX_TABLE_FILE_BYTES,
): Promise<Buffer> {
  let size: number;
  try {
    size = (await fs.promises.stat(absolute)).size;
  } catch {
    throw new UserError('import.error.fileNotFound', { file: absolute });
  }
  if (size > maxBytes) {
    throw new UserError(
      'import.error.fileTooLarge',
      { file: label, size: megabytes(size), limit: megabytes(maxBytes) },
      `${label}: ${megabytes(size)} MB, over the ${megabytes(maxBytes)} MB limit`,
    );
  }
  try {
    return await fs.promises.readFile(absolute);
  } catch {
    throw new UserError('import.error.fileNotFound', { file: absolute });
  }
}
