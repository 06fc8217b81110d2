// Paramètres > Modèles de courriel: the office's subject and text for each document type,
// with the fields to insert; "reset" goes back to Postier's own template.
import {
  Button,
  Field,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Textarea,
} from '@fluentui/react-components';
import { ArrowResetRegular, SaveRegular, TextAddRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { DocumentTypeCode } from '../../../src-shared/domain/document-types.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { useAsync } from '../../app/use-async.js';
import { insertAtCaret } from '../../logic/text-editing.js';
import { DocumentTypeSelect } from '../../components/DocumentTypeSelect.js';
import { TextField } from '../../components/TextField.js';
import { useSettingsStyles } from './settings-styles.js';

export function TemplatesPage() {
  const styles = useSettingsStyles();
  const { t, structureId, showError, notify } = useApp();
  const [type, setType] = useState<DocumentTypeCode>('invoice');
  const loaded = useAsync(
    () => call(api.templates.get({ structureId: structureId!, type })),
    `${structureId}|${type}`,
    showError,
  );
  const fields = useAsync(
    () => call(api.templates.fields({ structureId: structureId! })),
    String(structureId),
    showError,
  );
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!loaded.value) return;
    setSubject(loaded.value.subject);
    setText(loaded.value.text);
  }, [loaded.value]);

  const save = async (template: { subject: string; text: string; html: string | null } | null) => {
    try {
      loaded.set(await call(api.templates.save({ structureId: structureId!, type, template })));
      notify(t('ui.settings.saved'));
    } catch (error) {
      showError(error);
    }
  };
  const insert = (field: string) => {
    const element = bodyRef.current;
    const result = insertAtCaret(
      text,
      element?.selectionStart ?? text.length,
      element?.selectionEnd ?? text.length,
      `{{${field}}}`,
    );
    setText(result.text);
  };

  return (
    <>
      <h2 className={styles.title}>{t('ui.settings.templates')}</h2>
      <div className={styles.form}>
        <DocumentTypeSelect<DocumentTypeCode>
          label={t('ui.journal.filter.type')}
          value={type}
          onChange={setType}
        />
        <div className={styles.note} style={{ alignSelf: 'end' }}>
          {loaded.value?.isDefault
            ? t('ui.settings.templates.default')
            : t('ui.settings.templates.custom')}
        </div>
        <TextField
          label={t('ui.bulk.subject')}
          className={styles.wide}
          value={subject}
          onChange={(value) => setSubject(value)}
        />
        <Field label={t('ui.bulk.body')} size="small" className={styles.wide}>
          <Textarea
            ref={bodyRef}
            size="small"
            rows={12}
            resize="vertical"
            value={text}
            onChange={(_, d) => setText(d.value)}
          />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<SaveRegular />}
          onClick={() =>
            void save({
              subject,
              text,
              html: text === loaded.value?.text ? loaded.value.html : null,
            })
          }
        >
          {t('ui.common.save')}
        </Button>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button icon={<TextAddRegular />}>{t('ui.bulk.insertField')}</Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList style={{ maxHeight: 300, overflowY: 'auto' }}>
              {(fields.value ?? []).map((field) => (
                <MenuItem key={field} onClick={() => insert(field)}>{`{{${field}}}`}</MenuItem>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
        <Button
          icon={<ArrowResetRegular />}
          disabled={loaded.value?.isDefault}
          onClick={() => void save(null)}
        >
          {t('ui.settings.templates.restore')}
        </Button>
      </div>
    </>
  );
}
