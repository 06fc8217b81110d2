// Suivi des envois, after the Winpass seed: search criteria (created and sent dates, dossier,
// user, workstation, e-mail, status), the messages with their status codes (E, V, OK, KO, B,
// ?, R), and what the user does to them: validate, block, unblock, withdraw from the queue
// (Suppr), reset, fix the address and resend, the details with every attachment, every
// journal event and the server's reply, the CSV export. Withdraw and reset ask first.
// The state lives in useOutbox; the actions are listed once in outbox-actions.
import { useState } from 'react';
import { useApp } from '../../app/app-context.js';
import { ActionToolbar } from '../../components/ActionToolbar.js';
import { ContextMenu } from '../../components/ContextMenu.js';
import { PagedDataGrid } from '../../components/PagedDataGrid.js';
import { FixAddressDialog } from '../../components/FixAddressDialog.js';
import { RowCount } from '../../components/RowCount.js';
import { useScreenStyles } from '../../components/screen-styles.js';
import { RescheduleDialog } from '../schedule/RescheduleDialog.js';
import { MessageDetails } from './MessageDetails.js';
import { OutboxCriteria } from './OutboxCriteria.js';
import { useOutboxActions } from './outbox-actions.js';
import { useOutboxColumns } from './outbox-columns.js';
import { useOutbox } from './useOutbox.js';

export function OutboxScreen() {
  const styles = useScreenStyles();
  const { t } = useApp();
  const outbox = useOutbox();
  const [moving, setMoving] = useState<number[] | null>(null);
  const actions = useOutboxActions(outbox, () => setMoving(outbox.movable));
  const columns = useOutboxColumns();
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const { list, selection } = outbox;

  return (
    <div className={styles.screen}>
      <ActionToolbar label={t('ui.screen.outbox')} entries={actions.toolbar} />
      <div className={styles.split}>
        <OutboxCriteria outbox={outbox} />
        <div className={styles.list}>
          <PagedDataGrid
            label={t('ui.screen.outbox')}
            testId="outbox-grid"
            columns={columns}
            list={list}
            selection={selection}
            onSelectionChange={outbox.setSelection}
            onOpen={(index) => outbox.openDetails(list.rows.rowAt(index))}
            onContextMenu={(_, point) => setMenuAt(point)}
            emptyText={t('ui.outbox.empty')}
          />
          <RowCount
            text={t('ui.common.rows', { count: list.total })}
            selected={selection.selected.size}
          />
        </div>
      </div>
      <ContextMenu at={menuAt} entries={actions.menu} onClose={() => setMenuAt(null)} />
      {outbox.confirmDialog}
      {outbox.details && <MessageDetails detail={outbox.details} onClose={outbox.closeDetails} />}
      {moving && (
        <RescheduleDialog
          messageIds={moving}
          onClose={(done) => {
            setMoving(null);
            if (done) list.reload();
          }}
        />
      )}
      {outbox.fixing && (
        <FixAddressDialog
          message={outbox.fixing}
          onClose={(done) => {
            outbox.setFixing(null);
            if (done) list.reload();
          }}
        />
      )}
    </div>
  );
}
