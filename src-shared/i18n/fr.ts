// French catalog: the reference. Each part lives in messages/ so that each capability
// keeps its own texts; every French key must exist in English (the types check it).
import { coreFr } from './messages/core.fr.js';
import { databaseFr } from './messages/database.fr.js';
import { dataPlaceFr } from './messages/data-place.fr.js';
import { dbMoveFr } from './messages/db-move.fr.js';
import { familyLanguageFr } from './messages/family-language.fr.js';
import { fileLimitsFr } from './messages/file-limits.fr.js';
import { hardeningUiFr } from './messages/hardening-ui.fr.js';
import { importFr } from './messages/import.fr.js';
import { mailFr } from './messages/mail.fr.js';
import { methodsFr } from './messages/methods.fr.js';
import { notificationsFr } from './messages/notifications.fr.js';
import { postgresFr } from './messages/postgres.fr.js';
import { outageFr } from './messages/outage.fr.js';
import { outboxFr } from './messages/outbox.fr.js';
import { queueTruthFr } from './messages/queue-truth.fr.js';
import { recordsInputFr } from './messages/records-input.fr.js';
import { robotFr } from './messages/robot.fr.js';
import { senderIdentityFr } from './messages/sender-identity.fr.js';
import { sendingFr } from './messages/sending.fr.js';
import { templatesHelpFr } from './messages/templates-help.fr.js';
import { scheduleFr } from './messages/schedule.fr.js';
import { uiFr } from './messages/ui.fr.js';
import { uiBulkWarningsFr } from './messages/ui/bulk-warnings.fr.js';

export const fr = {
  ...coreFr,
  ...databaseFr,
  ...dataPlaceFr,
  ...dbMoveFr,
  ...familyLanguageFr,
  ...mailFr,
  ...methodsFr,
  ...sendingFr,
  ...senderIdentityFr,
  ...outboxFr,
  ...queueTruthFr,
  ...outageFr,
  ...postgresFr,
  ...notificationsFr,
  ...importFr,
  ...fileLimitsFr,
  ...hardeningUiFr,
  ...recordsInputFr,
  ...robotFr,
  ...uiFr,
  ...uiBulkWarningsFr,
  ...templatesHelpFr,
  ...scheduleFr,
} as const;

export type MessageKey = keyof typeof fr;
