// Envoi en masse: choose the type and period; check the documents to send (double-click
// toggles) with their recipients' addresses; add a file per row or one for everyone; see who
// is excluded and why; write the subject and message with fields and a live preview of the
// selected row; then send with a progress bar (pause, cancel) and read the summary.
// The state lives in useBulkSend; each part of the dialog has its own file here. The send
// belongs to the window: the dialog closes at any time, and opened during a send shows it.
import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import { useApp } from '../../app/app-context.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { useBulkSendStyles } from './bulk-send-styles.js';
import { BulkSendActions } from './BulkSendActions.js';
import { MessageEditor } from './MessageEditor.js';
import { MessagePreview, PacingNote } from './MessagePreview.js';
import { ProgressPanel } from './ProgressPanel.js';
import { RecipientList } from './RecipientList.js';
import { ScheduleAndTest } from './ScheduleAndTest.js';
import { ListNotices, TypeAndPeriod } from './TypeAndPeriod.js';
import { useBulkSend, type BulkSend } from './useBulkSend.js';

export function BulkSendDialog({ onClose }: { onClose: (changed: boolean) => void }) {
  const styles = useBulkSendStyles();
  const { t } = useApp();
  const bulk = useBulkSend();
  const confirm = useConfirm();
  const close = () => {
    bulk.leave();
    onClose(bulk.wasChanged());
  };
  // A batch scheduled for later: said in a notice, nothing to follow here.
  const scheduled = bulk.schedule.done;
  useEffect(() => {
    if (scheduled) close();
  }, [scheduled]);
  // Échap or Fermer with a text written or files added asks first, as Windows programs do;
  // during or after a send nothing is lost by closing (the send goes on in the window).
  const closeAsked = async () => {
    if (bulk.unsentWork) {
      const yes = await confirm.ask({
        title: t('ui.bulk.closeUnsent.title'),
        text: t('ui.bulk.closeUnsent.text'),
        confirm: t('ui.bulk.closeUnsent.confirm'),
      });
      if (!yes) return;
    }
    close();
  };
  return (
    <>
      <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && void closeAsked()}>
        <DialogSurface className={styles.surface} aria-describedby={undefined}>
          <DialogBody className={styles.body}>
            <DialogTitle>{t('ui.bulk.title')}</DialogTitle>
            <DialogContent className={styles.content}>
              {bulk.attached ? null : <ChooseAndWrite bulk={bulk} />}
              {/* The progress and the summary keep their height; the list above gives way. */}
              <div className={bulk.attached ? styles.after : styles.afterList}>
                <ProgressPanel bulk={bulk} onClose={close} />
              </div>
            </DialogContent>
            <BulkSendActions bulk={bulk} onClose={() => void closeAsked()} />
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {confirm.dialog}
    </>
  );
}

/** The type and period, the list and the message: what a new send is made of. */
function ChooseAndWrite({ bulk }: { bulk: BulkSend }) {
  const styles = useBulkSendStyles();
  return (
    <>
      <TypeAndPeriod bulk={bulk} />
      <ListNotices bulk={bulk} />
      <div className={styles.columns}>
        <div className={styles.left}>
          <RecipientList bulk={bulk} />
        </div>
        <div className={styles.right}>
          <MessageEditor bulk={bulk} />
          <MessagePreview bulk={bulk} />
          <PacingNote bulk={bulk} />
        </div>
      </div>
      <ScheduleAndTest bulk={bulk} />
    </>
  );
}
