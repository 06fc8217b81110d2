// Paramètres > Types de documents: a type's password rule ("{{nas}}"), the password used when
// a dossier lacks what the rule needs (000000000 in the tax-slip seed), and the watermark of
// its drafts. Checked before anything is written; a change made meanwhile on another
// workstation is refused, not overwritten.
import { DOCUMENT_TYPE_CODES } from '../../src-shared/domain/document-types.js';
import type { DocumentType, DocumentTypeSettings } from '../../src-shared/domain/documents.js';
import { UserError } from '../../src-shared/errors.js';
import { hasControlCharacters } from '../../src-shared/validation/single-line.js';
import type { Db } from '../db/connection.js';
import * as q from '../db/documents-queries.js';
import { templateFieldNames } from '../email-templates/template-fields.js';
import { PasswordRule } from './password-rule.js';
import { toDocumentType } from './documents-service.js';

const LIMITS = { passwordRule: 200, passwordFallback: 40, watermark: 120 } as const;

export class DocumentTypesService {
  constructor(private readonly db: Db) {}

  async update(code: string, version: number, patch: DocumentTypeSettings): Promise<DocumentType> {
    const current = await q.findDocumentType(this.db, code);
    if (!current) {
      throw new UserError('error.documentType.unknown', {
        type: code,
        types: DOCUMENT_TYPE_CODES.join(', '),
      });
    }
    const type = current.name_fr;
    const rule = cleaned('passwordRule', patch.passwordRule, type);
    const fallback = cleaned('passwordFallback', patch.passwordFallback, type);
    const watermark = cleaned('watermark', patch.watermark, type);
    if (fallback && /\s/.test(fallback))
      throw new UserError('error.documentType.fallbackSpaces', { type });
    const nextRule = rule === undefined ? current.password_rule : rule;
    if (nextRule) {
      PasswordRule.compile(
        type,
        nextRule,
        fallback === undefined ? current.password_fallback : fallback,
        templateFieldNames(await this.extraFieldNames()),
      );
    }
    const changed = await q.updateDocumentTypeSettings(this.db, code, version, {
      ...(rule !== undefined && { password_rule: rule }),
      ...(fallback !== undefined && { password_fallback: fallback }),
      ...(watermark !== undefined && { watermark }),
    });
    if (!changed) throw new UserError('error.record.stale', { record: 'type de document' });
    return toDocumentType((await q.findDocumentType(this.db, code))!);
  }

  /** The dossiers' free fields: a rule may use them too (a birth date, a client code). */
  private async extraFieldNames(): Promise<string[]> {
    return (await q.listDossierExtras(this.db)).flatMap((json) => {
      try {
        const value: unknown = JSON.parse(json);
        return value && typeof value === 'object' && !Array.isArray(value)
          ? Object.keys(value)
          : [];
      } catch {
        return [];
      }
    });
  }
}

/** undefined: not changed; null: cleared; else one line, trimmed, within its limit. */
function cleaned(
  field: keyof typeof LIMITS,
  value: string | null | undefined,
  type: string,
): string | null | undefined {
  if (value === undefined) return undefined;
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (hasControlCharacters(text) || text.length > LIMITS[field])
    throw new UserError(`error.documentType.text.${field}`, { type, max: LIMITS[field] });
  return text;
}
