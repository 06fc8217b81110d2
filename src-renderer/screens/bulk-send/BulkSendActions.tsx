// The bulk send's buttons, which follow its step: send, pause, resume, cancel, open the
// outbox when the messages wait for validation, close.
import { Button, DialogActions } from '@fluentui/react-components';
import { PauseRegular, PlayRegular, SendRegular, StopRegular } from '@fluentui/react-icons';
import { useApp } from '../../app/app-context.js';
import { isBusy } from '../../logic/bulk-send.js';
import type { BulkSend } from './useBulkSend.js';

export function BulkSendActions({ bulk, onClose }: { bulk: BulkSend; onClose: () => void }) {
  const { t, navigate } = useApp();
  const { state } = bulk;
  const batchId = state.batchId;
  return (
    <DialogActions>
      {state.phase === 'sending' && (
        <Button icon={<PauseRegular />} onClick={bulk.pause}>
          {t('ui.bulk.pause')}
        </Button>
      )}
      {state.phase === 'paused' && (
        <Button icon={<PlayRegular />} onClick={bulk.resume}>
          {t('ui.bulk.resume')}
        </Button>
      )}
      {(state.phase === 'sending' || state.phase === 'paused') && batchId !== null && (
        <Button icon={<StopRegular />} onClick={() => bulk.cancel(batchId)}>
          {t('ui.bulk.cancel')}
        </Button>
      )}
      {state.phase === 'awaitingValidation' && (
        <Button
          onClick={() => {
            onClose();
            navigate('outbox');
          }}
        >
          {t('ui.bulk.openOutbox')}
        </Button>
      )}
      {bulk.editing || state.phase === 'queueing' ? (
        <Button
          appearance="primary"
          icon={<SendRegular />}
          disabled={!bulk.sendable}
          onClick={() => void bulk.send()}
        >
          {state.phase === 'queueing'
            ? t('ui.bulk.queueing')
            : t('ui.bulk.send', { count: bulk.checked.size })}
        </Button>
      ) : null}
      <Button disabled={isBusy(state)} onClick={onClose}>
        {t('ui.common.close')}
      </Button>
    </DialogActions>
  );
}
