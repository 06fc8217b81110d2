// The bulk send's buttons, which follow its step. Before the click the main button says what
// the validation setting will make of it ("Mettre en file pour validation" or "Envoyer
// maintenant"); once queued for validation, "Valider et envoyer" or the batch in Suivi des
// envois; while sending, pause, resume, cancel. Closing never stops a send.
import { Button, DialogActions } from '@fluentui/react-components';
import {
  CheckmarkRegular,
  PauseRegular,
  PlayRegular,
  SendRegular,
  StopRegular,
} from '@fluentui/react-icons';
import { useApp } from '../../app/app-context.js';
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
      {state.phase === 'awaitingValidation' && batchId !== null && (
        <>
          <Button
            onClick={() => {
              onClose();
              navigate('outbox', { outbox: { batchId } });
            }}
          >
            {t('ui.sendingModel.openBatch')}
          </Button>
          <Button
            appearance="primary"
            icon={<CheckmarkRegular />}
            disabled={bulk.validating}
            onClick={bulk.validateAndSend}
          >
            {t(bulk.validating ? 'ui.sendingModel.validating' : 'ui.sendingModel.validateAndSend')}
          </Button>
        </>
      )}
      {(bulk.editing || state.phase === 'queueing') && !bulk.attached ? (
        <Button
          appearance="primary"
          icon={<SendRegular />}
          disabled={!bulk.sendable}
          onClick={() => void bulk.send()}
        >
          {state.phase === 'queueing' ? t('ui.bulk.queueing') : sendLabel(bulk, t)}
        </Button>
      ) : null}
      <Button onClick={onClose}>{t('ui.common.close')}</Button>
    </DialogActions>
  );
}

/** What the click will do under the validation setting, with the number of documents. */
function sendLabel(bulk: BulkSend, t: ReturnType<typeof useApp>['t']): string {
  const { schedule } = bulk;
  if (schedule.later && schedule.when)
    return t('ui.schedule.button', { count: bulk.checked.size, at: schedule.when });
  const manual = (bulk.list?.validationMode ?? 'manual') === 'manual';
  return t(manual ? 'ui.sendingModel.queueForApproval' : 'ui.sendingModel.sendNow', {
    count: bulk.checked.size,
  });
}
