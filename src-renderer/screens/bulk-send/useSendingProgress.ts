// A clock ticking each second while sending, for the remaining time. The engine's progress
// itself is followed by the window (app/running-send.ts), so that it outlives the dialog.
import { useEffect, useState } from 'react';
import type { BulkPhase } from '../../logic/bulk-send.js';

/** Returns the time now (ms), updated each second while the phase is 'sending'. */
export function useSendingProgress(phase: BulkPhase): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (phase !== 'sending') return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [phase]);
  return now;
}
