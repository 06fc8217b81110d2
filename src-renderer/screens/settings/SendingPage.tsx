// Paramètres > Envoi: whether queued messages wait for "Valider" or go at once, and after how
// many refusals in a row an account's sending pauses (the auto-pause, one setting for every
// workstation; the CLI's `postier send auto-pause` changes the same one).
import { Field, Radio, RadioGroup, Spinner } from '@fluentui/react-components';
import { AUTO_PAUSE_MAX } from '../../../src-shared/domain/auto-pause.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { useAsync } from '../../app/use-async.js';
import { SavedField } from './SavedField.js';
import { ScheduleLimitField } from './ScheduleFields.js';
import { useSettingsStyles } from './settings-styles.js';

export function SendingPage() {
  const styles = useSettingsStyles();
  const { t, showError, notify } = useApp();
  const loaded = useAsync(() => call(api.settings.get({})), 'settings', showError);
  if (!loaded.value) return <Spinner size="small" label={t('ui.common.loading')} />;
  const settings = loaded.value;
  const change = async (mode: 'manual' | 'automatic') => {
    try {
      loaded.set({ ...settings, ...(await call(api.settings.set({ validationMode: mode }))) });
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
          value={settings.validationMode}
          onChange={(_, d) => void change(d.value as 'manual' | 'automatic')}
        >
          <Radio value="manual" label={t('ui.settings.validation.manual')} />
          <Radio value="automatic" label={t('ui.settings.validation.automatic')} />
        </RadioGroup>
      </Field>
      <p className={styles.note}>{t('ui.settings.validation.note')}</p>
      <AutoPauseField
        saved={settings.autoPauseAfterFailures}
        onSaved={(autoPauseAfterFailures) => loaded.set({ ...settings, autoPauseAfterFailures })}
      />
      <ScheduleLimitField />
    </>
  );
}

/** The auto-pause count: typed, checked as the core checks it, saved with its button. */
function AutoPauseField({ saved, onSaved }: { saved: number; onSaved: (count: number) => void }) {
  const { t } = useApp();
  return (
    <SavedField
      label={t('ui.settings.autoPause')}
      note={t('ui.settings.autoPause.note', { max: AUTO_PAUSE_MAX })}
      saved={String(saved)}
      width={80}
      testId="auto-pause-count"
      problem={(typed) => {
        const count = /^\d{1,3}$/.test(typed.trim()) ? Number(typed.trim()) : Number.NaN;
        return Number.isInteger(count) && count <= AUTO_PAUSE_MAX
          ? null
          : t('outbox.error.autoPauseInvalid', { value: typed.trim(), max: AUTO_PAUSE_MAX });
      }}
      save={async (typed) => {
        const result = await call(
          api.settings.setAutoPause({ autoPauseAfterFailures: Number(typed.trim()) }),
        );
        onSaved(result.autoPauseAfterFailures);
        return String(result.autoPauseAfterFailures);
      }}
    />
  );
}
