// What a withdrawal did, in sentences for the window and the command line alike: how many
// left the queue, how many were being sent (never withdrawn), how many had already left it.
import type { Language } from '../i18n/catalog.js';
import { translateCount } from '../i18n/plural.js';

export interface WithdrawOutcome {
  changed: readonly number[];
  skipped: readonly { reason: string }[];
}

export function withdrawOutcomeText(language: Language, outcome: WithdrawOutcome): string[] {
  const inFlight = outcome.skipped.filter((s) => s.reason === 'in_flight').length;
  const other = outcome.skipped.length - inFlight;
  return [
    translateCount(language, 'queueTruth.withdraw.done', outcome.changed.length),
    ...(inFlight ? [translateCount(language, 'queueTruth.withdraw.inFlight', inFlight)] : []),
    ...(other ? [translateCount(language, 'queueTruth.withdraw.notQueued', other)] : []),
  ];
}
