// A document type's name in the window's language; the code itself for a type this version
// does not know.
import type { DocumentTypeCode } from '../../src-shared/domain/document-types.js';
import { useApp } from './app-context.js';

export function useTypeName(): (code: DocumentTypeCode) => string {
  const { documentTypes, language } = useApp();
  return (code) => {
    const found = documentTypes.find((d) => d.code === code);
    return found ? (language === 'fr' ? found.nameFr : found.nameEn) : code;
  };
}
