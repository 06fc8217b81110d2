// How the window routes its menu commands and keyboard shortcuts: which screen answers a
// command, which commands work from every screen, and when a shortcut belongs to the text
// field being typed in rather than to the window. App.tsx applies them.
import { MENU_BAR, type MenuCommand } from '../../src-shared/contract/menus.js';
import { parseAccelerator } from '../logic/accelerators.js';
import type { NavigationFocus, ScreenId } from './app-context.js';

export const SCREEN_COMMANDS: Partial<Record<MenuCommand, ScreenId>> = {
  'view.dossiers': 'dossiers',
  'view.journal': 'journal',
  'view.outbox': 'outbox',
  'view.settings': 'settings',
};

/**
 * "Nouveau dossier" and "Envoi en masse" from any screen: when the screen shown does not
 * answer them, the window goes to the screen that does and runs them there.
 */
export const HOME_SCREEN: Partial<Record<MenuCommand, ScreenId>> = {
  'dossier.new': 'dossiers',
  'send.bulk': 'journal',
};

/** Commands the window answers whatever the screen. */
export const ALWAYS_ENABLED: MenuCommand[] = [
  'help.about',
  'file.import',
  'outbox.exportCsv',
  'dossier.new',
  'send.bulk',
];

export const SHORTCUTS = MENU_BAR.flatMap((menu) => menu.items).flatMap((item) =>
  item.kind === 'command' && item.accelerator
    ? [{ command: item.command, accelerator: parseAccelerator(item.accelerator) }]
    : [],
);

/** Suivi des envois opened on a batch starts over with that filter. */
export function outboxKey(focus: NavigationFocus | null): string {
  const outbox = focus?.outbox;
  return outbox ? `${outbox.batchId}:${(outbox.statuses ?? []).join(',')}` : 'all';
}

export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
