// One message of a bulk send worked out in memory: its sender, its subject and bodies
// rendered from the type's template for this recipient, in the recipient's language (dates,
// amounts and the document's file name too), its files (the PDF encrypted with the type's
// password rule), left out when too large for the account. Also the templates of a batch:
// what the send gives, else the structure's own template for the type and language.
import { createHash } from 'node:crypto';
import type { DocumentTypeCode } from '../../src-shared/domain/document-types.js';
import { recipientLocale } from '../../src-shared/domain/family-language.js';
import type { Structure } from '../../src-shared/domain/records.js';
import type { Language } from '../../src-shared/i18n/catalog.js';
import { UserError } from '../../src-shared/errors.js';
import { safeFileName } from '../data-folder/data-folder.js';
import {
  compileEmailTemplate,
  mentionsPassword,
  type CompiledEmailTemplate,
  type EmailTemplate,
  type RenderedEmail,
} from '../email-templates/email-template.js';
import { buildTemplateContext, typeNameFor } from '../email-templates/template-fields.js';
import type { TemplateSettings } from '../email-templates/template-settings.js';
import { PasswordRule, SIN_FIELD } from '../documents/password-rule.js';
import { distinctNames, type PlannedAttachment, type SourceFile } from './attachments.js';
import { sizeOverLimit, templateBound } from './message-size.js';
import {
  displayNameOf,
  type AccountForPrepare,
  type BatchInputs,
  type DocumentPdf,
  type DocumentRow,
  type Plan,
  type PlannedMessage,
  type TypeTemplate,
} from './plan.js';
import type { PrepareInput } from './prepare-input.js';
import { ownTexts, recipientLanguage, templateKey } from './recipient-language.js';
import type { Recipient } from './recipients.js';
import { chooseSender, type Sender } from './sender-cascade.js';
import { senderIdentity, type SenderIdentity } from './sender-identity.js';

/** One message: sender, rendered template, attachments; left out when too large. */
export function planMessage(
  plan: Plan,
  batch: BatchInputs,
  document: DocumentRow,
  pdf: DocumentPdf,
  recipient: Recipient,
): void {
  const { structure, account } = batch;
  const sender = senderOf(document, structure, account);
  const identity = senderIdentity(sender, batch.identity, structure);
  const language = recipientLanguage(
    document,
    recipient,
    batch.correspondents.get(document.dossier_id),
  );
  const locale = recipientLocale(language, structure.locale);
  const typeName = typeNameFor(locale, {
    name_fr: document.type_name_fr,
    name_en: document.type_name_en,
  });
  const source: ContextSource = { batch, document, recipient, sender, locale, typeName };
  const context = messageContext(source);
  const template = batch.templates.get(templateKey(document.type_code, language))!;
  const { compiled, password } = template;
  for (const field of compiled.printedFields) {
    if (context[field] === '') plan.noteEmptyField(field, document.dossier_number);
  }
  if (password && !mentionsPassword(compiled.render(context).text))
    plan.notePasswordNotExplained(context.type!);

  const documentAttachment: PlannedAttachment = {
    // The file's name is read by the family: in their language ("Invoice F-1.pdf").
    fileName: safeFileName(`${typeName} ${document.number}.pdf`),
    size: pdf.size,
    role: 'document',
    source: password
      ? {
          kind: 'encrypt',
          absolutePath: batch.localPath(pdf.relativePath),
          reference: pdf.relativePath,
          password: password.passwordFor(
            { ...context, [SIN_FIELD]: document.dossier_sin ?? '' },
            document.dossier_number,
          ),
        }
      : { kind: 'stored', relativePath: pdf.relativePath },
  };
  const attachments = distinctNames([
    documentAttachment,
    ...(batch.documentFiles.get(document.id) ?? []),
    ...(batch.recipientFiles.get(document.id) ?? []).map((file) =>
      fileAttachment(file, 'recipient', 'copy'),
    ),
    ...batch.generalFiles.map((file) => fileAttachment(file, 'general', 'general')),
  ]);
  const sizes = attachments.map((a) => a.size);
  const size = sizeOverLimit(sizes, template, context, account.max_message_bytes);
  if (size !== null) {
    const detail = `${plan.megabytes(size)} > ${plan.megabytes(account.max_message_bytes)}`;
    return plan.exclude(document, 'too_large', detail);
  }
  plan.add(
    new LazyMessage(
      source,
      compiled,
      identity,
      ccSender(batch, sender, recipient),
      account.archive_bcc?.trim() ? [account.archive_bcc.trim()] : [],
      attachments,
      password !== null,
    ),
  );
}

function ccSender(batch: BatchInputs, sender: Sender, recipient: Recipient): string[] {
  return batch.ccSender && sender.address.toLowerCase() !== recipient.key ? [sender.address] : [];
}

/**
 * A planned message as a batch keeps it until it is written: its sources, not its texts,
 * rendered when read (by the queue writer, a chunk at a time) from a context made again then.
 * A class, so that a batch's 10,000 messages share one shape (an object literal with a getter
 * is a dictionary in V8, several times larger).
 */
class LazyMessage implements PlannedMessage {
  constructor(
    private readonly source: ContextSource,
    private readonly compiled: CompiledEmailTemplate,
    readonly identity: SenderIdentity,
    readonly cc: string[],
    readonly bcc: string[],
    readonly attachments: PlannedAttachment[],
    readonly passwordProtected: boolean,
  ) {}

