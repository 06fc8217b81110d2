// The documents page's state: the export file, the PDFs, the options, the preview read
// again after each change (a pause for typing), and the import itself.
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type {
  documentsPreviewSchema,
  documentsResultSchema,
} from '../../../src-shared/contract/imports.js';
import type { DocumentTypeCode } from '../../../src-shared/domain/document-types.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { chooseFiles, type StagedFile } from '../../app/files.js';
import type { TableMapping } from './import-parts.js';

export type DocumentsPreview = z.output<typeof documentsPreviewSchema>;
export type DocumentsResult = z.output<typeof documentsResultSchema>;

export function useDocumentsImport(onImported: () => void) {
  const { t, structureId, info, showError, notify } = useApp();
  const [file, setFile] = useState<StagedFile | null>(null);
  const [pdfs, setPdfs] = useState<StagedFile[]>([]);
  const [pattern, setPattern] = useState('');
  const [defaultType, setDefaultType] = useState<DocumentTypeCode>('invoice');
  const [generate, setGenerate] = useState(false);
  const [mapping, setMapping] = useState<TableMapping | undefined>(undefined);
  const [preview, setPreview] = useState<DocumentsPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DocumentsResult | null>(null);

  const options = () => ({
    structureId: structureId!,
    file: file!.ref,
    ...(pdfs.length > 0 && { pdfFiles: pdfs.map((p) => p.ref) }),
    ...(pattern.trim() && { pdfPattern: pattern.trim() }),
    defaultType,
    generateMissing: generate,
  });

  // Any change of the file, the PDFs or an option shows the rows again (a pause for typing).
  useEffect(() => {
    if (!file || structureId === null || result) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      setBusy(true);
      call(api.imports.documentsPreview({ ...options(), ...(mapping && { mapping }) }))
        .then((value) => current && setPreview(value))
        .catch((error: unknown) => {
          if (current) {
            setPreview(null);
            showError(error);
          }
        })
        .finally(() => current && setBusy(false));
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // options() reads exactly these.
  }, [file, pdfs, pattern, defaultType, generate, mapping, structureId, result]);

  const chooseTable = async () => {
    try {
      const [chosen] = await chooseFiles(info.nativeFileDialogs, 'import');
      if (!chosen) return;
      setMapping(undefined);
      setFile(chosen);
    } catch (error) {
      showError(error);
    }
  };

  const choosePdfs = async () => {
    try {
      const chosen = await chooseFiles(info.nativeFileDialogs, 'import', true);
      if (chosen.length > 0) setPdfs(chosen);
    } catch (error) {
      showError(error);
    }
  };

  const commit = async () => {
    if (!file || !preview) return;
    setBusy(true);
    try {
      const done = await call(
        api.imports.documentsCommit({ ...options(), mapping: preview.mapping }),
      );
      setResult(done);
      onImported();
      notify(t('ui.import.documents.doneShort', { count: done.imported + done.attached }));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return {
    file,
    pdfs,
    clearPdfs: () => setPdfs([]),
    pattern,
    setPattern,
    defaultType,
    setDefaultType,
    generate,
    setGenerate,
    setMapping,
    preview,
    busy,
    result,
    chooseTable: () => void chooseTable(),
    choosePdfs: () => void choosePdfs(),
    commit: () => void commit(),
  };
}
