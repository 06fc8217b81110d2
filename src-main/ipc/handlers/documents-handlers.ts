// The document journal and PDFs for the preview pane; the document types' password rules and
// watermarks (Paramètres).
import type { documentsOperations } from '../../../src-shared/contract/documents.js';
import { listAttachments } from '../../db/documents-queries.js';
import { DocumentTypesService } from '../../documents/document-types-service.js';
import type { HandlerDeps, HandlersFor } from './handler-deps.js';

type Name = (typeof documentsOperations)[number]['name'];

export function documentsHandlers({ postier }: HandlerDeps): HandlersFor<Name> {
  const documents = postier.documents;
  const types = new DocumentTypesService(postier.db);
  return {
    'documents.types': () => documents.listTypes(),
    'documents.updateType': ({ code, version, patch }) => types.update(code, version, patch),
    'documents.journal': (filter) => documents.journal(filter),
    'documents.get': async ({ id }) => {
      const document = await documents.getDocument(id);
      const attachments = await listAttachments(postier.db, id);
      return {
        document,
        attachments: attachments.map((a) => ({
          id: a.id,
          fileName: a.file_name,
          sizeBytes: a.size_bytes,
        })),
      };
    },
    'documents.pdf': async ({ id }) => {
      const { fileName, bytes } = await documents.namedPdf(id);
      return { fileName, base64: bytes.toString('base64') };
    },
  };
}
