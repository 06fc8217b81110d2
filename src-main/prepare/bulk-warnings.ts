// The warnings a bulk send says by name before anything is queued, worked out from the
// planned messages themselves (so they hold for exactly what would leave): the dossiers whose
// PDF gets the type's fallback password because a field of the rule (the SIN) is empty, the
// types whose text does not explain the password (as the planner found), the files over 1 MB
// with the dossier they go to, and the senders whose domain is not the account's. The SIN
// itself never appears: only whether it is empty. Gathered as each message is planned
// (BulkWarningsFound.add), so that a batch written as it is planned again (a streamed plan,
// see plan.ts) keeps only what it warns about, not its messages.
import type {
  BulkWarnings,
  FallbackPasswordDossier,
  ForeignSender,
  LargeAttachment,
  WarnedDossier,
} from '../../src-shared/domain/bulk-warnings.js';
import { domainOf } from '../../src-shared/validation/identity.js';
import { accountOwnAddress } from '../accounts/account-identity.js';
import type { DocumentToPrepareRow as DocumentRow } from '../db/outbox-prepare-queries.js';
import { dossierDisplayName } from '../records/records-service.js';
import { LARGE_ATTACHMENT_BYTES, type PlannedAttachment } from './attachments.js';
import { byDossierName, type ByName } from './name-order.js';

/** What the warnings read of a planned message (plan.ts's PlannedMessage). */
export interface WarnedMessage {
  document: DocumentRow;
  attachments: readonly PlannedAttachment[];
  sender: { address: string };
  identity: { fromAddress: string };
}

type LargeFound = LargeAttachment & { document: DocumentRow | null };

/** What the warnings are made of, message by message as they are planned. */
export class BulkWarningsFound {
  /** The documents whose PDF gets the fallback password, and that password. */
  private readonly fallbackDocuments = new Map<number, DocumentRow>();
  private fallbackPassword: string | null = null;
  private readonly large = new Map<string, LargeFound>();
  private readonly senders = new Map<string, ForeignSender>();
  /** The account's own address (null: any sender is fine). */
  private readonly accountAddress: string | null;

  constructor(account: { from_address: string | null; username: string | null }) {
    this.accountAddress = accountOwnAddress({
      fromAddress: account.from_address,
      username: account.username,
    });
  }

  add(message: WarnedMessage): void {
    this.noteFallback(message);
    this.noteLarge(message);
    this.noteSender(message);
  }

  /** The warnings, dossiers listed as a clerk reads a list of names. */
  said(locale: string, warnings: readonly { code: string; params: object }[]): BulkWarnings {
    const byName = byDossierName(locale);
    return {
      fallbackPassword: this.fallbackPasswords(byName),
      // The planner checks each rendered text once; its warning names the type.
      passwordNotExplained: warnings
        .filter((w) => w.code === 'warning.password.notExplained')
        .map((w) => String((w.params as { type?: unknown }).type)),
      largeAttachments: this.largeAttachments(byName),
      senderDomains: [...this.senders.values()],
    };
  }

  /** A document whose PDF is encrypted with the type's fallback, once each. */
  private noteFallback(message: WarnedMessage): void {
    const { document } = message;
    const fallback = document.type_password_fallback?.trim();
    if (!fallback || this.fallbackDocuments.has(document.id)) return;
    const usesFallback = message.attachments.some(
      (a) => a.role === 'document' && a.source.kind === 'encrypt' && a.source.password === fallback,
    );
    if (!usesFallback) return;
    this.fallbackPassword = fallback;
    this.fallbackDocuments.set(document.id, document);
  }

  private fallbackPasswords(
    byName: ByName,
  ): { password: string; dossiers: FallbackPasswordDossier[] } | null {
    if (this.fallbackPassword === null) return null;
    const dossiers = [...this.fallbackDocuments.values()].sort(byName).map((document) => ({
      ...warnedDossier(document),
      sinMissing: !document.dossier_sin?.trim(),
    }));
    return { password: this.fallbackPassword, dossiers };
  }

  /** Each file over 1 MB once: a dossier's own once per dossier, then the files for everyone. */
  private noteLarge(message: WarnedMessage): void {
    for (const attachment of message.attachments) {
      if (attachment.size <= LARGE_ATTACHMENT_BYTES) continue;
      const general = attachment.role === 'general';
      const key = `${general ? 'general' : message.document.id}|${attachment.fileName}`;
      if (this.large.has(key)) continue;
      this.large.set(key, {
        fileName: attachment.fileName,
        size: attachment.size,
        role: attachment.role,
        dossier: general ? null : warnedDossier(message.document),
        document: general ? null : message.document,
      });
    }
  }

  private largeAttachments(byName: ByName): LargeAttachment[] {
    const last = (a: DocumentRow | null, b: DocumentRow | null) =>
      a && b ? byName(a, b) : Number(a === null) - Number(b === null);
    return [...this.large.values()]
      .sort((a, b) => last(a.document, b.document))
      .map(({ document: _document, ...attachment }) => attachment);
  }

  /** Senders whose domain is not the account's: providers may refuse or flag what they sign. */
  private noteSender(message: WarnedMessage): void {
    const account = this.accountAddress;
    if (account === null) return;
    const sender = message.sender.address;
    if (domainOf(sender) === domainOf(account)) return;
    const key = sender.toLowerCase();
    const known = this.senders.get(key);
    if (known) known.messages += 1;
    else {
      this.senders.set(key, {
        sender,
        account,
        sentAs: message.identity.fromAddress.toLowerCase() === key,
        messages: 1,
      });
    }
  }
}

function warnedDossier(document: DocumentRow): WarnedDossier {
  return {
    dossierId: document.dossier_id,
    dossierNumber: document.dossier_number,
    dossierName: dossierDisplayName({
      title: document.dossier_title,
      first_name: document.dossier_first_name,
      last_name: document.dossier_last_name,
    }),
    documentId: document.id,
    documentNumber: document.number,
  };
}
