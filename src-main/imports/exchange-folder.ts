// The exchange folder ("dossier d'échange"): billing software drops a CSV or Excel file and
// its PDFs there (loose, or in a subfolder per drop); Postier imports each drop once and
// moves it to done/ or error/ with a report beside it, as the Winpass "automate" does with
// its own exchange folder. The folder is polled, not watched: fs.watch misses changes on
// network drives. A drop is taken when its files stop changing for two polls in a row, or
// at once when it holds a `.ready` or `.done` marker.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DocumentTypeCode } from '../../src-shared/domain/document-types.js';
import { isUserError, UserError } from '../../src-shared/errors.js';
import { currentActor } from '../workstation/identity.js';
import { writeTransaction, type Db } from '../db/connection.js';
import { readSetting, writeSetting } from '../db/settings-queries.js';
import { writeFileAtomic } from '../data-folder/atomic-write.js';
import { guessMapping, loadMapping, resolveMapping } from './column-mapping.js';
import {
  CLAIM_FILE,
  DONE_FOLDER,
  ERROR_FOLDER,
  MARKER,
  TABLE_EXTENSIONS,
  WORK_FOLDER,
  dropHash,
  extension,
  filesUnder,
  findDrops,
  readClaim,
  uniquePath,
  type Claim,
  type Drop,
} from './drop-files.js';
import type { DropOutcome, DropStatus, QueueHook } from './drop-outcome.js';
import { renderDropReport, type DropSection } from './drop-report.js';
import type { ImportService } from './import-service.js';
import type { ColumnMapping, DocumentField, LoadedTable } from './import-types.js';

export const PROCESSED_DROPS_SETTING = 'import.watch.processed';
/** How many processed drops are remembered (oldest forgotten first). */
const REMEMBERED_DROPS = 2000;

/** A drop in en-cours/ claimed longer ago than this was interrupted (a crash, a power cut). */
const INTERRUPTED_AFTER_MS = 60 * 60 * 1000;

export interface ExchangeFolderOptions {
  folder: string;
  /** Time between two polls; 10 s by default (the Winpass automate's idle wait). */
  intervalMs?: number;
  structureId?: number;
  /** Saved column mappings to use instead of guessing from the headers. */
  dossierMapping?: string;
  documentMapping?: string;
  defaultType?: DocumentTypeCode;
  pdfPattern?: string;
  generateMissing?: boolean;
  /** A drop of PDFs without a table: each PDF is a merged PDF split with this key. */
  splitKey?: string;
  period?: string;
  /** Given: the documents of each drop are queued for sending. */
  queue?: QueueHook;
  onDrop?: (outcome: DropOutcome) => void;
}

interface ProcessedDrop {
  name: string;
  at: string;
}

export class ExchangeFolder {
  private readonly folder: string;
  private readonly intervalMs: number;
  private previous = new Map<string, string>();

  constructor(
    private readonly imports: ImportService,
    private readonly db: Db,
    private readonly options: ExchangeFolderOptions,
  ) {
    this.folder = path.resolve(options.folder);
    this.intervalMs = options.intervalMs ?? 10_000;
    if (!fs.existsSync(this.folder) || !fs.statSync(this.folder).isDirectory()) {
      throw new UserError('import.error.watchFolderNotFound', { folder: this.folder });
    }
  }

  /** What is there now, then again one interval later: for scheduled tasks and tests. */
  async runOnce(): Promise<DropOutcome[]> {
    const outcomes = await this.poll();
    await sleep(this.intervalMs);
    return [...outcomes, ...(await this.poll())];
  }

  /** Polls until `signal` aborts; the drop being imported is finished first. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.poll();
      await sleep(this.intervalMs, undefined, { signal }).catch(() => undefined);
    }
  }

  /** One look at the folder: imports every drop that is ready. */
  async poll(): Promise<DropOutcome[]> {
    const recovered = this.fileInterruptedDrops();
    const drops = findDrops(this.folder);
    const ready = drops.filter(
      (drop) => drop.marked || this.previous.get(drop.id) === drop.signature,
    );
    this.previous = new Map(drops.map((drop) => [drop.id, drop.signature]));
    const outcomes: DropOutcome[] = [...recovered];
    for (const drop of ready) {
      const outcome = await this.process(drop);
      if (!outcome) continue;
      this.previous.delete(drop.id);
      outcomes.push(outcome);
      this.options.onDrop?.(outcome);
    }
    return outcomes;
  }

