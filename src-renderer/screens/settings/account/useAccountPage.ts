// The account page's state: the account and its method's settings as read, the drafts being
// edited, and "Enregistrer" / "Tester la connexion" (which saves first).
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type {
  connectionTestSchema,
  methodStatusSchema,
} from '../../../../src-shared/contract/methods.js';
import type { Pacing } from '../../../../src-shared/domain/mail.js';
import { api, call } from '../../../api.js';
import { useApp } from '../../../app/app-context.js';
import { useAsync } from '../../../app/use-async.js';
import {
  methodDraftOf,
  methodSettingsInput,
  sectionsFor,
  type MethodDraft,
} from '../../../logic/method-settings.js';
import { accountInput, draftOfAccount, type Account, type AccountDraft } from './account-draft.js';

export type MethodStatus = z.output<typeof methodStatusSchema>;
type ConnectionTest = z.output<typeof connectionTestSchema>;

export function useAccountPage() {
  const { t, structureId, showError, notify } = useApp();
  const loaded = useAsync(
    async () => ({
      account: await call(api.accounts.get({ structureId: structureId! })),
      status: await call(api.methods.status({ structureId: structureId! })),
    }),
    String(structureId),
    showError,
  );
  const [draft, setDraft] = useState<AccountDraft | null>(null);
  const [method, setMethod] = useState<MethodDraft | null>(null);
  const [status, setStatus] = useState<MethodStatus | null>(null);
  const [test, setTest] = useState<ConnectionTest | 'running' | null>(null);
  useEffect(() => {
    if (!loaded.value) return;
    setDraft(draftOfAccount(loaded.value.account));
    setMethod(methodDraftOf(loaded.value.status.settings));
    setStatus(loaded.value.status);
  }, [loaded.value]);
  if (!draft || !method || !status || !loaded.value) return null;

  /** The method's settings first (their checks are the most likely to refuse), then the account. */
  const save = async (): Promise<MethodStatus> => {
    await call(
      api.methods.saveSettings({
        structureId: structureId!,
        settings: methodSettingsInput(method),
      }),
    );
    const saved = await call(
      api.accounts.set({ structureId: structureId!, account: accountInput(draft) }),
    );
    const savedStatus = await call(api.methods.status({ structureId: structureId! }));
    loaded.set({ account: saved, status: savedStatus });
    return savedStatus;
  };

  return {
    account: loaded.value.account as Account,
    draft,
    method,
    status,
    setStatus,
    test,
    sections: sectionsFor(draft.kind, method, status.provider),
    set: <K extends keyof AccountDraft>(key: K, value: AccountDraft[K]) =>
      setDraft((d) => (d ? { ...d, [key]: value } : d)),
    setKind: (kind: AccountDraft['kind']) => {
      setDraft((d) => (d ? { ...d, kind } : d));
      setTest(null);
    },
    setPacing: <K extends keyof Pacing>(key: K, value: Pacing[K]) =>
      setDraft((d) => (d ? { ...d, pacing: { ...d.pacing, [key]: value } } : d)),
    setField: <K extends keyof MethodDraft>(key: K, value: MethodDraft[K]) =>
      setMethod((m) => (m ? { ...m, [key]: value } : m)),
    save,
    onSave: async () => {
      try {
        await save();
        notify(t('ui.settings.saved'));
      } catch (error) {
        showError(error);
      }
    },
    onTest: async () => {
      setTest('running');
      try {
        await save();
        setTest(await call(api.methods.test({ structureId: structureId! })));
      } catch (error) {
        setTest(null);
        showError(error);
      }
    },
  };
}

export type AccountPageState = NonNullable<ReturnType<typeof useAccountPage>>;
