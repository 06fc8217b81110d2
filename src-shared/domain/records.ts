// What the services take and give for structures, staff, client groups, dossiers and
// correspondents. Plain data: the same shapes cross the IPC contract.
import type { Language } from '../i18n/catalog.js';

export interface StructureInput {
  name: string;
  address?: string;
  phone?: string | null;
  locale?: string;
  currency?: string;
  senderName?: string | null;
  functionalEmail?: string | null;
  communicationEmail?: string | null;
}

export interface Structure {
  id: number;
  name: string;
  address: string;
  phone: string | null;
  locale: string;
  currency: string;
  senderName: string | null;
  functionalEmail: string | null;
  communicationEmail: string | null;
  version: number;
}

export interface StaffMember {
  id: number;
  structureId: number;
  name: string;
  email: string | null;
}

export interface ClientGroup {
  id: number;
  structureId: number;
  name: string;
  email: string | null;
}

export interface CorrespondentInput {
  name?: string;
  relation?: string | null;
  email?: string | null;
  receivesDocuments?: boolean;
  /** The language this correspondent reads; null: the dossier's. */
  language?: Language | null;
  /**
   * Keep an address that fails validation instead of refusing it: for records brought over
   * from older software, whose bad addresses must stay visible (and be excluded from sends
   * with their reason) rather than vanish.
   */
  keepInvalidEmail?: boolean;
}

export interface Correspondent {
  id: number;
  dossierId: number;
  name: string;
  relation: string | null;
  email: string | null;
  /** False when the stored address would be refused by a mail server. */
  emailValid: boolean;
  receivesDocuments: boolean;
  /** Null: writes to this correspondent follow the dossier's language. */
  language: Language | null;
  version: number;
}

export type ExtraFields = Record<string, string>;

export interface DossierInput {
  number: string;
  title?: string | null;
  lastName: string;
  firstName?: string;
  address?: string;
  managerId?: number | null;
  groupId?: number | null;
  emailOptIn?: boolean;
  /** Digits, spaces or dashes; stored as 9 digits. */
  sin?: string | null;
  extra?: ExtraFields;
  /** The language the family's messages are written in; French when not said. */
  language?: Language;
  correspondents?: CorrespondentInput[];
}

export type DossierPatch = Partial<Omit<DossierInput, 'correspondents'>>;

export interface Dossier {
  id: number;
  structureId: number;
  number: string;
  title: string | null;
  lastName: string;
  firstName: string;
  /** "Titre Prénom Nom", as a letter would address the person. */
  displayName: string;
  address: string;
  managerId: number | null;
  groupId: number | null;
  emailOptIn: boolean;
  hasSin: boolean;
  /** The SIN as a screen may show it: last three digits only. */
  sinMasked: string | null;
  extra: ExtraFields;
  language: Language;
  version: number;
  correspondents: Correspondent[];
}

export interface DossierSearch {
  structureId?: number;
  /** Matches the number, names and correspondents' e-mail addresses. */
  text?: string;
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  total: number;
  items: T[];
}

/**
 * The longest text each field may hold, in characters, for every door (window, CLI, import):
 * long enough for any real name or address, short enough that one bad cell can neither
 * bloat the database nor make a listing print megabytes.
 */
export const RECORD_LIMITS = {
  structureName: 200,
  structureAddress: 1000,
  phone: 50,
  senderName: 200,
  number: 50,
  title: 30,
  lastName: 100,
  firstName: 100,
  /** A whole postal address, its lines together. */
  address: 1000,
  /** One line of a postal address (street, postal code, city). */
  addressLine: 200,
  /** RFC 5321: a path is at most 256 octets, the address inside it 254. */
  email: 254,
  correspondentName: 200,
  relation: 100,
  staffName: 100,
  groupName: 100,
  extraKey: 50,
  extraValue: 1000,
  /** How many extra fields one dossier may carry. */
  extraCount: 100,
  /** How many correspondents one dossier may be given at once (the window's form: 20). */
  correspondents: 20,
  /** "046 454 286", "046-454-286": a SIN as typed. */
  sin: 20,
  /** A document's number (F202611-1001) and a tax slip's summary number. */
  documentNumber: 50,
  summaryNumber: 50,
} as const;

export type RecordTextField = keyof typeof RECORD_LIMITS;
