// Paramètres > Ce poste: this workstation's own preferences (language, data folder) and who
// and where Postier runs (user and workstation).
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
} from '@fluentui/react-components';
import { useState } from 'react';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { useSettingsStyles } from './settings-styles.js';

export function WorkstationPage() {
  const styles = useSettingsStyles();
  const { t, info, language, setLanguage, showError } = useApp();
  const [restart, setRestart] = useState<string | null>(null);
  const chooseFolder = async () => {
    try {
      const result = await call(api.prefs.chooseDataFolder({}));
      if (result.restartNeeded) setRestart(result.dataFolder);
    } catch (error) {
      showError(error);
    }
  };
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
        <Field
          label={t('ui.settings.dataFolder')}
          size="small"
          className={styles.wide}
          hint={t('ui.settings.dataFolderHint')}
        >
          <div style={{ display: 'flex', gap: 8 }}>
            <Input size="small" value={info.dataFolder} readOnly style={{ flexGrow: 1 }} />
            {info.nativeFileDialogs && (
              <Button size="small" onClick={() => void chooseFolder()}>
                {t('ui.settings.changeFolder')}
              </Button>
            )}
          </div>
        </Field>
        {restart && (
          <MessageBar intent="info" className={styles.wide}>
            <MessageBarBody>{t('ui.settings.restartNeeded', { folder: restart })}</MessageBarBody>
          </MessageBar>
        )}
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
