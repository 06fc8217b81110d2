// The menu bar, described once: the Electron shell builds its native menus from it and the
// page draws the same menus when it runs in a browser. Choosing an item sends its command.
import type { MessageKey } from '../i18n/catalog.js';

export const MENU_COMMANDS = [
  'dossier.new',
  'file.import',
  'outbox.exportCsv',
  'app.quit',
  'edit.find',
  'edit.selectAll',
  'edit.delete',
  'view.dossiers',
  'view.journal',
  'view.outbox',
  'view.settings',
  'view.refresh',
  'view.language.fr',
  'view.language.en',
  'send.single',
  'send.bulk',
  'send.validate',
  'send.block',
  'help.about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Editing roles the shell maps to the system's own (cut, copy, paste in text fields). */
export type MenuRole = 'undo' | 'redo' | 'cut' | 'copy' | 'paste';

export type MenuItemModel =
  | { kind: 'command'; command: MenuCommand; label: MessageKey; accelerator?: string }
  | { kind: 'role'; role: MenuRole; label: MessageKey; accelerator: string }
  | { kind: 'separator' };

export interface MenuModel {
  label: MessageKey;
  items: MenuItemModel[];
}

const item = (command: MenuCommand, label: MessageKey, accelerator?: string): MenuItemModel => ({
  kind: 'command',
  command,
  label,
  ...(accelerator && { accelerator }),
});
const role = (r: MenuRole, label: MessageKey, accelerator: string): MenuItemModel => ({
  kind: 'role',
  role: r,
  label,
  accelerator,
});
const separator: MenuItemModel = { kind: 'separator' };

/** Accelerators use Electron's syntax ("CmdOrCtrl+Shift+E", "F5", "Delete"). */
export const MENU_BAR: MenuModel[] = [
  {
    label: 'ui.menu.file',
    items: [
      item('dossier.new', 'ui.menu.file.newDossier', 'CmdOrCtrl+N'),
      item('file.import', 'ui.menu.file.import', 'CmdOrCtrl+I'),
      item('outbox.exportCsv', 'ui.menu.file.exportCsv'),
      separator,
      item('view.settings', 'ui.menu.file.settings', 'CmdOrCtrl+,'),
      separator,
      item('app.quit', 'ui.menu.file.quit', 'CmdOrCtrl+Q'),
    ],
  },
  {
    label: 'ui.menu.edit',
    items: [
      role('undo', 'ui.menu.edit.undo', 'CmdOrCtrl+Z'),
      role('redo', 'ui.menu.edit.redo', 'CmdOrCtrl+Y'),
      separator,
      role('cut', 'ui.menu.edit.cut', 'CmdOrCtrl+X'),
      role('copy', 'ui.menu.edit.copy', 'CmdOrCtrl+C'),
      role('paste', 'ui.menu.edit.paste', 'CmdOrCtrl+V'),
      separator,
      item('edit.selectAll', 'ui.menu.edit.selectAll', 'CmdOrCtrl+A'),
      item('edit.find', 'ui.menu.edit.find', 'CmdOrCtrl+F'),
      item('edit.delete', 'ui.menu.edit.delete', 'Delete'),
    ],
  },
  {
    label: 'ui.menu.view',
    items: [
      item('view.dossiers', 'ui.screen.dossiers', 'CmdOrCtrl+1'),
      item('view.journal', 'ui.screen.journal', 'CmdOrCtrl+2'),
      item('view.outbox', 'ui.screen.outbox', 'CmdOrCtrl+3'),
      item('view.settings', 'ui.screen.settings', 'CmdOrCtrl+4'),
      separator,
      item('view.refresh', 'ui.menu.view.refresh', 'F5'),
      separator,
      item('view.language.fr', 'ui.menu.view.french'),
      item('view.language.en', 'ui.menu.view.english'),
    ],
  },
  {
    label: 'ui.menu.send',
    items: [
      item('send.single', 'ui.menu.send.single', 'CmdOrCtrl+E'),
      item('send.bulk', 'ui.menu.send.bulk', 'CmdOrCtrl+Shift+E'),
      separator,
      item('send.validate', 'ui.menu.send.validate'),
      item('send.block', 'ui.menu.send.block'),
    ],
  },
  {
    label: 'ui.menu.help',
    items: [item('help.about', 'ui.menu.help.about', 'F1')],
  },
];
