// "About 3 min left": what the bulk-send progress bar says. Before anything is sent, from the
// account's pacing (delay between messages, a longer pause every N); once a few messages
// went, from the pace actually seen, which includes the server's own speed.

export interface PacingLike {
  delayMs: number;
  pauseEvery: number;
  pauseMs: number;
}

export interface RemainingInput {
  remaining: number;
  /** Messages already handled in this run (sent or failed). */
  done: number;
  pacing: PacingLike;
  /** Time since the run started. */
  elapsedMs: number;
}

/** A typical time for one SMTP exchange, before any message has been measured. */
export const ASSUMED_SEND_MS = 500;
/** Messages to see before trusting the observed pace. */
const OBSERVED_AFTER = 3;

/** The wait the pacing alone imposes on the next `remaining` messages, after `done`. */
export function pacingMs(remaining: number, done: number, pacing: PacingLike): number {
  if (remaining <= 0) return 0;
  let pauses = 0;
  if (pacing.pauseEvery > 0) {
    // A pause follows every pauseEvery-th message, but none is needed after the last one.
    const last = done + remaining - 1;
    pauses = Math.max(
      0,
      Math.floor(last / pacing.pauseEvery) - Math.floor(done / pacing.pauseEvery),
    );
  }
  return remaining * Math.max(0, pacing.delayMs) + pauses * Math.max(0, pacing.pauseMs);
}

export function estimateRemainingMs(input: RemainingInput): number {
  const { remaining, done, pacing, elapsedMs } = input;
  if (remaining <= 0) return 0;
  if (done >= OBSERVED_AFTER && elapsedMs > 0) return Math.round((elapsedMs / done) * remaining);
  return pacingMs(remaining, done, pacing) + remaining * ASSUMED_SEND_MS;
}

/** Rounded like a person says it: "45 s", "4 min", "1 h 05". */
export function describeDuration(ms: number, language: 'fr' | 'en'): string {
  const totalSeconds = Math.max(1, Math.ceil(ms / 1000));
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const minutes = Math.ceil(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = String(minutes % 60).padStart(2, '0');
  return language === 'fr' ? `${hours} h ${rest}` : `${hours} h ${rest} min`;
}
