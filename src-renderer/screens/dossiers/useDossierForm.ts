// The dossier form's state: the draft and its errors, whether it differs from the saved
// dossier, and "Enregistrer", which sends only what changed (the dossier, then each removed,
// changed and added correspondent).
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { Dossier } from '../../../src-shared/domain/records.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import {
  correspondentChanges,
  correspondentInput,
  draftErrors,
  draftOf,
  dossierPatch,
  visibleErrors,
  isDirty,
  newCorrespondent,
  newDossierInput,
  type CorrespondentDraft,
  type DossierDraft,
} from '../../logic/dossier-draft.js';

export interface DossierFormEvents {
  onDirtyChange: (dirty: boolean) => void;
  onSaved: (dossier: Dossier, created: boolean) => void;
}

export function useDossierForm(original: Dossier | null, events: DossierFormEvents) {
  const { showError, structureId } = useApp();
  const [draft, setDraft] = useState<DossierDraft>(() => {
    const initial = draftOf(original);
    return original ? initial : { ...initial, correspondents: [newCorrespondent()] };
  });
  const [saving, setSaving] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<keyof DossierDraft>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const errors = useMemo(() => draftErrors(draft), [draft]);
  const shownErrors = useMemo(
    () => visibleErrors(errors, touched, attempted),
    [errors, touched, attempted],
  );
  const dirty = isDirty(original, draft);
  const { onDirtyChange, onSaved } = events;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const set = <K extends keyof DossierDraft>(key: K, value: DossierDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setTouched((before) => (before.has(key) ? before : new Set(before).add(key)));
  };
  const setCorrespondent = (key: string, patch: Partial<CorrespondentDraft>) =>
    setDraft((d) => ({
      ...d,
      correspondents: d.correspondents.map((c) => (c.key === key ? { ...c, ...patch } : c)),
    }));
  const removeCorrespondent = (key: string) =>
    setDraft((d) => ({ ...d, correspondents: d.correspondents.filter((x) => x.key !== key) }));
  const addCorrespondent = () =>
    setDraft((d) => ({ ...d, correspondents: [...d.correspondents, newCorrespondent()] }));

  const save = async () => {
    if (saving) return;
    if (Object.keys(errors).length > 0) {
      // Said now, under each field, and the first one wrong gets the focus.
      setAttempted(true);
      setTimeout(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    try {
      if (!original) {
        if (structureId === null) return;
        const created = await call(
          api.dossiers.create({ structureId, dossier: newDossierInput(draft) }),
        );
        onSaved(created, true);
        return;
      }
      onSaved(await saveChanges(original, draft), false);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  };

  return {
    draft,
    setDraft,
    set,
    setCorrespondent,
    removeCorrespondent,
    addCorrespondent,
    errors,
    /** The errors to show: a field's once typed in, all after "Enregistrer". */
    shownErrors,
    dirty,
    saving,
    save: () => void save(),
    onKeyDown,
  };
}

export type DossierFormState = ReturnType<typeof useDossierForm>;

/** Each change the draft makes to a saved dossier, in order; the dossier as it ends up. */
async function saveChanges(original: Dossier, draft: DossierDraft): Promise<Dossier> {
  let current = original;
  const patch = dossierPatch(original, draft);
  if (Object.keys(patch).length > 0)
    current = await call(
      api.dossiers.update({ id: original.id, version: original.version, patch }),
    );
  const changes = correspondentChanges(original, draft);
  for (const removed of changes.removed) {
    current = await call(
      api.dossiers.removeCorrespondent({
        dossierId: original.id,
        id: removed.id,
        version: removed.version,
      }),
    );
  }
  for (const updated of changes.updated) {
    current = await call(
      api.dossiers.updateCorrespondent({
        dossierId: original.id,
        id: updated.id!,
        version: updated.version!,
        patch: correspondentInput(updated),
      }),
    );
  }
  for (const added of changes.added) {
    current = await call(
      api.dossiers.addCorrespondent({
        dossierId: original.id,
        correspondent: correspondentInput(added),
      }),
    );
  }
  return current;
}
