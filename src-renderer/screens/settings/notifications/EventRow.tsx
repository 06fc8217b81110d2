// One automatic e-mail of Paramètres > Notifications: its configuration and its recipients.
// "Personnalisé" shows the staff to tick and other addresses; nothing is saved until someone
// is chosen (a custom choice with nobody in it is refused, as by `postier notify set`).
import { Checkbox, Input, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type {
  EventNotifications,
  NotificationChoice,
  NotificationRecipient,
  NotifiedStaff,
} from '../../../../src-shared/domain/notifications.js';
import { useApp } from '../../../app/app-context.js';
import { useSettingsStyles } from '../settings-styles.js';

export interface ChoiceSave {
  mode: NotificationChoice['mode'];
  staffIds?: number[];
  addresses?: string[];
}

export function EventRow({
  row,
  staff,
  onSave,
}: {
  row: EventNotifications;
  staff: NotifiedStaff[];
  onSave: (input: ChoiceSave) => Promise<boolean>;
}) {
  const styles = useSettingsStyles();
  const { t } = useApp();
  const saved = row.choice;
  const [mode, setMode] = useState(saved.mode);
  const savedIds = saved.mode === 'chosen' ? saved.staffIds.join(',') : '';
  // Ticked at once, as the clerk clicks; the saved choice replaces it once the save returns.
  const [chosenIds, setChosenIds] = useState<number[]>(
    saved.mode === 'chosen' ? saved.staffIds : [],
  );
  const savedAddresses = saved.mode === 'chosen' ? saved.addresses.join(', ') : '';
  const [addresses, setAddresses] = useState(savedAddresses);
  useEffect(() => {
    setMode(saved.mode);
    setAddresses(savedAddresses);
    setChosenIds(savedIds ? savedIds.split(',').map(Number) : []);
  }, [saved.mode, savedAddresses, savedIds]);
  const eventName = t(`notify.event.${row.event}`);
  const typedAddresses = () =>
    addresses
      .split(/[,;\s]+/)
      .map((a) => a.trim())
      .filter(Boolean);
  const saveChosen = (staffIds: number[], list: string[]) => {
    setChosenIds(staffIds);
    if (staffIds.length + list.length > 0)
      void onSave({ mode: 'chosen', staffIds, addresses: list });
  };
  return (
    <tr>
      <td className={styles.td}>{eventName}</td>
      <td className={styles.td}>
        <Select
          size="small"
          aria-label={`${t('ui.notify.configuration')} — ${eventName}`}
          value={mode}
          onChange={(_, d) => {
            const next = d.value as NotificationChoice['mode'];
            setMode(next);
            if (next !== 'chosen') void onSave({ mode: next });
          }}
        >
          <option value="cascade">{t('notify.mode.cascade')}</option>
          <option value="chosen">{t('notify.mode.chosen')}</option>
          <option value="off">{t('notify.mode.off')}</option>
        </Select>
      </td>
      <td className={styles.td}>
        {mode === 'chosen' ? (
          <div>
            {staff
              .filter((s) => s.email)
              .map((s) => (
                <Checkbox
                  key={s.id}
                  label={s.name}
                  checked={chosenIds.includes(s.id)}
                  onChange={(_, d) =>
                    saveChosen(
                      d.checked ? [...chosenIds, s.id] : chosenIds.filter((id) => id !== s.id),
                      typedAddresses(),
                    )
                  }
                />
              ))}
            <Input
              size="small"
              style={{ width: '100%' }}
              aria-label={`${t('ui.notify.addresses')} — ${eventName}`}
              placeholder={t('ui.notify.addresses')}
              value={addresses}
              onChange={(_, d) => setAddresses(d.value)}
              onBlur={() => {
                if (addresses !== savedAddresses) saveChosen(chosenIds, typedAddresses());
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') saveChosen(chosenIds, typedAddresses());
              }}
            />
          </div>
        ) : (
          <Recipients recipients={mode === saved.mode ? row.recipients : []} />
        )}
      </td>
    </tr>
  );
}

function Recipients({ recipients }: { recipients: NotificationRecipient[] }) {
  const styles = useSettingsStyles();
  const { t } = useApp();
  if (recipients.length === 0) return <span className={styles.note}>{t('notify.cli.nobody')}</span>;
  return (
    <>
      {recipients.map((r) => (
        <div key={r.address}>
          {r.name ? `${r.name} <${r.address}>` : r.address}{' '}
          <span className={styles.note}>({t(`notify.step.${r.source}`)})</span>
        </div>
      ))}
    </>
  );
}
