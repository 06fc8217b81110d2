// The dossiers page's state: the file, its preview with the columns chosen, the import.
import { useState } from 'react';
import type { z } from 'zod';
import type { importOperations } from '../../../src-shared/contract/imports.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { chooseFiles, type StagedFile } from '../../app/files.js';

type Preview = z.output<(typeof importOperations)[0]['output']>;

/** `onDone` closes the wizard once the dossiers are in. */
export function useDossiersImport(onImported: () => void, onDone: () => void) {
  const { t, structureId, info, showError, notify } = useApp();
  const [file, setFile] = useState<StagedFile | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (chosen: StagedFile, mapping?: Preview['mapping']) => {
    if (structureId === null) return;
    setBusy(true);
    try {
      setPreview(
        await call(
          api.imports.dossiersPreview({
            structureId,
            file: chosen.ref,
            ...(mapping && { mapping }),
          }),
        ),
      );
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    try {
      const [chosen] = await chooseFiles(info.nativeFileDialogs, 'import');
      if (!chosen) return;
      setFile(chosen);
      await load(chosen);
    } catch (error) {
      showError(error);
    }
  };

  const commit = async () => {
    if (!file || !preview || structureId === null) return;
    setBusy(true);
    try {
      const result = await call(
        api.imports.dossiersCommit({ structureId, file: file.ref, mapping: preview.mapping }),
      );
      onImported();
      notify(
        t('ui.import.done', {
          imported: result.imported,
          updated: result.updated,
          rejected: result.rejected.length,
        }),
      );
      onDone();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return {
    file,
    preview,
    busy,
    remap: (mapping: Preview['mapping']) => {
      if (file) void load(file, mapping);
    },
    choose: () => void choose(),
    commit: () => void commit(),
  };
}
