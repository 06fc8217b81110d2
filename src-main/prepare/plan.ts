// The batch being worked out, in memory: its messages, the documents left out (and why),
// the warnings; and what every message of it is worked out from, read once. Nothing here
// reads or writes the database: the planner fills it, the queue writer stores it. A plan
// that is written (not a dry run) is streamed: the planner goes through every document once
// (checking, counting, noting what is left out and what to warn about) without keeping the
// messages, then plans them again a chunk at a time as the queue writer takes them (take):
// a batch of 10,000 never holds its 10,000 messages.
import { randomUUID } from 'node:crypto';
import type {
  ExcludedDossier,
  ExclusionReason,
  OutboxMessage,
} from '../../src-shared/domain/outbox.js';
import type { Structure } from '../../src-shared/domain/records.js';
import type { MessageStatus } from '../../src-shared/domain/statuses.js';
import { formatPeriod } from '../../src-shared/format/dates.js';
import { domainOf } from '../../src-shared/validation/identity.js';
import { languageOf, type MessageKey } from '../../src-shared/i18n/catalog.js';
import type { ErrorParams } from '../../src-shared/errors.js';
import type * as q from '../db/outbox-prepare-queries.js';
import type { MailAccountRow, MessageRow } from '../db/schema.js';
import type { CompiledEmailTemplate, RenderedEmail } from '../email-templates/email-template.js';
import type { TemplateContext } from '../email-templates/template-fields.js';
import { dossierDisplayName } from '../records/records-service.js';
import { toOutboxMessage } from '../outbox/outbox-status.js';
import type { PasswordRule } from '../documents/password-rule.js';
import type { BulkWarnings } from '../../src-shared/domain/bulk-warnings.js';
import { LARGE_ATTACHMENT_BYTES, type PlannedAttachment, type SourceFile } from './attachments.js';
import { BulkWarningsFound } from './bulk-warnings.js';
import type { TemplateBound } from './message-size.js';
import type { Recipient } from './recipients.js';
import type { Sender } from './sender-cascade.js';
import type { IdentityAccount, SenderIdentity } from './sender-identity.js';

export interface PrepareWarning {
  code: MessageKey;
  params: ErrorParams;
}

export type DocumentRow = q.DocumentToPrepareRow;
export type AccountForPrepare = Pick<
  MailAccountRow,
  | 'id'
  | 'kind'
  | 'from_name'
  | 'from_address'
  | 'username'
  | 'reply_to'
  | 'archive_bcc'
  | 'cc_sender'
  | 'read_receipt'
  | 'max_message_bytes'
>;

/** What a dry run assumes when the structure has no account yet (the table's defaults). */
export const SANDBOX_DEFAULTS: AccountForPrepare = {
  id: 0,
  kind: 'sandbox',
  from_name: null,
  from_address: null,
  username: null,
  reply_to: null,
  archive_bcc: null,
  cc_sender: 0,
  read_receipt: 0,
  max_message_bytes: 20 * 1024 * 1024,
};

/** A document type's compiled template and password rule, for every message of that type. */
export interface TypeTemplate {
  compiled: CompiledEmailTemplate;
  password: PasswordRule | null;
  /** What its rendered size is bounded by (message-size.ts). */
  bound: TemplateBound;
}

/** What every message of a batch is worked out from, read once. */
export interface BatchInputs {
  structure: Structure;
  account: AccountForPrepare;
  /** What the From and Reply-To of every message are decided from. */
  identity: IdentityAccount;
  templates: Map<string, TypeTemplate>;
  emptyContext: TemplateContext;
  extras: Map<number, Record<string, string>>;
  generalFiles: SourceFile[];
  recipientFiles: Map<number, SourceFile[]>;
  documentFiles: Map<number, PlannedAttachment[]>;
  correspondents: Map<number, q.ReceivingCorrespondentRow[]>;
  /** The addresses the user chose (single send), or null for the correspondents. */
  chosenAddresses: readonly string[] | null;
  /** "documentId|address" → the status of the message already carrying it. */
  inUse: Map<string, string>;
  ccSender: boolean;
  /**
   * The workstation's file of a stored PDF (content-store.ts localPath), asked only for a PDF
   * to encrypt: a batch without a password rule never works out 5,000 paths it won't open.
   * On a database, the copy to encrypt is fetched when its chunk is written (queue-writer).
   */
  localPath(reference: string): string;
}

