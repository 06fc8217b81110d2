// The main window: menu bar (when the window has no native one), the screens as tabs, the
// status bar; keyboard shortcuts and menu commands; message boxes and notifications.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Tab,
  TabList,
  Toast,
  ToastTitle,
  Toaster,
  makeStyles,
  tokens,
  useId,
  useToastController,
} from '@fluentui/react-components';
import {
  DocumentBulletListRegular,
  MailInboxRegular,
  PeopleRegular,
  SettingsRegular,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MenuCommand } from '../../src-shared/contract/menus.js';
import type { DocumentType } from '../../src-shared/domain/documents.js';
import type { Structure } from '../../src-shared/domain/records.js';
import { translate, type Language } from '../../src-shared/i18n/catalog.js';
import { api, ApiFailure, call } from '../api.js';
import { MenuBar } from '../components/MenuBar.js';
import { DatabaseWaitNotice } from '../components/DatabaseWaitNotice.js';
import { RobotStatusNotice } from '../components/RobotStatusNotice.js';
import { SendingStatus } from '../components/SendingStatus.js';
import { saveBytes } from './files.js';
import { setRequestLanguage } from '../host-client.js';
import { belongsToTextField, matchesAccelerator } from '../logic/accelerators.js';
import { DossiersScreen } from '../screens/dossiers/DossiersScreen.js';
import { ImportDialog } from '../screens/import/ImportDialog.js';
import { JournalScreen } from '../screens/journal/JournalScreen.js';
import { OutboxScreen } from '../screens/outbox/OutboxScreen.js';
import { SettingsScreen } from '../screens/SettingsScreen.js';
import {
  AppContext,
  CommandBus,
  type AppInfo,
  type AppServices,
  type NavigationFocus,
  type ScreenId,
} from './app-context.js';
import { useDialogFocus } from './dialog-focus.js';
import {
  ALWAYS_ENABLED,
  HOME_SCREEN,
  isEditable,
  outboxKey,
  SCREEN_COMMANDS,
  SHORTCUTS,
} from './menu-routing.js';
import { localeOf } from './format.js';
import { RunningSend, RunningSendContext } from './running-send.js';

const useStyles = makeStyles({
  window: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  tabs: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '0 8px',
  },
  screen: { flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
  statusBar: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: '16px',
    padding: '2px 10px',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  loading: { margin: 'auto' },
  message: { whiteSpace: 'pre-wrap' },
});

interface Loaded {
  info: AppInfo;
  language: Language;
  structures: Structure[];
  documentTypes: DocumentType[];
}

export function App() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // The bulk send outlives its dialog: the window follows it (status bar, summary).
  const [runningSend] = useState(() => new RunningSend());
  useEffect(() => runningSend.listen(), [runningSend]);
  const [startError, setStartError] = useState<string | null>(null);
  useEffect(() => {
    (async () => {
      const [info, prefs, structures, documentTypes] = await Promise.all([
        call(api.app.info({})),
        call(api.prefs.get({})),
        call(api.structures.list({})),
        call(api.documents.types({})),
      ]);
      setRequestLanguage(prefs.language);
      setLoaded({ info, language: prefs.language, structures, documentTypes });
    })().catch((error: unknown) =>
      setStartError(error instanceof Error ? error.message : String(error)),
    );
  }, []);
  if (startError)
    return (
      <div role="alert" style={{ padding: 24 }}>
        {startError}
      </div>
    );
  if (!loaded) return <Spinner style={{ marginTop: '30vh' }} label="Postier…" />;
  return (
    <RunningSendContext.Provider value={runningSend}>
      <MainWindow initial={loaded} />
    </RunningSendContext.Provider>
  );
}

