// The dossier form: errors shown as the user types, and exactly the changes that get saved.
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../src-shared/domain/records.js';
import {
  correspondentChanges,
  draftErrors,
  draftOf,
  dossierPatch,
  isDirty,
  newCorrespondent,
  newDossierInput,
  visibleErrors,
} from '../../src-renderer/logic/dossier-draft.js';
import { insertAtCaret, parseAddressList } from '../../src-renderer/logic/text-editing.js';
import { PagedRows } from '../../src-renderer/logic/paged-rows.js';

const dossier: Dossier = {
  id: 1,
  structureId: 1,
  number: '1001',
  title: 'Mme',
  lastName: 'Lefèvre-Côté',
  firstName: 'Bérénice',
  displayName: 'Mme Bérénice Lefèvre-Côté',
  address: '',
  managerId: null,
  groupId: null,
  emailOptIn: true,
  hasSin: true,
  sinMasked: '••• ••• 286',
  extra: {},
  language: 'fr',
  version: 3,
  correspondents: [
    {
      id: 10,
      dossierId: 1,
      name: 'Hélène Côté',
      relation: 'Fille',
      email: 'helene.cote@example.com',
      emailValid: true,
      receivesDocuments: true,
      language: null,
      version: 1,
    },
    {
      id: 11,
      dossierId: 1,
      name: 'Frédéric Côté',
      relation: 'Fils',
      email: 'fred.cote@example.net',
      emailValid: true,
      receivesDocuments: true,
      language: null,
      version: 2,
    },
  ],
};

describe('dossier form', () => {
  it('starts clean and flags a mistyped address, a missing name and a short SIN as typed', () => {
    const draft = draftOf(dossier);
    expect(isDirty(dossier, draft)).toBe(false);
    expect(draftErrors(draft)).toEqual({});
    const typed = {
      ...draft,
      lastName: ' ',
      newSin: '046 454',
      correspondents: draft.correspondents.map((c, i) =>
        i === 1 ? { ...c, email: 'fred.cote@example' } : c,
      ),
    };
    expect(draftErrors(typed)).toEqual({
      lastName: 'ui.form.required',
      sin: 'ui.dossiers.sin.invalid',
      'correspondents.1.email': 'ui.dossiers.corr.invalidEmail',
    });
  });

  it('saves only what changed: fields, a new SIN, and added, edited or removed correspondents', () => {
    const draft = draftOf(dossier);
    const added = { ...newCorrespondent(), name: 'Anaïs', email: 'anais@example.org' };
    const edited = {
      ...draft,
      firstName: 'Béré',
      newSin: '046-454-286',
      correspondents: [{ ...draft.correspondents[0]!, receivesDocuments: false }, added],
    };
    expect(dossierPatch(dossier, edited)).toEqual({ firstName: 'Béré', sin: '046-454-286' });
    const changes = correspondentChanges(dossier, edited);
    expect(changes.updated.map((c) => c.id)).toEqual([10]);
    expect(changes.added.map((c) => c.email)).toEqual(['anais@example.org']);
    expect(changes.removed.map((c) => c.id)).toEqual([11]);
    expect(isDirty(dossier, edited)).toBe(true);
    expect(dossierPatch(dossier, { ...draft, clearSin: true })).toEqual({ sin: null });
  });

  it('a new dossier drops the empty correspondent rows', () => {
    const draft = {
      ...draftOf(null),
      number: '2001',
      lastName: 'Tremblay',
      correspondents: [newCorrespondent()],
    };
    expect(newDossierInput(draft).correspondents).toEqual([]);
    expect(isDirty(null, draftOf(null))).toBe(false);
    expect(isDirty(null, draft)).toBe(true);
  });
});

describe('a new dossier form', () => {
  it('opens without red "Obligatoire.": a field is judged once typed in, all of them after "Enregistrer"', () => {
    const draft = { ...draftOf(null), correspondents: [newCorrespondent()] };
    const errors = draftErrors(draft);
    expect(Object.keys(errors).sort()).toEqual(['lastName', 'number']);
    expect(visibleErrors(errors, new Set(), false)).toEqual({});
    // The user typed a number then erased it: that field only.
    expect(visibleErrors(errors, new Set(['number'] as const), false)).toEqual({
      number: 'ui.form.required',
    });
    // "Modifier" the SIN opens an empty entry: no "9 digits" before a digit is typed.
    const sinOpened = draftErrors({ ...draft, newSin: '' });
    expect(visibleErrors(sinOpened, new Set(), false)).toEqual({});
    expect(visibleErrors(sinOpened, new Set(['newSin'] as const), false)).toHaveProperty('sin');
    // An address is checked as typed.
    const typo = draftErrors({
      ...draft,
      correspondents: [{ ...draft.correspondents[0]!, email: 'jean@' }],
    });
    expect(visibleErrors(typo, new Set(), false)).toEqual({
      'correspondents.0.email': 'ui.dossiers.corr.invalidEmail',
    });
    // After "Enregistrer", every problem is said.
    expect(visibleErrors(errors, new Set(), true)).toEqual(errors);
  });
});

describe('small text operations', () => {
  it('inserts a template field where the caret is, replacing the selection', () => {
    expect(insertAtCaret('Bonjour ,', 8, 8, '{{personne}}')).toEqual({
      text: 'Bonjour {{personne}},',
      caret: 20,
    });
    expect(insertAtCaret('Bonjour X', 8, 9, '{{nom}}')).toEqual({
      text: 'Bonjour {{nom}}',
      caret: 15,
    });
  });

  it('reads the addresses typed in one field', () => {
    expect(parseAddressList('a@exemple.fr; b@exemple ,A@exemple.fr c@exemple.com')).toEqual({
      valid: ['a@exemple.fr', 'c@exemple.com'],
      invalid: ['b@exemple'],
    });
  });
});

describe('paged rows', () => {
  it('asks only for the pages on screen that are neither loaded nor loading', () => {
    const rows = new PagedRows<string>(100, 1000);
    expect(rows.missingPages(0, 150)).toEqual([0, 1]);
    rows.markRequested(0);
    rows.store(
      1,
      Array.from({ length: 100 }, (_, i) => `r${100 + i}`),
      1000,
    );
    expect(rows.missingPages(0, 250)).toEqual([2]);
    expect(rows.rowAt(150)).toBe('r150');
    expect(rows.rowAt(50)).toBeUndefined();
    expect(rows.missingPages(990, 2000)).toEqual([9]);
    rows.forget(0);
    expect(rows.missingPages(0, 10)).toEqual([0]);
  });
});
