// The bottom of the bulk send once it is queued: the progress bar with the time left, what
// the queue warned about, then the summary (or "waiting for validation").
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
} from '@fluentui/react-components';
import { useApp } from '../../app/app-context.js';
import { doneThisRun, progressFraction } from '../../logic/bulk-send.js';
import { describeDuration, estimateRemainingMs } from '../../logic/remaining-time.js';
import { useBulkSendStyles } from './bulk-send-styles.js';
import type { BulkSend } from './useBulkSend.js';

export function ProgressPanel({ bulk }: { bulk: BulkSend }) {
  const { t } = useApp();
  const { state } = bulk;
  return (
    <>
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
            {t('ui.bulk.awaitingValidation')}
          </MessageBarBody>
        </MessageBar>
      )}
      <Summary bulk={bulk} />
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
  const account = bulk.list?.account;
  const remainingMs = account
    ? estimateRemainingMs({
        remaining: state.progress.remaining,
        done: doneThisRun(state),
        pacing: account.pacing,
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
    </div>
  );
}

function Summary({ bulk }: { bulk: BulkSend }) {
  const { t } = useApp();
  const { state } = bulk;
  const summary = state.summary;
  if ((state.phase !== 'finished' && state.phase !== 'cancelled') || !summary) return null;
  return (
    <MessageBar
      intent={summary.failed > 0 || summary.stoppedBy ? 'warning' : 'success'}
      layout="multiline"
      data-testid="bulk-summary"
    >
      <MessageBarBody>
        <MessageBarTitle>
          {t(state.phase === 'cancelled' ? 'ui.bulk.cancelledTitle' : 'ui.bulk.finishedTitle')}
        </MessageBarTitle>
        {t('ui.bulk.summary', {
          sent: summary.sent,
          failed: summary.failed,
          retrying: summary.retrying,
          excluded: state.excludedAtQueue + (bulk.list?.excluded.length ?? 0),
        })}
        {summary.stoppedBy && <div>{summary.stoppedBy.message}</div>}
        {summary.limitReached && <div>{t(`ui.bulk.limit.${summary.limitReached}`)}</div>}
      </MessageBarBody>
    </MessageBar>
  );
}
