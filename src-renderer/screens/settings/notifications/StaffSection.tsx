// The staff of Paramètres > Notifications: name, address and the language their
// notifications are written in; a new one added, an address or language changed.
import { Button, Input, Select } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { NotifiedStaff } from '../../../../src-shared/domain/notifications.js';
import type { Language } from '../../../../src-shared/i18n/catalog.js';
import { useApp } from '../../../app/app-context.js';
import { useSettingsStyles } from '../settings-styles.js';

export interface StaffSave {
  name: string;
  email: string | null;
  language: Language;
}

export function StaffSection({
  staff,
  onSave,
}: {
  staff: NotifiedStaff[];
  onSave: (member: StaffSave) => Promise<boolean>;
}) {
  const styles = useSettingsStyles();
  const { t } = useApp();
  const [draft, setDraft] = useState<StaffSave>({ name: '', email: '', language: 'fr' });
  const add = async () => {
    if (await onSave({ ...draft, email: draft.email || null }))
      setDraft({ name: '', email: '', language: draft.language });
  };
  const languageSelect = (value: Language, label: string, change: (l: Language) => void) => (
    <Select
      size="small"
      aria-label={label}
      value={value}
      onChange={(_, d) => change(d.value as Language)}
    >
      <option value="fr">Français</option>
      <option value="en">English</option>
    </Select>
  );
  return (
    <>
      <h3 className={styles.section}>{t('ui.notify.staff')}</h3>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.th}>{t('ui.notify.staffName')}</th>
            <th className={styles.th}>{t('ui.notify.staffEmail')}</th>
            <th className={styles.th}>{t('ui.notify.staffLanguage')}</th>
            <th className={styles.th} />
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr key={s.id}>
              <td className={styles.td}>{s.name}</td>
              <td className={styles.td}>{s.email ?? '—'}</td>
              <td className={styles.td}>
                {languageSelect(
                  s.language,
                  `${t('ui.notify.staffLanguage')} — ${s.name}`,
                  (l) => void onSave({ name: s.name, email: s.email, language: l }),
                )}
              </td>
              <td className={styles.td} />
            </tr>
          ))}
          <tr>
            <td className={styles.td}>
              <Input
                size="small"
                aria-label={t('ui.notify.staffName')}
                value={draft.name}
                onChange={(_, d) => setDraft({ ...draft, name: d.value })}
              />
            </td>
            <td className={styles.td}>
              <Input
                size="small"
                type="email"
                aria-label={t('ui.notify.staffEmail')}
                value={draft.email ?? ''}
                onChange={(_, d) => setDraft({ ...draft, email: d.value })}
              />
            </td>
            <td className={styles.td}>
              {languageSelect(draft.language, t('ui.notify.staffLanguage'), (l) =>
                setDraft({ ...draft, language: l }),
              )}
            </td>
            <td className={styles.td}>
              <Button
                size="small"
                icon={<AddRegular />}
                disabled={draft.name.trim() === ''}
                onClick={() => void add()}
              >
                {t('ui.notify.addStaff')}
              </Button>
            </td>
          </tr>
        </tbody>
      </table>
    </>
  );
}