  /** Takes the drop, imports it, files it away with its report. Null if another PC took it. */
  private async process(drop: Drop): Promise<DropOutcome | null> {
    const workDirectory = this.claim(drop);
    if (!workDirectory) return null;
    const sections: DropSection[] = [];
    const documentIds: number[] = [];
    let status: DropStatus;
    try {
      status = await this.importOnce(workDirectory, drop.name, sections, documentIds);
    } catch (error) {
      // Whatever happens, the drop leaves en-cours/ with a report saying why.
      sections.push({ kind: 'failed', file: null, error: asUserError(error) });
      status = 'error';
    }
    return { ...this.fileAway(workDirectory, drop.name, status, sections), documentIds };
  }

  /** Moves a drop out of en-cours/ into done/ or error/, its report beside it. */
  private fileAway(
    workDirectory: string,
    name: string,
    status: DropStatus,
    sections: DropSection[],
  ): Omit<DropOutcome, 'documentIds'> {
    fs.rmSync(path.join(workDirectory, CLAIM_FILE), { force: true });
    const target = uniquePath(
      path.join(this.folder, status === 'error' ? ERROR_FOLDER : DONE_FOLDER),
      name,
    );
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(workDirectory, target);
    const reportFile = `${target}.rapport.txt`;
    const actor = currentActor();
    writeFileAtomic(
      reportFile,
      Buffer.from(renderDropReport({ name, status, sections, actor, at: new Date() }), 'utf8'),
    );
    return { name, status, movedTo: target, reportFile };
  }

