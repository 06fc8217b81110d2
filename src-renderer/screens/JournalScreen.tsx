// Journal des documents: filters, the documents (paged in SQL, virtualized) with their
// envelope and last sent date, the selected document's PDF in a pane, and on each document
// the "Envoyer par e-mail" button.
import {
  Button,
  Field,
  Input,
  SearchBox,
  Select,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  DismissRegular,
  FilterDismissRegular,
  MailMultipleRegular,
  PersonRegular,
  SendRegular,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentTypeCode } from '../../src-shared/domain/document-types.js';
import type {
  JournalDocument,
  JournalFilter,
  JournalSortKey,
} from '../../src-shared/domain/documents.js';
import {
  DOCUMENT_EMAIL_STATES,
  type DocumentEmailState,
} from '../../src-shared/domain/statuses.js';
import { api, call } from '../api.js';
import { useApp, useCommand, useStatusText } from '../app/app-context.js';
import { formatAmount, formatDateTime, formatDay } from '../app/format.js';
import { usePagedList, useThrottledEvents } from '../app/use-paged-list.js';
import { ContextMenu, type ContextMenuEntry } from '../components/ContextMenu.js';
import { DataGrid, type GridColumn, type GridHandle } from '../components/DataGrid.js';
import { EmailStateIcon } from '../components/EmailStateIcon.js';
import { PdfPreview } from '../components/PdfPreview.js';
import { acceleratorLabel } from '../logic/accelerators.js';
import { EMPTY_SELECTION, selectedIndexes, type Selection } from '../logic/selection.js';
import { SendDocumentDialog } from './SendDocumentDialog.js';
import { BulkSendDialog } from './bulk-send/BulkSendDialog.js';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 },
  toolbar: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 6px',
  },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '8px 12px',
    alignItems: 'end',
    padding: '6px 10px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  period: { width: '92px' },
  search: { width: '280px' },
  split: { display: 'flex', flexGrow: 1, minHeight: 0, gap: '8px', padding: '8px' },
  list: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  preview: {
    width: '33%',
    minWidth: '320px',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  previewHeader: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: '8px',
    padding: '6px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  previewTitle: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  previewButton: { flexShrink: 0, whiteSpace: 'nowrap' },
  count: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    padding: '4px 2px 0',
  },
  rowButton: { minWidth: 'auto', height: '20px', padding: '0 4px' },
});

interface Filters {
  types: DocumentTypeCode | '';
  periodFrom: string;
  periodTo: string;
  state: DocumentEmailState | '';
  text: string;
}

const NO_FILTERS: Filters = { types: '', periodFrom: '', periodTo: '', state: '', text: '' };

