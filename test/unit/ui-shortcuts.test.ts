// Keyboard shortcuts of the menus: matched in the page the way Windows programs do, and
// shown with the keyboard's own names.
import { describe, expect, it } from 'vitest';
import { MENU_BAR } from '../../src-shared/contract/menus.js';
import { translate } from '../../src-shared/i18n/catalog.js';
import {
  acceleratorLabel,
  belongsToTextField,
  matchesAccelerator,
  parseAccelerator,
  parseMnemonic,
  pressesMnemonic,
} from '../../src-renderer/logic/accelerators.js';

const press = (
  key: string,
  modifiers: Partial<{ ctrl: boolean; shift: boolean; alt: boolean; meta: boolean }> = {},
) => ({
  key,
  ctrlKey: modifiers.ctrl ?? false,
  shiftKey: modifiers.shift ?? false,
  altKey: modifiers.alt ?? false,
  metaKey: modifiers.meta ?? false,
});

describe('shortcuts', () => {
  it('matches Ctrl+F, F5, Ctrl+Shift+E and Delete exactly', () => {
    expect(matchesAccelerator(parseAccelerator('CmdOrCtrl+F'), press('f', { ctrl: true }))).toBe(
      true,
    );
    expect(matchesAccelerator(parseAccelerator('CmdOrCtrl+F'), press('F', { ctrl: true }))).toBe(
      true,
    );
    expect(matchesAccelerator(parseAccelerator('CmdOrCtrl+F'), press('f'))).toBe(false);
    expect(matchesAccelerator(parseAccelerator('F5'), press('F5'))).toBe(true);
    expect(
      matchesAccelerator(
        parseAccelerator('CmdOrCtrl+Shift+E'),
        press('E', { ctrl: true, shift: true }),
      ),
    ).toBe(true);
    expect(
      matchesAccelerator(parseAccelerator('CmdOrCtrl+E'), press('E', { ctrl: true, shift: true })),
    ).toBe(false);
    expect(matchesAccelerator(parseAccelerator('Delete'), press('Delete'))).toBe(true);
    expect(matchesAccelerator(parseAccelerator('CmdOrCtrl+,'), press(',', { ctrl: true }))).toBe(
      true,
    );
  });

  it('shows shortcuts the French Windows way', () => {
    expect(acceleratorLabel('CmdOrCtrl+Shift+E', 'fr')).toBe('Ctrl+Maj+E');
    expect(acceleratorLabel('Delete', 'fr')).toBe('Suppr');
    expect(acceleratorLabel('CmdOrCtrl+Shift+E', 'en')).toBe('Ctrl+Shift+E');
    expect(acceleratorLabel('F5', 'fr')).toBe('F5');
  });

  it('leaves editing keys to the text fields', () => {
    expect(belongsToTextField(parseAccelerator('CmdOrCtrl+A'))).toBe(true);
    expect(belongsToTextField(parseAccelerator('Delete'))).toBe(true);
    expect(belongsToTextField(parseAccelerator('CmdOrCtrl+F'))).toBe(false);
    expect(belongsToTextField(parseAccelerator('F5'))).toBe(false);
  });

  it('gives every menu a label in both languages and no shortcut twice', () => {
    const accelerators: string[] = [];
    for (const menu of MENU_BAR) {
      expect(translate('fr', menu.label)).not.toBe(menu.label);
      for (const item of menu.items) {
        if (item.kind === 'separator') continue;
        expect(translate('en', item.label)).toBeTruthy();
        if (item.accelerator && item.kind === 'command') accelerators.push(item.accelerator);
      }
    }
    const settings = accelerators.filter((a) => a === 'CmdOrCtrl+,');
    expect(settings).toHaveLength(1);
    expect(new Set(accelerators).size).toBe(accelerators.length);
    // Written the Windows way: the letter after & opens the menu with Alt.
    expect(MENU_BAR.map((m) => translate('fr', m.label))).toEqual([
      '&Fichier',
      'É&dition',
      '&Affichage',
      '&Envoi',
      'A&ide',
    ]);
  });
});

describe('menu mnemonics', () => {
  it('underlines the letter after & and opens with Alt and that letter', () => {
    const edit = parseMnemonic('É&dition');
    expect(edit).toEqual({ text: 'Édition', index: 1, key: 'd' });
    expect(pressesMnemonic(edit, { ...press('d', { alt: true }), code: 'KeyD' })).toBe(true);
    expect(pressesMnemonic(edit, press('d'))).toBe(false);
    expect(pressesMnemonic(edit, press('d', { alt: true, ctrl: true }))).toBe(false);
    expect(parseMnemonic('R&&D')).toEqual({ text: 'R&D', index: -1, key: null });
  });

  it('gives each menu of the bar its own letter, in French and in English', () => {
    for (const language of ['fr', 'en'] as const) {
      const keys = MENU_BAR.map((menu) => parseMnemonic(translate(language, menu.label)).key);
      expect(keys.every((k) => k !== null)).toBe(true);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