/** A document's PDF as found (named in each message in its family's language). */
export interface DocumentPdf {
  size: number;
  relativePath: string;
}

/** One message worked out in memory, before its files and row are written. */
export interface PlannedMessage {
  document: DocumentRow;
  recipient: Recipient;
  sender: Sender;
  /** The From and Reply-To that leave (the cascade's sender as the account may show it). */
  identity: SenderIdentity;
  cc: string[];
  bcc: string[];
  /**
   * Rendered each time it is read (read it once): a batch of 10,000 holds its messages'
   * fields, not their texts; the queue writer renders each chunk as it writes it.
   */
  readonly rendered: RenderedEmail;
  attachments: PlannedAttachment[];
  passwordProtected: boolean;
}

/** The batch being worked out: its messages, exclusions and warnings. */
export class Plan {
  /** Every planned message; empty in a streamed plan (take gives them). */
  readonly messages: PlannedMessage[] = [];
  readonly excluded: ExcludedDossier[] = [];
  readonly warnings: PrepareWarning[] = [];
  /** How many messages the batch has, streamed or not. */
  size = 0;
  private readonly largeFilesWarned = new Set<string>();
  private readonly emptyFields = new Map<string, Set<string>>();
  private readonly passwordNotExplained = new Set<string>();
  private readonly numberFormat: Intl.NumberFormat;
  private readonly found: BulkWarningsFound;
  private readonly typeNames = new Set<string>();
  private readonly periods = new Set<string>();
  /** Streamed: what was left out the first time, so that planning again says it once. */
  private readonly excludedKeys: Set<string> | null;
  /** Streamed, once planned through: plans the next document again (false: none left). */
  private again: (() => boolean) | null = null;
  /** Planned again, not taken yet. */
  private pending: PlannedMessage[] = [];
  /** Not streamed: the next message take gives. */
  private taken = 0;

  constructor(
    readonly structure: { id: number; name: string; locale: string },
    readonly account: AccountForPrepare,
    readonly initialStatus: Extract<MessageStatus, 'pending' | 'validated'>,
    /** When the batch may leave (UTC ISO), null: as soon as validated. */
    readonly notBefore: string | null = null,
    /** True: the messages are not kept but planned again as they are taken. */
    readonly streamed = false,
  ) {
    this.numberFormat = new Intl.NumberFormat(structure.locale, { maximumFractionDigits: 1 });
    this.found = new BulkWarningsFound(account);
    this.excludedKeys = streamed ? new Set() : null;
  }

  /** A planned message: kept, counted (streamed), or waiting to be taken (planned again). */
  add(message: PlannedMessage): void {
    if (this.again) {
      this.pending.push(message);
      return;
    }
    this.size += 1;
    this.found.add(message);
    this.typeNames.add(message.document.type_name_fr);
    this.periods.add(message.document.period);
    if (!this.streamed) this.messages.push(message);
  }

  /** Streamed, once every document was planned: `next` plans the next one again. */
  planAgainWith(next: () => boolean): void {
    if (!this.streamed) throw new Error('only a streamed plan is planned again');
    this.again = next;
  }

  /** The next `count` messages to write (fewer at the end, none when all were taken). */
  take(count: number): PlannedMessage[] {
    if (!this.again) {
      const chunk = this.messages.slice(this.taken, this.taken + count);
      this.taken += chunk.length;
      return chunk;
    }
    while (this.pending.length < count && this.again()) {
      // planned again until the chunk is full
    }
    const chunk = this.pending.slice(0, count);
    this.pending = this.pending.slice(count);
    return chunk;
  }

  /** The warnings said by name (bulk-warnings.ts), from every message planned. */
  notices(): BulkWarnings {
    return this.found.said(this.structure.locale, this.warnings);
  }

  warn(code: MessageKey, params: ErrorParams = {}): void {
    this.warnings.push({ code, params });
  }

  warnIfLarge(fileName: string, size: number): void {
    if (size <= LARGE_ATTACHMENT_BYTES || this.largeFilesWarned.has(fileName)) return;
    this.largeFilesWarned.add(fileName);
    this.warn('warning.attachment.large', { file: fileName, size: this.megabytes(size) });
  }

  noteEmptyField(field: string, dossierNumber: string): void {
    const dossiers = this.emptyFields.get(field) ?? new Set<string>();
    dossiers.add(dossierNumber);
    this.emptyFields.set(field, dossiers);
  }

