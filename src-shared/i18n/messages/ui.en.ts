import { uiCommonEn } from './ui/common.en.js';
import { uiDossiersEn } from './ui/dossiers.en.js';
import { uiJournalEn } from './ui/journal.en.js';
import { uiSendEn } from './ui/send.en.js';
import { uiOutboxEn } from './ui/outbox.en.js';
import { uiImportEn } from './ui/import.en.js';
import { uiSettingsEn } from './ui/settings.en.js';
import { uiMethodsEn } from './ui/methods.en.js';
import { uiSendingModelEn } from './ui/sending-model.en.js';
import type { uiFr } from './ui.fr.js';

export const uiEn: Record<keyof typeof uiFr, string> = {
  ...uiCommonEn,
  ...uiDossiersEn,
  ...uiJournalEn,
  ...uiSendEn,
  ...uiOutboxEn,
  ...uiImportEn,
  ...uiSettingsEn,
  ...uiMethodsEn,
  ...uiSendingModelEn,
};
