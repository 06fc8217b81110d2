// Whether a PDF being taken in is already some document's PDF. The same file given to two
// documents means one client would receive another's invoice: it is refused, naming the
// document that holds it. Stored PDFs are compared by size first, bytes only on a tie.
import fs from 'node:fs';
import type { ErrorParams } from '../../src-shared/errors.js';
import type { Db } from '../db/connection.js';
import { listDocumentsForImport } from '../db/import-queries.js';
import type { DataFolder } from '../data-folder/data-folder.js';

export interface PdfHolder {
  id: number;
  number: string;
  type: string;
}

/** The holder as message parameters (the row's own number keeps the name `number`). */
export function holderParams(holder: PdfHolder): ErrorParams {
  return { documentId: holder.id, documentNumber: holder.number, type: holder.type };
}

interface StoredFile extends PdfHolder {
  absolute: string;
}

export class StoredPdfIndex {
  private constructor(private readonly bySize: Map<number, StoredFile[]>) {}

  /** The PDFs of the structure's documents, by size. */
  static async build(db: Db, folder: DataFolder, structureId: number): Promise<StoredPdfIndex> {
    const bySize = new Map<number, StoredFile[]>();
    for (const document of await listDocumentsForImport(db, structureId)) {
      if (!document.pdf_path) continue;
      const absolute = folder.resolve(document.pdf_path);
      // A stored file gone missing holds nothing: the journal shows it elsewhere.
      const stat = await fs.promises.stat(absolute).catch(() => null);
      if (!stat) continue;
      const entry = { id: document.id, number: document.number, type: document.type_code };
      bySize.set(stat.size, [...(bySize.get(stat.size) ?? []), { ...entry, absolute }]);
    }
    return new StoredPdfIndex(bySize);
  }

  /** The document whose stored PDF has exactly these bytes, if any. */
  async holderOf(bytes: Uint8Array): Promise<PdfHolder | null> {
    for (const candidate of this.bySize.get(bytes.length) ?? []) {
      const stored = await fs.promises.readFile(candidate.absolute).catch(() => null);
      if (stored && Buffer.compare(stored, bytes) === 0) {
        return { id: candidate.id, number: candidate.number, type: candidate.type };
      }
    }
    return null;
  }
}
