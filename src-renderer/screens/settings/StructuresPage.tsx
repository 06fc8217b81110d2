// Paramètres > Établissements: each structure's name, address and sender identity (the
// functional and communication addresses of the sender cascade).
import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { RECORD_LIMITS, type Structure } from '../../../src-shared/domain/records.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { TextField } from '../../components/TextField.js';
import { useSettingsStyles } from './settings-styles.js';

export function StructuresPage() {
  const styles = useSettingsStyles();
  const app = useApp();
  const { t, structures, structureId, showError } = app;
  const current = structures.find((s) => s.id === structureId) ?? null;
  const [draft, setDraft] = useState<Structure | null>(current);
  useEffect(() => setDraft(current), [current]);
  if (!draft) return <div className={styles.note}>{t('ui.settings.noStructure')}</div>;
  const set = <K extends keyof Structure>(key: K, value: Structure[K]) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d));
  const save = async () => {
    try {
      await call(
        api.structures.update({
          id: draft.id,
          version: draft.version,
          patch: {
            name: draft.name,
            address: draft.address,
            phone: draft.phone,
            senderName: draft.senderName,
            functionalEmail: draft.functionalEmail || null,
            communicationEmail: draft.communicationEmail || null,
          },
        }),
      );
      await app.reloadStructures();
      app.notify(t('ui.settings.saved'));
    } catch (error) {
      showError(error);
    }
  };
  return (
    <>
      <h2 className={styles.title}>{t('ui.settings.structures')}</h2>
      <div className={styles.form}>
        <Field label={t('ui.common.structure')} size="small" className={styles.wide}>
          <Select
            size="small"
            value={structureId ?? ''}
            onChange={(_, d) => app.setStructureId(Number(d.value))}
          >
            {structures.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('ui.settings.structure.name')} size="small" required>
          <Input
            size="small"
            value={draft.name}
            maxLength={RECORD_LIMITS.structureName}
            onChange={(_, d) => set('name', d.value)}
          />
        </Field>
        <TextField
          label={t('ui.settings.structure.phone')}
          value={draft.phone ?? ''}
          input={{ maxLength: RECORD_LIMITS.phone }}
          onChange={(value) => set('phone', value || null)}
        />
        <Field label={t('ui.settings.structure.address')} size="small" className={styles.wide}>
          <Textarea
            size="small"
            rows={3}
            value={draft.address}
            maxLength={RECORD_LIMITS.structureAddress}
            onChange={(_, d) => set('address', d.value)}
          />
        </Field>
        <h3 className={styles.section}>{t('ui.settings.structure.sender')}</h3>
        <TextField
          label={t('ui.settings.structure.senderName')}
          value={draft.senderName ?? ''}
          input={{ maxLength: RECORD_LIMITS.senderName }}
          onChange={(value) => set('senderName', value || null)}
        />
        <div />
        <TextField
          label={t('ui.settings.structure.functionalEmail')}
          hint={t('ui.settings.structure.functionalHint')}
          type="email"
          value={draft.functionalEmail ?? ''}
          input={{ maxLength: RECORD_LIMITS.email }}
          onChange={(value) => set('functionalEmail', value)}
        />
        <TextField
          label={t('ui.settings.structure.communicationEmail')}
          hint={t('ui.settings.structure.communicationHint')}
          type="email"
          value={draft.communicationEmail ?? ''}
          input={{ maxLength: RECORD_LIMITS.email }}
          onChange={(value) => set('communicationEmail', value)}
        />
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<SaveRegular />} onClick={() => void save()}>
          {t('ui.common.save')}
        </Button>
      </div>
    </>
  );
}
