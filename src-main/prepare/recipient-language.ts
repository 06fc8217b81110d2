// The language each message of a bulk send is written in: the correspondent's own when set,
// else the dossier's (French unless the office said otherwise). Never the language of the
// screen, the CLI or the office: a clerk working in French writes to an English-speaking
// family in English, and the reverse.
import {
  DEFAULT_FAMILY_LANGUAGE,
  isFamilyLanguage,
} from '../../src-shared/domain/family-language.js';
import type { Language } from '../../src-shared/i18n/catalog.js';
import type { ReceivingCorrespondentRow } from '../db/outbox-prepare-queries.js';
import type { DocumentRow } from './plan.js';
import type { PrepareInput } from './prepare-input.js';
import type { Recipient } from './recipients.js';

type LanguageRows = Pick<ReceivingCorrespondentRow, 'id' | 'language'>[];

/** The language of one message: its correspondent's, else its dossier's. */
export function recipientLanguage(
  document: Pick<DocumentRow, 'dossier_language'>,
  recipient: Pick<Recipient, 'correspondentId'>,
  correspondents: LanguageRows | undefined,
): Language {
  const own = correspondents?.find((c) => c.id === recipient.correspondentId)?.language;
  if (isFamilyLanguage(own)) return own;
  return isFamilyLanguage(document.dossier_language)
    ? document.dossier_language
    : DEFAULT_FAMILY_LANGUAGE;
}

/** Every language a batch may write in: its dossiers' and their correspondents'. */
export function batchLanguages(
  documents: Pick<DocumentRow, 'dossier_language'>[],
  correspondents: Iterable<LanguageRows>,
): Set<Language> {
  const languages = new Set<Language>();
  for (const d of documents) {
    languages.add(isFamilyLanguage(d.dossier_language) ? d.dossier_language : 'fr');
  }
  for (const rows of correspondents) {
    for (const c of rows) if (isFamilyLanguage(c.language)) languages.add(c.language);
  }
  return languages;
}

/** The key of a batch's compiled templates: one per document type and language. */
export function templateKey(typeCode: string, language: Language): string {
  return `${typeCode}.${language}`;
}

type OwnTexts = Pick<PrepareInput, 'subject' | 'textBody' | 'htmlBody'>;

/**
 * The send's own subject and bodies, without those that are the type's template as the
 * window showed it (in the structure's language): a text left as it was is "the type's
 * template", so each family gets it in its own language; a text the user wrote goes to all.
 */
export function ownTexts(
  input: OwnTexts,
  shown: { subject: string; text: string; html: string | null },
): OwnTexts {
  const same = (given: string | undefined, template: string | null) =>
    given !== undefined && template !== null && lines(given) === lines(template);
  const textIsTemplate = same(input.textBody, shown.text);
  return {
    ...(!same(input.subject, shown.subject) && { subject: input.subject }),
    ...(!textIsTemplate && { textBody: input.textBody }),
    // The template's HTML goes with its text only.
    ...(!textIsTemplate && !same(input.htmlBody, shown.html) && { htmlBody: input.htmlBody }),
  };
}

const lines = (text: string) => text.replace(/\r\n?/g, '\n').trim();
