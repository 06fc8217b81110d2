// The database as Kysely sees it: one interface per table, per Kysely's conventions.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps are ISO-8601 text written by SQLite's default. */
type Timestamp = ColumnType<string, string | undefined, string>;
type Version = ColumnType<number, number | undefined, number>;

export interface StructuresTable {
  id: Generated<number>;
  name: string;
  address: ColumnType<string, string | undefined, string>;
  phone: string | null;
  locale: ColumnType<string, string | undefined, string>;
  currency: ColumnType<string, string | undefined, string>;
  sender_name: string | null;
  functional_email: string | null;
  communication_email: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StaffTable {
  id: Generated<number>;
  structure_id: number;
  name: string;
  email: string | null;
  /** 'fr' or 'en': the language of this staff member's notifications (migration 0007). */
  language: ColumnType<string, string | undefined, string>;
  version: Version;
}

export interface ClientGroupsTable {
  id: Generated<number>;
  structure_id: number;
  name: string;
  email: string | null;
  version: Version;
}

export interface DossiersTable {
  id: Generated<number>;
  structure_id: number;
  number: string;
  title: string | null;
  last_name: string;
  first_name: ColumnType<string, string | undefined, string>;
  address: ColumnType<string, string | undefined, string>;
  manager_id: number | null;
  group_id: number | null;
  /** 0 or 1: the dossier accepts documents by e-mail. */
  email_opt_in: ColumnType<number, number | undefined, number>;
  /** Social insurance number, digits only. Personal data: never logged. */
  sin: string | null;
  /** JSON object of free fields for templates. */
  extra: ColumnType<string, string | undefined, string>;
  /** 'fr' or 'en': the language the family's messages are written in (migration 0005). */
  language: ColumnType<string, string | undefined, string>;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CorrespondentsTable {
  id: Generated<number>;
  dossier_id: number;
  name: ColumnType<string, string | undefined, string>;
  relation: string | null;
  email: string | null;
  receives_documents: ColumnType<number, number | undefined, number>;
  position: ColumnType<number, number | undefined, number>;
  /** 'fr' or 'en', or NULL for the dossier's language. */
  language: ColumnType<string | null, string | null | undefined, string | null>;
  version: Version;
}

export interface DocumentTypesTable {
  id: Generated<number>;
  code: string;
  name_fr: string;
  name_en: string;
  password_rule: string | null;
  password_fallback: string | null;
  watermark: string | null;
  requires_summary_number: ColumnType<number, number | undefined, number>;
  version: Version;
}

export interface DocumentsTable {
  id: Generated<number>;
  structure_id: number;
  dossier_id: number;
  type_id: number;
  number: string;
  period: string;
  issue_date: string;
  due_date: string | null;
  currency: string;
  amount_cents: number;
  tax_cents: ColumnType<number, number | undefined, number>;
  /** JSON array of DocumentLine. */
  lines: ColumnType<string, string | undefined, string>;
  summary_number: string | null;
  /** Relative to the data folder, always with forward slashes. */
  pdf_path: string | null;
  pdf_source: ColumnType<'generated' | 'imported', 'generated' | 'imported' | undefined>;
  email_state: ColumnType<string, string | undefined, string>;
  last_sent_at: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DocumentAttachmentsTable {
  id: Generated<number>;
  document_id: number;
  file_name: string;
  file_path: string;
  size_bytes: number;
  created_at: Timestamp;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
  version: Version;
}

export interface MailAccountsTable {
  id: Generated<number>;
  structure_id: number;
  /** 'sandbox' | 'smtp' (later: 'graph' | 'gmail' | 'outlook' | ...). */
  kind: ColumnType<string, string | undefined, string>;
  preset: string | null;
  host: string | null;
  port: number | null;
  /** 'none' | 'starttls' | 'tls'. */
  security: ColumnType<string, string | undefined, string>;
  username: string | null;
  /** Key of the secret in the credential store; the secret itself is never in the database. */
  credential_ref: string | null;
  from_name: string | null;
  from_address: string | null;
  reply_to: string | null;
  archive_bcc: string | null;
  cc_sender: ColumnType<number, number | undefined, number>;
  read_receipt: ColumnType<number, number | undefined, number>;
  delay_ms: ColumnType<number, number | undefined, number>;
  pause_every: ColumnType<number, number | undefined, number>;
  pause_ms: ColumnType<number, number | undefined, number>;
  max_per_run: number | null;
  max_per_day: number | null;
  max_attempts: ColumnType<number, number | undefined, number>;
  retry_base_ms: ColumnType<number, number | undefined, number>;
  max_message_bytes: ColumnType<number, number | undefined, number>;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An address the account may send as (the From header), lower-cased. */
export interface MailAccountSendAsTable {
  account_id: number;
  address: string;
}

export interface SendBatchesTable {
  id: Generated<number>;
  structure_id: number;
  description: ColumnType<string, string | undefined, string>;
  created_by: string;
  workstation: string;
  created_at: Timestamp;
}

export interface MessagesTable {
  id: Generated<number>;
  structure_id: number;
  account_id: number;
  document_id: number;
  batch_id: number | null;
  dossier_id: number;
  from_name: string | null;
  from_address: string;
  reply_to: string | null;
  /** JSON array of addresses. */
  to_addresses: string;
  cc_addresses: ColumnType<string, string | undefined, string>;
  bcc_addresses: ColumnType<string, string | undefined, string>;
  subject: string;
  text_body: string;
  html_body: string | null;
  /** JSON array of MessageAttachment. */
  attachments: ColumnType<string, string | undefined, string>;
  password_protected: ColumnType<number, number | undefined, number>;
  read_receipt: ColumnType<number, number | undefined, number>;
  message_id_header: string;
  /** A MessageStatus. */
  status: string;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: string | null;
  /** The time the user chose for it to leave (migration 0006); null once taken, or never set. */
  scheduled_at: ColumnType<string | null, string | null | undefined, string | null>;
  last_error: string | null;
  last_reply: string | null;
  queued_by: string;
  workstation: string;
  sending_by: string | null;
  created_at: Timestamp;
  validated_at: string | null;
  sent_at: string | null;
  updated_at: Timestamp;
  version: Version;
}

export interface MessageAddressesTable {
  message_id: number;
  document_id: number;
  /** Lower-cased. */
  address: string;
}

export interface SendJournalTable {
  id: Generated<number>;
  at: Timestamp;
  message_id: number | null;
  document_id: number | null;
  /** A SendJournalEvent. */
  event: string;
  actor: string;
  workstation: string;
  detail: string | null;
  server_reply: string | null;
}

/** A notification sent for one event of one run (or bounce check): never twice (0007). */
export interface NotificationsSentTable {
  run_key: string;
  event: string;
  structure_id: number;
  at: string;
}

export interface EngineLeaseTable {
  id: number;
  holder: string | null;
  holder_label: string | null;
  acquired_at: string | null;
  heartbeat_at: string | null;
  expires_at: string | null;
}

/** A PDF or attachment stored in the database (PostgreSQL), once per distinct content. */
export interface DocumentContentsTable {
  sha256: string;
  size: number;
  content: Buffer;
}

export interface Database {
  structures: StructuresTable;
  staff: StaffTable;
  client_groups: ClientGroupsTable;
  dossiers: DossiersTable;
  correspondents: CorrespondentsTable;
  document_types: DocumentTypesTable;
  documents: DocumentsTable;
  document_attachments: DocumentAttachmentsTable;
  settings: SettingsTable;
  mail_accounts: MailAccountsTable;
  mail_account_send_as: MailAccountSendAsTable;
  send_batches: SendBatchesTable;
  messages: MessagesTable;
  message_addresses: MessageAddressesTable;
  send_journal: SendJournalTable;
  engine_lease: EngineLeaseTable;
  notifications_sent: NotificationsSentTable;
  document_contents: DocumentContentsTable;
}

export type StructureRow = Selectable<StructuresTable>;
export type NewStructureRow = Insertable<StructuresTable>;
export type StructureUpdate = Updateable<StructuresTable>;
export type StaffRow = Selectable<StaffTable>;
export type ClientGroupRow = Selectable<ClientGroupsTable>;
export type DossierRow = Selectable<DossiersTable>;
export type NewDossierRow = Insertable<DossiersTable>;
export type DossierUpdate = Updateable<DossiersTable>;
export type CorrespondentRow = Selectable<CorrespondentsTable>;
export type NewCorrespondentRow = Insertable<CorrespondentsTable>;
export type DocumentTypeRow = Selectable<DocumentTypesTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type NewDocumentRow = Insertable<DocumentsTable>;
export type DocumentAttachmentRow = Selectable<DocumentAttachmentsTable>;
export type MailAccountRow = Selectable<MailAccountsTable>;
export type NewMailAccountRow = Insertable<MailAccountsTable>;
export type MailAccountUpdate = Updateable<MailAccountsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type NewMessageRow = Insertable<MessagesTable>;
export type SendJournalRow = Selectable<SendJournalTable>;
export type NewSendJournalRow = Insertable<SendJournalTable>;
