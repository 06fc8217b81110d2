// Wires every handler group over one opened Postier: what the Electron shell and the headless
// host each call once at start-up.
import { EventBus } from './event-bus.js';
import { appHandlers } from './handlers/app-handlers.js';
import { bulkWarningsHandlers } from './handlers/bulk-warnings-handlers.js';
import { dataPlaceHandlers } from './handlers/data-place-handlers.js';
import { documentsHandlers } from './handlers/documents-handlers.js';
import { importHandlers } from './handlers/import-handlers.js';
import { methodsHandlers } from './handlers/methods-handlers.js';
import { notificationsHandlers } from './handlers/notifications-handlers.js';
import { outboxHandlers } from './handlers/outbox-handlers.js';
import type { HandlerDeps, ShellServices } from './handlers/handler-deps.js';
import { recordsHandlers } from './handlers/records-handlers.js';
import { robotHandlers } from './handlers/robot-handlers.js';
import { scheduleHandlers } from './handlers/schedule-handlers.js';
import { sendingHandlers } from './handlers/sending-handlers.js';
import { templateHelpHandlers } from './handlers/template-help-handlers.js';
import { ServiceRouter, type ErrorLog, type Handlers } from './service-router.js';
import { SendRunner } from './send-runner.js';
import { StagedFiles } from './staged-files.js';
import type { Postier } from '../app/postier.js';
import { onDatabaseWait } from '../db/busy.js';
import { readRobotStatus } from '../robot/heartbeat.js';

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...dataPlaceHandlers(deps),
    ...recordsHandlers(deps),
    ...documentsHandlers(deps),
    ...sendingHandlers(deps),
    ...outboxHandlers(deps),
    ...bulkWarningsHandlers(deps),
    ...methodsHandlers(deps),
    ...importHandlers(deps),
    ...templateHelpHandlers(deps),
    ...robotHandlers(deps),
    ...notificationsHandlers(deps),
    ...scheduleHandlers(deps),
  };
}

export interface MainSide {
  router: ServiceRouter;
  events: EventBus;
  staged: StagedFiles;
  sending: SendRunner;
  /** What a shell starts once it is up: work that goes on without the user asking. */
  startBackgroundWork(): void;
  dispose(): void;
}

export function createMainSide(postier: Postier, shell: ShellServices, log?: ErrorLog): MainSide {
  const events = new EventBus();
  const staged = new StagedFiles();
  const sending = new SendRunner(
    postier.sendEngine,
    events,
    () => shell.preferences.read().language,
    log,
    () => readRobotStatus(postier.db),
  );
  const router = new ServiceRouter(
    createHandlers({ postier, shell, events, staged, sending }),
    log,
  );
  const startBackgroundWork = () => {
    // Messages validated before the last quit go out now.
    void sending.start();
    // The preparation thread starts now, so that the first bulk send does not wait for it
    // (a thread that fails to start fails that send, which says why).
    void postier.prepareThread().ready();
  };
  // A wait for another workstation's lock (past 2 s) shows in the window's status bar.
  const stopWaitNotice = onDatabaseWait((wait) => events.emit('database.waiting', wait));
  const dispose = () => {
    stopWaitNotice();
    staged.dispose();
  };
  return { router, events, staged, sending, startBackgroundWork, dispose };
}
