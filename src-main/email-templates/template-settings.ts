// The e-mail template a structure uses for a type of document: the office's own, saved in
// Paramètres (or with `postier templates set`), else Postier's default. Kept in the shared
// settings, so every workstation and every door (the window, `send prepare`, `watch
// --queue`, the preparation thread) sends the same one. A template is checked when it is
// saved exactly as a send checks it: an unknown field is refused, naming it.
import type { DocumentTypeCode } from '../../src-shared/domain/document-types.js';
import type { Language } from '../../src-shared/i18n/catalog.js';
import { UserError } from '../../src-shared/errors.js';
import type { Db } from '../db/connection.js';
import { readSetting, writeSetting } from '../db/settings-queries.js';
import { listDossierExtras } from '../db/template-field-queries.js';
import type { RecordsService } from '../records/records-service.js';
import { defaultTemplate } from './default-templates.js';
import { compileEmailTemplate } from './email-template.js';
import { parseExtra, templateFieldNames } from './template-fields.js';

export interface StoredTemplate {
  subject: string;
  text: string;
  html: string | null;
  /** True: Postier's default (the office saved none for this type). */
  isDefault: boolean;
}

export interface TemplateInput {
  subject: string;
  text: string;
  /** Null: the HTML body is the text, in paragraphs. */
  html: string | null;
}

const settingKey = (structureId: number, type: DocumentTypeCode) =>
  `email.template.${structureId}.${type}`;

export class TemplateSettings {
  constructor(
    private readonly db: Db,
    private readonly records: RecordsService,
  ) {}

  /** The fields a template may use for a structure's dossiers: for the template editor. */
  async fields(structureId?: number): Promise<string[]> {
    const structure = await this.records.chooseStructure(structureId);
    const extras = await listDossierExtras(this.db, structure.id);
    return templateFieldNames(extras.flatMap((json) => Object.keys(parseExtra(json))));
  }

  /** The office's template for the type, else the default in `language`. */
  async read(
    structureId: number,
    type: DocumentTypeCode,
    language: Language,
  ): Promise<StoredTemplate> {
    const saved = await readSetting<TemplateInput | null>(
      this.db,
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

  /**
   * Saves the office's own template, checked first as a send checks it (an unknown field,
   * a syntax error, an HTML body without its text are refused and nothing is saved).
   */
  async save(structureId: number, type: DocumentTypeCode, template: TemplateInput): Promise<void> {
    if (template.subject.trim() === '')
      throw new UserError('error.field.required', { field: 'objet' });
    if (template.text.trim() === '')
      throw new UserError('error.field.required', { field: 'texte' });
    const html = template.html?.trim() ? template.html : null;
    compileEmailTemplate({ ...template, html }, await this.fields(structureId));
    await writeSetting(this.db, settingKey(structureId, type), { ...template, html });
  }

  /** Back to Postier's default for the type. */
  async reset(structureId: number, type: DocumentTypeCode): Promise<void> {
    await writeSetting(this.db, settingKey(structureId, type), null);
  }
}
