// Paramètres: structures (sender identity), the mail account and its sending method (with
// the connection test and pacing), the bounce check, e-mail templates, document types and
// their password rules, the validation mode, and this workstation's own preferences.
import {
  Button,
  Field,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Tab,
  TabList,
  Textarea,
} from '@fluentui/react-components';
import { ArrowResetRegular, SaveRegular, TextAddRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { DocumentTypeCode } from '../../src-shared/domain/document-types.js';
import type { Structure } from '../../src-shared/domain/records.js';
import { api, call } from '../api.js';
import { useApp } from '../app/app-context.js';
import { useAsync } from '../app/use-async.js';
import { insertAtCaret } from '../logic/text-editing.js';
import { DocumentTypeSelect } from '../components/DocumentTypeSelect.js';
import { TextField } from '../components/TextField.js';
import { AccountPage } from './settings/AccountPage.js';
import { BouncesPage } from './settings/BouncesPage.js';
import { TypesPage } from './settings/TypesPage.js';
import { useSettingsStyles } from './settings/settings-styles.js';

type Page =
  'structures' | 'account' | 'bounces' | 'templates' | 'types' | 'sending' | 'workstation';

export function SettingsScreen() {
  const styles = useSettingsStyles();
  const { t } = useApp();
  const [page, setPage] = useState<Page>('account');
  return (
    <div className={styles.screen}>
      <TabList
        className={styles.nav}
        vertical
        size="small"
        selectedValue={page}
        onTabSelect={(_, d) => setPage(d.value as Page)}
      >
        <Tab value="structures">{t('ui.settings.structures')}</Tab>
        <Tab value="account">{t('ui.settings.account')}</Tab>
        <Tab value="bounces">{t('ui.settings.bounces')}</Tab>
        <Tab value="templates">{t('ui.settings.templates')}</Tab>
        <Tab value="types">{t('ui.settings.types')}</Tab>
        <Tab value="sending">{t('ui.settings.sending')}</Tab>
        <Tab value="workstation">{t('ui.settings.workstation')}</Tab>
      </TabList>
      <section className={styles.page} aria-label={t('ui.screen.settings')}>
        {page === 'structures' && <StructuresPage />}
        {page === 'account' && <AccountPage />}
        {page === 'bounces' && <BouncesPage />}
        {page === 'templates' && <TemplatesPage />}
        {page === 'types' && <TypesPage />}
        {page === 'sending' && <SendingPage />}
        {page === 'workstation' && <WorkstationPage />}
      </section>
    </div>
  );
}

function StructuresPage() {
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
          <Input size="small" value={draft.name} onChange={(_, d) => set('name', d.value)} />
        </Field>
        <TextField
          label={t('ui.settings.structure.phone')}
          value={draft.phone ?? ''}
          onChange={(value) => set('phone', value || null)}
        />
        <Field label={t('ui.settings.structure.address')} size="small" className={styles.wide}>
          <Textarea
            size="small"
            rows={3}
            value={draft.address}
            onChange={(_, d) => set('address', d.value)}
          />
        </Field>
        <h3 className={styles.section}>{t('ui.settings.structure.sender')}</h3>
        <TextField
          label={t('ui.settings.structure.senderName')}
          value={draft.senderName ?? ''}
          onChange={(value) => set('senderName', value || null)}
        />
        <div />
        <TextField
          label={t('ui.settings.structure.functionalEmail')}
          hint={t('ui.settings.structure.functionalHint')}
          type="email"
          value={draft.functionalEmail ?? ''}
          onChange={(value) => set('functionalEmail', value)}
        />
        <TextField
          label={t('ui.settings.structure.communicationEmail')}
          hint={t('ui.settings.structure.communicationHint')}
          type="email"
          value={draft.communicationEmail ?? ''}
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

function TemplatesPage() {
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

function SendingPage() {
  const styles = useSettingsStyles();
  const { t, showError, notify } = useApp();
  const loaded = useAsync(() => call(api.settings.get({})), 'settings', showError);
  if (!loaded.value) return <Spinner size="small" label={t('ui.common.loading')} />;
  const change = async (mode: 'manual' | 'automatic') => {
    try {
      loaded.set(await call(api.settings.set({ validationMode: mode })));
      notify(t('ui.settings.saved'));
    } catch (error) {
      showError(error);
    }
  };
  return (
    <>
      <h2 className={styles.title}>{t('ui.settings.sending')}</h2>
      <Field label={t('ui.settings.validation')}>
        <RadioGroup
          value={loaded.value.validationMode}
          onChange={(_, d) => void change(d.value as 'manual' | 'automatic')}
        >
          <Radio value="manual" label={t('ui.settings.validation.manual')} />
          <Radio value="automatic" label={t('ui.settings.validation.automatic')} />
        </RadioGroup>
      </Field>
      <p className={styles.note}>{t('ui.settings.validation.note')}</p>
    </>
  );
}

function WorkstationPage() {
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
