// The application itself: who and where, workstation preferences, files chosen by the user.
import type { appOperations } from '../../../src-shared/contract/app.js';
import { UserError } from '../../../src-shared/errors.js';
import { placeOf } from '../../db/data-place.js';
import { currentActor } from '../../workstation/identity.js';
import type { HandlerDeps, HandlersFor } from './handler-deps.js';

type Name = (typeof appOperations)[number]['name'];

export function appHandlers({ postier, shell, staged }: HandlerDeps): HandlersFor<Name> {
  return {
    'app.info': async () => ({
      version: shell.version,
      nativeMenus: shell.nativeMenus,
      nativeFileDialogs: shell.pickFiles !== undefined,
      dataFolder: placeOf(postier.location),
      ...currentActor(),
    }),
    'prefs.get': async () => shell.preferences.read(),
    'prefs.set': async (patch) => shell.preferences.update(patch),
    'prefs.chooseDataFolder': async () => {
      if (!shell.chooseDataFolder) throw new UserError('ui.error.fileDialogUnavailable');
      const chosen = await shell.chooseDataFolder();
      return {
        dataFolder: chosen,
        restartNeeded: chosen !== null && chosen !== placeOf(postier.location),
      };
    },
    'files.pick': async ({ purpose, multiple }) => {
      if (!shell.pickFiles) throw new UserError('ui.error.fileDialogUnavailable');
      const paths = await shell.pickFiles(purpose, multiple ?? false);
      return { files: paths.map((file) => staged.stagePath(file)) };
    },
    'files.upload': async ({ name, base64 }) =>
      staged.stageBytes(name, Buffer.from(base64, 'base64')),
  };
}
