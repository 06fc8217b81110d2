// Files as billing software writes them, made by the import tests: Windows-1252 CSVs,
// workbooks, invoice PDFs (one per document, or all merged), protected and broken PDFs.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import PDFDocument from 'pdfkit';
import type { Postier } from '../../src-main/app/postier.js';
import { encryptPdfBytes } from '../../src-main/pdf/encrypt.js';

/** Lines joined with CRLF (Windows), written in the given encoding. */
export function writeText(
  file: string,
  lines: string[],
  encoding: 'win1252' | 'utf8' | 'utf8-bom' = 'utf8',
): string {
  const text = `${lines.join('\r\n')}\r\n`;
  const bytes =
    encoding === 'win1252'
      ? iconv.encode(text, 'win1252')
      : Buffer.from(encoding === 'utf8-bom' ? `\ufeff${text}` : text, 'utf8');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

export async function writeWorkbook(
  file: string,
  sheets: Record<string, unknown[][]>,
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  await workbook.xlsx.writeFile(file);
  return file;
}

/** A PDF with one page per entry, each page showing its lines of text. */
export function pdfOfPages(pages: string[][]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, compress: true });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const lines of pages) {
      doc.addPage({ size: 'LETTER' });
      doc.fontSize(14);
      for (const line of lines) doc.text(line);
    }
    doc.end();
  });
}

export interface MergedInvoice {
  number: string;
  pages: number;
}

/**
 * Invoices 1001, 1002... merged into one PDF; every `twoPageEvery`-th invoice has two pages
 * (the second repeats the number, as billing software prints it).
 */
export async function mergedInvoices(
  count: number,
  options: { first?: number; twoPageEvery?: number; cover?: boolean } = {},
): Promise<{ pdf: Buffer; invoices: MergedInvoice[] }> {
  const first = options.first ?? 1001;
  const every = options.twoPageEvery ?? 4;
  const pages: string[][] = options.cover ? [['Récapitulatif de facturation', 'Octobre 2026']] : [];
  const invoices: MergedInvoice[] = [];
  for (let i = 0; i < count; i++) {
    const number = String(first + i);
    const two = (i + 1) % every === 0;
    pages.push([`Facture n° ${number}`, `Résidence Les Érables — client ${number}`, 'Page 1']);
    if (two) pages.push([`Suite de la facture n° ${number}`, 'Détail des frais', 'Page 2']);
    invoices.push({ number, pages: two ? 2 : 1 });
  }
  return { pdf: await pdfOfPages(pages), invoices };
}

export async function protectedPdf(password: string): Promise<Buffer> {
  return encryptPdfBytes(await pdfOfPages([['Facture n° 9999', 'Confidentiel']]), password);
}

/** A PDF cut in the middle, as a failed network copy leaves it. */
export async function truncatedPdf(): Promise<Buffer> {
  const whole = await pdfOfPages([['Facture n° 9998']]);
  return Buffer.concat([whole.subarray(0, Math.floor(whole.length / 2)), Buffer.from('\n%%EOF\n')]);
}

export async function addDossiers(postier: Postier, numbers: string[]): Promise<void> {
  const structure = await postier.records.chooseStructure();
  for (const number of numbers) {
    await postier.records.createDossier(structure.id, {
      number,
      lastName: `Client ${number}`,
      correspondents: [{ email: `client${number.toLowerCase()}@example.com` }],
    });
  }
}
