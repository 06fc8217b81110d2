// Per-workstation preferences (language, default send method, window state, data folder).
// Electron keeps them with electron-store, the host with conf: both give get/set by key.
import { LANGUAGES } from '../../src-shared/contract/app.js';
import type { Language } from '../../src-shared/i18n/catalog.js';

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface Preferences {
  language: Language;
  defaultSendMethod: string | null;
  dataFolder: string;
}

export class WorkstationPreferences {
  constructor(
    /** Also where the data place for the next start is kept (db/data-place.ts). */
    readonly store: KeyValueStore,
    /** The data folder or server URL actually open (it wins over a stored one that was not used). */
    private readonly openDataFolder: string,
    private readonly defaultLanguage: Language = 'fr',
    /** The Electron shell rebuilds its menus in the new language. */
    private readonly onChange: (preferences: Preferences) => void = () => undefined,
  ) {}

  read(): Preferences {
    const language = this.store.get('language');
    const method = this.store.get('defaultSendMethod');
    return {
      language: (LANGUAGES as readonly unknown[]).includes(language)
        ? (language as Language)
        : this.defaultLanguage,
      defaultSendMethod: typeof method === 'string' ? method : null,
      dataFolder: this.openDataFolder,
    };
  }

  update(patch: {
    language?: Language | undefined;
    defaultSendMethod?: string | null | undefined;
  }): Preferences {
    if (patch.language !== undefined) this.store.set('language', patch.language);
    if (patch.defaultSendMethod !== undefined)
      this.store.set('defaultSendMethod', patch.defaultSendMethod);
    const preferences = this.read();
    this.onChange(preferences);
    return preferences;
  }
}

/** A store kept in memory only (tests, or when the preferences file cannot be written). */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const values = new Map(Object.entries(initial));
  return { get: (key) => values.get(key), set: (key, value) => void values.set(key, value) };
}
