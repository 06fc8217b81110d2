// The end of a bulk send, in the dialog and from the status bar: the counts, why it stopped,
// and each message that did not leave by name (dossier, address, the server's answer in plain
// words), with Suivi des envois opened on them.
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { useApp } from '../app/app-context.js';
import type { RunningSendSnapshot, SendFailure } from '../app/running-send.js';
import { say } from '../../src-shared/i18n/said.js';

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    marginTop: '6px',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      textAlign: 'left',
      verticalAlign: 'top',
      padding: '2px 8px 2px 0',
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
  },
  scroll: { maxHeight: '180px', overflowY: 'auto' },
  open: { marginTop: '6px' },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold },
  reply: { color: tokens.colorNeutralForeground3 },
});

/** The summary once the send ended (finished or cancelled); nothing before. */
export function SendSummary({
  run,
  onOpenFailures,
}: {
  run: RunningSendSnapshot;
  /** Opens Suivi des envois on the batch's failed messages (closing what must close). */
  onOpenFailures: (batchId: number) => void;
}) {
  const styles = useStyles();
  const { t } = useApp();
  const { bulk } = run;
  const summary = bulk.summary;
  if ((bulk.phase !== 'finished' && bulk.phase !== 'cancelled') || !summary) return null;
  const batchId = bulk.batchId;
  // A sending robot holds the lease: the window sent nothing, the robot sends it all.
  if (summary.stoppedBy?.code === 'robot.window.handedOver') {
    return (
      <MessageBar intent="info" layout="multiline" data-testid="bulk-summary">
        <MessageBarBody>
          <MessageBarTitle>{t('robot.window.handedOverTitle')}</MessageBarTitle>
          {summary.stoppedBy.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar
      intent={summary.failed > 0 || summary.stoppedBy ? 'warning' : 'success'}
      layout="multiline"
      data-testid="bulk-summary"
    >
      <MessageBarBody>
        <MessageBarTitle>
          {t(bulk.phase === 'cancelled' ? 'ui.bulk.cancelledTitle' : 'ui.bulk.finishedTitle')}
        </MessageBarTitle>
        {t('ui.bulk.summary', {
          sent: summary.sent,
          failed: summary.failed,
          retrying: summary.retrying,
          excluded: bulk.excludedAtQueue + run.excludedInList,
        })}
        {summary.stoppedBy && <div>{summary.stoppedBy.message}</div>}
        {summary.limitReached && <div>{t(`ui.bulk.limit.${summary.limitReached}`)}</div>}
        {summary.failed > 0 && run.failures && (
          <FailureTable failures={run.failures} total={summary.failed} />
        )}
        {summary.failed > 0 && batchId !== null && (
          <Button
            className={styles.open}
            size="small"
            icon={<OpenRegular />}
            onClick={() => onOpenFailures(batchId)}
          >
            {t('ui.sendingModel.openFailures')}
          </Button>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Why it did not leave: the plain sentence in the screen's language, and the server's own
 * words as it wrote them. An old failure kept only as a French text is not shown on English
 * screens: the server's words alone rather than a French sentence.
 */
function FailureReason({ failure }: { failure: SendFailure }) {
  const styles = useStyles();
  const { t, language } = useApp();
  const explanation = failure.explanationSaid
    ? say(language, failure.explanationSaid)
    : language === 'fr'
      ? failure.explanation
      : null;
  if (!explanation && !failure.reply) return <>{t('ui.sendingModel.noReason')}</>;
  return (
    <>
      {explanation && <div>{explanation}</div>}
      {failure.reply && (
        <div className={explanation ? styles.reply : undefined}>{failure.reply}</div>
      )}
    </>
  );
}

function FailureTable({ failures, total }: { failures: SendFailure[]; total: number }) {
  const styles = useStyles();
  const { t } = useApp();
  return (
    <div className={styles.scroll}>
      <table className={styles.table} data-testid="send-failures">
        <caption className={styles.caption}>{t('ui.sendingModel.failuresTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ui.sendingModel.col.dossier')}</th>
            <th scope="col">{t('ui.sendingModel.col.address')}</th>
            <th scope="col">{t('ui.sendingModel.col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {failures.map((f) => (
            <tr key={f.messageId}>
              <td>{f.dossier}</td>
              <td>{f.address}</td>
              <td>
                <FailureReason failure={f} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > failures.length && <div>{t('ui.sendingModel.failuresMore', { count: total })}</div>}
    </div>
  );
}
