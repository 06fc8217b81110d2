// The engine's progress and end of run, fed to the dialog's steps; and a clock ticking each
// second while sending, for the remaining time.
import { useEffect, useState, type Dispatch } from 'react';
import { api } from '../../api.js';
import type { BulkEvent, BulkPhase } from '../../logic/bulk-send.js';

/** Returns the time now (ms), updated each second while the phase is 'sending'. */
export function useSendingProgress(phase: BulkPhase, dispatch: Dispatch<BulkEvent>): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const stopProgress = api.on('sending.progress', ({ progress, paused }) =>
      dispatch({ type: 'progress', progress, paused }),
    );
    const stopFinished = api.on('sending.finished', (payload) =>
      dispatch({
        type: 'finished',
        summary: { ...payload.summary, limitReached: payload.limitReached },
        paused: payload.paused,
        cancelled: payload.cancelled,
      }),
    );
    return () => {
      stopProgress();
      stopFinished();
    };
  }, [dispatch]);

  useEffect(() => {
    if (phase !== 'sending') return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [phase]);
  return now;
}
