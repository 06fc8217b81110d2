// The files the bulk send adds: general ones for everyone, and per row (per document).
import { useState } from 'react';
import { useApp } from '../../app/app-context.js';
import { chooseFiles, type StagedFile } from '../../app/files.js';

export interface Attachments {
  general: StagedFile[];
  perRow: Record<number, StagedFile[]>;
  addGeneral: () => Promise<void>;
  removeGeneral: (ref: string) => void;
  addToRow: (documentId: number) => Promise<void>;
  clearRow: (documentId: number) => void;
  /** A new list: its rows start with no file of their own. */
  clearRows: () => void;
  /** The names of a row's own files, for its cell. */
  rowNames: (documentId: number) => string;
}

export function useAttachments(): Attachments {
  const { info, showError } = useApp();
  const [general, setGeneral] = useState<StagedFile[]>([]);
  const [perRow, setPerRow] = useState<Record<number, StagedFile[]>>({});

  const choose = async (multiple: boolean, use: (files: StagedFile[]) => void) => {
    try {
      use(await chooseFiles(info.nativeFileDialogs, 'attachment', multiple));
    } catch (error) {
      showError(error);
    }
  };

  return {
    general,
    perRow,
    addGeneral: () => choose(true, (files) => setGeneral((current) => [...current, ...files])),
    removeGeneral: (ref) => setGeneral((current) => current.filter((f) => f.ref !== ref)),
    addToRow: (documentId) =>
      choose(false, (files) =>
        setPerRow((current) => ({
          ...current,
          [documentId]: [...(current[documentId] ?? []), ...files],
        })),
      ),
    clearRow: (documentId) => setPerRow((current) => ({ ...current, [documentId]: [] })),
    clearRows: () => setPerRow({}),
    rowNames: (documentId) => (perRow[documentId] ?? []).map((f) => f.name).join(', '),
  };
}
