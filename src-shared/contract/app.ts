// Contract entries for the application itself: what runs it, workstation preferences, files.
import { z } from 'zod';
import { defineOperation } from './operation.js';
import { emptyInput, text } from './primitives.js';

export const LANGUAGES = ['fr', 'en'] as const;
export const language = z.enum(LANGUAGES);

export const appInfoSchema = z.object({
  version: z.string(),
  /** Menus drawn by the window itself (Electron) rather than by the page. */
  nativeMenus: z.boolean(),
  /** Files are chosen in the system's dialog (files.pick) rather than uploaded. */
  nativeFileDialogs: z.boolean(),
  dataFolder: z.string(),
  user: z.string(),
  workstation: z.string(),
});

/** Per-workstation preferences (the shared ones live in the database). */
export const preferencesSchema = z.object({
  language,
  /** A sending method code (see mail accounts), or null for the account's own. */
  defaultSendMethod: z.string().nullable(),
  /** The data folder this workstation opens (may be on a network drive). */
  dataFolder: z.string(),
});

export const stagedFileSchema = z.object({
  /** An opaque reference to a file the main side holds; never a path. */
  ref: z.string(),
  name: z.string(),
  size: z.int().min(0),
});

/** Files are at most 25 MB; base64 makes that a third larger. */
const MAX_UPLOAD_BASE64 = Math.ceil((25 * 1024 * 1024 * 4) / 3) + 4;

export const appOperations = [
  defineOperation('app.info', emptyInput, appInfoSchema),
  defineOperation('prefs.get', emptyInput, preferencesSchema),
  defineOperation(
    'prefs.set',
    z.strictObject({
      language: language.optional(),
      defaultSendMethod: text(40).nullable().optional(),
    }),
    preferencesSchema,
  ),
  /** Chooses another data folder in the system's dialog (Electron); used at the next start. */
  defineOperation(
    'prefs.chooseDataFolder',
    emptyInput,
    z.object({ dataFolder: z.string().nullable(), restartNeeded: z.boolean() }),
  ),
  /** Opens the system's file dialog (Electron); the host answers that it cannot. */
  defineOperation(
    'files.pick',
    z.strictObject({ purpose: z.enum(['attachment', 'import']), multiple: z.boolean().optional() }),
    z.object({ files: z.array(stagedFileSchema) }),
  ),
  /** A file chosen in the page (browser): its bytes are kept by the main side. */
  defineOperation(
    'files.upload',
    z.strictObject({ name: text(255), base64: z.string().max(MAX_UPLOAD_BASE64) }),
    stagedFileSchema,
  ),
] as const;
