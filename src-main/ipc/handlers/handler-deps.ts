// What every group of handlers may use: the opened Postier, and what the shell provides.
import type { Postier } from '../../app/postier.js';
import type { EventBus } from '../event-bus.js';
import type { WorkstationPreferences } from '../preferences.js';
import type { SendRunner } from '../send-runner.js';
import type { StagedFiles } from '../staged-files.js';
import type { Handlers } from '../service-router.js';

export interface ShellServices {
  version: string;
  /** True in Electron: the window draws the menus, the page does not. */
  nativeMenus: boolean;
  preferences: WorkstationPreferences;
  /** The system's file dialog (Electron); absent in the host. Gives absolute paths. */
  pickFiles?: (purpose: 'attachment' | 'import', multiple: boolean) => Promise<string[]>;
  /** The system's folder dialog (Electron): the data folder opened at the next start, or null. */
  chooseDataFolder?: () => Promise<string | null>;
  /** Opens a consent page (OAuth); absent: the system's default browser. */
  openUrl?: (url: string) => Promise<void>;
}

export interface HandlerDeps {
  postier: Postier;
  shell: ShellServices;
  events: EventBus;
  staged: StagedFiles;
  sending: SendRunner;
}

/** The handlers of some operations, by their names. */
export type HandlersFor<Name extends keyof Handlers> = Pick<Handlers, Name>;
