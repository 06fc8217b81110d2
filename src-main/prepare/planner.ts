// Working out a bulk send before anything is written: which documents, which addresses,
// what is left out and why, every message rendered and sized (see message-rendering.ts).
// Everything is checked first (missing files, unknown template fields, no sender): an error
// here leaves the outbox as it was.
import { resolveNotBefore } from '../outbox/schedule.js';
import { DOCUMENT_TYPE_CODES, isDocumentTypeCode } from '../../src-shared/domain/document-types.js';
import { parsePeriod } from '../../src-shared/format/dates.js';
import { UserError } from '../../src-shared/errors.js';
import type { Db } from '../db/connection.js';
import { ensureMailAccount, findMailAccountByStructure } from '../db/mail-account-queries.js';
import * as q from '../db/outbox-prepare-queries.js';
import { listSendAs } from '../db/send-as-queries.js';
import { readSetting } from '../db/settings-queries.js';
import { safeFileName, type DataFolder } from '../data-folder/data-folder.js';
import {
  contentStoreFor,
  isContentReference,
  type DocumentContentStore,
} from '../documents/content-store.js';
import { parseExtra, templateFieldNames } from '../email-templates/template-fields.js';
import type { TemplateSettings } from '../email-templates/template-settings.js';
import type { RecordsService } from '../records/records-service.js';
import { accountOwnAddress } from '../accounts/account-identity.js';
import { methodOf } from '../accounts/mail-methods.js';
import { VALIDATION_MODE_SETTING, type ValidationMode } from '../outbox/validation-mode.js';
import {
  checkSourceFile,
  LARGE_ATTACHMENT_BYTES,
  type PlannedAttachment,
  type SourceFile,
} from './attachments.js';
import { batchTemplates, planMessage } from './message-rendering.js';
import { batchLanguages } from './recipient-language.js';
import {
  Plan,
  SANDBOX_DEFAULTS,
  type AccountForPrepare,
  type BatchInputs,
  type DocumentPdf,
  type DocumentRow,
} from './plan.js';
import type { PrepareInput } from './prepare-input.js';
import { chooseRecipients, chosenRecipients, type RecipientChoice } from './recipients.js';

export class BatchPlanner {
  /** Where the documents' PDFs and files are: the data folder, or the database (PostgreSQL). */
  readonly contents: DocumentContentStore;

  constructor(
    private readonly db: Db,
    folder: DataFolder,
    private readonly records: RecordsService,
    private readonly templates: TemplateSettings,
  ) {
    this.contents = contentStoreFor(db, folder);
  }

