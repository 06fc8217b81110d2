// The Electron shell: one window per workstation (single instance), the renderer served from
// postier://app under a strict CSP with contextIsolation, sandbox and no Node, the contract's
// handlers on IPC, French native menus, file dialogs, taskbar progress and notifications for
// bulk sends, and a confirmation before quitting while messages are being sent (the rest
// resumes at the next start).
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  session,
  shell,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
} from 'electron';
import Store from 'electron-store';
import {
  OPERATION_NAMES,
  eventChannel,
  operationChannel,
  type Events,
  type OperationName,
  type PayloadOf,
} from '../../src-shared/contract/index.js';
import { translate, type Language } from '../../src-shared/i18n/catalog.js';
import { openPostier, type Postier } from '../app/postier.js';
import { createMainSide, type MainSide } from '../ipc/create-router.js';
import { WorkstationPreferences, type KeyValueStore } from '../ipc/preferences.js';
import { DATA_PLACE_KEY, placeOf } from '../db/data-place.js';
import { APP_ORIGIN, isAppUrl, registerAppScheme, serveRenderer } from './app-protocol.js';
import { menuTemplate } from './menus.js';
import { restoredWindowState, trackWindowState } from './window-state.js';

registerAppScheme();

const store = new Store<Record<string, unknown>>({ name: 'workstation' });
const keyValues: KeyValueStore = {
  get: (key) => store.get(key),
  set: (key, value) => store.set(key, value),
};

let postier: Postier | null = null;
let mainSide: MainSide | null = null;
let preferences: WorkstationPreferences | null = null;
let window: BrowserWindow | null = null;
let quitting = false;

/** `--data` (from `postier start`), else POSTIER_DATA, else the place chosen on this PC (a folder or a server). */
function dataFolderArgument(): string | undefined {
  const index = process.argv.indexOf('--data');
  const fromArgs = index >= 0 ? process.argv[index + 1] : undefined;
  const stored = store.get(DATA_PLACE_KEY);
  return fromArgs ?? process.env.POSTIER_DATA ?? (typeof stored === 'string' ? stored : undefined);
}

function language(): Language {
  return preferences?.read().language ?? 'fr';
}

if (!app.requestSingleInstanceLock()) {
  // Another window is already open on this workstation: it comes to the front instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Postier', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const dataPath = dataFolderArgument();
  postier = await openPostier(dataPath === undefined ? {} : { dataPath });
  // The place opened (a folder, or a server's URL) is the one the next start opens.
  store.set(DATA_PLACE_KEY, placeOf(postier.location));
  preferences = new WorkstationPreferences(
    keyValues,
    placeOf(postier.location),
    app.getLocale().startsWith('en') ? 'en' : 'fr',
    () => buildMenus(),
  );
  mainSide = createMainSide(postier, {
    version: app.getVersion(),
    nativeMenus: true,
    preferences,
    pickFiles,
    chooseDataFolder,
  });
  registerIpc(mainSide);
  lockDownSessions();
  serveRenderer(path.join(app.getAppPath(), 'dist', 'renderer'));
  buildMenus();
  openWindow();
  followSending(mainSide);
  mainSide.startBackgroundWork();
}

function registerIpc(side: MainSide): void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(operationChannel(name), (event: IpcMainInvokeEvent, input: unknown) => {
      // Only the app's own page, in the main frame, reaches the services.
      if (!isAppUrl(event.senderFrame?.url) || event.senderFrame !== event.sender.mainFrame) {
        return {
          ok: false,
          error: {
            code: 'ui.error.unknownOperation',
            message: translate(language(), 'ui.error.unknownOperation', { operation: name }),
          },
        };
      }
      return side.router.dispatch(name as OperationName, input, { language: language() });
    });
  }
  side.events.subscribe((name, payload) => {
    if (window && !window.isDestroyed()) window.webContents.send(eventChannel(name), payload);
  });
}