  get document(): DocumentRow {
    return this.source.document;
  }

  get recipient(): Recipient {
    return this.source.recipient;
  }

  get sender(): Sender {
    return this.source.sender;
  }

  get rendered(): RenderedEmail {
    return this.compiled.render(messageContext(this.source));
  }
}

interface ContextSource {
  batch: BatchInputs;
  document: DocumentRow;
  recipient: Recipient;
  sender: Sender;
  locale: string;
  typeName: string;
}

/** The template's fields for one message: every known field, blank where this dossier has none. */
function messageContext({ batch, document, recipient, sender, locale, typeName }: ContextSource) {
  return {
    ...batch.emptyContext,
    ...buildTemplateContext({
      structure: batch.structure,
      locale,
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
      typeName,
      recipientName: recipient.name,
      senderName: sender.name,
    }),
  };
}

/**
 * One compiled template (and password rule) per document type and language of the batch
 * (see templateKey): the send's own subject and bodies, else the structure's template for the
 * type in that language (the office's, saved in Paramètres, else Postier's default in it).
 */
export async function batchTemplates(
  input: PrepareInput,
  documents: DocumentRow[],
  structure: { id: number; locale: string },
  fieldNames: string[],
  saved: TemplateSettings,
  languages: ReadonlySet<Language>,
): Promise<Map<string, TypeTemplate>> {
  if (input.htmlBody?.trim() && !input.textBody?.trim())
    throw new UserError('error.template.htmlWithoutText');
  const templates = new Map<string, TypeTemplate>();
  // One document of each type: the templates and password rule are the type's.
  const byType = new Map(documents.map((d) => [d.type_code, d]));
  for (const document of byType.values()) {
    const type = document.type_code as DocumentTypeCode;
    // The text the window showed is the type's template in the structure's language: sent
    // unchanged, each family gets the template in its own language instead.
    const own = ownTexts(input, await saved.read(structure.id, type));
    for (const language of languages) {
      templates.set(
        templateKey(type, language),
        await typeTemplate(own, document, structure, language, fieldNames, saved),
      );
    }
  }
  return templates;
}

async function typeTemplate(
  input: Pick<PrepareInput, 'subject' | 'textBody' | 'htmlBody'>,
  document: DocumentRow,
  structure: { id: number; locale: string },
  language: Language,
  fieldNames: string[],
  saved: TemplateSettings,
): Promise<TypeTemplate> {
  const fallback = await saved.read(structure.id, document.type_code as DocumentTypeCode, language);
  const template: EmailTemplate = {
    subject: input.subject?.trim() ? input.subject : fallback.subject,
    text: input.textBody?.trim() ? input.textBody : fallback.text,
    // A text of the user's own is never paired with the default HTML, which says something else.
    html: input.htmlBody?.trim() ? input.htmlBody : input.textBody?.trim() ? null : fallback.html,
  };
  const typeName = typeNameFor(recipientLocale(language, structure.locale), {
    name_fr: document.type_name_fr,
    name_en: document.type_name_en,
  });
  return {
    compiled: compiledOnce(template, fieldNames, await saved.signature(structure.id)),
    bound: templateBound(template),
    password: document.type_password_rule?.trim()
      ? PasswordRule.compile(
          typeName,
          document.type_password_rule,
          document.type_password_fallback,
          fieldNames,
        )
      : null,
  };
}

/**
 * The same template, fields and signature compile to the same renderer: kept (a few), so the
 * bulk dialog's live preview, asked again at each pause in typing, compiles only what changed.
 */
const compiledTemplates = new Map<string, CompiledEmailTemplate>();
const COMPILED_KEPT = 32;

function compiledOnce(
  template: EmailTemplate,
  fieldNames: string[],
  signature: Parameters<typeof compileEmailTemplate>[2],
): CompiledEmailTemplate {
  const key = createHash('sha256')
    .update(JSON.stringify([template, fieldNames, signature ?? null]))
    .digest('base64');
  let compiled = compiledTemplates.get(key);
  if (!compiled) {
    compiled = compileEmailTemplate(template, fieldNames, signature);
    if (compiledTemplates.size >= COMPILED_KEPT) compiledTemplates.clear();
    compiledTemplates.set(key, compiled);
  }
  return compiled;
}

// The cascade checks each level's address (isValidEmail): 5,000 invoices of one office have
// a handful of distinct manager/group pairs, so a batch works each pair out once. Keyed by the
// batch's structure row (read afresh by each plan), so an edited structure is never stale.
const sendersOfBatch = new WeakMap<Structure, Map<string, Sender>>();

export function senderOf(
  document: DocumentRow,
  structure: Structure,
  account: AccountForPrepare,
): Sender {
  let known = sendersOfBatch.get(structure);
  if (!known) sendersOfBatch.set(structure, (known = new Map()));
  const key = [
    account.from_name,
    account.from_address,
    document.manager_name,
    document.manager_email,
    document.group_name,
    document.group_email,
  ].join('\u0000');
  let sender = known.get(key);
  if (!sender) {
    sender = cascadeSender(document, structure, account);
    known.set(key, sender);
  }
  return sender;
}

function cascadeSender(
  document: DocumentRow,
  structure: Structure,
  account: AccountForPrepare,
): Sender {
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

function fileAttachment(
  file: SourceFile,
  role: 'recipient' | 'general',
  kind: 'copy' | 'general',
): PlannedAttachment {
  return { fileName: file.fileName, size: file.size, role, source: { kind, file } };
}
