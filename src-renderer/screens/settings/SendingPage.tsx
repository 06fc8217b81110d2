// Paramètres > Envoi: whether queued messages wait for "Valider" or go at once.
import { Field, Radio, RadioGroup, Spinner } from '@fluentui/react-components';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { useAsync } from '../../app/use-async.js';
import { useSettingsStyles } from './settings-styles.js';

export function SendingPage() {
  const styles = useSettingsStyles();
  const { t, showError, notify } = useApp();
  const loaded = useAsync(() => call(api.settings.get({})), 'settings', showError);
  if (!loaded.value) return <Spinner size="small" label={t('ui.common.loading')} />;
  const change = async (mode: 'manual' | 'automatic') => {
    try {
      loaded.set(await call(api.settings.set({ validationMode: mode })));
      notify(t('ui.settings.saved'));
    } catch (error) {
      showError(error);
    }
  };
  return (
    <>
      <h2 className={styles.title}>{t('ui.settings.sending')}</h2>
      <Field label={t('ui.settings.validation')}>
        <RadioGroup
          value={loaded.value.validationMode}
          onChange={(_, d) => void change(d.value as 'manual' | 'automatic')}
        >
          <Radio value="manual" label={t('ui.settings.validation.manual')} />
          <Radio value="automatic" label={t('ui.settings.validation.automatic')} />
        </RadioGroup>
      </Field>
      <p className={styles.note}>{t('ui.settings.validation.note')}</p>
    </>
  );
}
