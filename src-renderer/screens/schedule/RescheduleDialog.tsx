// Suivi des envois > Déplacer… : the chosen messages (a scheduled batch, or one parked after
// its time passed while the PC was off) get a new date and hour, or leave now
// ("Envoyer maintenant" lifts the schedule). outbox.reschedule over outbox/schedule.ts.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useState } from 'react';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { TextField } from '../../components/TextField.js';
import { scheduleWhen, useScheduleInput } from './schedule-input.js';

export function RescheduleDialog({
  messageIds,
  onClose,
}: {
  messageIds: number[];
  onClose: (done: boolean) => void;
}) {
  const { t, locale, notify, showError } = useApp();
  const input = useScheduleInput();
  const [busy, setBusy] = useState(false);
  const move = async (notBefore: string | null) => {
    setBusy(true);
    try {
      const outcome = await call(api.outbox.reschedule({ messageIds, notBefore }));
      const count = outcome.changed.length;
      notify(
        outcome.at
          ? t('ui.outbox.rescheduled', { count, at: scheduleWhen(outcome.at, locale, t) })
          : t('ui.outbox.sentNow', { count }),
        'success',
      );
      onClose(true);
    } catch (error) {
      showError(error);
      setBusy(false);
    }
  };
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && onClose(false)}>
      <DialogSurface aria-describedby={undefined} style={{ width: '640px', maxWidth: '92vw' }}>
        <DialogBody>
          <DialogTitle>{t('ui.outbox.rescheduleTitle')}</DialogTitle>
          <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: '10px' }}>
            <p style={{ margin: 0 }}>
              {t('ui.outbox.rescheduleText', { count: messageIds.length })}
            </p>
            <div style={{ display: 'flex', gap: '8px' }}>
              <TextField
                label={t('ui.schedule.date')}
                value={input.date}
                onChange={input.setDate}
                placeholder={t('ui.schedule.datePlaceholder')}
                input={{ maxLength: 10, inputMode: 'numeric', style: { width: '120px' } }}
              />
              <TextField
                label={t('ui.schedule.time')}
                value={input.time}
                onChange={input.setTime}
                placeholder={t('ui.schedule.timePlaceholder')}
                input={{ maxLength: 5, inputMode: 'numeric', style: { width: '76px' } }}
              />
            </div>
            {input.problem && (
              <div role="alert" style={{ color: 'var(--colorPaletteRedForeground1)' }}>
                {t(input.problem.key, input.problem.params)}
              </div>
            )}
          </DialogContent>
          <DialogActions style={{ whiteSpace: 'nowrap' }}>
            <Button
              appearance="primary"
              disabled={busy || input.iso === null}
              onClick={() => void move(input.iso)}
            >
              {t('ui.outbox.rescheduleSave')}
            </Button>
            <Button disabled={busy} onClick={() => void move(null)}>
              {t('ui.outbox.sendNow')}
            </Button>
            <Button onClick={() => onClose(false)}>{t('ui.common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
