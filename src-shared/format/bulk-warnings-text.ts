// The bulk send's warnings and exclusion reasons as sentences: what `postier send prepare`
// prints, and the words the dialog uses around its links.
import type { BulkWarnings } from '../domain/bulk-warnings.js';
import type { ExcludedDossier } from '../domain/outbox.js';
import { translate, type Language, type MessageKey } from '../i18n/catalog.js';

/** "1,5 Mo" in French, "1.5 MB" in English. */
export function megabytes(bytes: number, language: Language): string {
  const value = new Intl.NumberFormat(language === 'en' ? 'en-CA' : 'fr-CA', {
    maximumFractionDigits: 1,
  }).format(bytes / (1024 * 1024));
  return `${value} ${language === 'en' ? 'MB' : 'Mo'}`;
}

/** Why a dossier is left out, in the clerk's words: the planner's detail said plainly. */
export function exclusionReason(excluded: Pick<ExcludedDossier, 'reason' | 'detail'>): {
  key: MessageKey;
  params: Record<string, string>;
} {
  const { reason, detail } = excluded;
  if (reason === 'precondition') {
    return {
      key:
        detail === 'summary_number'
          ? 'ui.bulkWarnings.reason.summary_number'
          : 'ui.bulkWarnings.reason.precondition',
      params: {},
    };
  }
  // The detail of a missing PDF is a path inside the data folder: it tells the clerk nothing.
  if (reason === 'no_pdf') {
    return {
      key: detail ? 'ui.bulkWarnings.reason.pdfGone' : 'ui.bulkWarnings.reason.noPdf',
      params: {},
    };
  }
  return { key: `ui.exclusion.${reason}`, params: { detail: detail ?? '' } };
}

/** Every warning as lines of text, each dossier on its own line (the command line's output). */
export function bulkWarningLines(warnings: BulkWarnings, language: Language): string[] {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
    translate(language, key, params);
  const lines: string[] = [];
  const { fallbackPassword } = warnings;
  if (fallbackPassword) {
    const { password, dossiers } = fallbackPassword;
    lines.push(t('ui.bulkWarnings.fallback.title', { count: dossiers.length, password }));
    lines.push(`  ${t('ui.bulkWarnings.fallback.body')}`);
    for (const d of dossiers) {
      const why = t(
        d.sinMissing
          ? 'ui.bulkWarnings.fallback.sinMissing'
          : 'ui.bulkWarnings.fallback.otherField',
      );
      lines.push(`    ${d.dossierNumber}  ${d.dossierName} — ${d.documentNumber} : ${why}`);
    }
  }
  for (const type of warnings.passwordNotExplained) {
    lines.push(t('ui.bulkWarnings.passwordText', { type }));
  }
  if (warnings.largeAttachments.length > 0) {
    lines.push(t('ui.bulkWarnings.large.title', { count: warnings.largeAttachments.length }));
    lines.push(`  ${t('ui.bulkWarnings.large.body')}`);
    for (const file of warnings.largeAttachments) {
      const params = { file: file.fileName, size: megabytes(file.size, language) };
      lines.push(
        `    ${
          file.dossier
            ? t('ui.bulkWarnings.large.dossier', { ...params, name: file.dossier.dossierName })
            : t('ui.bulkWarnings.large.general', params)
        }`,
      );
    }
  }
  for (const s of warnings.senderDomains) {
    lines.push(
      t(s.sentAs ? 'ui.bulkWarnings.sender.sentAs' : 'ui.bulkWarnings.sender.replyTo', {
        sender: s.sender,
        account: s.account,
      }),
    );
  }
  return lines;
}
