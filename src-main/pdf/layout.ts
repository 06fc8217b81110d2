// The PDF layout file (templates/pdf/layout.json): geometry, sizes and labels, checked on load
// so that a hand-edited file fails with a clear message instead of a misdrawn PDF.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DOCUMENT_TYPE_CODES } from '../../src-shared/domain/document-types.js';
import { languageOf, type Language } from '../../src-shared/i18n/catalog.js';
import { templatesFolder } from './templates-folder.js';

const box = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
});

const paperFormat = z.object({
  width: z.number().positive(),
  height: z.number().positive(),
  recipientWindow: box,
});

const labels = z.object({
  titles: z.record(z.enum(DOCUMENT_TYPE_CODES), z.string()),
  number: z.string(),
  dossier: z.string(),
  period: z.string(),
  issueDate: z.string(),
  dueDate: z.string(),
  summaryNumber: z.string(),
  phone: z.string(),
  email: z.string(),
  columns: z.object({
    label: z.string(),
    quantity: z.string(),
    unitPrice: z.string(),
    amount: z.string(),
  }),
  subtotal: z.string(),
  taxes: z.string(),
  total: z.string(),
  page: z.string(),
});

const layoutSchema = z.object({
  paper: z.object({
    letterRegions: z.array(z.string()),
    formats: z.object({ LETTER: paperFormat, A4: paperFormat }),
  }),
  margins: z.object({
    top: z.number(),
    right: z.number(),
    bottom: z.number(),
    left: z.number(),
  }),
  fontSizes: z.object({
    structureName: z.number(),
    body: z.number(),
    recipient: z.number(),
    title: z.number(),
    table: z.number(),
    footer: z.number(),
  }),
  spacing: z.object({
    beforeTitle: z.number(),
    beforeTable: z.number(),
    beforeTotals: z.number(),
    detailsLabelWidth: z.number().positive(),
  }),
  table: z.object({
    quantityWidth: z.number(),
    unitWidth: z.number(),
    amountWidth: z.number(),
    cellPadding: z.number(),
  }),
  watermark: z.object({
    color: z.string(),
    opacity: z.number().min(0).max(1),
    maxFontSize: z.number().positive(),
    diagonalShare: z.number().positive().max(1),
  }),
  labels: z.object({ fr: labels, en: labels }),
});

export type PdfLayout = z.infer<typeof layoutSchema>;
export type PdfLabels = z.infer<typeof labels>;
export type PaperFormat = z.infer<typeof paperFormat>;

let cached: PdfLayout | null = null;

/** Read once per process: the file ships with the app and does not change while it runs. */
export function pdfLayout(): PdfLayout {
  cached ??= loadLayout(path.join(templatesFolder(), 'pdf', 'layout.json'));
  return cached;
}

function loadLayout(file: string): PdfLayout {
  const parsed = layoutSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`The PDF layout ${file} is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export function labelsFor(layout: PdfLayout, locale: string): PdfLabels {
  const language: Language = languageOf(locale);
  return layout.labels[language];
}

/** Letter in North America, A4 elsewhere: the paper the office's printer and envelopes use. */
export function paperFor(layout: PdfLayout, locale: string): PaperFormat {
  const region = locale.split(/[-_]/)[1]?.toUpperCase() ?? '';
  const letter = layout.paper.letterRegions.includes(region);
  return letter ? layout.paper.formats.LETTER : layout.paper.formats.A4;
}
