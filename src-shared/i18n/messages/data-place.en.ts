// Where this workstation's office data is (Settings > This workstation), English.
import type { dataPlaceFr } from './data-place.fr.js';

export const dataPlaceEn: Record<keyof typeof dataPlaceFr, string> = {
  'error.place.tooLong': 'This is too long: {max} characters at most.',
  'error.place.empty': 'Give a folder or the address of a PostgreSQL server.',
  'error.place.relative':
    'Give the folder’s full path (for example C:\\Postier or \\\\server\\share\\Postier).',
  'error.place.badUrl':
    'This server address cannot be read. Expected form: postgres://user@server:5432/database',
  'error.place.option': 'The option “{name}” is not supported in the address: only sslmode is.',
  'error.place.sslmode':
    'Unknown sslmode “{value}”: choose disable, require, verify-ca or verify-full.',
  'error.place.passwordNotKept':
    'The server did not accept the password written in the address: nothing was saved. Remove it from the address, test the connection and type the password when Postier asks for it.',
  'ui.settings.place': 'Data location',
  'ui.settings.placeHint':
    'A folder (on a network drive, for example) or a PostgreSQL server: postgres://user@server:5432/database?sslmode=require. No password in the address.',
  'ui.settings.placeNow': 'Open now: {place}',
  'ui.settings.place.test': 'Test the connection',
  'ui.settings.place.save': 'Save for the next start',
  'ui.settings.place.saved':
    'Saved. Postier will open “{place}” the next time it starts on this workstation: close Postier and open it again.',
  'ui.settings.place.savedSame': 'Saved: this is already the open location.',
  'ui.settings.place.password': 'Server password',
  'ui.settings.place.passwordHint':
    'Typed once: kept in this workstation’s password vault, never in a Postier file.',
  'ui.settings.place.tryPassword': 'Try and keep',
  'ui.settings.place.passwordSaved': 'Password accepted and kept in this workstation’s vault.',
  'ui.settings.place.outcome.folderReady': 'This folder already holds a Postier office’s data.',
  'ui.settings.place.outcome.folderNew':
    'This folder has no Postier data yet: it will be created there at the next start.',
  'ui.settings.place.outcome.folderUnusable':
    'Postier cannot write in this folder ({detail}). Choose another one or ask for access.',
  'ui.settings.place.outcome.ready': 'The server answers and this database is a Postier office’s.',
  'ui.settings.place.outcome.empty':
    'The server answers and the database is empty: Postier will set it up at the next start.',
  'ui.settings.place.outcome.foreign':
    'The server answers, but this database already holds other tables ({detail}): it is not a Postier database. Choose an empty one or your office’s.',
  'ui.settings.place.outcome.passwordMissing':
    'The server answers and asks for a password for “{detail}”, which this workstation does not have. Type it below.',
  'ui.settings.place.outcome.passwordRefused':
    'The server answers but refuses this password for “{detail}”. Check it and try again.',
  'ui.settings.place.outcome.noDatabase':
    'The server answers, but the database “{detail}” does not exist. Ask your IT person to create it.',
  'ui.settings.place.outcome.unreachable':
    'The server does not answer ({detail}). Check the address and port, and that this workstation is on the office’s network (VPN).',
  'ui.settings.place.outcome.refused': 'The server answers but refuses the connection: {detail}',
};
