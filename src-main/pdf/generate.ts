// Generates the PDF of one document (invoice, due notice, tax slip...) with pdfkit.
// Only pdfkit's built-in fonts are used: nothing to ship, and every PDF stays small.
import type { DocumentTypeCode } from '../../src-shared/domain/document-types.js';
import type { DocumentLine } from '../../src-shared/domain/documents.js';
import { formatDate, formatPeriod, parseIsoDate } from '../../src-shared/format/dates.js';
import { formatMoney } from '../../src-shared/format/money.js';
import type { PaperFormat, PdfLabels, PdfLayout } from './layout.js';
import { renderPdf } from './render.js';
import { toWinAnsi } from './win-ansi.js';

export interface PdfDocumentData {
  /** 'fr-CA', 'fr-FR', 'en-CA'...: French unless it starts with 'en'; the region picks the paper. */
  locale: string;
  currency: string;
  structure: { name: string; address: string; phone: string | null; email: string | null };
  recipient: { displayName: string; address: string; dossierNumber: string };
  typeCode: DocumentTypeCode;
  number: string;
  /** 'YYYY-MM' or 'YYYY'. */
  period: string;
  /** YYYY-MM-DD. */
  issueDate: string;
  dueDate: string | null;
  /** When empty, one line "<type title> — <period>" carries the amount before taxes. */
  lines: DocumentLine[];
  /** Total in cents, taxes included. */
  amountCents: number;
  taxCents: number;
  summaryNumber: string | null;
  /** Drawn red and diagonal on every page, e.g. DRAFT_WATERMARK. */
  watermark: string | null;
}

const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const LINE_SPACING = 1.35;
const NBSP = '\u00a0';

interface TextStyle {
  font: string;
  size: number;
}

type StyleName = 'name' | 'body' | 'bold' | 'recipient' | 'title' | 'cell' | 'cellBold' | 'footer';

/** Right edges of the number columns, and the width of the label column. */
interface Columns {
  quantity: number;
  unit: number;
  amount: number;
  labelWidth: number;
}

/** What every drawing step needs; `doc` moves from page to page, the rest is fixed. */
interface Sheet {
  doc: PDFKit.PDFDocument;
  /** watermark.ts's, loaded with the layout. */
  drawWatermark: (doc: PDFKit.PDFDocument, text: string) => void;
  data: PdfDocumentData;
  layout: PdfLayout;
  labels: PdfLabels;
  paper: PaperFormat;
  styles: Record<StyleName, TextStyle>;
  columns: Columns;
  left: number;
  right: number;
  /** Lowest y a table row may reach; below it are the footer and the bottom margin. */
  bottom: number;
}

export async function generateDocumentPdf(data: PdfDocumentData): Promise<Buffer> {
  // The layout and its checks (zod) load with the first PDF drawn, not with every command.
  const [{ labelsFor, paperFor, pdfLayout }, { drawWatermark }] = await Promise.all([
    import('./layout.js'),
    import('./watermark.js'),
  ]);
  const layout = pdfLayout();
  const labels = labelsFor(layout, data.locale);
  const paper = paperFor(layout, data.locale);
  const options: PDFKit.PDFDocumentOptions = {
    size: [paper.width, paper.height],
    margins: layout.margins,
    // Pages stay in memory so that footers ("page 1 / 3") and watermarks go on at the end.
    bufferPages: true,
    lang: data.locale,
    displayTitle: true,
    info: {
      Title: documentTitle(data, labels),
      Author: data.structure.name,
      Creator: 'Postier',
      // From the data, not the clock: the same document gives the same bytes.
      CreationDate: new Date(`${parseIsoDate(data.issueDate)}T00:00:00Z`),
    },
  };
  return renderPdf(options, (doc) =>
    drawDocument({ ...newSheet(doc, data, layout, labels, paper), drawWatermark }),
  );
}

function newSheet(
  doc: PDFKit.PDFDocument,
  data: PdfDocumentData,
  layout: PdfLayout,
  labels: PdfLabels,
  paper: PaperFormat,
): Omit<Sheet, 'drawWatermark'> {
  const left = layout.margins.left;
  const right = paper.width - layout.margins.right;
  const sizes = layout.fontSizes;
  const styles: Record<StyleName, TextStyle> = {
    name: { font: BOLD, size: sizes.structureName },
    body: { font: REGULAR, size: sizes.body },
    bold: { font: BOLD, size: sizes.body },
    recipient: { font: REGULAR, size: sizes.recipient },
    title: { font: BOLD, size: sizes.title },
    cell: { font: REGULAR, size: sizes.table },
    cellBold: { font: BOLD, size: sizes.table },
    footer: { font: REGULAR, size: sizes.footer },
  };
  const { table } = layout;
  const unit = right - table.amountWidth;
  const quantity = unit - table.unitWidth;
  const labelWidth = quantity - table.quantityWidth - left - table.cellPadding * 2;
  const columns = { quantity, unit, amount: right, labelWidth };
  const bottom = paper.height - layout.margins.bottom - sizes.footer * 2;
  return { doc, data, layout, labels, paper, styles, columns, left, right, bottom };
}

