// Opens a data folder and serves it with the headless host: `postier host`, `npm start`
// without Electron, the end-to-end tests and the benchmarks all start Postier this way.
import fs from 'node:fs';
import Conf from 'conf';
import { openPostier, type Postier } from '../app/postier.js';
import { createMainSide, type MainSide } from '../ipc/create-router.js';
import { WorkstationPreferences, type KeyValueStore } from '../ipc/preferences.js';
import { DATA_PLACE_KEY, placeOf } from '../db/data-place.js';
import { startHost, type RunningHost } from './host-server.js';
import { defaultRendererFolder } from './renderer-files.js';

export interface RunHostOptions {
  dataPath?: string;
  port?: number;
  token?: string;
  rendererFolder?: string;
  /** Where the workstation preferences file lives (tests give a temporary folder). */
  preferencesFolder?: string;
  /** Opens an account's consent page; default: the system's browser (tests give their own). */
  openUrl?: (url: string) => Promise<void>;
}

export interface HostRun {
  host: RunningHost;
  postier: Postier;
  mainSide: MainSide;
  stop(): Promise<void>;
}

export async function runHost(options: RunHostOptions = {}): Promise<HostRun> {
  const store = preferencesStore(options.preferencesFolder ?? process.env.POSTIER_PREFS_DIR);
  // `--data`, else POSTIER_DATA, else the place saved in Paramètres > Ce poste, as Electron.
  const stored = store.get(DATA_PLACE_KEY);
  const dataPath =
    options.dataPath ??
    (process.env.POSTIER_DATA || typeof stored !== 'string' ? undefined : stored);
  const postier = await openPostier(dataPath === undefined ? {} : { dataPath });
  try {
    const preferences = new WorkstationPreferences(store, placeOf(postier.location));
    const mainSide = createMainSide(postier, {
      version: postierVersion(),
      nativeMenus: false,
      preferences,
      ...(options.openUrl && { openUrl: options.openUrl }),
    });
    const host = await startHost({
      mainSide,
      rendererFolder: options.rendererFolder ?? defaultRendererFolder(),
      ...(options.port !== undefined && { port: options.port }),
      ...(options.token !== undefined && { token: options.token }),
      defaultLanguage: () => preferences.read().language,
    });
    // The host is also a background sender.
    mainSide.startBackgroundWork();
    return {
      host,
      postier,
      mainSide,
      stop: async () => {
        await mainSide.sending.stop();
        await host.close();
        mainSide.dispose();
        await postier.close();
      },
    };
  } catch (error) {
    await postier.close();
    throw error;
  }
}

function preferencesStore(folder: string | undefined): KeyValueStore {
  const store = new Conf<Record<string, unknown>>({
    projectName: 'postier',
    configName: 'workstation',
    ...(folder && { cwd: folder }),
  });
  return { get: (key) => store.get(key), set: (key, value) => store.set(key, value) };
}

export function postierVersion(): string {
  const manifest = JSON.parse(
    fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as {
    version: string;
  };
  return manifest.version;
}
