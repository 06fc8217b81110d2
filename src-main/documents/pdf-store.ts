// Where imported PDFs go in the data folder: documents/<structure>/<period>/<type>-<number>.pdf,
// the layout DocumentsService uses, so that both kinds of documents sit side by side.
import fs from 'node:fs';
import path from 'node:path';
import { safeFileName, type DataFolder } from '../data-folder/data-folder.js';
import { writeFileAtomic } from '../data-folder/atomic-write.js';

export interface StoredPdf {
  /** Relative to the data folder, as stored in documents.pdf_path. */
  relative: string;
  absolute: string;
}

/** Writes the PDF under a free name (-2, -3... when taken) and says where. */
export function storeDocumentPdf(
  folder: DataFolder,
  structureId: number,
  period: string,
  typeCode: string,
  number: string,
  bytes: Uint8Array,
): StoredPdf {
  const directory = path.join(folder.documentsFolder, String(structureId), safeFileName(period));
  fs.mkdirSync(directory, { recursive: true });
  const stem = safeFileName(`${typeCode}-${number}`);
  let target = path.join(directory, `${stem}.pdf`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(directory, `${stem}-${n}.pdf`);
  writeFileAtomic(target, bytes);
  return { relative: folder.relativize(target), absolute: target };
}

/** Undoes the files of an import that did not go through. */
export function removeStoredPdfs(stored: StoredPdf[]): void {
  for (const file of stored) fs.rmSync(file.absolute, { force: true });
}
