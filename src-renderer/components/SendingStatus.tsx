// The bulk send in the window's status bar: its progress once the dialog is closed (the send
// goes on), then its end with "Voir le résumé", which names each failure and opens Suivi des
// envois on them. The send itself is the window's (app/running-send.ts).
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  ProgressBar,
  makeStyles,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useApp } from '../app/app-context.js';
import { useRunningSend, useRunningSendStore } from '../app/running-send.js';
import { progressFraction, type BulkState } from '../logic/bulk-send.js';
import { SendSummary } from './SendSummary.js';

const useStyles = makeStyles({
  status: { display: 'flex', alignItems: 'center', gap: '8px', minWidth: 0 },
  bar: { width: '120px', flexShrink: 0 },
  text: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  link: { minWidth: 0, height: '20px', padding: '0 6px', flexShrink: 0 },
  summary: { width: '760px', maxWidth: '94vw' },
});

export function SendingStatus() {
  const styles = useStyles();
  const { t } = useApp();
  const store = useRunningSendStore();
  const run = useRunningSend();
  const [open, setOpen] = useState(false);
  const text = statusText(run.bulk, run.unseenEnd, t);
  if (text === null) return null;
  const ended = run.bulk.phase === 'finished' || run.bulk.phase === 'cancelled';
  return (
    <span className={styles.status} data-testid="sending-status">
      {!ended && (
        <ProgressBar
          className={styles.bar}
          value={run.bulk.progress ? progressFraction(run.bulk.progress) : undefined}
          aria-label={text}
        />
      )}
      <span className={styles.text}>{text}</span>
      {ended && (
        <>
          <Button className={styles.link} size="small" onClick={() => setOpen(true)}>
            {t('ui.sendingModel.showSummary')}
          </Button>
          <Button
            className={styles.link}
            size="small"
            appearance="subtle"
            onClick={() => store.seen()}
          >
            {t('ui.sendingModel.dismiss')}
          </Button>
        </>
      )}
      {open && (
        <SummaryDialog
          onClose={() => {
            setOpen(false);
            store.seen();
          }}
        />
      )}
    </span>
  );
}

function SummaryDialog({ onClose }: { onClose: () => void }) {
  const styles = useStyles();
  const { t, navigate } = useApp();
  const run = useRunningSend();
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.summary} aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t('ui.sendingModel.summaryTitle')}</DialogTitle>
          <DialogContent>
            <SendSummary
              run={run}
              onOpenFailures={(batchId) => {
                onClose();
                navigate('outbox', { outbox: { batchId, statuses: ['failed'] } });
              }}
            />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t('ui.common.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** One line for the status bar, or null when there is nothing to say. */
function statusText(
  bulk: BulkState,
  unseenEnd: boolean,
  t: ReturnType<typeof useApp>['t'],
): string | null {
  const p = bulk.progress;
  const done = p ? p.sent + p.failed : 0;
  switch (bulk.phase) {
    case 'queueing':
      return t('ui.sendingModel.status.preparing');
    case 'sending':
    case 'pausing':
      return t('ui.sendingModel.status.running', {
        done,
        total: p?.total ?? 0,
        failed: p?.failed ?? 0,
      });
    case 'paused':
      return t('ui.sendingModel.status.paused', { done, total: p?.total ?? 0 });
    case 'finished':
    case 'cancelled': {
      if (!unseenEnd || !bulk.summary) return null;
      // Handed to the sending robot: its own notice in the status bar says it all.
      if (bulk.summary.stoppedBy?.code === 'robot.window.handedOver') return null;
      const key =
        bulk.phase === 'finished'
          ? 'ui.sendingModel.status.finished'
          : 'ui.sendingModel.status.cancelled';
      return t(key, { sent: bulk.summary.sent, failed: bulk.summary.failed });
    }
    default:
      return null;
  }
}
