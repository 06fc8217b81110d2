// Scheduled sends in Paramètres: under Envoi, the hours after which a schedule missed while
// the PC was off waits for a decision (schedule.setLimit, the CLI's `send schedule-limit`);
// under Compte de messagerie, the account's sending window, typed as "lun-ven 08:00-18:00"
// (schedule.setWindow, the CLI's `account set --window`). Each saved with its own button.
import { Button, Field, Input } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import {
  formatSendingWindow,
  parseSendingWindow,
  SCHEDULE_LIMIT_MAX_HOURS,
} from '../../../src-shared/domain/schedule.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { useAsync } from '../../app/use-async.js';
import { useSettingsStyles } from './settings-styles.js';

/** A typed value checked as the core checks it, saved with its button. */
function SavedField(props: {
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
          <Button size="small" type="submit" disabled={!!problem || saving || typed === saved}>
            {t('ui.common.save')}
          </Button>
        </div>
      </Field>
      <p className={styles.note}>{props.note}</p>
    </form>
  );
}

export function ScheduleLimitField() {
  const { t, showError } = useApp();
  const loaded = useAsync(() => call(api.schedule.limit({})), 'schedule-limit', showError);
  if (!loaded.value) return null;
  return (
    <SavedField
      label={t('ui.settings.scheduleLimit')}
      note={t('ui.settings.scheduleLimitHint')}
      saved={String(loaded.value.scheduleLimitHours)}
      width={80}
      testId="schedule-limit"
      problem={(typed) => {
        const hours = /^\s*\d{1,4}\s*$/.test(typed) ? Number(typed) : Number.NaN;
        return hours >= 1 && hours <= SCHEDULE_LIMIT_MAX_HOURS
          ? null
          : t('schedule.error.limit', { value: typed.trim(), max: SCHEDULE_LIMIT_MAX_HOURS });
      }}
      save={async (typed) =>
        String(
          (await call(api.schedule.setLimit({ scheduleLimitHours: Number(typed) })))
            .scheduleLimitHours,
        )
      }
    />
  );
}

export function SendingWindowField({ structureId }: { structureId: number }) {
  const { t, language, showError } = useApp();
  const loaded = useAsync(
    () => call(api.schedule.window({ structureId })),
    `sending-window-${structureId}`,
    showError,
  );
  if (!loaded.value) return null;
  const text = (window: typeof loaded.value.window) =>
    window ? formatSendingWindow(window, language) : '';
  return (
    <SavedField
      label={t('ui.settings.window')}
      note={t('ui.settings.windowHint')}
      saved={text(loaded.value.window)}
      width={200}
      testId="sending-window"
      problem={(typed) =>
        typed.trim() === '' || parseSendingWindow(typed)
          ? null
          : t('schedule.error.window', { value: typed.trim() })
      }
      save={async (typed) => {
        const window = typed.trim() === '' ? null : parseSendingWindow(typed);
        return text((await call(api.schedule.setWindow({ structureId, window }))).window);
      }}
    />
  );
}
