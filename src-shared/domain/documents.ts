// Documents of the journal: what the services take and give.
import type { DocumentTypeCode } from './document-types.js';
import type { DocumentEmailState } from './statuses.js';
import type { DocumentSendState } from './document-send-state.js';

export interface DocumentLine {
  label: string;
  quantity: number;
  /** Cents. */
  unitCents: number;
  /** Cents. */
  amountCents: number;
}

export interface DocumentType {
  id: number;
  code: DocumentTypeCode;
  nameFr: string;
  nameEn: string;
  passwordRule: string | null;
  passwordFallback: string | null;
  watermark: string | null;
  requiresSummaryNumber: boolean;
  /** Refuses a stale change of the password rule or the watermark (another workstation's). */
  version: number;
}

/** What Paramètres > Types de documents changes: null (or empty) clears. */
export interface DocumentTypeSettings {
  passwordRule?: string | null;
  passwordFallback?: string | null;
  watermark?: string | null;
}

export interface DocumentInput {
  structureId?: number;
  dossierNumber: string;
  type: DocumentTypeCode;
  number: string;
  period: string;
  issueDate?: string;
  dueDate?: string | null;
  /** Total in cents. */
  amountCents: number;
  taxCents?: number;
  lines?: DocumentLine[];
  summaryNumber?: string | null;
  /** An existing PDF to import as is; without it, Postier generates one. */
  pdfFile?: string;
}

export interface JournalDocument {
  id: number;
  structureId: number;
  dossierId: number;
  dossierNumber: string;
  dossierName: string;
  type: DocumentTypeCode;
  number: string;
  period: string;
  issueDate: string;
  dueDate: string | null;
  currency: string;
  amountCents: number;
  taxCents: number;
  summaryNumber: string | null;
  hasPdf: boolean;
  pdfSource: 'generated' | 'imported';
  emailState: DocumentEmailState;
  /** What its messages say: "Envoyé 1/2 — 1 en échec" (describeSendState). */
  send: DocumentSendState;
  lastSentAt: string | null;
  attachmentCount: number;
  version: number;
}

export const JOURNAL_SORT_KEYS = [
  'issueDate',
  'number',
  'dossierName',
  'amount',
  'period',
  'lastSentAt',
] as const;
export type JournalSortKey = (typeof JOURNAL_SORT_KEYS)[number];

export interface JournalFilter {
  structureId?: number;
  types?: DocumentTypeCode[];
  /** Exact period ("2026-10") or a range. */
  period?: string;
  periodFrom?: string;
  periodTo?: string;
  emailStates?: DocumentEmailState[];
  dossierId?: number;
  documentIds?: number[];
  /** Matches document number, dossier number and names. */
  text?: string;
  sort?: JournalSortKey;
  descending?: boolean;
  limit?: number;
  offset?: number;
  /**
   * Keyset paging: the rows just after (or before) the row of this cursor, a page's `last`
   * (or `first`). When it does not fit the sort, `offset` places the page.
   */
  after?: string;
  before?: string;
}

/** A page of the journal, with the cursors of its first and last rows. */
export interface JournalPage {
  total: number;
  items: JournalDocument[];
  first?: string;
  last?: string;
}
