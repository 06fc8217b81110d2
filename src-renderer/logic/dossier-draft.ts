// The dossier form as the user edits it: what changed, what is wrong (as typed), and the
// calls that save it.
import type {
  Correspondent,
  Dossier,
  DossierInput,
  DossierPatch,
} from '../../src-shared/domain/records.js';
import type { Language, MessageKey } from '../../src-shared/i18n/catalog.js';
import { isValidEmail } from '../../src-shared/validation/identity.js';
import { sinNeedsWarning } from '../../src-shared/validation/sin-check.js';

export interface CorrespondentDraft {
  /** Stable key for the form row (the id, or a new one for added rows). */
  key: string;
  id: number | null;
  version: number | null;
  name: string;
  relation: string;
  email: string;
  receivesDocuments: boolean;
  /** Null: the dossier's language. */
  language: Language | null;
}

export interface DossierDraft {
  number: string;
  title: string;
  lastName: string;
  firstName: string;
  address: string;
  managerId: number | null;
  groupId: number | null;
  emailOptIn: boolean;
  /** A new SIN typed by the user; null keeps the one on file. */
  newSin: string | null;
  clearSin: boolean;
  /** The language the family's messages are written in. */
  language: Language;
  correspondents: CorrespondentDraft[];
}

let newKeys = 0;

export function newCorrespondent(): CorrespondentDraft {
  newKeys += 1;
  return {
    key: `new-${newKeys}`,
    id: null,
    version: null,
    name: '',
    relation: '',
    email: '',
    receivesDocuments: true,
    language: null,
  };
}

export function draftOf(dossier: Dossier | null): DossierDraft {
  return {
    number: dossier?.number ?? '',
    title: dossier?.title ?? '',
    lastName: dossier?.lastName ?? '',
    firstName: dossier?.firstName ?? '',
    address: dossier?.address ?? '',
    managerId: dossier?.managerId ?? null,
    groupId: dossier?.groupId ?? null,
    emailOptIn: dossier?.emailOptIn ?? true,
    newSin: null,
    clearSin: false,
    language: dossier?.language ?? 'fr',
    correspondents: (dossier?.correspondents ?? []).map(correspondentDraft),
  };
}

function correspondentDraft(c: Correspondent): CorrespondentDraft {
  return {
    key: `c-${c.id}`,
    id: c.id,
    version: c.version,
    name: c.name,
    relation: c.relation ?? '',
    email: c.email ?? '',
    receivesDocuments: c.receivesDocuments,
    language: c.language,
  };
}

/** Not an error, a doubt: a new SIN whose check digit fails is saved, with a warning. */
export function draftSinWarning(draft: DossierDraft): MessageKey | null {
  return sinNeedsWarning(draft.newSin) ? 'warning.sin.checkDigit' : null;
}

/** Problems shown under the fields as the user types, by field path. */
export function draftErrors(draft: DossierDraft): Record<string, MessageKey> {
  const errors: Record<string, MessageKey> = {};
  if (!draft.number.trim()) errors.number = 'ui.form.required';
  if (!draft.lastName.trim()) errors.lastName = 'ui.form.required';
  if (draft.newSin !== null && !/^\d{9}$/.test(draft.newSin.replace(/[\s-]/g, '')))
    errors.sin = 'ui.dossiers.sin.invalid';
  draft.correspondents.forEach((c, index) => {
    if (c.email.trim() && !isValidEmail(c.email.trim()))
      errors[`correspondents.${index}.email`] = 'ui.dossiers.corr.invalidEmail';
  });
  return errors;
}

/**
 * The problems to show now: a field's only once the user has typed in it, or all of them
 * after "Enregistrer" — a new form does not open covered in red "Obligatoire.". An address
 * is checked as it is typed (there is nothing to check before).
 */
export function visibleErrors(
  errors: Record<string, MessageKey>,
  touched: ReadonlySet<keyof DossierDraft>,
  attempted: boolean,
): Record<string, MessageKey> {
  if (attempted) return errors;
  const field = (path: string): keyof DossierDraft | null =>
    path === 'sin'
      ? 'newSin'
      : path.startsWith('correspondents.')
        ? null
        : (path as keyof DossierDraft);
  return Object.fromEntries(
    Object.entries(errors).filter(([path]) => {
      const name = field(path);
      return name === null || touched.has(name);
    }),
  );
}

