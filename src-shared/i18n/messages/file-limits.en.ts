// Files Postier refuses by their size or shape, English.
import type { fileLimitsFr } from './file-limits.fr.js';

export const fileLimitsEn: Record<keyof typeof fileLimitsFr, string> = {
  'import.error.fileTooLarge':
    'The file “{file}” is {size} MB: Postier reads at most {limit} MB; check that it is the export you meant, or split it into several files.',
  'import.error.notAWorkbook':
    'The file “{file}” is named as an Excel workbook (.xlsx) but is not one: open it in Excel and save it as .xlsx, or rename it to .csv if it is text.',
  'import.error.workbookDamaged':
    'The workbook “{file}” is incomplete or damaged (an interrupted copy?): save it again from Excel or your billing software.',
  'import.error.workbookTooLarge':
    'The workbook “{file}” unpacks to more than {limit} MB (at least {size} MB): Postier does not open it; save only the sheet you need, or export to CSV.',
  'import.error.workbookTooManyRows':
    'The workbook “{file}” has more than {limit} rows: Postier does not open it; split it into several files.',
  'import.error.workbookTooManyCells':
    'The workbook “{file}” has more than {limit} cells: Postier does not open it; delete unused columns or split it.',
  'error.pdf.tooLarge':
    'The PDF “{file}” is {size} MB: Postier takes at most {limit} MB; export it again at a lower quality, or split it.',
  'error.pdf.tooManyPages':
    'The PDF “{file}” has {pages} pages: Postier takes at most {limit} pages; check that it is the right file, or split it.',
  'error.pdf.alreadyUsed':
    'The PDF “{file}” is already the PDF of document {documentNumber} (no. {documentId}): one PDF is never attached to two documents; choose the right file.',
  'import.reason.pdfTooLarge':
    'Document {number}: the PDF “{file}” is {size} MB, over the {limit} MB limit.',
  'import.reason.pdfTooManyPages':
    'Document {number}: the PDF “{file}” has {pages} pages, over the {limit}-page limit.',
  'import.reason.pdfUsedByRow':
    'Document {number}: the PDF “{file}” is already used by line {otherLine}; one PDF is never attached to two documents.',
  'import.reason.pdfUsedByDocument':
    'Document {number}: the PDF “{file}” is already the PDF of document {documentNumber} (no. {documentId}); one PDF is never attached to two documents.',
};
