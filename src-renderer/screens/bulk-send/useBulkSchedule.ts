// "Envoyer plus tard" in the bulk send: the date and hour typed, and queueing the batch for
// that time (sending.queue with notBefore). A scheduled batch does not start a send: the
// dialog says when it will leave and closes (Suivi des envois shows it, "Programmé : …").
import { useState } from 'react';
import type { Contract, InputOf } from '../../../src-shared/contract/index.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { scheduleWhen, useScheduleInput } from '../schedule/schedule-input.js';

export function useBulkSchedule() {
  const { t, locale, notify, showError } = useApp();
  const [later, setLater] = useState(false);
  const input = useScheduleInput();
  const [queueing, setQueueing] = useState(false);
  /** Set once the batch is scheduled: the dialog closes. */
  const [done, setDone] = useState(false);
  const when = input.iso ? scheduleWhen(input.iso, locale, t) : null;

  /** Queues the batch for the time typed; true when it was. */
  const queue = async (send: InputOf<Contract['sending.queue']>): Promise<boolean> => {
    if (!input.iso || queueing) return false;
    setQueueing(true);
    try {
      const result = await call(api.sending.queue({ ...send, notBefore: input.iso }));
      notify(t('ui.schedule.done', { count: result.queued, at: when ?? '' }), 'success');
      setDone(true);
      return true;
    } catch (error) {
      showError(error);
      return false;
    } finally {
      setQueueing(false);
    }
  };

  return { later, setLater, input, when, queueing, done, queue };
}
