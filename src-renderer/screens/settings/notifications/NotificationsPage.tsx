// Paramètres > Notifications (after the accounting portal's "Paramètres de l'e-mail"): for
// each automatic e-mail, its configuration (Cascade, Personnalisé, Personne) and who receives
// it; the manager heading the cascade; the staff with their address and language. The same
// settings as `postier notify`, through the same core (notifications/).
import { Field, Select, Spinner } from '@fluentui/react-components';
import type { NotificationSettings } from '../../../../src-shared/domain/notifications.js';
import { api, call } from '../../../api.js';
import { useApp } from '../../../app/app-context.js';
import { useAsync } from '../../../app/use-async.js';
import { useSettingsStyles } from '../settings-styles.js';
import { EventRow } from './EventRow.js';
import { StaffSection } from './StaffSection.js';

export function NotificationsPage() {
  const styles = useSettingsStyles();
  const { t, showError, notify, structureId } = useApp();
  const loaded = useAsync(
    () =>
      structureId === null
        ? Promise.resolve(undefined)
        : call(api.notifications.get({ structureId })),
    `notifications-${structureId}`,
    showError,
  );
  if (structureId === null)
    return <div className={styles.note}>{t('ui.settings.noStructure')}</div>;
  if (!loaded.value) return <Spinner size="small" label={t('ui.common.loading')} />;
  const settings = loaded.value;
  /** Saves through one operation; the page then shows the settings as saved. */
  const save = async (pending: Promise<NotificationSettings>) => {
    try {
      loaded.set(await pending);
      notify(t('ui.settings.saved'));
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  };
  return (
    <>
      <h2 className={styles.title}>{t('ui.settings.notifications')}</h2>
      <p className={`${styles.note} ${styles.formWidth}`}>{t('ui.notify.intro')}</p>
      <Field label={t('ui.notify.manager')} size="small" className={styles.formWidth}>
        <Select
          size="small"
          value={settings.managerId ?? ''}
          onChange={(_, d) =>
            void save(
              call(
                api.notifications.setManager({
                  structureId,
                  staffId: d.value === '' ? null : Number(d.value),
                }),
              ),
            )
          }
        >
          <option value="">{t('ui.notify.noManager')}</option>
          {settings.staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.email ? `${s.name} <${s.email}>` : s.name}
            </option>
          ))}
        </Select>
      </Field>
      <table className={styles.table} style={{ marginTop: 12 }}>
        <thead>
          <tr>
            <th className={styles.th}>{t('ui.notify.event')}</th>
            <th className={styles.th}>{t('ui.notify.configuration')}</th>
            <th className={styles.th}>{t('ui.notify.recipients')}</th>
          </tr>
        </thead>
        <tbody>
          {settings.events.map((row) => (
            <EventRow
              key={row.event}
              row={row}
              staff={settings.staff}
              onSave={(input) =>
                save(call(api.notifications.setChoice({ structureId, event: row.event, ...input })))
              }
            />
          ))}
        </tbody>
      </table>
      <StaffSection
        staff={settings.staff}
        onSave={(member) => save(call(api.notifications.saveStaff({ structureId, ...member })))}
      />
    </>
  );
}