/** No other page, no new window, no permission (camera, notifications...) for the page. */
function lockDownSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function openWindow(): void {
  const state = restoredWindowState(keyValues);
  window = new BrowserWindow({
    ...state.bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Postier',
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: path.join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // Chromium's PDF viewer for the preview pane.
      plugins: true,
      spellcheck: false,
    },
  });
  if (state.maximized) window.maximize();
  trackWindowState(window, keyValues);
  window.once('ready-to-show', () => window?.show());
  window.on('close', (event) => {
    if (quitting || !mainSide?.sending.isRunning()) return;
    event.preventDefault();
    confirmQuit();
  });
  window.on('closed', () => {
    window = null;
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
}

function buildMenus(): void {
  const template = menuTemplate(
    language(),
    (command) => mainSide?.events.emit('menu.command', { command }),
    () => window?.close() ?? app.quit(),
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Quitting while sending: the user decides; what is not sent resumes at the next start. */
function confirmQuit(): void {
  if (!window) return;
  const choice = dialog.showMessageBoxSync(window, {
    type: 'question',
    buttons: [translate(language(), 'ui.quit.confirm'), translate(language(), 'ui.common.cancel')],
    defaultId: 1,
    cancelId: 1,
    title: 'Postier',
    message: translate(language(), 'ui.quit.sendingTitle'),
    detail: translate(language(), 'ui.quit.sendingDetail'),
  });
  if (choice !== 0) return;
  quitting = true;
  void mainSide?.sending.stop().finally(() => app.quit());
}

async function pickFiles(purpose: 'attachment' | 'import', multiple: boolean): Promise<string[]> {
  const options: OpenDialogOptions = {
    title: translate(
      language(),
      purpose === 'import' ? 'ui.files.importTitle' : 'ui.files.attachmentTitle',
    ),
    properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    filters:
      purpose === 'import'
        ? [
            {
              name: translate(language(), 'ui.files.importFilter'),
              extensions: ['csv', 'txt', 'xlsx', 'pdf'],
            },
          ]
        : [{ name: translate(language(), 'ui.files.allFiles'), extensions: ['*'] }],
  };
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/** Another data folder (a network drive...): kept for this workstation, opened at the next start. */
async function chooseDataFolder(): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: translate(language(), 'ui.settings.dataFolder'),
    properties: ['openDirectory', 'createDirectory'],
  };
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  const chosen = result.canceled ? null : (result.filePaths[0] ?? null);
  if (chosen) store.set(DATA_PLACE_KEY, chosen);
  return chosen;
}

/** Taskbar progress while a bulk send runs; a notification when it starts and when it ends. */
function followSending(side: MainSide): void {
  let announced = false;
  side.events.subscribe((name, payload) => {
    if (!window || window.isDestroyed()) return;
    // The bus checked each payload against the contract: these are its declared shapes.
    if (name === 'sending.progress') {
      const { progress, paused } = payload as PayloadOf<Events['sending.progress']>;
      const done = progress.sent + progress.failed;
      window.setProgressBar(progress.total > 0 ? done / progress.total : 0, {
        mode: paused ? 'paused' : 'normal',
      });
      if (!announced && progress.total > 0) {
        announced = true;
        notify(translate(language(), 'ui.sending.notifyStarted', { total: progress.total }));
      }
    } else if (name === 'sending.finished') {
      window.setProgressBar(-1);
      const { summary } = payload as PayloadOf<Events['sending.finished']>;
      if (announced)
        notify(
          translate(language(), 'ui.sending.notifyFinished', {
            sent: summary.sent,
            failed: summary.failed,
          }),
        );
      announced = false;
    }
  });
}

function notify(body: string): void {
  if (Notification.isSupported()) new Notification({ title: 'Postier', body }).show();
}

app.on('before-quit', () => {
  quitting = true;
});

app.on('window-all-closed', () => {
  void (async () => {
    await mainSide?.sending.stop();
    mainSide?.dispose();
    await postier?.close();
    app.quit();
  })();
});
