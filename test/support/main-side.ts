// The contract's main side over a real Postier, as the Electron shell and the host build it:
// `call(name, input)` goes through the router (input checked, output filtered, errors
// translated), `seen` holds the events it emitted. Disposed after each test.
import type { EventName } from '../../src-shared/contract/index.js';
import type { Language } from '../../src-shared/i18n/catalog.js';
import type { Postier } from '../../src-main/app/postier.js';
import { createMainSide, type MainSide } from '../../src-main/ipc/create-router.js';
import type { ShellServices } from '../../src-main/ipc/handlers/handler-deps.js';
import { memoryStore, WorkstationPreferences } from '../../src-main/ipc/preferences.js';
import { closeAfterTest } from './close-after-test.js';

export interface ContractSide extends MainSide {
  call(
    name: string,
    input: unknown,
    language?: Language,
  ): ReturnType<MainSide['router']['dispatch']>;
  seen: { name: EventName; payload: unknown }[];
}

export function contractOver(postier: Postier, shell: Partial<ShellServices> = {}): ContractSide {
  const side = createMainSide(
    postier,
    {
      version: '0.0.0-test',
      nativeMenus: false,
      preferences: new WorkstationPreferences(memoryStore(), postier.folder.root),
      ...shell,
    },
    () => undefined,
  );
  closeAfterTest({ close: () => side.dispose() });
  const seen: ContractSide['seen'] = [];
  side.events.subscribe((name, payload) => seen.push({ name, payload }));
  return {
    ...side,
    seen,
    call: (name, input, language = 'fr') => side.router.dispatch(name, input, { language }),
  };
}
