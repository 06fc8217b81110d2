// Paramètres > Ce poste: where this workstation's office data is, a folder or a PostgreSQL
// server's URL. "Tester la connexion" says in plain words what the server answers; a missing
// password is typed once (kept in the workstation's vault by the main side); the place saved
// is opened at the next start.
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  type MessageBarIntent,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { DataPlaceCheck } from '../../../src-shared/contract/data-place.js';
import { api, ApiFailure, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { useSettingsStyles } from './settings-styles.js';

const INTENT: Record<DataPlaceCheck['outcome'], MessageBarIntent> = {
  folderReady: 'success',
  folderNew: 'success',
  ready: 'success',
  empty: 'success',
  folderUnusable: 'error',
  foreign: 'warning',
  passwordMissing: 'warning',
  passwordRefused: 'error',
  noDatabase: 'error',
  unreachable: 'error',
  refused: 'error',
};

const MAX_PLACE = 1000;

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px' },
  // A server's URL or a network path is long: the field takes the form's width.
  input: { flexGrow: 1, minWidth: 0 },
});

export function DataPlaceSection() {
  const styles = useSettingsStyles();
  const own = useStyles();
  const { t, info, showError } = useApp();
  const [typed, setTyped] = useState(info.dataFolder);
  const [password, setPassword] = useState('');
  const [check, setCheck] = useState<DataPlaceCheck | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const wantsPassword =
    check?.outcome === 'passwordMissing' || check?.outcome === 'passwordRefused';

  /** Runs one call; a refusal of the place (its shape, its length) shows under the field. */
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      if (error instanceof ApiFailure && error.error.code.startsWith('error.place.')) {
        setProblem(error.message);
      } else showError(error);
    } finally {
      setBusy(false);
    }
  };
  const test = (withPassword?: string) =>
    run(async () => {
      setSaved(null);
      const result = await call(
        api.prefs.testDataPlace({
          place: typed,
          ...(withPassword !== undefined && { password: withPassword }),
        }),
      );
      setCheck(result);
      // The URL as kept: a password written in it is taken out (and kept in the vault).
      setTyped(result.place);
      setPassword('');
    });
  const save = () =>
    run(async () => {
      const result = await call(api.prefs.saveDataPlace({ place: typed }));
      setTyped(result.place);
      setCheck(null);
      setSaved(
        result.restartNeeded
          ? t('ui.settings.place.saved', { place: result.place })
          : t('ui.settings.place.savedSame'),
      );
    });
  const chooseFolder = () =>
    run(async () => {
      const result = await call(api.prefs.chooseDataFolder({}));
      if (!result.dataFolder) return;
      setTyped(result.dataFolder);
      setCheck(null);
      if (result.restartNeeded) {
        setSaved(t('ui.settings.place.saved', { place: result.dataFolder }));
      }
    });

  return (
    <>
      <Field
        label={t('ui.settings.place')}
        size="small"
        className={styles.wide}
        hint={
          <>
            {t('ui.settings.placeHint')}
            <br />
            {t('ui.settings.placeNow', { place: info.dataFolder })}
          </>
        }
        validationState={problem ? 'error' : 'none'}
        validationMessage={problem ?? undefined}
      >
        <div className={own.row}>
          <Input
            size="small"
            value={typed}
            maxLength={MAX_PLACE}
            onChange={(_, d) => {
              setTyped(d.value);
              setCheck(null);
              setSaved(null);
            }}
            className={own.input}
            data-testid="data-place"
            spellCheck={false}
          />
          {info.nativeFileDialogs && (
            <Button size="small" disabled={busy} onClick={() => void chooseFolder()}>
              {t('ui.settings.changeFolder')}
            </Button>
          )}
        </div>
      </Field>
      <div className={`${styles.wide} ${styles.pair}`}>
        <Button size="small" disabled={busy || !typed.trim()} onClick={() => void test()}>
          {t('ui.settings.place.test')}
        </Button>
        <Button
          size="small"
          appearance="primary"
          disabled={busy || !typed.trim()}
          onClick={() => void save()}
        >
          {t('ui.settings.place.save')}
        </Button>
      </div>
      {check && (
        <MessageBar
          intent={INTENT[check.outcome]}
          className={styles.wide}
          data-testid="data-place-check"
        >
          <MessageBarBody>
            {check.passwordSaved && `${t('ui.settings.place.passwordSaved')} `}
            {t(`ui.settings.place.outcome.${check.outcome}`, { detail: check.detail ?? '' })}
          </MessageBarBody>
        </MessageBar>
      )}
      {wantsPassword && (
        <form
          className={styles.wide}
          onSubmit={(event) => {
            event.preventDefault();
            if (password) void test(password);
          }}
        >
          <Field
            label={t('ui.settings.place.password')}
            size="small"
            hint={t('ui.settings.place.passwordHint')}
          >
            <div className={styles.pair}>
              <Input
                size="small"
                type="password"
                value={password}
                maxLength={MAX_PLACE}
                autoComplete="off"
                onChange={(_, d) => setPassword(d.value)}
                data-testid="data-place-password"
              />
              <Button size="small" type="submit" disabled={busy || !password}>
                {t('ui.settings.place.tryPassword')}
              </Button>
            </div>
          </Field>
        </form>
      )}
      {saved && (
        <MessageBar intent="info" className={styles.wide} data-testid="data-place-saved">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
