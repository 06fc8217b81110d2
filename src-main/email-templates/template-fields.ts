// The fields an e-mail template may use ({{personne}}, {{periode}}...) and their values for
// one message. The SIN is not among them: it may open a PDF, never appear in an e-mail.
import { languageOf } from '../../src-shared/i18n/catalog.js';
import { formatDate, formatPeriod } from '../../src-shared/format/dates.js';
import { formatMoney } from '../../src-shared/format/money.js';

import {
  FORBIDDEN_FIELDS,
  STANDARD_FIELDS,
  type StandardField,
} from '../../src-shared/domain/template-fields.js';

export { FORBIDDEN_FIELDS, STANDARD_FIELDS, type StandardField };

/** Field name → value, always a string ('' when the record has none). */
export type TemplateContext = Record<string, string>;

/** The names a template may use: the standard fields, then the dossiers' extra fields. */
export function templateFieldNames(extraKeys: Iterable<string> = []): string[] {
  const names: string[] = [...STANDARD_FIELDS];
  const standard = new Set<string>(STANDARD_FIELDS);
  const extras = [...new Set(extraKeys)]
    .filter((key) => !standard.has(key) && !FORBIDDEN_FIELDS.has(key) && key.trim() !== '')
    .sort((a, b) => a.localeCompare(b, 'fr'));
  return [...names, ...extras];
}

export interface ContextSource {
  structure: { name: string; locale: string };
  /**
   * The locale the recipient reads (their family's language in the structure's country):
   * dates and amounts are written in it. The structure's when absent.
   */
  locale?: string;
  dossier: {
    number: string;
    title: string | null;
    firstName: string;
    lastName: string;
    displayName: string;
    /** Free fields; a standard name always wins over an extra field of the same name. */
    extra: Record<string, string>;
  };
  document: {
    number: string;
    period: string;
    amountCents: number;
    currency: string;
    dueDate: string | null;
  };
  /** The document type's name in the recipient's language. */
  typeName: string;
  recipientName: string;
  senderName: string;
}

export function buildTemplateContext(source: ContextSource): TemplateContext {
  const { structure, dossier, document } = source;
  const locale = source.locale ?? structure.locale;
  const context: TemplateContext = {};
  for (const [key, value] of Object.entries(dossier.extra)) {
    if (!FORBIDDEN_FIELDS.has(key)) context[key] = String(value ?? '');
  }
  const standard: Record<StandardField, string> = {
    personne: dossier.displayName,
    periode: formatPeriod(document.period, locale),
    numero: document.number,
    montant: formatMoney(document.amountCents, document.currency, locale),
    echeance: document.dueDate ? formatDate(document.dueDate, locale) : '',
    type: source.typeName,
    titre: dossier.title ?? '',
    nom: dossier.lastName,
    prenom: dossier.firstName,
    dossier: dossier.number,
    destinataire: source.recipientName,
    etablissement: structure.name,
    expediteur: source.senderName,
  };
  return Object.assign(context, standard);
}

/** The name of a document type as a recipient reading `locale` reads it. */
export function typeNameFor(locale: string, type: { name_fr: string; name_en: string }): string {
  return languageOf(locale) === 'en' ? type.name_en : type.name_fr;
}

/** A dossier's free fields (dossiers.extra, JSON) as strings; anything unreadable is none. */
export function parseExtra(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]),
    );
  } catch {
    return {};
  }
}
