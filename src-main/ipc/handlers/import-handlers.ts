// Importing dossiers from a file the user chose (by reference): the import service's steps.
import type { importOperations } from '../../../src-shared/contract/imports.js';
import { translate, type Language } from '../../../src-shared/i18n/catalog.js';
import {
  DOSSIER_FIELDS,
  type ColumnMapping,
  type DossierField,
  type RowProblem,
} from '../../imports/import-types.js';
import type { HandlerDeps, HandlersFor } from './handler-deps.js';

type Name = (typeof importOperations)[number]['name'];

/** Rows shown in the preview; every rejected row is listed whatever their number. */
const PREVIEW_ROWS = 50;

export function importHandlers({ postier, staged }: HandlerDeps): HandlersFor<Name> {
  const imports = postier.imports;
  const problems = (rejected: RowProblem[], language: Language) =>
    rejected.map((p) => ({ line: p.line, message: translate(language, p.code, p.params) }));

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
        fileName: source.name,
        format: table.format,
        encoding: table.encoding,
        headers: table.headers,
        rowCount: table.rows.length,
        fields: [...DOSSIER_FIELDS],
        mapping: preview.mapping,
        rows: preview.rows,
        toCreate: preview.toCreate,
        toUpdate: preview.toUpdate,
        rejected: problems(preview.rejected, language),
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
  };
}
