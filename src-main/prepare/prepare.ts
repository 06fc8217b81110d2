// Preparing a bulk send ("envoi massif"): the chosen documents become one message per
// (document, recipient address) in the outbox, each with its sender, rendered subject and
// bodies, and its files (the PDF encrypted per message when the type has a password rule).
// Everything is checked before anything is queued; every document left out is reported
// with its reason, never skipped silently. Rows go in short transactions of a few hundred
// messages, each after its files are written, so that a big batch never holds the database.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { DOCUMENT_TYPE_CODES, isDocumentTypeCode } from '../../src-shared/domain/document-types.js';
import type {
  ExcludedDossier,
  ExclusionReason,
  OutboxMessage,
} from '../../src-shared/domain/outbox.js';
import type { Structure } from '../../src-shared/domain/records.js';
import type { MessageStatus } from '../../src-shared/domain/statuses.js';
import { formatPeriod, parsePeriod } from '../../src-shared/format/dates.js';
import { languageOf, translate, type MessageKey } from '../../src-shared/i18n/catalog.js';
import { isUserError, UserError, type ErrorParams } from '../../src-shared/errors.js';
import { currentActor, type Actor } from '../workstation/identity.js';
import { writeTransaction, type Db } from '../db/connection.js';
import { ensureMailAccount, findMailAccountByStructure } from '../db/mail-account-queries.js';
import * as q from '../db/outbox-prepare-queries.js';
import type { MailAccountRow, MessageRow } from '../db/schema.js';
import { appendJournalEvents, type JournalEventInput } from '../db/send-journal-queries.js';
import { readSetting } from '../db/settings-queries.js';
import { safeFileName, type DataFolder } from '../data-folder/data-folder.js';
import { defaultTemplate } from '../email-templates/default-templates.js';
import {
  compileEmailTemplate,
  mentionsPassword,
  type CompiledEmailTemplate,
  type EmailTemplate,
  type RenderedEmail,
} from '../email-templates/email-template.js';
import {
  buildTemplateContext,
  templateFieldNames,
  typeNameFor,
  type TemplateContext,
} from '../email-templates/template-fields.js';
import { dossierDisplayName, type RecordsService } from '../records/records-service.js';
import { toOutboxMessage } from '../outbox/outbox-status.js';
import { PasswordRule, SIN_FIELD } from '../documents/password-rule.js';
import {
  checkSourceFile,
  distinctNames,
  estimateMessageBytes,
  LARGE_ATTACHMENT_BYTES,
  OutboxFiles,
  type PlannedAttachment,
  type SourceFile,
  type WrittenMessageFiles,
} from './attachments.js';
import {
  chooseRecipients,
  chosenRecipients,
  type Recipient,
  type RecipientChoice,
} from './recipients.js';
import { chooseSender, type Sender } from './sender-cascade.js';
import { domainOf } from '../../src-shared/validation/identity.js';
import { VALIDATION_MODE_SETTING, type ValidationMode } from '../outbox/validation-mode.js';
export { VALIDATION_MODE_SETTING, type ValidationMode };

/**
 * The first chunk of a batch is small, and each next one twice as large up to the chunk
 * size: the first messages are in the outbox within a few milliseconds, so that an engine
 * sending while the batch is prepared (QueueFeed) starts at once, and the progress shows.
 */
const FIRST_CHUNK = 25;

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
  /** Templates for this send; the type's default template fills what is not given. */
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
   * The most messages this send may make (a method that opens a window per message cannot
   * pace more): above it, nothing is queued and the user is told why.
   */
  messageLimit?: number;
}

/** Told while a batch is written, after each committed chunk of messages. */
export interface PrepareEvents {
  /** `queued` messages of `planned` are in the outbox so far (committed: the engine may take them). */
  onQueued?: (queued: number, planned: number) => void;
}

export interface PrepareWarning {
  code: MessageKey;
  params: ErrorParams;
}