  notePasswordNotExplained(typeName: string): void {
    this.passwordNotExplained.add(typeName);
  }

  /** The warnings gathered per message, said once each. */
  finishWarnings(): void {
    for (const typeName of this.passwordNotExplained)
      this.warn('warning.password.notExplained', { type: typeName });
    for (const [field, dossiers] of this.emptyFields) {
      const list = [...dossiers];
      const shown = list.slice(0, 10).join(', ') + (list.length > 10 ? ', …' : '');
      this.warn('warning.template.fieldEmpty', { field, count: list.length, dossiers: shown });
    }
  }

  exclude(document: DocumentRow, reason: ExclusionReason, detail: string | null): void {
    if (this.excludedKeys) {
      // Planned again, a document is left out as it was the first time: said once.
      const key = `${document.id}|${reason}|${detail}`;
      if (this.again && this.excludedKeys.has(key)) return;
      this.excludedKeys.add(key);
    }
    this.excluded.push({
      dossierId: document.dossier_id,
      dossierNumber: document.dossier_number,
      dossierName: displayNameOf(document),
      documentId: document.id,
      documentNumber: document.number,
      reason,
      detail,
    });
  }

  /** "1,5 Mo" in French, "1.5 MB" in English. */
  megabytes(bytes: number): string {
    const unit = languageOf(this.structure.locale) === 'en' ? 'MB' : 'Mo';
    return `${this.numberFormat.format(bytes / (1024 * 1024))} ${unit}`;
  }

  description(): string {
    const types = [...this.typeNames];
    const periods = [
      ...new Set([...this.periods].map((period) => formatPeriod(period, this.structure.locale))),
    ];
    return `${types.join(', ')} — ${periods.slice(0, 3).join(', ')}${periods.length > 3 ? '…' : ''}`;
  }

  rowValues(message: PlannedMessage, attachmentsJson: string) {
    const rendered = message.rendered;
    return {
      structure_id: this.structure.id,
      account_id: this.account.id,
      document_id: message.document.id,
      dossier_id: message.document.dossier_id,
      from_name: message.identity.fromName || null,
      from_address: message.identity.fromAddress,
      reply_to: message.identity.replyTo,
      to_addresses: JSON.stringify([message.recipient.address]),
      cc_addresses: JSON.stringify(message.cc),
      bcc_addresses: JSON.stringify(message.bcc),
      subject: rendered.subject,
      text_body: rendered.text,
      html_body: rendered.html,
      attachments: attachmentsJson,
      password_protected: message.passwordProtected ? 1 : 0,
      read_receipt: this.account.read_receipt,
      // Made as the row is written: a batch does not keep 10,000 of them meanwhile.
      message_id_header: `<${randomUUID()}@${domainOf(message.identity.fromAddress)}>`,
      status: this.initialStatus,
      validated_at: this.initialStatus === 'validated' ? new Date().toISOString() : null,
      // A scheduled message waits as a retry does: the engine takes none before its time.
      next_attempt_at: this.notBefore,
      scheduled_at: this.notBefore,
    };
  }

  /** A dry run's message, as it would be queued (files not written yet, so no paths). */
  preview(message: PlannedMessage, id: number): OutboxMessage {
    const attachments = message.attachments.map((a) => ({
      fileName: a.fileName,
      path: a.source.kind === 'stored' ? a.source.relativePath : '',
      size: a.size,
      role: a.role,
      encrypted: a.source.kind === 'encrypt',
    }));
    const now = new Date().toISOString();
    const row: MessageRow = {
      ...this.rowValues(message, JSON.stringify(attachments)),
      id,
      batch_id: null,
      attempts: 0,
      last_error: null,
      last_reply: null,
      queued_by: '',
      workstation: '',
      sending_by: null,
      created_at: now,
      sent_at: null,
      updated_at: now,
      version: 0,
    };
    return outboxMessage(row, message.document);
  }
}

export function outboxMessage(row: MessageRow, document: DocumentRow): OutboxMessage {
  return toOutboxMessage({
    ...row,
    document_number: document.number,
    dossier_number: document.dossier_number,
    dossier_title: document.dossier_title,
    dossier_first_name: document.dossier_first_name,
    dossier_last_name: document.dossier_last_name,
  });
}

export function displayNameOf(document: DocumentRow): string {
  return dossierDisplayName({
    title: document.dossier_title,
    first_name: document.dossier_first_name,
    last_name: document.dossier_last_name,
  });
}
