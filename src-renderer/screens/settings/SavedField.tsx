// One typed setting with its own Enregistrer button (Entrée too), checked as the core checks
// it before the click: the auto-pause count, the missed-schedule limit, the sending window.
import { Button, Field, Input } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useApp } from '../../app/app-context.js';
import { useSettingsStyles } from './settings-styles.js';

/** A typed value checked as the core checks it, saved with its button. */
export function SavedField(props: {
  label: string;
  note: string;
  saved: string;
  problem: (typed: string) => string | null;
  save: (typed: string) => Promise<string>;
  width: number;
  testId: string;
  children?: ReactNode;
}) {
  const styles = useSettingsStyles();
  const { t, showError, notify } = useApp();
  const [typed, setTyped] = useState(props.saved);
  const [saved, setSaved] = useState(props.saved);
  const [saving, setSaving] = useState(false);
  const problem = props.problem(typed);
  const save = async () => {
    setSaving(true);
    try {
      const now = await props.save(typed);
      setSaved(now);
      setTyped(now);
      notify(t('ui.settings.saved'));
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className={styles.formWidth}
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) void save();
      }}
    >
      <Field
        label={props.label}
        size="small"
        validationState={problem ? 'error' : 'none'}
        validationMessage={problem ?? undefined}
      >
        <div className={styles.pair}>
          <Input
            size="small"
            style={{ width: props.width }}
            value={typed}
            onChange={(_, d) => setTyped(d.value)}
            data-testid={props.testId}
          />
          {/* Named with its field: Paramètres also has the account's own Enregistrer. */}
          <Button
            size="small"
            type="submit"
            aria-label={t('ui.settings.saveField', { label: props.label })}
            disabled={!!problem || saving || typed === saved}
          >
            {t('ui.common.save')}
          </Button>
        </div>
      </Field>
      <p className={styles.note}>{props.note}</p>
    </form>
  );
}
