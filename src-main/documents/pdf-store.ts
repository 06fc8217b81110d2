// Where imported PDFs go: in a data folder documents/<structure>/<period>/<type>-<number>.pdf,
// the layout DocumentsService uses, so that both kinds of documents sit side by side; on
// PostgreSQL in the database (content-store.ts). What is kept in documents.pdf_path is the
// store's reference.
import { DOCUMENTS_FOLDER_NAME, safeFileName } from '../data-folder/data-folder.js';
import type { DocumentContentStore } from './content-store.js';

/** Where a document's PDF would go in a data folder (relative, forward slashes). */
export function documentPdfPlace(
  structureId: number,
  period: string,
  typeCode: string,
  number: string,
): string {
  const stem = safeFileName(`${typeCode}-${number}`);
  return `${DOCUMENTS_FOLDER_NAME}/${structureId}/${safeFileName(period)}/${stem}.pdf`;
}

/** Stores the PDF (under a free name, -2, -3... when taken, in a folder); its reference. */
export function storeDocumentPdf(
  store: DocumentContentStore,
  structureId: number,
  period: string,
  typeCode: string,
  number: string,
  bytes: Uint8Array,
): Promise<string> {
  return store.put(bytes, documentPdfPlace(structureId, period, typeCode, number));
}

/** Undoes the PDFs of an import that did not go through. */
export async function removeStoredPdfs(
  store: DocumentContentStore,
  references: readonly string[],
): Promise<void> {
  for (const reference of references) await store.discard(reference);
}
