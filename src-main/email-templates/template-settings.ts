// The e-mail template a structure uses for a type of document in one language (the language
// of the family it is written to): the office's own, saved in Paramètres (or with `postier
// templates set`), else Postier's default in that language. Kept in the shared settings, so
// every workstation and every door (the window, `send prepare`, `watch --queue`, the
// preparation thread) sends the same one. A template is checked when it is saved exactly as
// a send checks it: an unknown field is refused, naming it and the field meant. Keywords of
// the products offices come from (&personne, {Adr_Nom}) are converted when saved, each
// conversion returned for a notice, or refused naming the field to use. Without a language,
// a door means the structure's own language — never the language of the screen it was
// asked from. The structure's signature (signature-settings.ts) ends every message.
import type { DocumentTypeCode } from '../../src-shared/domain/document-types.js';
import { languageOf, type Language } from '../../src-shared/i18n/catalog.js';
import {
  convertLegacyKeywords,
  type LegacyConversion,
} from '../../src-shared/domain/legacy-keywords.js';
import { fieldExample } from '../../src-shared/domain/template-words.js';
import { UserError } from '../../src-shared/errors.js';
import type { Db } from '../db/connection.js';
import { readSetting, writeSetting } from '../db/settings-queries.js';
import { listDossierExtras } from '../db/template-field-queries.js';
import type { RecordsService } from '../records/records-service.js';
import { defaultTemplate } from './default-templates.js';
import { compileEmailTemplate, legacyRefusal, type RenderedEmail } from './email-template.js';
import type { Signature } from './signature.js';
import { readSignature } from './signature-settings.js';
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

/** Per language since migration 0005, which gave the templates saved before theirs. */
const settingKey = (structureId: number, type: DocumentTypeCode, language: Language) =>
  `email.template.${structureId}.${type}.${language}`;

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

  /** The office's template for the type in `language`, else Postier's default in it. */
  async read(
    structureId: number,
    type: DocumentTypeCode,
    language?: Language,
  ): Promise<StoredTemplate> {
    const chosen = language ?? (await this.structureLanguage(structureId));
    const saved = await readSetting<TemplateInput | null>(
      this.db,
      settingKey(structureId, type, chosen),
      null,
    );
    if (saved) return { ...saved, isDefault: false };
    const fallback = defaultTemplate(type, chosen);
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
  async save(
    structureId: number,
    type: DocumentTypeCode,
    template: TemplateInput,
    language?: Language,
  ): Promise<{ conversions: LegacyConversion[] }> {
    if (template.subject.trim() === '')
      throw new UserError('error.field.required', { field: 'objet' });
    if (template.text.trim() === '')
      throw new UserError('error.field.required', { field: 'texte' });
    const fields = await this.fields(structureId);
    const conversions: LegacyConversion[] = [];
    const convert = (source: string) => {
      const result = convertLegacyKeywords(source, fields);
      const [unknown] = result.unknown;
      if (unknown) throw legacyRefusal(unknown.keyword, unknown.suggestion, fields);
      conversions.push(...result.conversions);
      return result.source;
    };
    const converted = {
      subject: convert(template.subject),
      text: convert(template.text),
      html: template.html?.trim() ? convert(template.html) : null,
    };
    compileEmailTemplate(converted, fields);
    const chosen = language ?? (await this.structureLanguage(structureId));
    await writeSetting(this.db, settingKey(structureId, type, chosen), converted);
    return { conversions };
  }

  /**
   * The template as a family would read it, with example values in `language` (the
   * structure's by default: "Mme Germaine Allard", "October 2026") and the structure's
   * signature: the settings page's preview.
   */
  async sample(
    structureId: number,
    template: TemplateInput,
    familyLanguage?: Language,
  ): Promise<RenderedEmail> {
    const structure = await this.records.getStructure(structureId);
    const language = familyLanguage ?? languageOf(structure.locale);
    const fields = await this.fields(structureId);
    const html = template.html?.trim() ? template.html : null;
    const compiled = compileEmailTemplate(
      { ...template, html },
      fields,
      await this.signature(structureId),
    );
    const context = Object.fromEntries(
      fields.map((field) => [field, fieldExample(language, field) ?? `[${field}]`]),
    );
    return compiled.render({ ...context, etablissement: structure.name });
  }

  /** The signature that ends the structure's messages, or null when it has none. */
  async signature(structureId: number): Promise<Signature | null> {
    const structure = await this.records.getStructure(structureId);
    return readSignature(this.db, structureId, structure.name);
  }

  /** Back to Postier's default for the type in `language`. */
  async reset(structureId: number, type: DocumentTypeCode, language?: Language): Promise<void> {
    const chosen = language ?? (await this.structureLanguage(structureId));
    await writeSetting(this.db, settingKey(structureId, type, chosen), null);
  }

  private async structureLanguage(structureId: number): Promise<Language> {
    return languageOf((await this.records.getStructure(structureId)).locale);
  }
}
