// The e-mail template a structure uses for a type of document, when the office changed
// Postier's default in Paramètres: kept in the shared settings (every workstation sees it).
import type { DocumentTypeCode } from '../../src-shared/domain/document-types.js';
import type { Language } from '../../src-shared/i18n/catalog.js';
import type { Db } from '../db/connection.js';
import { readSetting, writeSetting } from '../db/settings-queries.js';
import { defaultTemplate } from '../email-templates/default-templates.js';

export interface StoredTemplate {
  subject: string;
  text: string;
  html: string | null;
  isDefault: boolean;
}

const settingKey = (structureId: number, type: DocumentTypeCode) =>
  `email.template.${structureId}.${type}`;

export async function readTemplate(
  db: Db,
  structureId: number,
  type: DocumentTypeCode,
  language: Language,
): Promise<StoredTemplate> {
  const saved = await readSetting<Omit<StoredTemplate, 'isDefault'> | null>(
    db,
    settingKey(structureId, type),
    null,
  );
  if (saved) return { ...saved, isDefault: false };
  const fallback = defaultTemplate(type, language);
  return {
    subject: fallback.subject,
    text: fallback.text,
    html: fallback.html ?? null,
    isDefault: true,
  };
}

/** Saves the office's own template; null goes back to the default. */
export async function saveTemplate(
  db: Db,
  structureId: number,
  type: DocumentTypeCode,
  template: { subject: string; text: string; html: string | null } | null,
): Promise<void> {
  await writeSetting(db, settingKey(structureId, type), template);
}