export interface PrepareResult {
  /** Null for a dry run, or when nothing was queued. */
  batchId: number | null;
  /** In a dry run, ids are negative (-1, -2...): nothing was written. */
  queued: OutboxMessage[];
  excluded: ExcludedDossier[];
  warnings: PrepareWarning[];
}

export interface PrepareServiceOptions {
  actor?: () => Actor;
  /** Messages per transaction (the first ones smaller, see FIRST_CHUNK). */
  chunkSize?: number;
}

type DocumentRow = q.DocumentToPrepareRow;
type AccountForPrepare = Pick<
  MailAccountRow,
  | 'id'
  | 'kind'
  | 'from_name'
  | 'from_address'
  | 'reply_to'
  | 'archive_bcc'
  | 'cc_sender'
  | 'read_receipt'
  | 'max_message_bytes'
>;

/** What a dry run assumes when the structure has no account yet (the table's defaults). */
const SANDBOX_DEFAULTS: AccountForPrepare = {
  id: 0,
  kind: 'sandbox',
  from_name: null,
  from_address: null,
  reply_to: null,
  archive_bcc: null,
  cc_sender: 0,
  read_receipt: 0,
  max_message_bytes: 20 * 1024 * 1024,
};

/** What every message of a batch is worked out from, read once. */
interface BatchInputs {
  structure: Structure;
  account: AccountForPrepare;
  templates: Map<string, { compiled: CompiledEmailTemplate; password: PasswordRule | null }>;
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
}

interface DocumentPdf {
  fileName: string;
  size: number;
  role: 'document';
  absolutePath: string;
  relativePath: string;
}

/** One message worked out in memory, before its files and row are written. */
interface PlannedMessage {
  document: DocumentRow;
  recipient: Recipient;
  sender: Sender;
  cc: string[];
  bcc: string[];
  rendered: RenderedEmail;
  attachments: PlannedAttachment[];
  passwordProtected: boolean;
  messageIdHeader: string;
}

export class PrepareService {
  private readonly actor: () => Actor;
  private readonly chunkSize: number;

  constructor(
    private readonly db: Db,
    private readonly folder: DataFolder,
    private readonly records: RecordsService,
    options: PrepareServiceOptions = {},
  ) {
    this.actor = options.actor ?? (() => currentActor());
    this.chunkSize = Math.max(1, options.chunkSize ?? 200);
  }

  /** The fields a template may use for a structure's dossiers: for the template editor. */
  async templateFields(structureId?: number): Promise<string[]> {
    const structure = await this.records.chooseStructure(structureId);
    const rows = await this.db
      .selectFrom('dossiers')
      .select('extra')
      .distinct()
      .where('structure_id', '=', structure.id)
      .execute();
    return templateFieldNames(rows.flatMap((r) => Object.keys(parseExtra(r.extra))));
  }

  async prepare(input: PrepareInput, events: PrepareEvents = {}): Promise<PrepareResult> {
    const plan = await this.plan(input);
    if (input.messageLimit !== undefined && plan.messages.length > input.messageLimit) {
      throw new UserError('error.prepare.tooManyForMethod', {
        count: plan.messages.length,
        limit: input.messageLimit,
      });
    }
    if (input.dryRun || plan.messages.length === 0) {
      return {
        batchId: null,
        queued: plan.messages.map((m, index) => plan.preview(m, -(index + 1))),
        excluded: plan.excluded,
        warnings: plan.warnings,
      };
    }
    return this.queue(plan, events);
  }

  // --- Working everything out ---------------------------------------------------------------