  /**
   * Drops left in en-cours/ by a workstation that stopped while importing them go to error/
   * with a report: never stuck there unseen, never imported again blindly.
   */
  private fileInterruptedDrops(): DropOutcome[] {
    const work = path.join(this.folder, WORK_FOLDER);
    if (!fs.existsSync(work)) return [];
    const outcomes: DropOutcome[] = [];
    for (const entry of fs.readdirSync(work, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const directory = path.join(work, entry.name);
      const claim = readClaim(directory);
      if (Date.now() - Date.parse(claim.at) < INTERRUPTED_AFTER_MS) continue;
      const outcome = {
        ...this.fileAway(directory, entry.name, 'error', [{ kind: 'interrupted', ...claim }]),
        documentIds: [],
      };
      outcomes.push(outcome);
      this.options.onDrop?.(outcome);
    }
    return outcomes;
  }

  private async importOnce(
    workDirectory: string,
    name: string,
    sections: DropSection[],
    documentIds: number[],
  ): Promise<DropStatus> {
    const hash = dropHash(workDirectory);
    const processed = await readSetting<Record<string, ProcessedDrop>>(
      this.db,
      PROCESSED_DROPS_SETTING,
      {},
    );
    const earlier = processed[hash];
    if (earlier) {
      sections.push({ kind: 'duplicate', name: earlier.name, at: earlier.at });
      return 'duplicate';
    }
    if (!(await this.importDrop(workDirectory, sections, documentIds))) return 'error';
    await this.remember(hash, name);
    if (this.options.queue && documentIds.length > 0) await this.queue(documentIds, sections);
    return 'done';
  }

  /** Moves the drop into en-cours/: a rename is atomic, so two workstations never both take it. */
  private claim(drop: Drop): string | null {
    const target = uniquePath(path.join(this.folder, WORK_FOLDER), drop.name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      if (drop.directory) {
        fs.renameSync(drop.directory, target);
      } else {
        fs.mkdirSync(target);
        for (const file of drop.files) fs.renameSync(file, path.join(target, path.basename(file)));
      }
      const actor = currentActor();
      const claim: Claim = {
        at: new Date().toISOString(),
        workstation: actor.workstation,
        user: actor.user,
      };
      fs.writeFileSync(path.join(target, CLAIM_FILE), JSON.stringify(claim));
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Dossier files first (documents refer to them), then documents, else merged PDFs. */
  private async importDrop(
    directory: string,
    sections: DropSection[],
    documentIds: number[],
  ): Promise<boolean> {
    const files = filesUnder(directory).filter((file) => !MARKER.test(path.basename(file)));
    const tableFiles = files.filter((file) => TABLE_EXTENSIONS.has(extension(file)));
    const pdfFiles = files.filter((file) => extension(file) === '.pdf');
    const label = (file: string) => path.relative(directory, file).split(path.sep).join('/');
    if (tableFiles.length === 0 && pdfFiles.length === 0) {
      sections.push({
        kind: 'failed',
        file: null,
        error: new UserError('import.error.dropEmpty', {}),
      });
      return false;
    }
    const tables: {
      file: string;
      table: LoadedTable;
      documents: ColumnMapping<DocumentField> | null;
    }[] = [];
    for (const file of tableFiles) {
      try {
        const table = await this.imports.loadTable(file);
        tables.push({ file, table, documents: await this.documentMappingFor(table) });
      } catch (error) {
        sections.push({ kind: 'failed', file: label(file), error: asUserError(error) });
      }
    }
    const structureId = this.options.structureId;
    for (const { file, table } of tables.filter((t) => !t.documents)) {
      await this.attempt(sections, label(file), async () => {
        const mapping = await this.imports.mappingFor(
          'dossiers',
          table,
          this.options.dossierMapping,
        );
        const result = await this.imports.importDossiers(table, mapping, {
          ...(structureId && { structureId }),
        });
        sections.push({ kind: 'dossiers', file: label(file), table, result });
      });
    }
    const documentTables = tables.filter((t) => t.documents);
    for (const { file, table, documents } of documentTables) {
      await this.attempt(sections, label(file), async () => {
        const result = await this.imports.importDocuments(table, documents!, {
          ...(structureId && { structureId }),
          ...(pdfFiles.length > 0 && { pdfDir: directory }),
          ...(this.options.pdfPattern && { pdfPattern: this.options.pdfPattern }),
          ...(this.options.defaultType && { defaultType: this.options.defaultType }),
          generateMissing: this.options.generateMissing === true,
        });
        documentIds.push(...result.documentIds);
        sections.push({ kind: 'documents', file: label(file), table, result });
      });
    }
    if (documentTables.length === 0 && pdfFiles.length > 0)
      await this.splitPdfs(pdfFiles, label, sections, documentIds);
    const failed = sections.some((s) => s.kind === 'failed');
    return !failed && sections.length > 0;
  }

  private async splitPdfs(
    pdfFiles: string[],
    label: (file: string) => string,
    sections: DropSection[],
    documentIds: number[],
  ): Promise<void> {
    const key = this.options.splitKey;
    if (!key) {
      sections.push({
        kind: 'failed',
        file: pdfFiles.map(label).join(', '),
        error: new UserError('import.error.dropNeedsKey', {}),
      });
      return;
    }
    for (const file of pdfFiles) {
      await this.attempt(sections, label(file), async () => {
        const result = await this.imports.splitPdf(file, {
          key,
          ...(this.options.structureId && { structureId: this.options.structureId }),
          ...(this.options.defaultType && { type: this.options.defaultType }),
          ...(this.options.period && { period: this.options.period }),
        });
        documentIds.push(...result.documents.map((d) => d.documentId!));
        sections.push({ kind: 'split', file: label(file), result });
      });
    }
  }

  /** A documents file: its saved mapping fits it, or its headers name a document, a dossier and an amount. */
  private async documentMappingFor(
    table: LoadedTable,
  ): Promise<ColumnMapping<DocumentField> | null> {
    const mapping = this.options.documentMapping
      ? await loadMapping(this.db, 'documents', this.options.documentMapping)
      : guessMapping('documents', table.headers);
    try {
      resolveMapping('documents', table.headers, mapping, table.file);
      return mapping;
    } catch {
      return null;
    }
  }

  private async attempt(
    sections: DropSection[],
    file: string,
    work: () => Promise<void>,
  ): Promise<void> {
    try {
      await work();
    } catch (error) {
      sections.push({ kind: 'failed', file, error: asUserError(error) });
    }
  }

  private async queue(documentIds: number[], sections: DropSection[]): Promise<void> {
    try {
      sections.push({ kind: 'queued', outcome: await this.options.queue!(documentIds) });
    } catch (error) {
      sections.push({ kind: 'queueFailed', error: asUserError(error) });
    }
  }

  private async remember(hash: string, name: string): Promise<void> {
    await writeTransaction(this.db, async (tx) => {
      const processed = await readSetting<Record<string, ProcessedDrop>>(
        tx,
        PROCESSED_DROPS_SETTING,
        {},
      );
      const kept = Object.entries(processed).slice(-(REMEMBERED_DROPS - 1));
      await writeSetting(tx, PROCESSED_DROPS_SETTING, {
        ...Object.fromEntries(kept),
        [hash]: { name, at: new Date().toISOString() },
      });
    });
  }
}

function asUserError(error: unknown): UserError {
  if (isUserError(error)) return error;
  return new UserError('error.internal', {
    detail: error instanceof Error ? error.message : String(error),
  });
}
