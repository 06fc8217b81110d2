// The left of the bulk send: the documents to send with their recipients' addresses (check
// boxes, double-click toggles, a file per row), or the dossiers excluded, why in plain words,
// and a link that opens each dossier to fix it (saved, the list is read again).
import { Link, Tab, TabList, Toolbar, ToolbarButton } from '@fluentui/react-components';
import { AttachRegular, CheckboxCheckedRegular, DismissRegular } from '@fluentui/react-icons';
import { exclusionReason } from '../../../src-shared/format/bulk-warnings-text.js';
import { useApp } from '../../app/app-context.js';
import { formatAmount, formatDateTime } from '../../app/format.js';
import { DataGrid, type GridColumn } from '../../components/DataGrid.js';
import { SimpleTable } from '../../components/SimpleTable.js';
import { allCheckedState, toggleAllChecked, toggleChecked } from '../../logic/bulk-send.js';
import type { BulkRow, Excluded } from '../sending-types.js';
import { useBulkSendStyles } from './bulk-send-styles.js';
import { useDossierFix } from './DossierFixDialog.js';
import type { BulkSend, BulkTab } from './useBulkSend.js';

export function RecipientList({ bulk }: { bulk: BulkSend }) {
  const { t } = useApp();
  return (
    <>
      <TabList
        size="small"
        selectedValue={bulk.tab}
        onTabSelect={(_, d) => bulk.setTab(d.value as BulkTab)}
      >
        <Tab value="list">{t('ui.bulk.tab.list', { count: bulk.rows.length })}</Tab>
        <Tab value="excluded">
          {t('ui.bulk.tab.excluded', { count: bulk.list?.excluded.length ?? 0 })}
        </Tab>
      </TabList>
      {bulk.tab === 'list' ? <DocumentsToSend bulk={bulk} /> : <ExcludedList bulk={bulk} />}
    </>
  );
}

function DocumentsToSend({ bulk }: { bulk: BulkSend }) {
  const styles = useBulkSendStyles();
  const { t } = useApp();
  const { rows, rowIds, editing, focusedRow, attachments, setChecked } = bulk;
  const columns = useColumns(bulk);
  const toggle = (index: number) =>
    editing && rows[index] && setChecked((c) => toggleChecked(c, rows[index]!.documentId));
  return (
    <>
      <Toolbar size="small" className={styles.toolbar}>
        <ToolbarButton
          icon={<CheckboxCheckedRegular />}
          disabled={!editing}
          onClick={() => setChecked((c) => toggleAllChecked(c, rowIds))}
        >
          {t('ui.bulk.allNone')}
        </ToolbarButton>
        <ToolbarButton
          icon={<AttachRegular />}
          disabled={!editing || !focusedRow}
          onClick={() => focusedRow && void attachments.addToRow(focusedRow.documentId)}
        >
          {t('ui.bulk.rowAttachment')}
        </ToolbarButton>
        {focusedRow && (attachments.perRow[focusedRow.documentId]?.length ?? 0) > 0 && editing && (
          <ToolbarButton
            icon={<DismissRegular />}
            onClick={() => attachments.clearRow(focusedRow.documentId)}
          >
            {t('ui.bulk.removeRowAttachment')}
          </ToolbarButton>
        )}
      </Toolbar>
      <div className={styles.listArea}>
        <DataGrid
          label={t('ui.bulk.tab.list', { count: rows.length })}
          testId="bulk-grid"
          columns={columns}
          rowCount={rows.length}
          row={(index) => rows[index]}
          selection={bulk.selection}
          onSelectionChange={bulk.setSelection}
          onOpen={toggle}
          checkbox={{
            label: t('ui.bulk.include'),
            isChecked: (index) => bulk.checked.has(rows[index]?.documentId ?? -1),
            onToggle: toggle,
            allChecked: allCheckedState(bulk.checked, rowIds),
            onToggleAll: () => editing && setChecked((c) => toggleAllChecked(c, rowIds)),
          }}
          emptyText={bulk.state.phase === 'loading' ? t('ui.common.loading') : t('ui.bulk.empty')}
        />
      </div>
      <div className={styles.note}>{t('ui.bulk.doubleClickHint')}</div>
    </>
  );
}

function useColumns(bulk: BulkSend): GridColumn<BulkRow>[] {
  const { t, locale } = useApp();
  const files = (r: BulkRow) => bulk.attachments.rowNames(r.documentId);
  const addresses = (r: BulkRow) => r.addresses.join(', ');
  // Beside the message, at 1024 px, every column but the last sending and the files (both in
  // the preview) stays whole; the addresses, one column, end in "…" with all of them on hover.
  return [
    {
      id: 'dossier',
      header: t('ui.bulk.col.dossier'),
      width: 64,
      minWidth: 44,
      cell: (r) => r.dossierNumber,
    },
    {
      id: 'name',
      header: t('ui.bulk.col.name'),
      width: 260,
      minWidth: 140,
      grow: true,
      cell: (r) => r.dossierName,
    },
    {
      id: 'lastSent',
      header: t('ui.bulk.col.lastSent'),
      width: 136,
      whole: true,
      optional: true,
      cell: (r) => formatDateTime(r.lastSentAt, locale),
    },
    {
      id: 'number',
      header: t('ui.bulk.col.number'),
      width: 112,
      minWidth: 108,
      whole: true,
      cell: (r) => r.number,
    },
    {
      id: 'amount',
      header: t('ui.bulk.col.amount'),
      width: 96,
      minWidth: 88,
      whole: true,
      align: 'end',
      cell: (r) => formatAmount(r.amountCents, r.currency, locale),
    },
    {
      id: 'addresses',
      header: t('ui.bulk.col.addresses'),
      width: 260,
      minWidth: 110,
      cell: addresses,
      title: addresses,
    },
    {
      id: 'files',
      header: <AttachRegular aria-label={t('ui.bulk.col.files')} />,
      width: 80,
      minWidth: 40,
      optional: true,
      cell: files,
      title: files,
    },
  ];
}

function ExcludedList({ bulk }: { bulk: BulkSend }) {
  const styles = useBulkSendStyles();
  const { t } = useApp();
  const fix = useDossierFix(bulk.refresh);
  const reason = (e: Excluded) => {
    const { key, params } = exclusionReason(e);
    return t(key, params);
  };
  return (
    <div className={styles.excluded} data-testid="bulk-excluded">
      {fix.dialog}
      <SimpleTable
        wide
        rows={bulk.list?.excluded ?? []}
        rowKey={(e, i) => `${e.documentId}-${e.reason}-${i}`}
        columns={[
          {
            header: t('ui.bulk.col.dossier'),
            cell: (e) => e.dossierNumber,
            className: styles.oneLine,
          },
          { header: t('ui.bulk.col.name'), cell: (e) => e.dossierName },
          {
            header: t('ui.bulk.col.number'),
            cell: (e) => e.documentNumber,
            className: styles.oneLine,
          },
          { header: t('ui.bulk.col.reason'), cell: reason },
          {
            header: t('ui.bulkWarnings.col.action'),
            cell: (e) => (
              <Link
                as="button"
                disabled={!bulk.editing}
                aria-label={t('ui.bulkWarnings.openDossierLabel', { name: e.dossierName })}
                onClick={() => fix.open(e)}
              >
                {t('ui.bulkWarnings.openDossier')}
              </Link>
            ),
          },
        ]}
      />
    </div>
  );
}
