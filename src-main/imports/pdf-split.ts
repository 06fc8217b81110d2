// One merged PDF (every invoice of the month, as billing software prints them) split into
// one PDF per document: each page's text is searched for a key (a document or dossier
// number), pages are grouped until the next key, and each group goes to its document.
import path from 'node:path';
import type { DocumentTypeCode } from '../../src-shared/domain/document-types.js';
import type { Structure } from '../../src-shared/domain/records.js';
import { UserError } from '../../src-shared/errors.js';
import { parseIsoDate, parsePeriod } from '../../src-shared/format/dates.js';
import { writeTransaction, type Db } from '../db/connection.js';
import * as dq from '../db/documents-queries.js';
import * as iq from '../db/import-queries.js';
import type { NewDocumentRow } from '../db/schema.js';
import { MERGED_PDF_LIMITS, readPdfFile } from '../pdf/pdf-limits.js';
import { readPdfText } from '../pdf/read.js';
import { readAmount } from './cell-values.js';
import type { DocumentContentStore } from '../documents/content-store.js';
import { removeStoredPdfs, storeDocumentPdf } from '../documents/pdf-store.js';
import { rolledBack } from './dossier-import.js';
import type { RowProblem, SplitOptions, SplitPart, SplitResult } from './import-types.js';
import { groupBy } from './pdf-matching.js';
import { PdfPageSource } from './pdf-pages.js';

interface PageGroup {
  key: string;
  pages: number[];
  text: string;
}

/** What the key regular expression found, page by page. */
export interface KeyedPages {
  pageCount: number;
  groups: PageGroup[];
  pagesBeforeFirstKey: number[];
}

/**
 * Compiles the user's key: case ignored, and a space matches any spacing (PDF text rarely
 * keeps the spaces the eye sees: "N° Client : P5" may read "N°Client: P5").
 */
export function compileKey(pattern: string, option = '--key'): RegExp {
  let regex: RegExp;
  try {
    regex = new RegExp(loosenSpaces(pattern), 'iu');
  } catch (error) {
    throw new UserError('import.error.keyInvalid', {
      pattern,
      option,
      detail: (error as Error).message,
    });
  }
  if (new RegExp(`${regex.source}|`, 'u').exec('')!.length < 2) {
    throw new UserError('import.error.keyNoGroup', { pattern, option });
  }
  return regex;
}

function loosenSpaces(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') {
      out += char + (pattern[i + 1] ?? '');
      i++;
    } else if (char === '[') {
      inClass = true;
      out += char;
    } else if (char === ']') {
      inClass = false;
      out += char;
    } else if (char === ' ' && !inClass) {
      while (pattern[i + 1] === ' ') i++;
      out += '\\s*';
    } else out += char;
  }
  return out;
}

/** Groups pages by key: a page without the key continues the document before it. */
export function groupPages(texts: string[], key: RegExp): KeyedPages {
  const groups: PageGroup[] = [];
  const pagesBeforeFirstKey: number[] = [];
  texts.forEach((text, index) => {
    const page = index + 1;
    const found = key.exec(text)?.[1]?.trim();
    const current = groups[groups.length - 1];
    if (found && found !== current?.key) groups.push({ key: found, pages: [page], text });
    else if (current) {
      current.pages.push(page);
      current.text += `\n${text}`;
    } else pagesBeforeFirstKey.push(page);
  });
  return { pageCount: texts.length, groups, pagesBeforeFirstKey };
}

export interface SplitContext {
  db: Db;
  /** Where the PDFs go: the data folder, or the database (PostgreSQL). */
  contents: DocumentContentStore;
  structure: Structure;
}

interface PlannedPart extends SplitPart {
  row?: NewDocumentRow;
  typeCode: string;
  period: string;
  version?: number;
  oldPdfPath?: string | null;
}

export async function splitMergedPdf(
  context: SplitContext,
  file: string,
  options: SplitOptions,
): Promise<SplitResult> {
  const label = path.basename(file);
  const key = compileKey(options.key);
  const numberKey = options.numberKey ? compileKey(options.numberKey, '--number-key') : null;
  const amountKey = options.amountKey ? compileKey(options.amountKey, '--amount-key') : null;
  const period = options.period ? parsePeriod(options.period) : null;
  const issueDate = parseIsoDate(options.issueDate ?? new Date().toISOString().slice(0, 10));
  const bytes = await readPdfFile(file, label, MERGED_PDF_LIMITS);
  const texts = await readPdfText(bytes, { fileLabel: label, limits: MERGED_PDF_LIMITS });
  if (texts.every((text) => text.trim() === ''))
    throw new UserError('import.error.pdfNoText', { file: label });
  const keyed = groupPages(texts, key);
  if (keyed.groups.length === 0) {
    throw new UserError('import.error.noKeyFound', { file: label, pattern: options.key });
  }
  const parts = await planParts(context, keyed.groups, {
    ...options,
    numberKey,
    amountKey,
    period: period ?? issueDate.slice(0, 7),
    issueDate,
  });
  const usable = parts.filter((part) => part.problem === null);
  const result = (documents: SplitPart[]): SplitResult => ({
    dryRun: options.dryRun === true,
    pageCount: keyed.pageCount,
    documents,
    unmatchedKeys: parts.filter((part) => part.problem !== null).map(publicPart),
    pagesBeforeFirstKey: keyed.pagesBeforeFirstKey,
  });
  if (options.dryRun || usable.length === 0) return result(usable.map(publicPart));
  return result(await writeParts(context, file, label, usable));
}

