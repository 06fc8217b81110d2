// The dossier's correspondents, each editable in place: name, relation, address (checked as
// typed), the language they read (the dossier's unless set), whether they receive
// documents; remove one, add one.
import { Button, Field, Input, Switch } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { RECORD_LIMITS } from '../../../src-shared/domain/records.js';
import type { MessageKey } from '../../../src-shared/i18n/catalog.js';
import { useApp } from '../../app/app-context.js';
import { useDossierFormStyles } from './dossier-form-styles.js';
import { LanguageSelect } from './LanguageSelect.js';
import type { DossierFormState } from './useDossierForm.js';

/** The columns' titles and shares of the width (the table's layout is fixed). */
const HEADERS: [MessageKey, string][] = [
  ['ui.dossiers.corr.name', '19%'],
  ['ui.dossiers.corr.relation', '12%'],
  ['ui.dossiers.corr.email', '26%'],
  // « Du dossier » and its arrow, whole at 1024×768.
  ['ui.dossiers.corr.language', '21%'],
  // « documents » on a line of its own still fits at 1024×768.
  ['ui.dossiers.corr.receives', '14%'],
];

export function CorrespondentsTable({ form }: { form: DossierFormState }) {
  const styles = useDossierFormStyles();
  const { t } = useApp();
  const { draft, shownErrors: errors, setCorrespondent } = form;
  return (
    <>
      <h3 className={styles.section}>{t('ui.dossiers.correspondents')}</h3>
      <table className={styles.table} data-testid="correspondents">
        <thead>
          <tr>
            {HEADERS.map(([key, width]) => (
              <th key={key} className={styles.th} style={{ width }}>
                {t(key)}
              </th>
            ))}
            <th className={styles.th} style={{ width: '40px' }} />
          </tr>
        </thead>
        <tbody>
          {draft.correspondents.map((c, index) => {
            const emailError = errors[`correspondents.${index}.email`];
            return (
              <tr key={c.key}>
                <td className={styles.td}>
                  <Input
                    size="small"
                    className={styles.cellInput}
                    aria-label={t('ui.dossiers.corr.nameLabel')}
                    value={c.name}
                    maxLength={RECORD_LIMITS.correspondentName}
                    onChange={(_, d) => setCorrespondent(c.key, { name: d.value })}
                  />
                </td>
                <td className={styles.td}>
                  <Input
                    size="small"
                    aria-label={t('ui.dossiers.corr.relation')}
                    value={c.relation}
                    maxLength={RECORD_LIMITS.relation}
                    className={styles.cellInput}
                    onChange={(_, d) => setCorrespondent(c.key, { relation: d.value })}
                  />
                </td>
                <td className={styles.td}>
                  <Field
                    validationMessage={emailError ? t(emailError) : undefined}
                    validationState={emailError ? 'error' : 'none'}
                  >
                    <Input
                      size="small"
                      type="email"
                      aria-label={t('ui.dossiers.corr.email')}
                      value={c.email}
                      maxLength={RECORD_LIMITS.email}
                      className={styles.cellInput}
                      onChange={(_, d) => setCorrespondent(c.key, { email: d.value })}
                    />
                  </Field>
                </td>
                <td className={styles.td}>
                  <LanguageSelect
                    compact
                    className={styles.cellInput}
                    value={c.language}
                    onChange={(language) => setCorrespondent(c.key, { language })}
                  />
                </td>
                <td className={styles.td}>
                  <Switch
                    aria-label={t('ui.dossiers.corr.receives')}
                    checked={c.receivesDocuments}
                    onChange={(_, d) => setCorrespondent(c.key, { receivesDocuments: d.checked })}
                  />
                </td>
                <td className={styles.td}>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={t('ui.dossiers.corr.remove')}
                    title={t('ui.dossiers.corr.remove')}
                    onClick={() => form.removeCorrespondent(c.key)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {draft.correspondents.length === 0 && (
        <div className={styles.note}>{t('ui.dossiers.corr.none')}</div>
      )}
      <div className={styles.actions}>
        <Button size="small" icon={<AddRegular />} onClick={form.addCorrespondent}>
          {t('ui.dossiers.corr.add')}
        </Button>
      </div>
    </>
  );
}