  private async plan(input: PrepareInput): Promise<Plan> {
    const structure = await this.records.chooseStructure(input.structureId);
    if (input.recipients && (input.type || input.documentIds?.length !== 1))
      throw new UserError('error.prepare.recipientsOneDocument');
    const documents = await this.chooseDocuments(structure.id, input);
    const account: AccountForPrepare = input.dryRun
      ? ((await findMailAccountByStructure(this.db, structure.id)) ?? SANDBOX_DEFAULTS)
      : await ensureMailAccount(this.db, structure.id);
    const plan = new Plan(structure, account, await this.initialStatus(input.validate));
    if (account.kind === 'sandbox') {
      plan.warn('warning.prepare.sandbox', { structure: structure.name });
    }
    if (documents.length === 0) {
      plan.warn('warning.prepare.noDocuments', { selection: describeSelection(input) });
      return plan;
    }

    const documentIds = documents.map((d) => d.id);
    const extras = new Map(documents.map((d) => [d.dossier_id, parseExtra(d.dossier_extra)]));
    const fieldNames = templateFieldNames([...extras.values()].flatMap((e) => Object.keys(e)));
    // Files first: a missing one stops everything before anything is queued.
    const generalFiles = (input.generalAttachments ?? []).map((file) => checkSourceFile(file));
    const recipientFiles = this.checkRecipientFiles(
      input.recipientAttachments ?? {},
      new Set(documentIds),
    );
    for (const file of [...generalFiles, ...[...recipientFiles.values()].flat()]) {
      plan.warnIfLarge(file.fileName, file.size);
    }
    const batch: BatchInputs = {
      structure,
      account,
      templates: this.compileTemplates(input, documents, structure.locale, fieldNames),
      // Every known field, empty: a dossier without another's extra field prints a blank.
      emptyContext: Object.fromEntries(fieldNames.map((name) => [name, ''])),
      extras,
      generalFiles,
      recipientFiles,
      documentFiles: this.checkDocumentFiles(await q.listDocumentFiles(this.db, documentIds)),
      correspondents: groupBy(
        await q.listReceivingCorrespondents(this.db, [...extras.keys()]),
        (c) => c.dossier_id,
      ),
      chosenAddresses: input.recipients ?? null,
      inUse: new Map(
        (await q.listAddressesInUse(this.db, documentIds)).map((a) => [
          `${a.document_id}|${a.address}`,
          a.status,
        ]),
      ),
      ccSender: input.ccSender ?? account.cc_sender === 1,
    };
    for (const document of documents) this.planDocument(plan, batch, document);
    plan.finishWarnings();
    return plan;
  }

  private async initialStatus(validate: boolean | undefined): Promise<'pending' | 'validated'> {
    const mode =
      validate === undefined
        ? await readSetting<ValidationMode>(this.db, VALIDATION_MODE_SETTING, 'manual')
        : validate
          ? 'automatic'
          : 'manual';
    return mode === 'automatic' ? 'validated' : 'pending';
  }

