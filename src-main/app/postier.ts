// Opens a data folder and wires the services over it: the one entry point for the CLI,
// the headless host and the Electron shell.
import { openDatabase, type Db, type DatabaseHandle } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { DataFolder, resolveDataFolderPath } from '../data-folder/data-folder.js';
import { DocumentsService } from '../documents/documents-service.js';
import { RecordsService } from '../records/records-service.js';

export interface Postier {
  folder: DataFolder;
  db: Db;
  records: RecordsService;
  documents: DocumentsService;
  /** Names of the migrations this opening applied (empty when already up to date). */
  appliedMigrations: string[];
  close(): Promise<void>;
}

export interface OpenPostierOptions {
  /** The data folder; else POSTIER_DATA, else the per-user default. */
  dataPath?: string;
  busyTimeoutMs?: number;
}

export async function openPostier(options: OpenPostierOptions = {}): Promise<Postier> {
  const folder = new DataFolder(resolveDataFolderPath(options.dataPath));
  folder.ensure();
  const handle: DatabaseHandle = openDatabase(folder.databaseFile, {
    ...(options.busyTimeoutMs !== undefined && { busyTimeoutMs: options.busyTimeoutMs }),
  });
  try {
    const appliedMigrations = await migrateToLatest(handle.db);
    const records = new RecordsService(handle.db);
    const documents = new DocumentsService(handle.db, folder, records);
    return { folder, db: handle.db, records, documents, appliedMigrations, close: handle.close };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
