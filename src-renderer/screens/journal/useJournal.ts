// Journal des documents' state: the filters (the text applied after a short pause), the sort,
// the documents (paged), the selection, and which send dialog is open.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentTypeCode } from '../../../src-shared/domain/document-types.js';
import type {
  JournalDocument,
  JournalFilter,
  JournalSortKey,
} from '../../../src-shared/domain/documents.js';
import type { DocumentEmailState } from '../../../src-shared/domain/statuses.js';
import { api, call } from '../../api.js';
import { useApp, useCommand, useStatusText } from '../../app/app-context.js';
import { usePagedList, useThrottledEvents } from '../../app/use-paged-list.js';
import type { GridHandle } from '../../components/DataGrid.js';
import { EMPTY_SELECTION, selectedIndexes, type Selection } from '../../logic/selection.js';

export interface Filters {
  types: DocumentTypeCode | '';
  periodFrom: string;
  periodTo: string;
  state: DocumentEmailState | '';
  text: string;
}

const NO_FILTERS: Filters = { types: '', periodFrom: '', periodTo: '', state: '', text: '' };
const PERIOD = /^\d{4}(-\d{2})?$/;

export function useJournal() {
  const app = useApp();
  const { t, structureId, showError } = app;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [dossierId, setDossierId] = useState<number | null>(app.focus?.dossierId ?? null);
  const [text, setText] = useState('');
  const [sort, setSort] = useState<{ key: JournalSortKey; descending: boolean }>({
    key: 'issueDate',
    descending: true,
  });
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [sending, setSending] = useState<JournalDocument | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<GridHandle>(null);

  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => ({ ...f, text: text.trim() })), 250);
    return () => clearTimeout(timer);
  }, [text]);

  const filter: JournalFilter = useMemo(
    () => ({
      ...(structureId !== null && { structureId }),
      ...(filters.types && { types: [filters.types] }),
      ...(PERIOD.test(filters.periodFrom) && { periodFrom: filters.periodFrom }),
      ...(PERIOD.test(filters.periodTo) && { periodTo: filters.periodTo }),
      ...(filters.state && { emailStates: [filters.state] }),
      ...(filters.text && { text: filters.text }),
      ...(dossierId !== null && { dossierId }),
      sort: sort.key,
      descending: sort.descending,
    }),
    [structureId, filters, dossierId, sort],
  );
  const list = usePagedList<JournalDocument>(
    (offset, limit, keyset) => call(api.documents.journal({ ...filter, offset, limit, ...keyset })),
    JSON.stringify(filter),
    showError,
  );
  useEffect(() => setSelection(EMPTY_SELECTION), [list.rows]);
  useStatusText(t('ui.journal.total', { count: list.total }));
  // Envelopes and last sent dates follow the sending engine without losing the selection.
  useThrottledEvents(list.refresh);

  const focused = selection.focus !== null ? list.rows.rowAt(selection.focus) : undefined;
  const selectedDocuments = selectedIndexes(selection)
    .map((i) => list.rows.rowAt(i))
    .filter((d): d is JournalDocument => d !== undefined);
  const current = focused ?? selectedDocuments[0];

  const openSend = useCallback(
    (document: JournalDocument | undefined) => document && setSending(document),
    [],
  );
  const openDossier = () => current && app.navigate('dossiers', { dossierId: current.dossierId });

  useCommand('edit.find', () => searchRef.current?.focus());
  useCommand('view.refresh', () => list.reload());
  useCommand('send.single', () => openSend(current), current !== undefined);
  useCommand('send.bulk', () => setBulkOpen(true));
  useCommand('edit.selectAll', () =>
    setSelection((s) => ({
      ...s,
      selected: new Set(Array.from({ length: list.total }, (_, i) => i)),
    })),
  );

  return {
    filters,
    setFilter: <K extends keyof Filters>(key: K, value: Filters[K]) =>
      setFilters((f) => ({ ...f, [key]: value })),
    clearFilters: () => {
      setFilters(NO_FILTERS);
      setText('');
      setDossierId(null);
    },
    text,
    setText,
    dossierId,
    clearDossier: () => setDossierId(null),
    sort,
    sortBy: (key: string) =>
      setSort((s) => ({
        key: key as JournalSortKey,
        descending: s.key === key ? !s.descending : key !== 'dossierName' && key !== 'number',
      })),
    list,
    selection,
    setSelection,
    current,
    openSend,
    openDossier,
    sending,
    closeSend: () => setSending(null),
    bulkOpen,
    setBulkOpen,
    searchRef,
    gridRef,
  };
}

export type Journal = ReturnType<typeof useJournal>;
