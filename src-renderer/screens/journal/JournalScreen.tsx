// Journal des documents: filters, the documents (paged in SQL, virtualized) with their
// envelope and last sent date, the selected document's PDF in a pane, and on each document
// the "Envoyer par e-mail" button. The state lives in useJournal.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useApp } from '../../app/app-context.js';
import { useTypeName } from '../../app/type-names.js';
import { ActionToolbar } from '../../components/ActionToolbar.js';
import { ContextMenu } from '../../components/ContextMenu.js';
import { PagedDataGrid } from '../../components/PagedDataGrid.js';
import { PdfPreview } from '../../components/PdfPreview.js';
import { RowCount } from '../../components/RowCount.js';
import { useScreenStyles } from '../../components/screen-styles.js';
import { BulkSendDialog } from '../bulk-send/BulkSendDialog.js';
import { SendDocumentDialog } from '../send-document/SendDocumentDialog.js';
import { JournalFilters } from './JournalFilters.js';
import { useJournalActions } from './journal-actions.js';
import { useJournalColumns } from './journal-columns.js';
import { useJournal, type Journal } from './useJournal.js';

const useStyles = makeStyles({
  preview: {
    // Beside it, the journal's columns stay whole at 1024 px, the names readable and the
    // state whole ("Non envoyé", not "Non en…").
    width: '25%',
    minWidth: '240px',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  previewHeader: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    // Too narrow for both (1024 px): the button goes under the title, which stays whole.
    flexWrap: 'wrap',
    gap: '4px 8px',
    padding: '6px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  previewTitle: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    flex: '1 0 auto',
    maxWidth: '100%',
  },
  previewButton: { flexShrink: 0, whiteSpace: 'nowrap' },
});

export function JournalScreen() {
  const styles = useScreenStyles();
  const { t } = useApp();
  const journal = useJournal();
  const actions = useJournalActions(journal);
  const columns = useJournalColumns(journal.openSend);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const { list, selection } = journal;

  return (
    <div className={styles.screen}>
      <ActionToolbar label={t('ui.screen.journal')} entries={actions.toolbar} />
      <JournalFilters journal={journal} />
      <div className={styles.split}>
        <div className={styles.list}>
          <PagedDataGrid
            label={t('ui.screen.journal')}
            testId="journal-grid"
            columns={columns}
            list={list}
            selection={selection}
            onSelectionChange={journal.setSelection}
            onOpen={(index) => journal.openSend(list.rows.rowAt(index))}
            onContextMenu={(_, point) => setMenuAt(point)}
            sort={journal.sort}
            onSort={journal.sortBy}
            emptyText={t('ui.journal.empty')}
            handleRef={journal.gridRef}
          />
          <RowCount
            text={t('ui.journal.total', { count: list.total })}
            selected={selection.selected.size}
            selectedFrom={2}
          />
        </div>
        <DocumentPane journal={journal} />
      </div>
      <ContextMenu at={menuAt} entries={actions.menu} onClose={() => setMenuAt(null)} />
      {journal.sending && (
        <SendDocumentDialog
          document={journal.sending}
          onClose={(changed) => {
            journal.closeSend();
            if (changed) list.reload();
          }}
        />
      )}
      {journal.bulkOpen && (
        <BulkSendDialog
          onClose={(changed) => {
            journal.setBulkOpen(false);
            if (changed) list.reload();
          }}
        />
      )}
    </div>
  );
}

/** The selected document's PDF, with its own "send by e-mail" button. */
function DocumentPane({ journal }: { journal: Journal }) {
  const styles = useStyles();
  const { t } = useApp();
  const typeName = useTypeName();
  const { current } = journal;
  return (
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
          onClick={() => journal.openSend(current)}
        >
          {t('ui.journal.sendEmail')}
        </Button>
      </div>
      <PdfPreview documentId={current?.id ?? null} hasPdf={current?.hasPdf ?? false} />
    </aside>
  );
}
