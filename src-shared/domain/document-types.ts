// The kinds of documents Postier sends, and the rules attached to each kind.

export const DOCUMENT_TYPE_CODES = [
  'invoice',
  'notice',
  'taxslip',
  'statement',
  'verification',
] as const;
export type DocumentTypeCode = (typeof DOCUMENT_TYPE_CODES)[number];

export function isDocumentTypeCode(value: string): value is DocumentTypeCode {
  return (DOCUMENT_TYPE_CODES as readonly string[]).includes(value);
}

/** The watermark the tax-slip seed prints on preliminary copies. */
export const DRAFT_WATERMARK = 'EXEMPLAIRE DE DÉMONSTRATION — non valide';

/** Password used when the field a rule needs is missing (the tax-slip seed's zeros). */
export const MISSING_SIN_PASSWORD = '000000000';
