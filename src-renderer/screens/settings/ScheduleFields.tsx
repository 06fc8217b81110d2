// Scheduled sends in Paramètres: under Envoi, the hours after which a schedule missed while
// the PC was off waits for a decision (schedule.setLimit, the CLI's `send schedule-limit`);
// under Compte de messagerie, the account's sending window, typed as "lun-ven 08:00-18:00"
// (schedule.setWindow, the CLI's `account set --window`). Each saved with its own button.
import {
  formatSendingWindow,
  parseSendingWindow,
  SCHEDULE_LIMIT_MAX_HOURS,
} from '../../../src-shared/domain/schedule.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { useAsync } from '../../app/use-async.js';
import { SavedField } from './SavedField.js';

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
