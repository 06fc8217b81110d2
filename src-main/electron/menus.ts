// The window's native menus (Fichier, Édition, Affichage, Envoi, Aide), built from the menu
// model the page also uses. Shortcuts are shown but handled by the page, the same way in
// Electron and in a browser (registerAccelerator: false), so that none fires twice.
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_BAR, type MenuCommand, type MenuItemModel } from '../../src-shared/contract/menus.js';
import { translate, type Language } from '../../src-shared/i18n/catalog.js';

export function menuTemplate(
  language: Language,
  onCommand: (command: MenuCommand) => void,
  onQuit: () => void,
): MenuItemConstructorOptions[] {
  return MENU_BAR.map((menu) => ({
    label: translate(language, menu.label),
    submenu: menu.items.map((item) => menuItem(item, language, onCommand, onQuit)),
  }));
}

function menuItem(
  item: MenuItemModel,
  language: Language,
  onCommand: (command: MenuCommand) => void,
  onQuit: () => void,
): MenuItemConstructorOptions {
  if (item.kind === 'separator') return { type: 'separator' };
  if (item.kind === 'role') {
    // The system's own editing commands, so that they work in every text field.
    return {
      role: item.role,
      label: translate(language, item.label),
      accelerator: item.accelerator,
    };
  }
  return {
    label: translate(language, item.label),
    ...(item.accelerator && { accelerator: item.accelerator, registerAccelerator: false }),
    click: () => (item.command === 'app.quit' ? onQuit() : onCommand(item.command)),
  };
}
