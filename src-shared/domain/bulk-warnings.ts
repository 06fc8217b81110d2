// What a bulk send warns about before anything is queued, by name: the dossiers whose PDF
// will open with the type's fallback password (their SIN is missing), the text that does not
// explain the password, the heavy files, a sender of another domain than the account's.
// Worked out by the planner (src-main/prepare/bulk-warnings.ts); the dialog shows each with
// a link to fix it, `postier send prepare` prints the same list.
import type { AttachmentRole } from './outbox.js';

/** A dossier (and its document) a warning is about. */
export interface WarnedDossier {
  dossierId: number;
  dossierNumber: string;
  dossierName: string;
  documentId: number;
  documentNumber: string;
}

export interface FallbackPasswordDossier extends WarnedDossier {
  /** True: the SIN is empty; false: another field the password is made of is empty. */
  sinMissing: boolean;
}

export interface LargeAttachment {
  fileName: string;
  size: number;
  role: AttachmentRole;
  /** The dossier it goes to; null for a file for everyone. */
  dossier: WarnedDossier | null;
}

export interface ForeignSender {
  /** The sender the office chose (manager, client group, structure). */
  sender: string;
  /** The mail account's own address. */
  account: string;
  /** True: the message leaves From the sender (send as); false: From the account, Reply-To the sender. */
  sentAs: boolean;
  messages: number;
}

export interface BulkWarnings {
  /** Protected by the type's fallback password (000000000) instead of the dossier's own. */
  fallbackPassword: { password: string; dossiers: FallbackPasswordDossier[] } | null;
  /** The types whose message does not say how to open the protected PDF. */
  passwordNotExplained: string[];
  /** Files over 1 MB, once each (a document's PDF with its dossier). */
  largeAttachments: LargeAttachment[];
  senderDomains: ForeignSender[];
}

export const NO_BULK_WARNINGS: BulkWarnings = {
  fallbackPassword: null,
  passwordNotExplained: [],
  largeAttachments: [],
  senderDomains: [],
};

/** The planner's plain warnings that BulkWarnings says by name (shown instead of them). */
export const WARNINGS_SAID_BY_NAME: readonly string[] = [
  'warning.attachment.large',
  'warning.password.notExplained',
];

export function hasBulkWarnings(warnings: BulkWarnings): boolean {
  return (
    warnings.fallbackPassword !== null ||
    warnings.passwordNotExplained.length > 0 ||
    warnings.largeAttachments.length > 0 ||
    warnings.senderDomains.length > 0
  );
}
