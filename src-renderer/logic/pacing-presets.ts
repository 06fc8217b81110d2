// Ready-made pacing for the account form: the seed's default (2 s, 10 s every 10), a slower
// one for strict providers (Gmail, Free), Microsoft 365's limits, and none for an office relay.
import type { Pacing } from '../../src-shared/domain/mail.js';
import type { MessageKey } from '../../src-shared/i18n/catalog.js';

export interface PacingPreset {
  id: string;
  label: MessageKey;
  pacing: Pick<Pacing, 'delayMs' | 'pauseEvery' | 'pauseMs' | 'maxPerRun' | 'maxPerDay'>;
}

export const PACING_PRESETS: PacingPreset[] = [
  {
    id: 'standard',
    label: 'ui.pacing.preset.standard',
    pacing: { delayMs: 2000, pauseEvery: 10, pauseMs: 10_000, maxPerRun: null, maxPerDay: null },
  },
  {
    id: 'careful',
    label: 'ui.pacing.preset.careful',
    pacing: { delayMs: 5000, pauseEvery: 20, pauseMs: 30_000, maxPerRun: null, maxPerDay: 500 },
  },
  {
    id: 'microsoft365',
    label: 'ui.pacing.preset.microsoft365',
    pacing: { delayMs: 2000, pauseEvery: 0, pauseMs: 0, maxPerRun: null, maxPerDay: 10_000 },
  },
  {
    id: 'none',
    label: 'ui.pacing.preset.none',
    pacing: { delayMs: 0, pauseEvery: 0, pauseMs: 0, maxPerRun: null, maxPerDay: null },
  },
];