  /** The messages of one document, or why it (or one of its addresses) is left out. */
  private planDocument(plan: Plan, batch: BatchInputs, document: DocumentRow): void {
    const correspondents = (batch.correspondents.get(document.dossier_id) ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      email: c.email,
      receivesDocuments: c.receives_documents === 1,
    }));
    const choice: RecipientChoice = batch.chosenAddresses
      ? { recipients: chosenRecipients(batch.chosenAddresses, correspondents), exclusions: [] }
      : chooseRecipients(document.dossier_email_opt_in === 1, correspondents);
    const blocking = choice.exclusions.find((e) => e.reason !== 'invalid_address');
    if (blocking) return plan.exclude(document, blocking.reason, null);
    if (document.type_requires_summary_number === 1 && !document.summary_number?.trim()) {
      return plan.exclude(document, 'precondition', 'summary_number');
    }
    const pdf = this.documentPdf(document);
    if (!pdf) return plan.exclude(document, 'no_pdf', document.pdf_path);
    plan.warnIfLarge(pdf.fileName, pdf.size);
    for (const invalid of choice.exclusions) plan.exclude(document, invalid.reason, invalid.detail);
    for (const recipient of choice.recipients) {
      const previous = batch.inUse.get(`${document.id}|${recipient.key}`);
      if (previous) {
        const reason = previous === 'sent' ? 'already_sent' : 'already_queued';
        plan.exclude(document, reason, recipient.address);
      } else {
        this.planMessage(plan, batch, document, pdf, recipient);
      }
    }
  }

  /** One message: sender, rendered template, attachments; left out when too large. */
  private planMessage(
    plan: Plan,
    batch: BatchInputs,
    document: DocumentRow,
    pdf: DocumentPdf,
    recipient: Recipient,
  ): void {
    const { structure, account } = batch;
    const sender = senderOf(document, structure, account);
    const context = {
      ...batch.emptyContext,
      ...buildTemplateContext({
        structure,
        dossier: {
          number: document.dossier_number,
          title: document.dossier_title,
          firstName: document.dossier_first_name,
          lastName: document.dossier_last_name,
          displayName: displayNameOf(document),
          extra: batch.extras.get(document.dossier_id) ?? {},
        },
        document: {
          number: document.number,
          period: document.period,
          amountCents: document.amount_cents,
          currency: document.currency,
          dueDate: document.due_date,
        },
        typeName: typeNameFor(structure.locale, {
          name_fr: document.type_name_fr,
          name_en: document.type_name_en,
        }),
        recipientName: recipient.name,
        senderName: sender.name,
      }),
    };
    const { compiled, password } = batch.templates.get(document.type_code)!;
    for (const field of compiled.printedFields) {
      if (context[field] === '') plan.noteEmptyField(field, document.dossier_number);
    }
    const rendered = compiled.render(context);
    if (password && !mentionsPassword(rendered.text)) plan.notePasswordNotExplained(context.type!);

    const documentAttachment: PlannedAttachment = password
      ? {
          ...pdf,
          source: {
            kind: 'encrypt',
            absolutePath: pdf.absolutePath,
            password: password.passwordFor(
              { ...context, [SIN_FIELD]: document.dossier_sin ?? '' },
              document.dossier_number,
            ),
          },
        }
      : { ...pdf, source: { kind: 'stored', relativePath: pdf.relativePath } };
    const attachments = distinctNames([
      documentAttachment,
      ...(batch.documentFiles.get(document.id) ?? []),
      ...(batch.recipientFiles.get(document.id) ?? []).map((file) =>
        fileAttachment(file, 'recipient', 'copy'),
      ),
      ...batch.generalFiles.map((file) => fileAttachment(file, 'general', 'general')),
    ]);
    const size = estimateMessageBytes(
      attachments.map((a) => a.size),
      [rendered.subject, rendered.text, rendered.html],
    );
    if (size > account.max_message_bytes) {
      const detail = `${plan.megabytes(size)} > ${plan.megabytes(account.max_message_bytes)}`;
      return plan.exclude(document, 'too_large', detail);
    }
    plan.messages.push({
      document,
      recipient,
      sender,
      cc: batch.ccSender && sender.address.toLowerCase() !== recipient.key ? [sender.address] : [],
      bcc: account.archive_bcc?.trim() ? [account.archive_bcc.trim()] : [],
      rendered,
      attachments,
      passwordProtected: password !== null,
      messageIdHeader: `<${randomUUID()}@${domainOf(sender.address)}>`,
    });
  }

  private async chooseDocuments(structureId: number, input: PrepareInput): Promise<DocumentRow[]> {
    if (!input.type && !input.documentIds) throw new UserError('error.prepare.nothingChosen');
    if (input.type && !isDocumentTypeCode(input.type)) {
      throw new UserError('error.documentType.unknown', {
        type: input.type,
        types: DOCUMENT_TYPE_CODES.join(', '),
      });
    }
    const documents = await q.listDocumentsToPrepare(this.db, {
      structureId,
      ...(input.type && { typeCode: input.type }),
      ...(input.period && { period: parsePeriod(input.period) }),
      ...(input.documentIds && { documentIds: input.documentIds }),
    });
    const found = new Set(documents.map((d) => d.id));
    const missing = input.documentIds?.find((id) => !found.has(id));
    if (missing !== undefined) throw new UserError('error.document.notFound', { id: missing });
    return documents;
  }

  /** One compiled template (and password rule) per document type of the batch. */
  private compileTemplates(
    input: PrepareInput,
    documents: DocumentRow[],
    locale: string,
    fieldNames: string[],
  ): Map<string, { compiled: CompiledEmailTemplate; password: PasswordRule | null }> {
    if (input.htmlBody?.trim() && !input.textBody?.trim())
      throw new UserError('error.template.htmlWithoutText');
    const templates = new Map<
      string,
      { compiled: CompiledEmailTemplate; password: PasswordRule | null }
    >();
    for (const document of documents) {
      if (templates.has(document.type_code)) continue;
      const fallback = defaultTemplate(document.type_code, languageOf(locale));
      const template: EmailTemplate = {
        subject: input.subject?.trim() ? input.subject : fallback.subject,
        text: input.textBody?.trim() ? input.textBody : fallback.text,
        // A text of the user's own is never paired with the default HTML, which says something else.
        html: input.htmlBody?.trim()
          ? input.htmlBody
          : input.textBody?.trim()
            ? null
            : (fallback.html ?? null),
      };
      const typeName = typeNameFor(locale, {
        name_fr: document.type_name_fr,
        name_en: document.type_name_en,
      });
      templates.set(document.type_code, {
        compiled: compileEmailTemplate(template, fieldNames),
        password: document.type_password_rule?.trim()
          ? PasswordRule.compile(
              typeName,
              document.type_password_rule,
              document.type_password_fallback,
              fieldNames,
            )
          : null,
      });
    }
    return templates;
  }

  private checkRecipientFiles(
    byDocument: Record<number, string[]>,
    chosen: Set<number>,
  ): Map<number, SourceFile[]> {
    const result = new Map<number, SourceFile[]>();
    for (const [key, files] of Object.entries(byDocument)) {
      const id = Number(key);
      if (!chosen.has(id)) throw new UserError('error.attachment.documentNotChosen', { id: key });
      result.set(
        id,
        files.map((file) => checkSourceFile(file)),
      );
    }
    return result;
  }

  /** The documents' own extra files (a statement of disbursements...), sent from where they are. */
  private checkDocumentFiles(
    rows: Awaited<ReturnType<typeof q.listDocumentFiles>>,
  ): Map<number, PlannedAttachment[]> {
    const result = new Map<number, PlannedAttachment[]>();
    for (const row of rows) {
      const file = checkSourceFile(this.folder.resolve(row.file_path), row.file_name);
      const list = result.get(row.document_id) ?? [];
      list.push({
        fileName: file.fileName,
        size: file.size,
        role: 'extra',
        source: { kind: 'stored', relativePath: row.file_path },
      });
      result.set(row.document_id, list);
    }
    return result;
  }

  /** The document's PDF as an attachment, or null when it has none (or the file is gone). */
  private documentPdf(document: DocumentRow): DocumentPdf | null {
    if (!document.pdf_path) return null;
    const absolutePath = this.folder.resolve(document.pdf_path);
    const stat = fs.statSync(absolutePath, { throwIfNoEntry: false });
    if (!stat?.isFile()) return null;
    return {
      fileName: safeFileName(`${document.type_name_fr} ${document.number}.pdf`),
      size: stat.size,
      role: 'document',
      absolutePath,
      relativePath: document.pdf_path,
    };
  }

  // --- Writing ------------------------------------------------------------------------------

  private async queue(plan: Plan, events: PrepareEvents): Promise<PrepareResult> {
    const actor = this.actor();
    const batchId = await writeTransaction(this.db, (tx) =>
      q.insertBatch(tx, {
        structure_id: plan.structure.id,
        description: plan.description(),
        created_by: actor.user,
        workstation: actor.workstation,
      }),
    );
    const files = new OutboxFiles(this.folder, batchId);
    const queued: OutboxMessage[] = [];
    try {
      let size = Math.min(FIRST_CHUNK, this.chunkSize);
      for (let start = 0; start < plan.messages.length; start += size) {
        if (start > 0) size = Math.min(2 * size, this.chunkSize);
        const chunk = plan.messages.slice(start, start + size);
        const stored = this.writeChunkFiles(plan, chunk, files);
        queued.push(...(await this.insertChunk(plan, stored, files, batchId, actor)));
        events.onQueued?.(queued.length, plan.messages.length);
      }
    } finally {
      if (queued.length === 0) {
        await writeTransaction(this.db, (tx) => q.deleteBatchIfEmpty(tx, batchId));
        files.removeAll();
      }
    }
    return {
      batchId: queued.length > 0 ? batchId : null,
      queued,
      excluded: plan.excluded,
      warnings: plan.warnings,
    };
  }

  /**
   * Writes the files of a chunk's messages. A PDF that cannot be encrypted leaves its document
   * out, not the batch; any other failure removes what the chunk wrote and stops the batch.
   */
  private writeChunkFiles(
    plan: Plan,
    chunk: PlannedMessage[],
    files: OutboxFiles,
  ): StoredMessage[] {
    const stored: StoredMessage[] = [];
    for (const message of chunk) {
      try {
        stored.push({ message, ...files.writeMessageFiles(message.attachments) });
      } catch (error) {
        if (!isUserError(error) || error.code !== 'error.pdf.encryptFailed') {
          files.removeFiles(stored.flatMap((done) => done.ownFiles));
          throw error;
        }
        plan.exclude(message.document, 'no_pdf', String(error.params.file ?? ''));
      }
    }
    return stored;
  }

  /**
   * The rows of a chunk whose files are written, in one transaction (a few statements for
   * the whole chunk, not a few per message); removes the files if it fails.
   */
  private async insertChunk(
    plan: Plan,
    stored: StoredMessage[],
    files: OutboxFiles,
    batchId: number,
    actor: Actor,
  ): Promise<OutboxMessage[]> {
    try {
      return await writeTransaction(this.db, async (tx) => {
        // Another workstation may have queued the same documents since the plan was made.
        const inUse = new Map(
          (
            await q.listAddressesInUse(tx, [...new Set(stored.map((s) => s.message.document.id))])
          ).map((a) => [`${a.document_id}|${a.address}`, a.status]),
        );
        const fresh: StoredMessage[] = [];
        for (const entry of stored) {
          const { message } = entry;
          const previous = inUse.get(`${message.document.id}|${message.recipient.key}`);
          if (!previous) {
            fresh.push(entry);
            continue;
          }
          plan.exclude(
            message.document,
            previous === 'sent' ? 'already_sent' : 'already_queued',
            message.recipient.address,
          );
          files.removeFiles(entry.ownFiles);
        }
        const rows = await q.insertMessages(
          tx,
          fresh.map(({ message, attachments }) => ({
            ...plan.rowValues(message, JSON.stringify(attachments)),
            batch_id: batchId,
            queued_by: actor.user,
            workstation: actor.workstation,
          })),
        );
        const inserted = rows.map((row, index) => ({ row, message: fresh[index]!.message }));
        await q.insertAddressesOfMessages(
          tx,
          inserted.map(({ row, message }) => ({
            messageId: row.id,
            documentId: row.document_id,
            addresses: [message.recipient.address],
          })),
        );
        await appendJournalEvents(
          tx,
          inserted.flatMap(({ row, message }) =>
            queuedEvents(row, message.recipient.address, actor, batchId),
          ),
        );
        await q.refreshDocumentEmailStates(
          tx,
          stored.map((s) => s.message.document.id),
        );
        return inserted.map(({ row, message }) => outboxMessage(row, message.document));
      });
    } catch (error) {
      files.removeFiles(stored.flatMap((s) => s.ownFiles));
      throw error;
    }
  }
}