function MainWindow({ initial }: { initial: Loaded }) {
  const styles = useStyles();
  const toasterId = useId('toaster');
  const { dispatchToast } = useToastController(toasterId);
  const [language, setLanguageState] = useState<Language>(initial.language);
  const [structures, setStructures] = useState(initial.structures);
  const [structureId, setStructureId] = useState<number | null>(initial.structures[0]?.id ?? null);
  const [documentTypes, setDocumentTypes] = useState(initial.documentTypes);
  const [screen, setScreen] = useState<ScreenId>('journal');
  const [focus, setFocus] = useState<NavigationFocus | null>(null);
  const [errorBox, setErrorBox] = useState<string | null>(null);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [pendingCommand, setPendingCommand] = useState<MenuCommand | null>(null);
  const commands = useMemo(() => new CommandBus(), []);
  useDialogFocus();

  const t = useCallback<AppServices['t']>(
    (key, params) => translate(language, key, params),
    [language],
  );

  const setLanguage = useCallback((next: Language) => {
    setRequestLanguage(next);
    setLanguageState(next);
    document.documentElement.lang = next;
    void api.prefs.set({ language: next });
  }, []);

  const showError = useCallback(
    (error: unknown) => {
      const message =
        error instanceof ApiFailure
          ? error.message
          : translate(language, 'ui.error.unexpected', {
              operation: 'interface',
              time: new Date().toLocaleTimeString(),
            });
      if (!(error instanceof ApiFailure)) console.error(error);
      setErrorBox(message);
    },
    [language],
  );

  const notify = useCallback<AppServices['notify']>(
    (message, intent = 'success') =>
      dispatchToast(
        <Toast>
          <ToastTitle>{message}</ToastTitle>
        </Toast>,
        { intent, timeout: 3500 },
      ),
    [dispatchToast],
  );

  const navigate = useCallback((next: ScreenId, nextFocus?: NavigationFocus) => {
    setFocus(nextFocus ?? null);
    setStatus(null);
    setScreen(next);
  }, []);

  /** Fichier > Exporter le journal des envois, from any screen: the whole journal. */
  const exportJournal = useCallback(async () => {
    try {
      const result = await call(api.outbox.exportCsv({}));
      saveBytes(result.fileName, result.base64, 'text/csv');
    } catch (error) {
      showError(error);
    }
  }, [showError]);

  const reloadStructures = useCallback(async () => {
    setStructures(await call(api.structures.list({})));
  }, []);

  const services: AppServices = {
    info: initial.info,
    language,
    locale: localeOf(language),
    t,
    setLanguage,
    structures,
    structureId,
    setStructureId,
    reloadStructures,
    documentTypes,
    setDocumentTypes,
    screen,
    navigate,
    focus,
    showError,
    notify,
    setStatus,
    commands,
  };

  const runCommand = useCallback(
    (command: MenuCommand) => {
      const target = SCREEN_COMMANDS[command];
      if (target) return navigate(target);
      if (command === 'view.language.fr' || command === 'view.language.en') {
        return setLanguage(command === 'view.language.fr' ? 'fr' : 'en');
      }
      if (command === 'help.about') return setAboutOpen(true);
      if (command === 'file.import') return setImportOpen(true);
      if (commands.run(command)) return;
      if (command === 'outbox.exportCsv') return void exportJournal();
      const home = HOME_SCREEN[command];
      if (home) {
        navigate(home);
        setPendingCommand(command);
      }
    },
    [commands, navigate, setLanguage, exportJournal],
  );

  // The screen just opened has registered its commands (children's effects run first). Run
  // on the next task, once the menu has closed and given focus back, so that a dialog the
  // command opens keeps the focus (and answers Échap).
  useEffect(() => {
    if (!pendingCommand || !commands.has(pendingCommand)) return undefined;
    const timer = window.setTimeout(() => {
      setPendingCommand(null);
      commands.run(pendingCommand);
    }, 0);
    return () => window.clearTimeout(timer);
  }, [pendingCommand, screen, commands]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const match = SHORTCUTS.find((s) => matchesAccelerator(s.accelerator, event));
      if (!match) return;
      const typing = isEditable(event.target);
      if (typing && belongsToTextField(match.accelerator)) return;
      if (document.querySelector('[role="dialog"]') && !typing && match.command !== 'edit.find')
        return;
      event.preventDefault();
      runCommand(match.command);
    };
    window.addEventListener('keydown', onKeyDown);
    const stopMenu = api.on('menu.command', ({ command }) => runCommand(command));
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopMenu();
    };
  }, [runCommand]);

  const isEnabled = (command: MenuCommand) =>
    command in SCREEN_COMMANDS ||
    ALWAYS_ENABLED.includes(command) ||
    command.startsWith('view.language') ||
    commands.has(command);

  return (
    <AppContext.Provider value={services}>
      <div className={styles.window}>
        {!initial.info.nativeMenus && <MenuBar onCommand={runCommand} isEnabled={isEnabled} />}
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={screen}
          onTabSelect={(_, data) => navigate(data.value as ScreenId)}
        >
          <Tab value="dossiers" icon={<PeopleRegular />}>
            {t('ui.screen.dossiers')}
          </Tab>
          <Tab value="journal" icon={<DocumentBulletListRegular />}>
            {t('ui.screen.journal')}
          </Tab>
          <Tab value="outbox" icon={<MailInboxRegular />}>
            {t('ui.screen.outbox')}
          </Tab>
          <Tab value="settings" icon={<SettingsRegular />}>
            {t('ui.screen.settings')}
          </Tab>
        </TabList>
        <main className={styles.screen}>
          {screen === 'dossiers' && <DossiersScreen />}
          {screen === 'journal' && <JournalScreen />}
          {screen === 'outbox' && <OutboxScreen key={outboxKey(focus)} />}
          {screen === 'settings' && <SettingsScreen />}
        </main>
        <footer className={styles.statusBar} role="status">
          <span>{status ?? t('ui.status.ready')}</span>
          <SendingStatus />
          <RobotStatusNotice />
          <DatabaseWaitNotice />
          <span>
            {t('ui.status.user', {
              user: initial.info.user,
              workstation: initial.info.workstation,
            })}
          </span>
        </footer>
      </div>
      <Toaster toasterId={toasterId} position="bottom-end" />
      <Dialog
        open={errorBox !== null}
        onOpenChange={(_, data) => !data.open && setErrorBox(null)}
        modalType="alert"
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('ui.common.error')}</DialogTitle>
            <DialogContent className={styles.message} data-testid="error-message">
              {errorBox}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setErrorBox(null)}>
                {t('ui.common.ok')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {importOpen && (
        <ImportDialog
          onClose={(imported) => {
            setImportOpen(false);
            if (imported) commands.run('view.refresh');
          }}
        />
      )}
      <Dialog open={aboutOpen} onOpenChange={(_, data) => setAboutOpen(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('ui.about.title')}</DialogTitle>
            <DialogContent>
              <p>{t('ui.about.text', { version: initial.info.version })}</p>
              <p>{t('ui.about.dataFolder', { folder: initial.info.dataFolder })}</p>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setAboutOpen(false)}>
                {t('ui.common.ok')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </AppContext.Provider>
  );
}