export function JournalScreen() {
  const styles = useStyles();
  const app = useApp();
  const { t, locale, language, structureId, showError, documentTypes } = app;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [dossierId, setDossierId] = useState<number | null>(app.focus?.dossierId ?? null);
  const [text, setText] = useState('');
  const [sort, setSort] = useState<{ key: JournalSortKey; descending: boolean }>({
    key: 'issueDate',
    descending: true,
  });
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
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
      ...(/^\d{4}(-\d{2})?$/.test(filters.periodFrom) && { periodFrom: filters.periodFrom }),
      ...(/^\d{4}(-\d{2})?$/.test(filters.periodTo) && { periodTo: filters.periodTo }),
      ...(filters.state && { emailStates: [filters.state] }),
      ...(filters.text && { text: filters.text }),
      ...(dossierId !== null && { dossierId }),
      sort: sort.key,
      descending: sort.descending,
    }),
    [structureId, filters, dossierId, sort],
  );
  const list = usePagedList<JournalDocument>(
    (offset, limit) => call(api.documents.journal({ ...filter, offset, limit })),
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

  const typeName = (code: DocumentTypeCode) => {
    const type = documentTypes.find((d) => d.code === code);
    return type ? (language === 'fr' ? type.nameFr : type.nameEn) : code;
  };

  const columns: GridColumn<JournalDocument>[] = [
    {
      id: 'email',
      header: '✉',
      width: 30,
      align: 'center',
      cell: (d) => <EmailStateIcon state={d.emailState} />,
    },
    {
      id: 'number',
      header: t('ui.journal.col.number'),
      width: 112,
      sortKey: 'number',
      cell: (d) => d.number,
    },
    { id: 'type', header: t('ui.journal.col.type'), width: 96, cell: (d) => typeName(d.type) },
    { id: 'dossier', header: t('ui.journal.col.dossier'), width: 58, cell: (d) => d.dossierNumber },
    {
      id: 'name',
      header: t('ui.journal.col.name'),
      width: 150,
      grow: true,
      sortKey: 'dossierName',
      cell: (d) => d.dossierName,
    },
    {
      id: 'period',
      header: t('ui.journal.col.period'),
      width: 64,
      sortKey: 'period',
      cell: (d) => d.period,
    },
    {
      id: 'issueDate',
      header: t('ui.journal.col.issueDate'),
      width: 84,
      sortKey: 'issueDate',
      cell: (d) => formatDay(d.issueDate, locale),
    },
    {
      id: 'amount',
      header: t('ui.journal.col.amount'),
      width: 96,
      align: 'end',
      sortKey: 'amount',
      cell: (d) => formatAmount(d.amountCents, d.currency, locale),
    },
    {
      id: 'lastSent',
      header: t('ui.journal.col.lastSent'),
      width: 118,
      sortKey: 'lastSentAt',
      cell: (d) => formatDateTime(d.lastSentAt, locale),
    },
    {
      id: 'state',
      header: t('ui.journal.col.state'),
      width: 76,
      cell: (d) => t(`emailState.${d.emailState}`),
    },
    {
      id: 'send',
      header: '',
      width: 34,
      align: 'center',
      cell: (d) => (
        <Button
          className={styles.rowButton}
          size="small"
          appearance="subtle"
          icon={<SendRegular />}
          aria-label={`${t('ui.journal.sendEmail')} ${d.number}`}
          title={t('ui.journal.sendEmail')}
          onMouseDown={(event) => event.stopPropagation()}
          onDoubleClick={(event) => event.stopPropagation()}
          onClick={() => openSend(d)}
        />
      ),
    },
  ];

  const menuEntries: ContextMenuEntry[] = [
    {
      key: 'send',
      label: t('ui.journal.sendEmail'),
      icon: <SendRegular />,
      shortcut: acceleratorLabel('CmdOrCtrl+E', language),
      disabled: !current,
      onClick: () => openSend(current),
    },
    {
      key: 'dossier',
      label: t('ui.journal.openDossier'),
      icon: <PersonRegular />,
      disabled: !current,
      onClick: () => current && app.navigate('dossiers', { dossierId: current.dossierId }),
    },
  ];

  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  return (
    <div className={styles.screen}>
      <Toolbar className={styles.toolbar} size="small" aria-label={t('ui.screen.journal')}>
        <ToolbarButton icon={<SendRegular />} disabled={!current} onClick={() => openSend(current)}>
          {t('ui.journal.sendEmail')}
        </ToolbarButton>
        <ToolbarButton icon={<MailMultipleRegular />} onClick={() => setBulkOpen(true)}>
          {t('ui.menu.send.bulk')}
        </ToolbarButton>
        <ToolbarDivider />
        <ToolbarButton
          icon={<PersonRegular />}
          disabled={!current}
          onClick={() => current && app.navigate('dossiers', { dossierId: current.dossierId })}
        >
          {t('ui.journal.openDossier')}
        </ToolbarButton>
        <ToolbarButton icon={<ArrowClockwiseRegular />} onClick={() => list.reload()}>
          {t('ui.common.refresh')}
        </ToolbarButton>
      </Toolbar>
      <div className={styles.filters} role="search">
        <Field label={t('ui.common.structure')} size="small">
          <Select
            size="small"
            value={structureId ?? ''}
            onChange={(_, d) => app.setStructureId(Number(d.value))}
          >
            {app.structures.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('ui.journal.filter.type')} size="small">
          <Select
            size="small"
            value={filters.types}
            onChange={(_, d) => setFilter('types', d.value as DocumentTypeCode | '')}
          >
            <option value="">{t('ui.common.all')}</option>
            {documentTypes.map((type) => (
              <option key={type.code} value={type.code}>
                {typeName(type.code)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('ui.journal.filter.periodFrom')} size="small">
          <Input
            className={styles.period}
            size="small"
            placeholder={t('ui.journal.filter.periodPlaceholder')}
            value={filters.periodFrom}
            onChange={(_, d) => setFilter('periodFrom', d.value)}
          />
        </Field>
        <Field label={t('ui.journal.filter.periodTo')} size="small">
          <Input
            className={styles.period}
            size="small"
            placeholder={t('ui.journal.filter.periodPlaceholder')}
            value={filters.periodTo}
            onChange={(_, d) => setFilter('periodTo', d.value)}
          />
        </Field>
        <Field label={t('ui.journal.filter.status')} size="small">
          <Select
            size="small"
            value={filters.state}
            onChange={(_, d) => setFilter('state', d.value as DocumentEmailState | '')}
          >
            <option value="">{t('ui.common.all')}</option>
            {DOCUMENT_EMAIL_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`emailState.${state}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('ui.common.search')} size="small">
          <SearchBox
            ref={searchRef}
            className={styles.search}
            size="small"
            placeholder={t('ui.journal.filter.text')}
            value={text}
            onChange={(_, d) => setText(d.value)}
            onKeyDown={(event) => event.key === 'ArrowDown' && gridRef.current?.focus()}
          />
        </Field>
        {dossierId !== null && (
          <Button
            size="small"
            appearance="outline"
            icon={<DismissRegular />}
            onClick={() => setDossierId(null)}
          >
            {t('ui.journal.filter.dossier', {
              name: list.rows.rowAt(0)?.dossierName ?? `#${dossierId}`,
            })}
          </Button>
        )}
        <Button
          size="small"
          icon={<FilterDismissRegular />}
          onClick={() => {
            setFilters(NO_FILTERS);
            setText('');
            setDossierId(null);
          }}
        >
          {t('ui.journal.filter.clear')}
        </Button>
      </div>
      <div className={styles.split}>
        <div className={styles.list}>
          <DataGrid
            label={t('ui.screen.journal')}
            testId="journal-grid"
            columns={columns}
            rowCount={list.total}
            row={(index) => list.rows.rowAt(index)}
            selection={selection}
            onSelectionChange={setSelection}
            onOpen={(index) => openSend(list.rows.rowAt(index))}
            onContextMenu={(_, point) => setMenuAt(point)}
            onRangeChange={list.onRangeChange}
            sort={sort}
            onSort={(key) =>
              setSort((s) => ({
                key: key as JournalSortKey,
                descending:
                  s.key === key ? !s.descending : key !== 'dossierName' && key !== 'number',
              }))
            }
            emptyText={list.loading ? t('ui.common.loading') : t('ui.journal.empty')}
            handleRef={gridRef}
          />
          <div className={styles.count}>
            {t('ui.journal.total', { count: list.total })}
            {selection.selected.size > 1 &&
              ` — ${t('ui.common.selected', { count: selection.selected.size })}`}
          </div>
        </div>
        <aside className={styles.preview} aria-label={t('ui.journal.preview')}>
          <div className={styles.previewHeader}>
            <span className={styles.previewTitle}>
              {current
                ? `${typeName(current.type)} ${current.number} — ${current.dossierName}`
                : t('ui.journal.preview')}
            </span>
            <Button
              className={styles.previewButton}
              appearance="primary"
              size="small"
              icon={<SendRegular />}
              disabled={!current}
              onClick={() => openSend(current)}
            >
              {t('ui.journal.sendEmail')}
            </Button>
          </div>
          <PdfPreview documentId={current?.id ?? null} hasPdf={current?.hasPdf ?? false} />
        </aside>
      </div>
      <ContextMenu at={menuAt} entries={menuEntries} onClose={() => setMenuAt(null)} />
      {sending && (
        <SendDocumentDialog
          document={sending}
          onClose={(changed) => {
            setSending(null);
            if (changed) list.reload();
          }}
        />
      )}
      {bulkOpen && (
        <BulkSendDialog
          onClose={(changed) => {
            setBulkOpen(false);
            if (changed) list.reload();
          }}
        />
      )}
    </div>
  );
}
