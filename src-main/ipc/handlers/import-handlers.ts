// The import wizard over files the user chose (by reference): dossiers or documents from a
// table file (the import service's steps: read, mapping, preview, import), a merged PDF split.
import type { importOperations } from '../../../src-shared/contract/imports.js';
import type { DocumentTypeCode } from '../../../src-shared/domain/document-types.js';
import { translate, type Language } from '../../../src-shared/i18n/catalog.js';
import {
  DOCUMENT_FIELDS,
  DOSSIER_FIELDS,
  type ColumnMapping,
  type DocumentField,
  type DocumentImportOptions,
  type DossierField,
  type LoadedTable,
  type RowProblem,
  type SplitPart,
} from '../../imports/import-types.js';
import type { HandlerDeps, HandlersFor } from './handler-deps.js';

type Name = (typeof importOperations)[number]['name'];

/** Rows shown in the preview; every rejected row is listed whatever their number. */
const PREVIEW_ROWS = 50;

export function importHandlers({ postier, staged }: HandlerDeps): HandlersFor<Name> {
  const imports = postier.imports;
  const problems = (rejected: RowProblem[], language: Language) =>
    rejected.map((p) => ({ line: p.line, message: translate(language, p.code, p.params) }));
  const tableInfo = (name: string, table: LoadedTable, fields: readonly string[]) => ({
    fileName: name,
    format: table.format,
    encoding: table.encoding,
    headers: table.headers,
    rowCount: table.rows.length,
    fields: [...fields],
  });
  /** The documents' options: the PDFs the user chose, side by side in one folder. */
  const documentOptions = (
    structureId: number,
    input: {
      pdfFiles?: string[] | undefined;
      pdfPattern?: string | undefined;
      defaultType?: DocumentTypeCode | undefined;
      generateMissing?: boolean | undefined;
    },
  ): DocumentImportOptions => ({
    structureId,
    ...(input.pdfFiles?.length && { pdfDir: staged.gather(input.pdfFiles) }),
    ...(input.pdfPattern?.trim() && { pdfPattern: input.pdfPattern.trim() }),
    ...(input.defaultType && { defaultType: input.defaultType }),
    generateMissing: input.generateMissing === true,
  });
  const part = (p: SplitPart, language: Language) => ({
    key: p.key,
    pages: p.pages,
    action: p.action,
    documentNumber: p.documentNumber,
    dossierNumber: p.dossierNumber,
    problem: p.problem ? translate(language, p.problem.code, p.problem.params) : null,
  });

  return {
    'imports.dossiersPreview': async ({ structureId, file, mapping }, { language }) => {
      const source = staged.resolve(file);
      const table = await imports.loadTable(source.path);
      const chosen =
        (mapping as ColumnMapping<DossierField> | undefined) ??
        (await imports.mappingFor('dossiers', table));
      const preview = await imports.previewDossiers(table, chosen, {
        structureId,
        limit: PREVIEW_ROWS,
      });
      return {
        ...tableInfo(source.name, table, DOSSIER_FIELDS),
        mapping: preview.mapping,
        rows: preview.rows,
        toCreate: preview.toCreate,
        toUpdate: preview.toUpdate,
        rejected: problems(preview.rejected, language),
        warnings: problems(preview.warnings, language),
      };
    },
    'imports.dossiersCommit': async ({ structureId, file, mapping }, { language }) => {
      const table = await imports.loadTable(staged.resolve(file).path);
      const result = await imports.importDossiers(table, mapping as ColumnMapping<DossierField>, {
        structureId,
      });
      return {
        imported: result.imported,
        updated: result.updated,
        rejected: problems(result.rejected, language),
      };
    },

    'imports.documentsPreview': async ({ structureId, file, mapping, ...input }, { language }) => {
      const source = staged.resolve(file);
      const table = await imports.loadTable(source.path);
      const chosen =
        (mapping as ColumnMapping<DocumentField> | undefined) ??
        (await imports.mappingFor('documents', table));
      const preview = await imports.previewDocuments(table, chosen, {
        ...documentOptions(structureId, input),
        limit: PREVIEW_ROWS,
      });
      return {
        ...tableInfo(source.name, table, DOCUMENT_FIELDS),
        mapping: preview.mapping,
        rows: preview.rows,
        toImport: preview.toImport,
        rejected: problems(preview.rejected, language),
        unmatchedRows: preview.unmatchedRows,
        unmatchedFiles: preview.unmatchedFiles,
      };
    },
    'imports.documentsCommit': async ({ structureId, file, mapping, ...input }, { language }) => {
      const table = await imports.loadTable(staged.resolve(file).path);
      const result = await imports.importDocuments(
        table,
        mapping as ColumnMapping<DocumentField>,
        documentOptions(structureId, input),
      );
      return {
        imported: result.imported,
        attached: result.attached,
        withPdf: result.withPdf,
        generated: result.generated,
        withoutPdf: result.withoutPdf,
        rejected: problems(result.rejected, language),
        unmatchedRows: result.unmatchedRows,
        unmatchedFiles: result.unmatchedFiles,
      };
    },
    'imports.splitPdf': async ({ structureId, file, ...options }, { language }) => {
      const result = await imports.splitPdf(staged.resolve(file).path, {
        structureId,
        key: options.key,
        ...(options.keyKind && { keyKind: options.keyKind }),
        ...(options.type && { type: options.type }),
        ...(options.period?.trim() && { period: options.period.trim() }),
        ...(options.issueDate?.trim() && { issueDate: options.issueDate.trim() }),
        ...(options.numberKey?.trim() && { numberKey: options.numberKey }),
        ...(options.amountKey?.trim() && { amountKey: options.amountKey }),
        dryRun: options.dryRun,
      });
      return {
        dryRun: result.dryRun,
        pageCount: result.pageCount,
        documents: result.documents.map((p) => part(p, language)),
        unmatchedKeys: result.unmatchedKeys.map((p) => part(p, language)),
        pagesBeforeFirstKey: result.pagesBeforeFirstKey,
      };
    },
  };
}
