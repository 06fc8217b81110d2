// Opens a data folder and wires the services over it: the one entry point for the CLI,
// the headless host and the Electron shell.
import type { Db } from '../db/connection.js';
import { busyTimeoutFromEnv } from '../db/busy.js';
import { openOfficeDatabase } from '../db/checked-open.js';
import { DataFolder, resolveDataLocation, type DataLocation } from '../data-folder/data-folder.js';
import { pruneLocalCopies } from '../documents/content-store.js';
import { DocumentsService } from '../documents/documents-service.js';
import { RecordsService } from '../records/records-service.js';
import { TemplateSettings } from '../email-templates/template-settings.js';
import { SignatureSettings } from '../email-templates/signature-settings.js';
import { lazyCredentialStore } from '../credentials/credential-store.js';
import { AccountsService } from '../accounts/accounts-service.js';
import { SendingMethods } from '../accounts/sending-methods.js';
import { BounceService } from '../bounces/bounce-service.js';
import { createSendEngine, type SendEngine } from '../send/engine.js';
import { MessageActions } from '../outbox/message-actions.js';
import { PrepareService } from '../prepare/prepare.js';
import { PrepareThread } from '../prepare/prepare-thread.js';
import { ImportService } from '../imports/import-service.js';
import { NotificationSettingsStore } from '../notifications/notification-settings.js';
import { Notifier } from '../notifications/notifier.js';

export interface Postier {
  /** Where the database is: the data folder, or a PostgreSQL server (its files in `folder`). */
  location: DataLocation;
  folder: DataFolder;
  db: Db;
  records: RecordsService;
  documents: DocumentsService;
  /** Mail accounts, their transports and connection tests. */
  accounts: AccountsService;
  /** Every sending method (OAuth2 APIs, Outlook, Thunderbird, drafts), the Sent copy, tests. */
  methods: SendingMethods;
  /** Reading the accounts' mailboxes for bounces of our messages. */
  bounces: BounceService;
  /** The sending engine, the send status and the send journal. */
  sendEngine: SendEngine;
  /** Who receives which staff notification (the office's choice, else the cascade). */
  notifications: NotificationSettingsStore;
  /** The structures' e-mail templates: the office's own per type, else the default. */
  templates: TemplateSettings;
  /** The structures' signatures: text and logo (kept in the data folder) ending every message. */
  signatures: SignatureSettings;
  /** Bulk sends: documents → messages in the outbox (templates, recipients, encrypted PDFs). */
  prepare: PrepareService;
  /**
   * The same, on a worker thread of its own (started on first use, a few hundred ms), so
   * that the engine can send a batch while the rest of it is prepared (prepareAndSend).
   */
  prepareThread(): PrepareThread;
  /** The user's actions on queued messages: validate, block, unblock, reset, fix an address. */
  messageActions: MessageActions;
  /** Getting data in: dossiers and documents from CSV/Excel files, PDF folders, merged PDFs. */
  imports: ImportService;
  /** Names of the migrations this opening applied (empty when already up to date). */
  appliedMigrations: string[];
  close(): Promise<void>;
}

export interface OpenPostierOptions {
  /** The data folder or a postgres:// URL; else POSTIER_DATA, else the per-user default. */
  dataPath?: string;
  /** How long to wait for another workstation's lock; else POSTIER_BUSY_TIMEOUT_MS, else 15 s. */
  busyTimeoutMs?: number;
}

export async function openPostier(options: OpenPostierOptions = {}): Promise<Postier> {
  const location = resolveDataLocation(options.dataPath);
  const folder = new DataFolder(location.folder);
  folder.ensure();
  const busyTimeoutMs = options.busyTimeoutMs ?? busyTimeoutFromEnv();
  const { handle, appliedMigrations } = await openOfficeDatabase(location, folder, {
    busyTimeoutMs,
  });
  let thread: PrepareThread | null = null;
  // On a server, this workstation's old copies of the database's PDFs go (content-store.ts).
  if (location.kind === 'postgres') pruneLocalCopies(folder);
  try {
    const records = new RecordsService(handle.db);
    const documents = new DocumentsService(handle.db, folder, records);
    // The credential store opens on first use: opening Postier never touches D-Bus.
    const credentials = lazyCredentialStore();
    const accounts = new AccountsService(handle.db, { credentials });
    const methods = new SendingMethods(handle.db, folder, { credentials });
    // Whether a structure's sending method can pace a batch: the prepare service's rule.
    const canPace = async (structureId: number) =>
      (await methods.status(await accounts.getAccount(structureId))).canPace;
    const templates = new TemplateSettings(handle.db, records);
    const transportFactory = async (accountId: number) =>
      methods.openTransport(await accounts.getAccountById(accountId));
    const notifications = new NotificationSettingsStore(handle.db, records);
    const notifier = new Notifier({
      db: handle.db,
      records,
      settings: notifications,
      openTransport: transportFactory,
    });
    const sendEngine = createSendEngine({
      db: handle.db,
      folder,
      transportFactory,
      afterRun: (report) => notifier.afterRun(report),
    });
    return {
      location,
      folder,
      db: handle.db,
      records,
      documents,
      accounts,
      methods,
      bounces: new BounceService(handle.db, accounts, methods, {
        afterCheck: (structureId, ours, actor) => notifier.afterBounces(structureId, ours, actor),
      }),
      sendEngine,
      notifications,
      templates,
      signatures: new SignatureSettings(handle.db, folder),
      prepare: new PrepareService(handle.db, folder, records, { templates, canPace }),
      prepareThread: () => {
        // A thread that failed is replaced: the next batch gets a new one.
        if (!thread?.alive) {
          thread = new PrepareThread({
            dataPath: folder.root,
            ...(location.kind === 'postgres' && { databaseUrl: location.url }),
            canPace,
            busyTimeoutMs,
          });
        }
        return thread;
      },
      messageActions: new MessageActions(handle.db),
      imports: new ImportService(handle.db, folder, records),
      appliedMigrations,
      close: async () => {
        await thread?.close();
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
