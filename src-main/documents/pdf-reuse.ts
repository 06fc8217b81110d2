// Whether a PDF being taken in is already some document's PDF. The same file given to two
// documents means one client would receive another's invoice: it is refused, naming the
// document that holds it. Stored files are compared by size first, bytes only on a tie;
// contents in the database (PostgreSQL) by their SHA-256, which is their reference.
import type { ErrorParams } from '../../src-shared/errors.js';
import type { Db } from '../db/connection.js';
import { listDocumentsForImport } from '../db/import-queries.js';
import {
  contentReference,
  isContentReference,
  type DocumentContentStore,
} from './content-store.js';

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
  reference: string;
}

export class StoredPdfIndex {
  private constructor(
    private readonly store: DocumentContentStore,
    private readonly bySize: Map<number, StoredFile[]>,
    private readonly byHash: Map<string, PdfHolder>,
  ) {}

  /** The PDFs of the structure's documents, by size (files) or by hash (database). */
  static async build(
    db: Db,
    store: DocumentContentStore,
    structureId: number,
  ): Promise<StoredPdfIndex> {
    const bySize = new Map<number, StoredFile[]>();
    const byHash = new Map<string, PdfHolder>();
    for (const document of await listDocumentsForImport(db, structureId)) {
      const reference = document.pdf_path;
      if (!reference) continue;
      const entry = { id: document.id, number: document.number, type: document.type_code };
      if (isContentReference(reference)) {
        if (!byHash.has(reference)) byHash.set(reference, entry);
        continue;
      }
      // A stored file gone missing holds nothing: the journal shows it elsewhere.
      const size = await store.size(reference).catch(() => null);
      if (size === null) continue;
      bySize.set(size, [...(bySize.get(size) ?? []), { ...entry, reference }]);
    }
    return new StoredPdfIndex(store, bySize, byHash);
  }

  /** The document whose stored PDF has exactly these bytes, if any. */
  async holderOf(bytes: Uint8Array): Promise<PdfHolder | null> {
    if (this.byHash.size > 0) {
      const holder = this.byHash.get(contentReference(bytes));
      if (holder) return holder;
    }
    for (const candidate of this.bySize.get(bytes.length) ?? []) {
      const stored = await this.store.read(candidate.reference).catch(() => null);
      if (stored && Buffer.compare(stored, bytes) === 0) {
        return { id: candidate.id, number: candidate.number, type: candidate.type };
      }
    }
    return null;
  }
}