/** The journal's events for a message just queued: queued, and validated when it is. */
function queuedEvents(
  row: MessageRow,
  to: string,
  actor: Actor,
  batchId: number,
): JournalEventInput[] {
  const journal = { actor, messageId: row.id, documentId: row.document_id };
  const events: JournalEventInput[] = [
    {
      ...journal,
      event: 'queued',
      detail: translate('fr', 'sending.journal.queued', { to, batch: batchId }),
    },
  ];
  if (row.status === 'validated') {
    events.push({
      ...journal,
      event: 'validated',
      detail: translate('fr', 'sending.journal.validatedAutomatically'),
    });
  }
  return events;
}

/** A planned message whose files are written: what its row says it carries. */
interface StoredMessage extends WrittenMessageFiles {
  message: PlannedMessage;
}

/** The batch being worked out: its messages, exclusions and warnings. */
class Plan {
  readonly messages: PlannedMessage[] = [];
  readonly excluded: ExcludedDossier[] = [];
  readonly warnings: PrepareWarning[] = [];
  private readonly largeFilesWarned = new Set<string>();
  private readonly emptyFields = new Map<string, Set<string>>();
  private readonly passwordNotExplained = new Set<string>();
  private readonly numberFormat: Intl.NumberFormat;

  constructor(
    readonly structure: { id: number; name: string; locale: string },
    readonly account: AccountForPrepare,
    readonly initialStatus: Extract<MessageStatus, 'pending' | 'validated'>,
  ) {
    this.numberFormat = new Intl.NumberFormat(structure.locale, { maximumFractionDigits: 1 });
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
    const documents = this.messages.map((m) => m.document);
    const types = [...new Set(documents.map((d) => d.type_name_fr))];
    const periods = [
      ...new Set(documents.map((d) => formatPeriod(d.period, this.structure.locale))),
    ];
    return `${types.join(', ')} — ${periods.slice(0, 3).join(', ')}${periods.length > 3 ? '…' : ''}`;
  }