interface ResolvedOptions extends Omit<SplitOptions, 'numberKey' | 'amountKey'> {
  numberKey: RegExp | null;
  amountKey: RegExp | null;
  period: string;
  issueDate: string;
}

async function planParts(
  context: SplitContext,
  groups: PageGroup[],
  options: ResolvedOptions,
): Promise<PlannedPart[]> {
  const { db, structure } = context;
  const kind = options.keyKind ?? 'auto';
  const documents = (await iq.listDocumentsForImport(db, structure.id)).filter(
    (d) => !options.type || d.type_code === options.type,
  );
  const documentsByNumber = groupBy(documents, (d) => d.number);
  const dossiers = new Map(
    (await iq.listDossiersForImport(db, structure.id)).map((d) => [d.number, d.id]),
  );
  const typeCode: DocumentTypeCode = options.type ?? 'invoice';
  const type = (await dq.findDocumentType(db, typeCode))!;
  const existingNumbers = new Set(
    documents.filter((d) => d.type_code === typeCode).map((d) => d.number),
  );
  const seen = new Map<string, number[]>();
  const newNumbers = new Set<string>();
  return groups.map((group): PlannedPart => {
    const base = { key: group.key, pages: group.pages, typeCode, period: options.period };
    const problem = (code: RowProblem['code'], params: RowProblem['params'] = {}): PlannedPart => ({
      ...base,
      action: 'none',
      documentId: null,
      documentNumber: null,
      dossierNumber: null,
      problem: {
        line: group.pages[0]!,
        code,
        params: { key: group.key, pages: pageRange(group.pages), ...params },
      },
    });
    const earlier = seen.get(group.key);
    if (earlier) return problem('import.reason.keyRepeated', { otherPages: pageRange(earlier) });
    seen.set(group.key, group.pages);

    const matches = kind === 'dossier' ? [] : (documentsByNumber.get(group.key) ?? []);
    if (matches.length > 1) return problem('import.reason.keyAmbiguous');
    const document = matches[0];
    if (document) {
      if (document.email_state !== 'none') return problem('import.reason.alreadySent');
      return {
        ...base,
        typeCode: document.type_code,
        period: document.period,
        action: document.pdf_path ? 'replace' : 'attach',
        documentId: document.id,
        documentNumber: document.number,
        dossierNumber: document.dossier_number,
        problem: null,
        version: document.version,
        oldPdfPath: document.pdf_path,
      };
    }
    const dossierId = kind === 'document' ? undefined : dossiers.get(group.key);
    if (dossierId === undefined) return problem('import.reason.keyUnknown');
    const number =
      options.numberKey?.exec(group.text)?.[1]?.trim() || `${options.period}-${group.key}`;
    if (existingNumbers.has(number) || newNumbers.has(number)) {
      return problem('import.reason.splitDocumentExists', { number });
    }
    newNumbers.add(number);
    const amountText = options.amountKey?.exec(group.text)?.[1];
    return {
      ...base,
      action: 'create',
      documentId: null,
      documentNumber: number,
      dossierNumber: group.key,
      problem: null,
      row: {
        structure_id: context.structure.id,
        dossier_id: dossierId,
        type_id: type.id,
        number,
        period: options.period,
        issue_date: options.issueDate,
        due_date: null,
        currency: context.structure.currency,
        amount_cents: (amountText && readAmount(amountText)) || 0,
        tax_cents: 0,
        lines: '[]',
        summary_number: null,
        pdf_path: null,
        pdf_source: 'imported',
      },
    };
  });
}

/** Copies each part's pages into the store, then records them all in one transaction. */
async function writeParts(
  context: SplitContext,
  file: string,
  label: string,
  parts: PlannedPart[],
): Promise<SplitPart[]> {
  const { db, contents, structure } = context;
  const source = PdfPageSource.open(file, label);
  const stored: string[] = [];
  try {
    for (const part of parts) {
      const number = part.documentNumber!;
      stored.push(
        await storeDocumentPdf(
          contents,
          structure.id,
          part.period,
          part.typeCode,
          number,
          source.copy(part.pages),
        ),
      );
    }
  } catch (error) {
    await removeStoredPdfs(contents, stored);
    throw error;
  } finally {
    source.close();
  }
  try {
    await writeTransaction(db, async (tx) => {
      for (const [index, part] of parts.entries()) {
        const pdfPath = stored[index]!;
        if (part.row) {
          part.documentId = (
            await iq.insertDocuments(tx, [{ ...part.row, pdf_path: pdfPath }])
          )[0]!;
        } else if (!(await iq.replaceDocumentPdf(tx, part.documentId!, part.version!, pdfPath))) {
          throw new UserError('error.record.stale', { record: `document ${part.documentNumber}` });
        }
      }
    });
  } catch (error) {
    await removeStoredPdfs(contents, stored);
    throw rolledBack(label, error);
  }
  // The replaced files are no longer referenced: removed once the new ones are recorded.
  for (const part of parts) {
    if (part.oldPdfPath) await contents.discard(part.oldPdfPath);
  }
  return parts.map(publicPart);
}

function publicPart(part: PlannedPart): SplitPart {
  return {
    key: part.key,
    pages: part.pages,
    action: part.action,
    documentId: part.documentId,
    documentNumber: part.documentNumber,
    dossierNumber: part.dossierNumber,
    problem: part.problem,
  };
}

/** 3, 4, 5 → "3-5"; 7 → "7". */
export function pageRange(pages: number[]): string {
  const first = pages[0]!;
  const last = pages[pages.length - 1]!;
  return first === last ? String(first) : `${first}-${last}`;
}
