// The merged-PDF page's state: the file, the settings, the dry run they were previewed with,
// and the import, which runs only on the settings the preview was made with.
import { useState } from 'react';
import type { z } from 'zod';
import type { splitResultSchema } from '../../../src-shared/contract/imports.js';
import type { DocumentTypeCode } from '../../../src-shared/domain/document-types.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { chooseFiles, type StagedFile } from '../../app/files.js';

export type SplitResult = z.output<typeof splitResultSchema>;
export type Part = SplitResult['documents'][number];
export type KeyKind = 'auto' | 'document' | 'dossier';

export interface SplitSettings {
  key: string;
  keyKind: KeyKind;
  type: DocumentTypeCode | '';
  period: string;
  issueDate: string;
  numberKey: string;
  amountKey: string;
}

const INITIAL: SplitSettings = {
  key: '',
  keyKind: 'auto',
  type: '',
  period: '',
  issueDate: '',
  numberKey: '',
  amountKey: '',
};

export function useSplitImport(onImported: () => void) {
  const { t, structureId, info, showError, notify } = useApp();
  const [file, setFile] = useState<StagedFile | null>(null);
  const [settings, setSettings] = useState<SplitSettings>(INITIAL);
  const [preview, setPreview] = useState<{ result: SplitResult; for: string } | null>(null);
  const [done, setDone] = useState<SplitResult | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof SplitSettings>(key: K, value: SplitSettings[K]) =>
    setSettings((s) => ({ ...s, [key]: value }));
  // The import runs on the settings the preview was made with, nothing else.
  const fingerprint = JSON.stringify([file?.ref, settings]);
  const previewed = preview?.for === fingerprint ? preview.result : null;

  const choose = async () => {
    try {
      const [chosen] = await chooseFiles(info.nativeFileDialogs, 'import');
      if (chosen) setFile(chosen);
    } catch (error) {
      showError(error);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file || structureId === null) return;
    setBusy(true);
    try {
      const result = await call(
        api.imports.splitPdf({
          structureId,
          file: file.ref,
          key: settings.key,
          keyKind: settings.keyKind,
          ...(settings.type && { type: settings.type }),
          ...(settings.period.trim() && { period: settings.period.trim() }),
          ...(settings.issueDate.trim() && { issueDate: settings.issueDate.trim() }),
          ...(settings.numberKey.trim() && { numberKey: settings.numberKey }),
          ...(settings.amountKey.trim() && { amountKey: settings.amountKey }),
          dryRun,
        }),
      );
      if (dryRun) {
        setPreview({ result, for: fingerprint });
      } else {
        setDone(result);
        onImported();
        notify(t('ui.import.split.doneShort', { count: result.documents.length }));
      }
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return {
    file,
    settings,
    set,
    busy,
    preview,
    previewed,
    done,
    shown: done ?? previewed,
    locked: done !== null,
    choose: () => void choose(),
    run: (dryRun: boolean) => void run(dryRun),
  };
}