function drawDocument(sheet: Sheet): void {
  const { spacing } = sheet.layout;
  const headerBottom = drawStructure(sheet);
  drawContact(sheet);
  const windowBottom = drawRecipient(sheet);
  const titleTop = Math.max(headerBottom, windowBottom) + spacing.beforeTitle;
  const detailsBottom = drawTitleAndDetails(sheet, titleTop);
  const tableBottom = drawLines(sheet, detailsBottom + spacing.beforeTable);
  drawTotals(sheet, tableBottom + spacing.beforeTotals);
  finishPages(sheet);
}

function documentTitle(data: PdfDocumentData, labels: PdfLabels): string {
  return `${labels.titles[data.typeCode]} ${labels.number}${NBSP}${data.number}`;
}

function addressLines(address: string): string[] {
  return address
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function money(sheet: Sheet, cents: number): string {
  return formatMoney(cents, sheet.data.currency, sheet.data.locale);
}

/** Draws one line of text (no wrapping, never a new page) and returns the y below it. */
function line(sheet: Sheet, text: string, x: number, y: number, style: TextStyle): number {
  const { doc } = sheet;
  doc.font(style.font).fontSize(style.size);
  doc.text(toWinAnsi(text), x, y, { lineBreak: false });
  return y + doc.currentLineHeight() * LINE_SPACING;
}

/** Same as line(), the text ending at `rightEdge`. */
function lineRight(
  sheet: Sheet,
  text: string,
  rightEdge: number,
  y: number,
  style: TextStyle,
): number {
  const width = sheet.doc.font(style.font).fontSize(style.size).widthOfString(toWinAnsi(text));
  return line(sheet, text, rightEdge - width, y, style);
}

/** Name and address of the office, top left. */
function drawStructure(sheet: Sheet): number {
  const { structure } = sheet.data;
  const { styles, left } = sheet;
  let y = line(sheet, structure.name, left, sheet.layout.margins.top, styles.name);
  for (const text of addressLines(structure.address)) y = line(sheet, text, left, y, styles.body);
  return y;
}

/** Phone and e-mail, top right, so that a long address never runs into the envelope window. */
function drawContact(sheet: Sheet): void {
  const { phone, email } = sheet.data.structure;
  const { labels, styles, right } = sheet;
  let y = sheet.layout.margins.top;
  if (phone) y = lineRight(sheet, `${labels.phone} ${phone}`, right, y, styles.body);
  if (email) lineRight(sheet, `${labels.email} ${email}`, right, y, styles.body);
}

/** The recipient where the envelope's window shows it; returns the bottom of the window. */
function drawRecipient(sheet: Sheet): number {
  const window = sheet.paper.recipientWindow;
  const { recipient } = sheet.data;
  const style = sheet.styles.recipient;
  let y = line(sheet, recipient.displayName, window.x, window.y, style);
  for (const text of addressLines(recipient.address)) y = line(sheet, text, window.x, y, style);
  return Math.max(y, window.y + window.height);
}

function drawTitleAndDetails(sheet: Sheet, top: number): number {
  const { data, labels, styles, left } = sheet;
  let y = line(sheet, documentTitle(data, labels), left, top, styles.title) + 4;
  const details: [string, string | null][] = [
    [labels.dossier, data.recipient.dossierNumber],
    [labels.period, formatPeriod(data.period, data.locale)],
    [labels.issueDate, formatDate(data.issueDate, data.locale)],
    [labels.dueDate, data.dueDate && formatDate(data.dueDate, data.locale)],
    [labels.summaryNumber, data.summaryNumber],
  ];
  for (const [label, value] of details) {
    if (value === null || value === '') continue;
    line(sheet, label, left, y, styles.bold);
    y = line(sheet, value, left + sheet.layout.spacing.detailsLabelWidth, y, styles.body);
  }
  return y;
}

function rule(sheet: Sheet, y: number): void {
  sheet.doc.moveTo(sheet.left, y).lineTo(sheet.right, y).lineWidth(0.5).strokeColor('#555555');
  sheet.doc.stroke();
}

function drawTableHeader(sheet: Sheet, top: number): number {
  const { columns: titles } = sheet.labels;
  const { columns, styles } = sheet;
  line(sheet, titles.label, sheet.left, top, styles.cellBold);
  lineRight(sheet, titles.quantity, columns.quantity, top, styles.cellBold);
  lineRight(sheet, titles.unitPrice, columns.unit, top, styles.cellBold);
  const y = lineRight(sheet, titles.amount, columns.amount, top, styles.cellBold);
  rule(sheet, y);
  return y + sheet.layout.table.cellPadding;
}

/** The document's lines, or one line standing for the whole amount when there are none. */
function tableLines(data: PdfDocumentData, labels: PdfLabels): DocumentLine[] {
  if (data.lines.length > 0) return data.lines;
  const beforeTaxes = data.amountCents - data.taxCents;
  const label = `${labels.titles[data.typeCode]} — ${formatPeriod(data.period, data.locale)}`;
  return [{ label, quantity: 1, unitCents: beforeTaxes, amountCents: beforeTaxes }];
}

/** A table line as printed: texts ready for the built-in fonts, and the height it takes. */
interface TableRow {
  label: string;
  quantity: string;
  unit: string;
  amount: string;
  height: number;
}

function drawLines(sheet: Sheet, top: number): number {
  const quantities = new Intl.NumberFormat(sheet.data.locale, { maximumFractionDigits: 3 });
  let y = drawTableHeader(sheet, top);
  for (const documentLine of tableLines(sheet.data, sheet.labels)) {
    const row = measureRow(sheet, documentLine, quantities);
    if (y + row.height > sheet.bottom) y = drawTableHeader(sheet, newPage(sheet));
    drawRow(sheet, row, y);
    y += row.height;
  }
  return y;
}

function measureRow(
  sheet: Sheet,
  documentLine: DocumentLine,
  quantities: Intl.NumberFormat,
): TableRow {
  const label = toWinAnsi(documentLine.label);
  const { cell } = sheet.styles;
  const options = { width: sheet.columns.labelWidth };
  const height = sheet.doc.font(cell.font).fontSize(cell.size).heightOfString(label, options);
  return {
    label,
    quantity: quantities.format(documentLine.quantity),
    unit: money(sheet, documentLine.unitCents),
    amount: money(sheet, documentLine.amountCents),
    height: height + sheet.layout.table.cellPadding,
  };
}

function drawRow(sheet: Sheet, row: TableRow, top: number): void {
  const { columns, styles } = sheet;
  // The label, the only cell that wraps, comes first so that the text extracts left to right.
  sheet.doc.font(styles.cell.font).fontSize(styles.cell.size);
  sheet.doc.text(row.label, sheet.left, top, { width: columns.labelWidth });
  lineRight(sheet, row.quantity, columns.quantity, top, styles.cell);
  lineRight(sheet, row.unit, columns.unit, top, styles.cell);
  lineRight(sheet, row.amount, columns.amount, top, styles.cell);
}

/** Subtotal and taxes (when there are taxes), then the total in bold. */
function drawTotals(sheet: Sheet, top: number): void {
  const { data, labels, styles, columns } = sheet;
  const rows: [string, number, TextStyle][] = [];
  if (data.taxCents !== 0) {
    rows.push([labels.subtotal, data.amountCents - data.taxCents, styles.body]);
    rows.push([labels.taxes, data.taxCents, styles.body]);
  }
  rows.push([labels.total, data.amountCents, styles.bold]);
  // A generous estimate of the block's height: it is never split across pages.
  const height = rows.length * styles.body.size * LINE_SPACING * 1.5;
  let y = top + height > sheet.bottom ? newPage(sheet) : top;
  rule(sheet, y);
  y += sheet.layout.table.cellPadding;
  for (const [label, cents, style] of rows) {
    lineRight(sheet, label, columns.unit, y, style);
    y = lineRight(sheet, money(sheet, cents), columns.amount, y, style) + 2;
  }
}

/** Starts a page and returns where its content begins. */
function newPage(sheet: Sheet): number {
  sheet.doc.addPage();
  return sheet.layout.margins.top;
}

/** Footer ("page 1 / 3") and watermark on every page, now that the page count is known. */
function finishPages(sheet: Sheet): void {
  const { doc, data, labels, styles } = sheet;
  const { start, count } = doc.bufferedPageRange();
  const y = sheet.paper.height - sheet.layout.margins.bottom + styles.footer.size;
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    line(sheet, documentTitle(data, labels), sheet.left, y, styles.footer);
    const page = labels.page.replace('{page}', String(index + 1)).replace('{pages}', String(count));
    lineRight(sheet, page, sheet.right, y, styles.footer);
    if (data.watermark) sheet.drawWatermark(doc, data.watermark);
  }
}