/** The fields that differ from the dossier on file (an empty patch: nothing to save). */
export function dossierPatch(original: Dossier, draft: DossierDraft): DossierPatch {
  const patch: DossierPatch = {};
  if (draft.number.trim() !== original.number) patch.number = draft.number.trim();
  if ((draft.title.trim() || null) !== original.title) patch.title = draft.title.trim() || null;
  if (draft.lastName.trim() !== original.lastName) patch.lastName = draft.lastName.trim();
  if (draft.firstName.trim() !== original.firstName) patch.firstName = draft.firstName.trim();
  if (draft.address !== original.address) patch.address = draft.address;
  if (draft.managerId !== original.managerId) patch.managerId = draft.managerId;
  if (draft.groupId !== original.groupId) patch.groupId = draft.groupId;
  if (draft.emailOptIn !== original.emailOptIn) patch.emailOptIn = draft.emailOptIn;
  if (draft.language !== original.language) patch.language = draft.language;
  if (draft.clearSin && original.hasSin) patch.sin = null;
  else if (draft.newSin !== null) patch.sin = draft.newSin;
  return patch;
}

export interface CorrespondentChanges {
  added: CorrespondentDraft[];
  updated: CorrespondentDraft[];
  removed: Correspondent[];
}

export function correspondentChanges(original: Dossier, draft: DossierDraft): CorrespondentChanges {
  const kept = new Set(draft.correspondents.map((c) => c.id).filter((id) => id !== null));
  const byId = new Map(original.correspondents.map((c) => [c.id, c]));
  return {
    added: draft.correspondents.filter((c) => c.id === null && (c.email.trim() || c.name.trim())),
    updated: draft.correspondents.filter((c) => {
      const before = c.id === null ? undefined : byId.get(c.id);
      return (
        before !== undefined &&
        (before.name !== c.name.trim() ||
          (before.relation ?? '') !== c.relation.trim() ||
          (before.email ?? '') !== c.email.trim() ||
          before.receivesDocuments !== c.receivesDocuments ||
          before.language !== c.language)
      );
    }),
    removed: original.correspondents.filter((c) => !kept.has(c.id)),
  };
}

export function isDirty(original: Dossier | null, draft: DossierDraft): boolean {
  if (!original) {
    const typed = [
      draft.number,
      draft.title,
      draft.lastName,
      draft.firstName,
      draft.address,
      draft.newSin ?? '',
    ];
    return (
      typed.some((value) => value.trim() !== '') ||
      draft.correspondents.some((c) => c.email.trim() || c.name.trim())
    );
  }
  const changes = correspondentChanges(original, draft);
  return (
    Object.keys(dossierPatch(original, draft)).length > 0 ||
    changes.added.length + changes.updated.length + changes.removed.length > 0
  );
}

/** What dossiers.create takes for a new dossier. */
export function newDossierInput(draft: DossierDraft): DossierInput {
  return {
    number: draft.number.trim(),
    title: draft.title.trim() || null,
    lastName: draft.lastName.trim(),
    firstName: draft.firstName.trim(),
    address: draft.address,
    managerId: draft.managerId,
    groupId: draft.groupId,
    emailOptIn: draft.emailOptIn,
    sin: draft.newSin,
    language: draft.language,
    correspondents: draft.correspondents
      .filter((c) => c.email.trim() || c.name.trim())
      .map((c) => ({
        name: c.name.trim(),
        relation: c.relation.trim() || null,
        email: c.email.trim() || null,
        receivesDocuments: c.receivesDocuments,
        language: c.language,
      })),
  };
}

export function correspondentInput(c: CorrespondentDraft) {
  return {
    name: c.name.trim(),
    relation: c.relation.trim() || null,
    email: c.email.trim() || null,
    receivesDocuments: c.receivesDocuments,
    language: c.language,
  };
}
