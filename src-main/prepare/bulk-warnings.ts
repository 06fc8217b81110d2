// The warnings a bulk send says by name before anything is queued, worked out from the
// planned messages themselves (so they hold for exactly what would leave): the dossiers whose
// PDF gets the type's fallback password because a field of the rule (the SIN) is empty, the
// types whose text does not explain the password (as the planner found), the files over 1 MB
// with the dossier they go to, and the senders whose domain is not the account's. The SIN
// itself never appears: only whether it is empty.
import type {
  BulkWarnings,
  FallbackPasswordDossier,
  ForeignSender,
  LargeAttachment,
  WarnedDossier,
} from '../../src-shared/domain/bulk-warnings.js';
import { domainOf } from '../../src-shared/validation/identity.js';
import { accountOwnAddress } from '../accounts/account-identity.js';
import { LARGE_ATTACHMENT_BYTES } from './attachments.js';
import { displayNameOf, type DocumentRow, type Plan, type PlannedMessage } from './plan.js';
import { byDossierName, type ByName } from './name-order.js';

export function bulkWarnings(plan: Plan): BulkWarnings {
  // Dossiers are listed as a clerk reads a list of names.
  const byName = byDossierName(plan.structure.locale);
  return {
    fallbackPassword: fallbackPasswords(plan.messages, byName),
    // The planner checks each rendered text once; its warning names the type.
    passwordNotExplained: plan.warnings
      .filter((w) => w.code === 'warning.password.notExplained')
      .map((w) => String(w.params.type)),
    largeAttachments: largeAttachments(plan.messages, byName),
    senderDomains: foreignSenders(plan),
  };
}

function warnedDossier(document: DocumentRow): WarnedDossier {
  return {
    dossierId: document.dossier_id,
    dossierNumber: document.dossier_number,
    dossierName: displayNameOf(document),
    documentId: document.id,
    documentNumber: document.number,
  };
}

/** The documents whose PDF is encrypted with the type's fallback, once each, by name. */
function fallbackPasswords(
  messages: readonly PlannedMessage[],
  byName: ByName,
): { password: string; dossiers: FallbackPasswordDossier[] } | null {
  const documents = new Map<number, DocumentRow>();
  let password: string | null = null;
  for (const message of messages) {
    const { document } = message;
    const fallback = document.type_password_fallback?.trim();
    if (!fallback || documents.has(document.id)) continue;
    const usesFallback = message.attachments.some(
      (a) => a.role === 'document' && a.source.kind === 'encrypt' && a.source.password === fallback,
    );
    if (!usesFallback) continue;
    password = fallback;
    documents.set(document.id, document);
  }
  if (password === null) return null;
  const dossiers = [...documents.values()].sort(byName).map((document) => ({
    ...warnedDossier(document),
    sinMissing: !document.dossier_sin?.trim(),
  }));
  return { password, dossiers };
}

/**
 * Each file over 1 MB once: a dossier's own once per dossier (by name), then the files for
 * everyone.
 */
function largeAttachments(messages: readonly PlannedMessage[], byName: ByName): LargeAttachment[] {
  const found = new Map<string, LargeAttachment & { document: DocumentRow | null }>();
  for (const message of messages) {
    for (const attachment of message.attachments) {
      if (attachment.size <= LARGE_ATTACHMENT_BYTES) continue;
      const general = attachment.role === 'general';
      const key = `${general ? 'general' : message.document.id}|${attachment.fileName}`;
      if (found.has(key)) continue;
      found.set(key, {
        fileName: attachment.fileName,
        size: attachment.size,
        role: attachment.role,
        dossier: general ? null : warnedDossier(message.document),
        document: general ? null : message.document,
      });
    }
  }
  const last = (a: DocumentRow | null, b: DocumentRow | null) =>
    a && b ? byName(a, b) : Number(a === null) - Number(b === null);
  return [...found.values()]
    .sort((a, b) => last(a.document, b.document))
    .map(({ document: _document, ...attachment }) => attachment);
}

/** Senders whose domain is not the account's: providers may refuse or flag what they sign. */
function foreignSenders(plan: Plan): ForeignSender[] {
  const account = accountOwnAddress({
    fromAddress: plan.account.from_address,
    username: plan.account.username,
  });
  if (account === null) return [];
  const senders = new Map<string, ForeignSender>();
  for (const message of plan.messages) {
    const sender = message.sender.address;
    if (domainOf(sender) === domainOf(account)) continue;
    const key = sender.toLowerCase();
    const known = senders.get(key);
    if (known) known.messages += 1;
    else {
      senders.set(key, {
        sender,
        account,
        sentAs: message.identity.fromAddress.toLowerCase() === key,
        messages: 1,
      });
    }
  }
  return [...senders.values()];
}
