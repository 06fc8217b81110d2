// The dossier's correspondents, each editable in place (one block each, its fields
// wrapping when the form is narrow): name, relation, address (checked as
// typed), the language they read (the dossier's unless set), whether they receive
// documents; remove one, add one.
import { Button, Field, Input, Switch } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { RECORD_LIMITS } from '../../../src-shared/domain/records.js';
import { useApp } from '../../app/app-context.js';
import { useDossierFormStyles } from './dossier-form-styles.js';
import { LanguageSelect } from './LanguageSelect.js';
import type { DossierFormState } from './useDossierForm.js';

export function CorrespondentsTable({ form }: { form: DossierFormState }) {
  const styles = useDossierFormStyles();
  const { t } = useApp();
  const { draft, shownErrors: errors, setCorrespondent } = form;
  return (
    <>
      <h3 className={styles.section}>{t('ui.dossiers.correspondents')}</h3>
      {/* One block per correspondent whose fields wrap onto a second line when the form is
          narrow (1024×768), so a name or an address is never cut inside its box. */}
      <div className={styles.corrList} data-testid="correspondents">
        {draft.correspondents.map((c, index) => {
          const emailError = errors[`correspondents.${index}.email`];
          return (
            <div key={c.key} className={styles.corrRow} data-testid="correspondent">
              <Field label={t('ui.dossiers.corr.name')} size="small" className={styles.corrName}>
                <Input
                  size="small"
                  className={styles.fill}
                  aria-label={t('ui.dossiers.corr.nameLabel')}
                  value={c.name}
                  maxLength={RECORD_LIMITS.correspondentName}
                  onChange={(_, d) => setCorrespondent(c.key, { name: d.value })}
                />
              </Field>
              <Field
                label={t('ui.dossiers.corr.relation')}
                size="small"
                className={styles.corrRelation}
              >
                <Input
                  size="small"
                  className={styles.fill}
                  value={c.relation}
                  maxLength={RECORD_LIMITS.relation}
                  onChange={(_, d) => setCorrespondent(c.key, { relation: d.value })}
                />
              </Field>
              <Field
                label={t('ui.dossiers.corr.email')}
                size="small"
                className={styles.corrEmail}
                validationMessage={emailError ? t(emailError) : undefined}
                validationState={emailError ? 'error' : 'none'}
              >
                <Input
                  size="small"
                  className={styles.fill}
                  type="email"
                  value={c.email}
                  maxLength={RECORD_LIMITS.email}
                  onChange={(_, d) => setCorrespondent(c.key, { email: d.value })}
                />
              </Field>
              <Field
                label={t('ui.dossiers.corr.language')}
                size="small"
                className={styles.corrLanguage}
              >
                <LanguageSelect
                  compact
                  className={styles.fill}
                  value={c.language}
                  onChange={(language) => setCorrespondent(c.key, { language })}
                />
              </Field>
              <div className={styles.corrEnd}>
                <Switch
                  label={t('ui.dossiers.corr.receives')}
                  checked={c.receivesDocuments}
                  onChange={(_, d) => setCorrespondent(c.key, { receivesDocuments: d.checked })}
                />
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={t('ui.dossiers.corr.remove')}
                  title={t('ui.dossiers.corr.remove')}
                  onClick={() => form.removeCorrespondent(c.key)}
                />
              </div>
            </div>
          );
        })}
      </div>
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
