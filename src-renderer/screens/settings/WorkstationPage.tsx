// Paramètres > Ce poste: this workstation's own preferences (language, where the office's data
// is: a folder or a PostgreSQL server, in DataPlaceSection) and who and where Postier runs
// (user and workstation).
import { Field, Input, Select } from '@fluentui/react-components';
import { useApp } from '../../app/app-context.js';
import { DataPlaceSection } from './DataPlaceSection.js';
import { useSettingsStyles } from './settings-styles.js';

export function WorkstationPage() {
  const styles = useSettingsStyles();
  const { t, info, language, setLanguage } = useApp();
  return (
    <>
      <h2 className={styles.title}>{t('ui.settings.workstation')}</h2>
      <div className={styles.form}>
        <Field label={t('ui.settings.language')} size="small">
          <Select
            size="small"
            value={language}
            onChange={(_, d) => setLanguage(d.value as 'fr' | 'en')}
          >
            <option value="fr">Français</option>
            <option value="en">English</option>
          </Select>
        </Field>
        <Field label={t('ui.send.method')} size="small" hint={t('ui.settings.methodHint')}>
          <Select size="small" value="account">
            <option value="account">{t('ui.settings.method.account')}</option>
          </Select>
        </Field>
        <DataPlaceSection />
        <Field label={t('ui.settings.identity')} size="small" className={styles.wide}>
          <Input
            size="small"
            value={t('ui.status.user', { user: info.user, workstation: info.workstation })}
            readOnly
          />
        </Field>
      </div>
    </>
  );
}
