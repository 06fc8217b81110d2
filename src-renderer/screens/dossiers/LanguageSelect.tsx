// "Langue de correspondance": the language a family (or one correspondent) is written to in.
// The dossier's select offers French and English; a correspondent's also offers "the
// dossier's" (null), its default. The screen's own language plays no part.
import { Field, Select } from '@fluentui/react-components';
import { FAMILY_LANGUAGES } from '../../../src-shared/domain/family-language.js';
import type { Language } from '../../../src-shared/i18n/catalog.js';
import { useApp } from '../../app/app-context.js';

export function LanguageSelect({
  value,
  onChange,
  compact = false,
  className,
}: {
  value: Language | null;
  onChange: (language: Language | null) => void;
  /** In the correspondents' table: no label above, "the dossier's" offered. */
  compact?: boolean;
  /** The field's class, or the select's when compact. */
  className?: string;
}) {
  const { t } = useApp();
  const select = (
    <Select
      className={compact ? className : undefined}
      size="small"
      aria-label={compact ? t('ui.dossiers.corr.language') : undefined}
      value={value ?? ''}
      onChange={(_, d) => onChange(d.value === '' ? null : (d.value as Language))}
    >
      {compact && <option value="">{t('ui.dossiers.corr.language.dossier')}</option>}
      {FAMILY_LANGUAGES.map((language) => (
        <option key={language} value={language}>
          {t(`ui.language.${language}`)}
        </option>
      ))}
    </Select>
  );
  if (compact) return select;
  return (
    <Field
      label={t('ui.dossier.language')}
      hint={t('ui.dossier.language.hint')}
      className={className}
    >
      {select}
    </Field>
  );
}
