// The bulk-send dialog's list: one row per document that would get a message, with its
// amount, dossier, e-mail state and the addresses it would go to. Made from the planner's
// own messages (one query for the rows), never from a second reading of the journal. The
// exclusions and the warnings (said by name, see bulk-warnings.ts) come from the same plan.
import type { BulkWarnings } from '../../src-shared/domain/bulk-warnings.js';
import type { ExcludedDossier } from '../../src-shared/domain/outbox.js';
import type { DocumentEmailState } from '../../src-shared/domain/statuses.js';
import { byDossierName } from './name-order.js';
import {
  displayNameOf,
  type DocumentRow,
  type Plan,
  type PlannedMessage,
  type PrepareWarning,
} from './plan.js';

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
    rows: bulkSendRows(plan.messages, plan.structure.locale),
    excluded: plan.excluded,
    warnings: plan.warnings,
    notices: plan.notices(),
  };
}

/**
 * The documents of the planned messages, by dossier name in the structure's language (as the
 * warnings list them: name-order.ts). A
 * document's messages are planned one after the other (one per address), so one pass groups
 * them; 5,000 invoices make 5,000 rows in a few milliseconds.
 */
function bulkSendRows(messages: readonly PlannedMessage[], locale: string): BulkSendRow[] {
  const rows: BulkSendRow[] = [];
  const byDocument = new Map<number, BulkSendRow>();
  const documents: DocumentRow[] = [];
  for (const message of messages) {
    const { document } = message;
    const known = byDocument.get(document.id);
    if (known) {
      known.addresses.push(message.recipient.address);
      known.passwordProtected ||= message.passwordProtected;
      continue;
    }
    const row: BulkSendRow = {
      documentId: document.id,
      number: document.number,
      dossierId: document.dossier_id,
      dossierNumber: document.dossier_number,
      dossierName: displayNameOf(document),
      amountCents: document.amount_cents,
      currency: document.currency,
      lastSentAt: document.last_sent_at,
      emailState: document.email_state as DocumentEmailState,
      addresses: [message.recipient.address],
      passwordProtected: message.passwordProtected,
    };
    byDocument.set(document.id, row);
    rows.push(row);
    documents.push(document);
  }
  const order = rows.map((_, index) => index);
  const byName = byDossierName(locale);
  order.sort((a, b) => byName(documents[a]!, documents[b]!));
  return order.map((index) => rows[index]!);
}
