// What a door asks of a preparation, and what it gets back: the same for the window, the
// command line, the exchange folder and the preparation thread.
import type { BulkWarnings } from '../../src-shared/domain/bulk-warnings.js';
import type { ExcludedDossier, OutboxMessage } from '../../src-shared/domain/outbox.js';
import type { PrepareWarning } from './plan.js';

export type { PrepareWarning };

export interface PrepareInput {
  structureId?: number;
  /** A document type code; with `period`, chooses the documents... */
  type?: string;
  period?: string;
  /** ...or the documents themselves. */
  documentIds?: number[];
  /**
   * Single send ("Envoyer par e-mail", exactly one document): these addresses instead of the
   * dossier's receiving correspondents. The dossier's opt-in does not apply (the user asked);
   * everything else does. Each is checked (an invalid one is refused) and counted once.
   */
  recipients?: string[];
  /**
   * Templates for this send; what is not given comes from the structure's template for the
   * type (the office's own saved in Paramètres, else Postier's default).
   */
  subject?: string;
  textBody?: string;
  htmlBody?: string;
  /** Files for every message. */
  generalAttachments?: string[];
  /** Files for the recipients of one document, by document id. */
  recipientAttachments?: Record<number, string[]>;
  /** True: validated at once; false: awaiting validation; unset: the shared setting 'outbox.validationMode' (manual by default). */
  validate?: boolean;
  /** Copy the sender; else the account's setting. */
  ccSender?: boolean;
  /** Work everything out, write nothing: the send dialog's preview. */
  dryRun?: boolean;
  /**
   * Not before this time (scheduled send): as typed ("2026-12-05 08:00", local) or ISO; a
   * past or malformed one is refused. The messages wait until then even once validated.
   */
  notBefore?: string;
}

/** Told while a batch is written, after each committed chunk of messages. */
export interface PrepareEvents {
  /** `queued` messages of `planned` are in the outbox so far (committed: the engine may take them). */
  onQueued?: (queued: number, planned: number) => void;
  /**
   * Each committed chunk's messages, as the result would list them. Given, the result's
   * `queued` stays empty: the caller keeps them (the preparation thread sends them to the
   * main thread a chunk at a time instead of holding the whole batch's until the end).
   */
  onQueuedMessages?: (messages: OutboxMessage[]) => void;
}

export interface PrepareResult {
  /** Null for a dry run, or when nothing was queued. */
  batchId: number | null;
  /** In a dry run, ids are negative (-1, -2...): nothing was written. */
  queued: OutboxMessage[];
  excluded: ExcludedDossier[];
  warnings: PrepareWarning[];
  /** The warnings said by name (the fallback password's dossiers, large files...). */
  notices?: BulkWarnings;
}
