// The hardening's controls in the window and the CLI (auto-pause setting), English.
import type { hardeningUiFr } from './hardening-ui.fr.js';

export const hardeningUiEn: Record<keyof typeof hardeningUiFr, string> = {
  'ui.settings.autoPause': 'Pause an account’s sending after this many refusals in a row',
  'ui.settings.autoPause.note':
    'When the server refuses this many messages in a row (unknown address, blocked account), sending from that account stops and the reason is shown: a wrong list does not spoil a whole batch. From 0 (never) to {max}.',
  'ui.settings.autoPause.save': 'Save',
  'cli.autoPause.shown':
    'An account’s sending pauses after {count} refusals in a row (0: never; one setting for every workstation).',
  'cli.autoPause.off': 'The automatic pause is off (0): sending goes on whatever the refusals.',
  'cli.autoPause.saved': 'Saved: an account’s sending will pause after {count} refusals in a row.',
};
