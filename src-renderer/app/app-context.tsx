// What every screen uses: translations, the chosen structure, lookups, messages to the user,
// and the command bus that menus, toolbars and shortcuts share.
import { createContext, useContext, useEffect, useRef } from 'react';
import type { z } from 'zod';
import type { appInfoSchema } from '../../src-shared/contract/app.js';
import type { MenuCommand } from '../../src-shared/contract/menus.js';
import type { DocumentType } from '../../src-shared/domain/documents.js';
import type { Structure } from '../../src-shared/domain/records.js';
import type { MessageStatus } from '../../src-shared/domain/statuses.js';
import type { Language, MessageKey } from '../../src-shared/i18n/catalog.js';

export type AppInfo = z.output<typeof appInfoSchema>;
export type ScreenId = 'dossiers' | 'journal' | 'outbox' | 'settings';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface AppServices {
  info: AppInfo;
  language: Language;
  /** Locale for dates and amounts ("fr-CA", "en-CA"). */
  locale: string;
  t: Translate;
  setLanguage(language: Language): void;
  structures: Structure[];
  structureId: number | null;
  setStructureId(id: number): void;
  reloadStructures(): Promise<void>;
  documentTypes: DocumentType[];
  /** After a type's password rule or watermark changed (Paramètres). */
  setDocumentTypes(types: DocumentType[]): void;
  screen: ScreenId;
  navigate(screen: ScreenId, focus?: NavigationFocus): void;
  /** What the screen should show first after navigate() (a dossier, a document). */
  focus: NavigationFocus | null;
  /** A message box for a failure: the sentence the main side gave, or a generic one. */
  showError(error: unknown): void;
  /** A short confirmation at the corner of the window. */
  notify(message: string, intent?: 'success' | 'info' | 'warning'): void;
  setStatus(text: string | null): void;
  commands: CommandBus;
}

export type NavigationFocus = {
  dossierId?: number;
  documentId?: number;
  /** Suivi des envois opened on one batch (a bulk send), some statuses only if given. */
  outbox?: { batchId: number; statuses?: MessageStatus[] };
};

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside AppContext');
  return services;
}

type CommandHandler = () => void;

/** Menu items, toolbar buttons and shortcuts all end here; the active screen answers. */
export class CommandBus {
  private readonly handlers = new Map<MenuCommand, CommandHandler[]>();

  register(command: MenuCommand, handler: CommandHandler): () => void {
    const stack = this.handlers.get(command) ?? [];
    stack.push(handler);
    this.handlers.set(command, stack);
    return () => {
      const current = this.handlers.get(command) ?? [];
      this.handlers.set(
        command,
        current.filter((h) => h !== handler),
      );
    };
  }

  /** True when someone handled it. The latest registration (the innermost screen) wins. */
  run(command: MenuCommand): boolean {
    const stack = this.handlers.get(command);
    const handler = stack?.[stack.length - 1];
    if (!handler) return false;
    handler();
    return true;
  }

  has(command: MenuCommand): boolean {
    return (this.handlers.get(command)?.length ?? 0) > 0;
  }
}

/** Answers a command while the component is shown. */
export function useCommand(command: MenuCommand, handler: CommandHandler, enabled = true): void {
  const { commands } = useApp();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!enabled) return undefined;
    return commands.register(command, () => latest.current());
  }, [commands, command, enabled]);
}

/** The status bar's text while the component is shown (cleared when it goes). */
export function useStatusText(text: string): void {
  const { setStatus } = useApp();
  useEffect(() => setStatus(text), [setStatus, text]);
  useEffect(() => () => setStatus(null), [setStatus]);
}
