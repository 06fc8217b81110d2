// "Getting data in", one call per step of the import wizard (and of the CLI):
// file → detected format → mapping guesses → preview → commit → result.
import type { DataFolder } from '../data-folder/data-folder.js';
import { contentStoreFor, type DocumentContentStore } from '../documents/content-store.js';
import type { Db } from '../db/connection.js';
import type { RecordsService } from '../records/records-service.js';
import { guessMapping, listMappings, loadMapping, saveMapping } from './column-mapping.js';
import { commitDocuments, previewDocuments } from './document-import.js';
import { commitDossiers, previewDossiers } from './dossier-import.js';
import type {
  ColumnMapping,
  DocumentField,
  DocumentImportOptions,
  DocumentImportPreview,
  DocumentImportResult,
  DossierField,
  DossierImportPreview,
  DossierImportResult,
  ImportKind,
  LoadedTable,
  SavedMapping,
  SplitOptions,
  SplitResult,
  TableReadOptions,
} from './import-types.js';
import { splitMergedPdf } from './pdf-split.js';
import { loadTable } from './table-file.js';

type MappingOf<K extends ImportKind> = ColumnMapping<
  K extends 'dossiers' ? DossierField : DocumentField
>;

export interface StructureChoice {
  structureId?: number;
}

export class ImportService {
  /** Where imported PDFs go: the data folder's files, or the database (PostgreSQL). */
  private readonly contents: DocumentContentStore;

  constructor(
    private readonly db: Db,
    folder: DataFolder,
    private readonly records: RecordsService,
  ) {
    this.contents = contentStoreFor(db, folder);
  }

  /** Step 1: reads the file; says which encoding, delimiter or sheet it used. */
  loadTable(file: string, options: TableReadOptions = {}): Promise<LoadedTable> {
    return loadTable(file, options);
  }

  /** Step 2: the saved mapping named, else the one guessed from the headers. */
  async mappingFor<K extends ImportKind>(
    kind: K,
    table: LoadedTable,
    savedName?: string,
  ): Promise<MappingOf<K>> {
    if (savedName) return loadMapping(this.db, kind, savedName) as Promise<MappingOf<K>>;
    return guessMapping(kind, table.headers) as MappingOf<K>;
  }

  listMappings(): Promise<SavedMapping[]> {
    return listMappings(this.db);
  }

  saveMapping(name: string, kind: ImportKind, mapping: ColumnMapping): Promise<SavedMapping> {
    return saveMapping(this.db, name, kind, mapping);
  }

  /** Step 3: the first rows as they would be imported, and every row that would not. */
  async previewDossiers(
    table: LoadedTable,
    mapping: ColumnMapping<DossierField>,
    options: StructureChoice & { limit?: number } = {},
  ): Promise<DossierImportPreview> {
    const structure = await this.records.chooseStructure(options.structureId);
    return previewDossiers(this.db, structure.id, table, mapping, options.limit);
  }

  /** Step 4: inserts or updates every good row by dossier number, all in one transaction. */
  async importDossiers(
    table: LoadedTable,
    mapping: ColumnMapping<DossierField>,
    options: StructureChoice = {},
  ): Promise<DossierImportResult> {
    const structure = await this.records.chooseStructure(options.structureId);
    return commitDossiers(this.db, structure.id, table, mapping);
  }

  async previewDocuments(
    table: LoadedTable,
    mapping: ColumnMapping<DocumentField>,
    options: DocumentImportOptions & { limit?: number } = {},
  ): Promise<DocumentImportPreview> {
    const structure = await this.records.chooseStructure(options.structureId);
    return previewDocuments(this.db, structure.id, table, mapping, options, options.limit);
  }

  async importDocuments(
    table: LoadedTable,
    mapping: ColumnMapping<DocumentField>,
    options: DocumentImportOptions = {},
  ): Promise<DocumentImportResult> {
    const structure = await this.records.chooseStructure(options.structureId);
    return commitDocuments(
      { db: this.db, contents: this.contents, structure },
      table,
      mapping,
      options,
    );
  }

  /** Splits a merged PDF; with `dryRun`, only says what it would do. */
  async splitPdf(file: string, options: SplitOptions): Promise<SplitResult> {
    const structure = await this.records.chooseStructure(options.structureId);
    return splitMergedPdf({ db: this.db, contents: this.contents, structure }, file, options);
  }
}
