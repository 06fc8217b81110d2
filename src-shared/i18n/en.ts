import { coreEn } from './messages/core.en.js';
import { databaseEn } from './messages/database.en.js';
import { dataPlaceEn } from './messages/data-place.en.js';
import { dbMoveEn } from './messages/db-move.en.js';
import { familyLanguageEn } from './messages/family-language.en.js';
import { fileLimitsEn } from './messages/file-limits.en.js';
import { hardeningUiEn } from './messages/hardening-ui.en.js';
import { importEn } from './messages/import.en.js';
import { mailEn } from './messages/mail.en.js';
import { methodsEn } from './messages/methods.en.js';
import { notificationsEn } from './messages/notifications.en.js';
import { postgresEn } from './messages/postgres.en.js';
import { outageEn } from './messages/outage.en.js';
import { outboxEn } from './messages/outbox.en.js';
import { queueTruthEn } from './messages/queue-truth.en.js';
import { recordsInputEn } from './messages/records-input.en.js';
import { robotEn } from './messages/robot.en.js';
import { senderIdentityEn } from './messages/sender-identity.en.js';
import { sendingEn } from './messages/sending.en.js';
import { templatesHelpEn } from './messages/templates-help.en.js';
import { scheduleEn } from './messages/schedule.en.js';
import { uiEn } from './messages/ui.en.js';
import { uiBulkWarningsEn } from './messages/ui/bulk-warnings.en.js';
import type { MessageKey } from './fr.js';

export const en: Record<MessageKey, string> = {
  ...coreEn,
  ...databaseEn,
  ...dataPlaceEn,
  ...dbMoveEn,
  ...familyLanguageEn,
  ...mailEn,
  ...methodsEn,
  ...sendingEn,
  ...senderIdentityEn,
  ...outboxEn,
  ...queueTruthEn,
  ...outageEn,
  ...postgresEn,
  ...notificationsEn,
  ...importEn,
  ...fileLimitsEn,
  ...hardeningUiEn,
  ...recordsInputEn,
  ...robotEn,
  ...uiEn,
  ...uiBulkWarningsEn,
  ...templatesHelpEn,
  ...scheduleEn,
};
