// Contract entries for where this workstation's office data is (Paramètres > Ce poste): a
// data folder or a PostgreSQL server's URL, tried and kept for the next start.
import { z } from 'zod';
import { defineOperation } from './operation.js';
import { text } from './primitives.js';

export const DATA_PLACE_OUTCOMES = [
  /** A folder that holds an office's data already. */
  'folderReady',
  /** A folder without Postier's data yet (or not there yet): created at the next start. */
  'folderNew',
  'folderUnusable',
  /** The server answers and the database is a Postier database. */
  'ready',
  /** The server answers, the database has no table: Postier sets it up at the next start. */
  'empty',
  /** The server answers, the database holds other tables: not Postier's. */
  'foreign',
  'passwordMissing',
  'passwordRefused',
  'noDatabase',
  'unreachable',
  'refused',
] as const;

export const dataPlaceCheckSchema = z.object({
  /** The place as it would be kept: a normalized folder, or the URL without any password. */
  place: z.string(),
  outcome: z.enum(DATA_PLACE_OUTCOMES),
  /** The login, database, error code or server's words the outcome's sentence names. */
  detail: z.string().optional(),
  /** A password (typed, or taken out of the URL) was accepted and kept in the credential store. */
  passwordSaved: z.boolean(),
});
export type DataPlaceCheck = z.infer<typeof dataPlaceCheckSchema>;

export const dataPlaceOperations = [
  /** "Tester la connexion"; `password` when the user typed the server's password once. */
  defineOperation(
    'prefs.testDataPlace',
    z.strictObject({ place: text(1000), password: text(1000).optional() }),
    dataPlaceCheckSchema,
  ),
  /** Keeps the place for the next start of this workstation. */
  defineOperation(
    'prefs.saveDataPlace',
    z.strictObject({ place: text(1000) }),
    z.object({ place: z.string(), restartNeeded: z.boolean() }),
  ),
] as const;
