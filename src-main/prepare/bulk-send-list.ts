// The bulk-send dialog's list: one row per document that would get a message, with its
// amount, dossier, e-mail state and the addresses it would go to. Made from the planner's
// own messages (one query for the rows), never from a second reading of the journal. The
// exclusions and the warnings (said by name, see bulk-warnings.ts) come from the same plan.
import type { BulkWarnings } from '../../src-shared/domain/bulk-warnings.js';
import type { ExcludedDossier } from '../../src-shared/domain/outbox.js';
import type { DocumentEmailState } from '../../src-shared/domain/statuses.js';
import { bulkWarnings } from './bulk-warnings.js';
import { displayNameOf, type Plan, type PlannedMessage, type PrepareWarning } from './plan.js';

export interface BulkSendRow {
  documentId: number;
  number: string;
  dossierId: number;
  dossierNumber: string;
  dossierName: string;
  amountCents: number;
  currency: string;
  lastSentAt: string | null;
  emailState: DocumentEmailState;
  addresses: string[];
  passwordProtected: boolean;
}

/** What the dialog lists for a plan: its rows, who is left out and why, what to look at first. */
export interface BulkSendList {
  rows: BulkSendRow[];
  excluded: ExcludedDossier[];
  warnings: PrepareWarning[];
  notices: BulkWarnings;
}

export function bulkSendList(plan: Plan): BulkSendList {
  return {
    rows: bulkSendRows(plan.messages),
    excluded: plan.excluded,
    warnings: plan.warnings,
    notices: bulkWarnings(plan),
  };
}

/** The documents of the planned messages, by dossier name as the journal sorts it. */
export function bulkSendRows(messages: readonly PlannedMessage[]): BulkSendRow[] {
  const byDocument = new Map<number, PlannedMessage[]>();
  for (const message of messages) {
    const list = byDocument.get(message.document.id) ?? [];
    list.push(message);
    byDocument.set(message.document.id, list);
  }
  return [...byDocument.values()]
    .sort((a, b) => compareByLastName(a[0]!.document, b[0]!.document))
    .map((documentMessages) => {
      const document = documentMessages[0]!.document;
      return {
        documentId: document.id,
        number: document.number,
        dossierId: document.dossier_id,
        dossierNumber: document.dossier_number,
        dossierName: displayNameOf(document),
        amountCents: document.amount_cents,
        currency: document.currency,
        lastSentAt: document.last_sent_at,
        emailState: document.email_state as DocumentEmailState,
        addresses: documentMessages.map((m) => m.recipient.address),
        passwordProtected: documentMessages.some((m) => m.passwordProtected),
      };
    });
}

/** The journal's "by dossier name" order: last name (as SQLite compares it), then document id. */
function compareByLastName(
  a: { id: number; dossier_last_name: string },
  b: { id: number; dossier_last_name: string },
): number {
  if (a.dossier_last_name !== b.dossier_last_name)
    return a.dossier_last_name < b.dossier_last_name ? -1 : 1;
  return a.id - b.id;
}
