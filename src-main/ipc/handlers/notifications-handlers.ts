// Paramètres > Notifications: thin adapters over NotificationSettingsStore; each answers with
// the structure's settings as they now are.
import type { notificationsOperations } from '../../../src-shared/contract/notifications.js';
import type { HandlerDeps, HandlersFor } from './handler-deps.js';

type Name = (typeof notificationsOperations)[number]['name'];

export function notificationsHandlers({ postier }: HandlerDeps): HandlersFor<Name> {
  const store = postier.notifications;
  return {
    'notifications.get': ({ structureId }) => store.settings(structureId),
    'notifications.setChoice': async ({ structureId, event, mode, staffIds, addresses }) => {
      await store.setChoice(structureId, event, {
        mode,
        ...(staffIds && { staffIds }),
        ...(addresses && { addresses }),
      });
      return store.settings(structureId);
    },
    'notifications.saveStaff': async ({ structureId, name, email, language }) => {
      await store.saveStaff(structureId, { name, email: email ?? null, language });
      return store.settings(structureId);
    },
    'notifications.setManager': async ({ structureId, staffId }) => {
      await store.setManager(structureId, staffId);
      return store.settings(structureId);
    },
  };
}
