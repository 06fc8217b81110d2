// The bottom of the bulk send once it is queued: the progress bar with the time left (the
// dialog may close, the send goes on), what the queue warned about, then the summary with
// each failure named (or "waiting for validation"). The send is the window's (running-send).
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
} from '@fluentui/react-components';
import { useApp } from '../../app/app-context.js';
import { useRunningSend } from '../../app/running-send.js';
import { SendSummary } from '../../components/SendSummary.js';
import { doneThisRun, progressFraction } from '../../logic/bulk-send.js';
import { describeDuration, estimateRemainingMs } from '../../logic/remaining-time.js';
import { useBulkSendStyles } from './bulk-send-styles.js';
import type { BulkSend } from './useBulkSend.js';

export function ProgressPanel({ bulk, onClose }: { bulk: BulkSend; onClose: () => void }) {
  const { t, navigate } = useApp();
  const run = useRunningSend();
  const { state } = bulk;
  return (
    <>
      {bulk.attached && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('ui.sendingModel.underway')}</MessageBarBody>
        </MessageBar>
      )}
      <ProgressBarLine bulk={bulk} />
      {bulk.queueWarnings.map((w, i) => (
        <MessageBar key={`q-${i}`} intent="warning" layout="multiline">
          <MessageBarBody>{w.message}</MessageBarBody>
        </MessageBar>
      ))}
      {state.phase === 'awaitingValidation' && (
        <MessageBar intent="info" layout="multiline" data-testid="bulk-summary">
          <MessageBarBody>
            <MessageBarTitle>{t('ui.bulk.queuedTitle', { count: state.queued })}</MessageBarTitle>
            {t('ui.sendingModel.awaiting')}
          </MessageBarBody>
        </MessageBar>
      )}
      <SendSummary
        run={run}
        onOpenFailures={(batchId) => {
          onClose();
          navigate('outbox', { outbox: { batchId, statuses: ['failed'] } });
        }}
      />
    </>
  );
}

function ProgressBarLine({ bulk }: { bulk: BulkSend }) {
  const styles = useBulkSendStyles();
  const { t, language } = useApp();
  const { state } = bulk;
  const running =
    state.phase === 'sending' || state.phase === 'pausing' || state.phase === 'paused';
  if (!running || !state.progress) return null;
  const remainingMs = bulk.pacing
    ? estimateRemainingMs({
        remaining: state.progress.remaining,
        done: doneThisRun(state),
        pacing: bulk.pacing,
        elapsedMs: state.startedAt === null ? 0 : bulk.now - state.startedAt,
      })
    : 0;
  return (
    <div className={styles.progress} data-testid="bulk-progress">
      <ProgressBar value={progressFraction(state.progress)} thickness="large" />
      <div className={styles.progressLine}>
        <span>
          {t('ui.bulk.progress', {
            done: state.progress.sent + state.progress.failed,
            total: state.progress.total,
            failed: state.progress.failed,
          })}
        </span>
        <span>
          {state.phase === 'paused'
            ? t('ui.bulk.paused')
            : state.phase === 'pausing'
              ? t('ui.bulk.pausing')
              : t('ui.bulk.remaining', { duration: describeDuration(remainingMs, language) })}
        </span>
      </div>
      <div className={styles.note}>{t('ui.sendingModel.closeHint')}</div>
    </div>
  );
}
