// Messages for screens, menus, dialogs, French: the reference, one file per screen in ui/.
import { uiCommonFr } from './ui/common.fr.js';
import { uiDossiersFr } from './ui/dossiers.fr.js';
import { uiJournalFr } from './ui/journal.fr.js';
import { uiSendFr } from './ui/send.fr.js';
import { uiOutboxFr } from './ui/outbox.fr.js';
import { uiImportFr } from './ui/import.fr.js';
import { uiSettingsFr } from './ui/settings.fr.js';
import { uiMethodsFr } from './ui/methods.fr.js';
import { uiSendingModelFr } from './ui/sending-model.fr.js';

export const uiFr = {
  ...uiCommonFr,
  ...uiDossiersFr,
  ...uiJournalFr,
  ...uiSendFr,
  ...uiOutboxFr,
  ...uiImportFr,
  ...uiSettingsFr,
  ...uiMethodsFr,
  ...uiSendingModelFr,
} as const;
