// Keyboard shortcuts written in Electron's syntax ("CmdOrCtrl+Shift+E", "F5", "Delete"):
// matched against key presses in the page, and shown the Windows way ("Ctrl+Maj+E").
import type { Language } from '../../src-shared/i18n/catalog.js';

export interface Accelerator {
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  /** Lower-case key as KeyboardEvent.key gives it ("e", "f5", "delete", ","). */
  key: string;
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function parseAccelerator(text: string): Accelerator {
  const parts = text.split('+');
  const key = (parts.pop() ?? '').toLowerCase();
  const modifiers = parts.map((p) => p.toLowerCase());
  return {
    ctrl: modifiers.some(
      (m) => m === 'cmdorctrl' || m === 'ctrl' || m === 'control' || m === 'commandorcontrol',
    ),
    shift: modifiers.includes('shift'),
    alt: modifiers.includes('alt'),
    key: key === '' && text.endsWith('+') ? '+' : key,
  };
}

export function matchesAccelerator(accelerator: Accelerator, press: KeyPress): boolean {
  return (
    press.key.toLowerCase() === accelerator.key &&
    (press.ctrlKey || press.metaKey) === accelerator.ctrl &&
    press.shiftKey === accelerator.shift &&
    press.altKey === accelerator.alt
  );
}

const KEY_NAMES: Record<Language, Record<string, string>> = {
  fr: { delete: 'Suppr', shift: 'Maj', ctrl: 'Ctrl', alt: 'Alt' },
  en: { delete: 'Del', shift: 'Shift', ctrl: 'Ctrl', alt: 'Alt' },
};

export function acceleratorLabel(text: string, language: Language): string {
  const a = parseAccelerator(text);
  const names = KEY_NAMES[language];
  const key = names[a.key] ?? (a.key.length === 1 ? a.key.toUpperCase() : a.key.toUpperCase());
  return [a.ctrl && names.ctrl, a.shift && names.shift, a.alt && names.alt, key]
    .filter(Boolean)
    .join('+');
}

/** Shortcuts that must keep their usual meaning while the user types in a field. */
export function belongsToTextField(accelerator: Accelerator): boolean {
  const editing = ['a', 'c', 'v', 'x', 'z', 'y', 'delete', 'backspace'];
  return (
    (accelerator.ctrl && editing.includes(accelerator.key)) ||
    (!accelerator.ctrl && accelerator.key === 'delete')
  );
}

export interface Mnemonic {
  /** The label as shown ("Fichier"). */
  text: string;
  /** Position of the underlined letter in text, or -1. */
  index: number;
  /** The letter Alt is pressed with, lower-case ("f"), or null. */
  key: string | null;
}

/**
 * A menu label written the Windows way ("&Fichier", "É&dition"): the letter after "&" is
 * underlined and opens the menu with Alt; "&&" is a plain "&".
 */
export function parseMnemonic(label: string): Mnemonic {
  let text = '';
  let index = -1;
  for (let i = 0; i < label.length; i += 1) {
    const char = label[i];
    if (char === '&' && label[i + 1] === '&') {
      text += '&';
      i += 1;
    } else if (char === '&' && i + 1 < label.length && index === -1) {
      index = text.length;
    } else text += char;
  }
  const key = index >= 0 ? (text[index] ?? '').toLowerCase() : '';
  return { text, index, key: key === '' ? null : key };
}

/** True when Alt+key (no Ctrl) presses the mnemonic's letter, by key or by physical key. */
export function pressesMnemonic(mnemonic: Mnemonic, press: KeyPress & { code?: string }): boolean {
  if (!press.altKey || press.ctrlKey || press.metaKey || !mnemonic.key) return false;
  const plain = mnemonic.key.normalize('NFD').replace(/\p{M}/gu, '');
  return (
    press.key.toLowerCase() === mnemonic.key ||
    (press.code !== undefined && press.code.toLowerCase() === `key${plain}`)
  );
}
