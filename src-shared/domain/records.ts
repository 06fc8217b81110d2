// What the services take and give for structures, staff, client groups, dossiers and
// correspondents. Plain data: the same shapes cross the IPC contract.

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