  rowValues(message: PlannedMessage, attachmentsJson: string) {
    return {
      structure_id: this.structure.id,
      account_id: this.account.id,
      document_id: message.document.id,
      dossier_id: message.document.dossier_id,
      from_name: message.sender.name || null,
      from_address: message.sender.address,
      reply_to: this.account.reply_to?.trim() || null,
      to_addresses: JSON.stringify([message.recipient.address]),
      cc_addresses: JSON.stringify(message.cc),
      bcc_addresses: JSON.stringify(message.bcc),
      subject: message.rendered.subject,
      text_body: message.rendered.text,
      html_body: message.rendered.html,
      attachments: attachmentsJson,
      password_protected: message.passwordProtected ? 1 : 0,
      read_receipt: this.account.read_receipt,
      message_id_header: message.messageIdHeader,
      status: this.initialStatus,
      validated_at: this.initialStatus === 'validated' ? new Date().toISOString() : null,
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
      next_attempt_at: null,
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

function outboxMessage(row: MessageRow, document: DocumentRow): OutboxMessage {
  return toOutboxMessage({
    ...row,
    document_number: document.number,
    dossier_number: document.dossier_number,
    dossier_title: document.dossier_title,
    dossier_first_name: document.dossier_first_name,
    dossier_last_name: document.dossier_last_name,
  });
}

function senderOf(document: DocumentRow, structure: Structure, account: AccountForPrepare): Sender {
  const sender = chooseSender({
    manager:
      document.manager_name === null
        ? null
        : { name: document.manager_name, email: document.manager_email },
    group:
      document.group_name === null
        ? null
        : { name: document.group_name, email: document.group_email },
    structure,
    account: { fromName: account.from_name, fromAddress: account.from_address },
  });
  if (!sender) {
    throw new UserError('error.prepare.noSender', {
      dossier: document.dossier_number,
      structure: structure.name,
    });
  }
  return sender;
}

function displayNameOf(document: DocumentRow): string {
  return dossierDisplayName({
    title: document.dossier_title,
    first_name: document.dossier_first_name,
    last_name: document.dossier_last_name,
  });
}

function fileAttachment(
  file: SourceFile,
  role: 'recipient' | 'general',
  kind: 'copy' | 'general',
): PlannedAttachment {
  return { fileName: file.fileName, size: file.size, role, source: { kind, file } };
}

function parseExtra(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]),
    );
  } catch {
    return {};
  }
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row)) ?? [];
    list.push(row);
    groups.set(key(row), list);
  }
  return groups;
}

function describeSelection(input: PrepareInput): string {
  if (input.documentIds) return input.documentIds.join(', ');
  return [input.type, input.period].filter(Boolean).join(' ');
}
