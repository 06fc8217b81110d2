// The Electron shell's pure parts, without Electron: the French native menus built from the
// shared model, and the bundled preload exposing exactly one function per operation.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { EVENT_NAMES, OPERATION_NAMES } from '../../src-shared/contract/index.js';
import { menuTemplate } from '../../src-main/electron/menus.js';
import { REPO_ROOT } from '../support/cli.js';

describe('native menus', () => {
  it('are French with their mnemonics, show the shortcuts the page handles, and send commands', () => {
    const commands: string[] = [];
    let quit = 0;
    const template = menuTemplate(
      'fr',
      (c) => commands.push(c),
      () => quit++,
    );
    // Each title carries its mnemonic: Electron underlines the letter after & and opens the
    // menu with Alt+letter, as Windows users expect.
    expect(template.map((m) => m.label)).toEqual([
      '&Fichier',
      'É&dition',
      '&Affichage',
      '&Envoi',
      'A&ide',
    ]);
    const items = template.flatMap((m) => m.submenu as MenuItemConstructorOptions[]);
    const find = (label: string) => items.find((i) => i.label === label)!;
    expect(find('Envoi en masse…')).toMatchObject({
      accelerator: 'CmdOrCtrl+Shift+E',
      registerAccelerator: false,
    });
    expect(find('Copier')).toMatchObject({ role: 'copy' });
    (find('Envoi en masse…').click as () => void)();
    (find('Quitter').click as () => void)();
    expect(commands).toEqual(['send.bulk']);
    expect(quit).toBe(1);
    expect(
      menuTemplate(
        'en',
        () => undefined,
        () => undefined,
      ).map((m) => m.label),
    ).toEqual(['&File', '&Edit', '&View', '&Send', '&Help']);
  });
});

describe('preload bundle', () => {
  it('needs nothing but electron and exposes one function per operation, bound to its channel', () => {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-electron.mjs')], {
      cwd: REPO_ROOT,
    });
    const code = fs.readFileSync(path.join(REPO_ROOT, 'dist', 'electron', 'preload.cjs'), 'utf8');
    const required: string[] = [];
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve({ ok: true, value: null });
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const module = { exports: {} };
    vm.runInNewContext(code, {
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`the preload requires ${name}`);
        return fakeElectron;
      },
    });
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(Object.keys(exposed)).toEqual(['postier']);
    const api = exposed.postier as Record<
      string,
      Record<string, (input: unknown) => unknown> | unknown
    >;
    for (const name of OPERATION_NAMES) {
      const [group, method] = name.split('.') as [string, string];
      expect(typeof (api[group] as Record<string, unknown>)[method], name).toBe('function');
    }
    const groups = Object.keys(api).filter((k) => k !== 'on');
    const exposedCount = groups.reduce((n, g) => n + Object.keys(api[g] as object).length, 0);
    expect(exposedCount).toBe(OPERATION_NAMES.length);
    const dossiers = api.dossiers as { search: (input: unknown) => unknown };
    void dossiers.search({ text: 'Côté' });
    expect(invoked).toEqual([['postier:dossiers.search', { text: 'Côté' }]]);
    const on = api.on as (name: string, listener: () => void) => () => void;
    expect(typeof on(EVENT_NAMES[0]!, () => undefined)).toBe('function');
    expect(() => on('ipc:anything', () => undefined)).toThrow(/Unknown event/);
  });
});