  /**
   * The batch worked out. Streamed (a batch to write): its messages are not kept but planned
   * again as the queue writer takes them (Plan.take); each document's row is let go once its
   * messages are planned again.
   */
  async plan(input: PrepareInput, { streamed = false } = {}): Promise<Plan> {
    const structure = await this.records.chooseStructure(input.structureId);
    if (input.recipients && (input.type || input.documentIds?.length !== 1))
      throw new UserError('error.prepare.recipientsOneDocument');
    const documents = await this.chooseDocuments(structure.id, input);
    const account: AccountForPrepare = input.dryRun
      ? ((await findMailAccountByStructure(this.db, structure.id)) ?? SANDBOX_DEFAULTS)
      : await ensureMailAccount(this.db, structure.id);
    const notBefore = input.notBefore ? resolveNotBefore(input.notBefore) : null;
    const status = await this.initialStatus(input.validate);
    const plan = new Plan(structure, account, status, notBefore, streamed);
    if (methodOf(account.kind).sendsNothing) {
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
    const documentFiles = await q.listDocumentFiles(this.db, documentIds);
    // The stored files' sizes, all at once (one query on a database): a missing one is absent.
    const sizes = await this.contents.sizes([
      ...documents.flatMap((d) => (d.pdf_path ? [d.pdf_path] : [])),
      ...documentFiles.map((row) => row.file_path),
    ]);
    const correspondents = groupBy(
      await q.listReceivingCorrespondents(this.db, [...extras.keys()]),
      (c) => c.dossier_id,
    );
    const batch: BatchInputs = {
      structure,
      account,
      identity: {
        ownAddress: accountOwnAddress({
          fromAddress: account.from_address,
          username: account.username,
        }),
        replyTo: account.reply_to?.trim() || null,
        sendAs: new Set(account.id ? await listSendAs(this.db, account.id) : []),
      },
      templates: await batchTemplates(
        input,
        documents,
        structure,
        fieldNames,
        this.templates,
        batchLanguages(documents, correspondents.values()),
      ),
      // Every known field, empty: a dossier without another's extra field prints a blank.
      emptyContext: Object.fromEntries(fieldNames.map((name) => [name, ''])),
      extras,
      generalFiles,
      recipientFiles,
      documentFiles: this.checkDocumentFiles(documentFiles, sizes),
      correspondents,
      chosenAddresses: input.recipients ?? null,
      inUse: new Map(
        (await q.listAddressesInUse(this.db, documentIds)).map((a) => [
          `${a.document_id}|${a.address}`,
          a.status,
        ]),
      ),
      ccSender: input.ccSender ?? account.cc_sender === 1,
      localPath: (reference) => this.contents.localPath(reference),
    };
    for (const document of documents) this.planDocument(plan, batch, document, sizes);
    plan.finishWarnings();
    if (streamed) {
      let next = 0;
      plan.planAgainWith(() => {
        if (next >= documents.length) return false;
        const document = documents[next]!;
        // Its messages keep what they need of it; the batch need not keep it any longer.
        (documents as (DocumentRow | undefined)[])[next++] = undefined;
        this.planDocument(plan, batch, document, sizes);
        return true;
      });
    }
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
  private planDocument(
    plan: Plan,
    batch: BatchInputs,
    document: DocumentRow,
    sizes: ReadonlyMap<string, number>,
  ): void {
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
    const pdf = this.documentPdf(document, sizes);
    if (!pdf) return plan.exclude(document, 'no_pdf', document.pdf_path);
    if (pdf.size > LARGE_ATTACHMENT_BYTES)
      plan.warnIfLarge(safeFileName(`${document.type_name_fr} ${document.number}.pdf`), pdf.size);
    for (const invalid of choice.exclusions) plan.exclude(document, invalid.reason, invalid.detail);
    for (const recipient of choice.recipients) {
      const previous = batch.inUse.get(`${document.id}|${recipient.key}`);
      if (previous) {
        const reason = previous === 'sent' ? 'already_sent' : 'already_queued';
        plan.exclude(document, reason, recipient.address);
      } else {
        planMessage(plan, batch, document, pdf, recipient);
      }
    }
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
    sizes: ReadonlyMap<string, number>,
  ): Map<number, PlannedAttachment[]> {
    const result = new Map<number, PlannedAttachment[]>();
    for (const row of rows) {
      const size = sizes.get(row.file_path);
      if (size === undefined) {
        const file = isContentReference(row.file_path)
          ? row.file_name
          : this.contents.localPath(row.file_path);
        throw new UserError('error.attachment.missing', { file });
      }
      const list = result.get(row.document_id) ?? [];
      list.push({
        fileName: safeFileName(row.file_name, 'piece-jointe'),
        size,
        role: 'extra',
        source: { kind: 'stored', relativePath: row.file_path },
      });
      result.set(row.document_id, list);
    }
    return result;
  }

  /** The document's PDF as an attachment, or null when it has none (or the file is gone). */
  private documentPdf(
    document: DocumentRow,
    sizes: ReadonlyMap<string, number>,
  ): DocumentPdf | null {
    if (!document.pdf_path) return null;
    const size = sizes.get(document.pdf_path);
    if (size === undefined) return null;
    return { size, relativePath: document.pdf_path };
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
