// Paramètres: structures (sender identity), the mail account with its connection test and
// pacing, e-mail templates, document types and their password rules, the validation mode,
// and this workstation's own preferences.
import {
  Button,
  Checkbox,
  Field,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Tab,
  TabList,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowResetRegular,
  PlugConnectedRegular,
  SaveRegular,
  TextAddRegular,
} from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { mailAccountSchema } from '../../src-shared/contract/sending.js';
import type { DocumentTypeCode } from '../../src-shared/domain/document-types.js';
import {
  MAIL_ACCOUNT_KINDS,
  MAIL_PRESETS,
  SMTP_SECURITIES,
  type Pacing,
} from '../../src-shared/domain/mail.js';
import type { Structure } from '../../src-shared/domain/records.js';
import { api, call } from '../api.js';
import { useApp } from '../app/app-context.js';
import { useAsync } from '../app/use-async.js';
import { insertAtCaret } from '../logic/text-editing.js';
import { PACING_PRESETS } from '../logic/pacing-presets.js';
import { describePacing, describePasswordRule } from './sending-texts.js';

type Account = z.output<typeof mailAccountSchema>;
type Page = 'structures' | 'account' | 'templates' | 'types' | 'sending' | 'workstation';

const useStyles = makeStyles({
  screen: { display: 'flex', flexGrow: 1, minHeight: 0, gap: '8px', padding: '8px' },
  nav: {
    width: '220px',
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: '6px 0',
  },
  page: {
    flexGrow: 1,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: '12px 18px',
  },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(220px, 360px))',
    gap: '10px 16px',
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
  title: {
    margin: '0 0 12px',
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  section: {
    margin: '16px 0 8px',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    gridColumn: '1 / -1',
  },
  actions: { display: 'flex', gap: '8px', marginTop: '14px', flexWrap: 'wrap' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, width: '100%' },
  th: { textAlign: 'start', padding: '4px 8px', backgroundColor: tokens.colorNeutralBackground3 },
  td: { padding: '4px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export function SettingsScreen() {
  const styles = useStyles();
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
        <Tab value="templates">{t('ui.settings.templates')}</Tab>
        <Tab value="types">{t('ui.settings.types')}</Tab>
        <Tab value="sending">{t('ui.settings.sending')}</Tab>
        <Tab value="workstation">{t('ui.settings.workstation')}</Tab>
      </TabList>
      <section className={styles.page} aria-label={t('ui.screen.settings')}>
        {page === 'structures' && <StructuresPage />}
        {page === 'account' && <AccountPage />}
        {page === 'templates' && <TemplatesPage />}
        {page === 'types' && <TypesPage />}
        {page === 'sending' && <SendingPage />}
        {page === 'workstation' && <WorkstationPage />}
      </section>
    </div>
  );
}

function StructuresPage() {
  const styles = useStyles();
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
        <Field label={t('ui.settings.structure.phone')} size="small">
          <Input
            size="small"
            value={draft.phone ?? ''}
            onChange={(_, d) => set('phone', d.value || null)}
          />
        </Field>
        <Field label={t('ui.settings.structure.address')} size="small" className={styles.wide}>
          <Textarea
            size="small"
            rows={3}
            value={draft.address}
            onChange={(_, d) => set('address', d.value)}
          />
        </Field>
        <h3 className={styles.section}>{t('ui.settings.structure.sender')}</h3>
        <Field label={t('ui.settings.structure.senderName')} size="small">
          <Input
            size="small"
            value={draft.senderName ?? ''}
            onChange={(_, d) => set('senderName', d.value || null)}
          />
        </Field>
        <div />
        <Field
          label={t('ui.settings.structure.functionalEmail')}
          size="small"
          hint={t('ui.settings.structure.functionalHint')}
        >
          <Input
            size="small"
            type="email"
            value={draft.functionalEmail ?? ''}
            onChange={(_, d) => set('functionalEmail', d.value)}
          />
        </Field>
        <Field
          label={t('ui.settings.structure.communicationEmail')}
          size="small"
          hint={t('ui.settings.structure.communicationHint')}
        >
          <Input
            size="small"
            type="email"
            value={draft.communicationEmail ?? ''}
            onChange={(_, d) => set('communicationEmail', d.value)}
          />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<SaveRegular />} onClick={() => void save()}>
          {t('ui.common.save')}
        </Button>
      </div>
    </>
  );
}

interface AccountDraft {
  kind: Account['kind'];
  preset: Account['preset'];
  host: string;
  port: string;
  security: Account['security'];
  username: string;
  password: string;
  fromName: string;
  fromAddress: string;
  replyTo: string;
  archiveBcc: string;
  ccSender: boolean;
  readReceipt: boolean;
  pacing: Pacing;
}

function draftOfAccount(a: Account): AccountDraft {
  return {
    kind: a.kind,
    preset: a.preset,
    host: a.host ?? '',
    port: a.port === null ? '' : String(a.port),
    security: a.security,
    username: a.username ?? '',
    password: '',
    fromName: a.fromName ?? '',
    fromAddress: a.fromAddress ?? '',
    replyTo: a.replyTo ?? '',
    archiveBcc: a.archiveBcc ?? '',
    ccSender: a.ccSender,
    readReceipt: a.readReceipt,
    pacing: a.pacing,
  };
}

function AccountPage() {
  const styles = useStyles();
  const { t, structureId, showError, notify } = useApp();
  const loaded = useAsync(
    () => call(api.accounts.get({ structureId: structureId! })),
    String(structureId),
    showError,
  );
  const [draft, setDraft] = useState<AccountDraft | null>(null);
  const [test, setTest] = useState<
    { ok: boolean; message: string; reply: string | null } | 'running' | null
  >(null);
  useEffect(() => {
    if (loaded.value) setDraft(draftOfAccount(loaded.value));
  }, [loaded.value]);
  if (!draft || !loaded.value) return <Spinner size="small" label={t('ui.common.loading')} />;
  const account = loaded.value;
  const set = <K extends keyof AccountDraft>(key: K, value: AccountDraft[K]) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d));
  const setPacing = <K extends keyof Pacing>(key: K, value: Pacing[K]) =>
    setDraft((d) => (d ? { ...d, pacing: { ...d.pacing, [key]: value } } : d));

  const save = async () => {
    const saved = await call(
      api.accounts.set({
        structureId: structureId!,
        account: {
          kind: draft.kind,
          preset: draft.preset,
          host: draft.host.trim() || null,
          port: draft.port.trim() ? Number(draft.port) : null,
          security: draft.security,
          username: draft.username.trim() || null,
          ...(draft.password !== '' && { password: draft.password }),
          fromName: draft.fromName.trim() || null,
          fromAddress: draft.fromAddress.trim() || null,
          replyTo: draft.replyTo.trim() || null,
          archiveBcc: draft.archiveBcc.trim() || null,
          ccSender: draft.ccSender,
          readReceipt: draft.readReceipt,
          pacing: draft.pacing,
        },
      }),
    );
    loaded.set(saved);
    return saved;
  };

  const onSave = async () => {
    try {
      await save();
      notify(t('ui.settings.saved'));
    } catch (error) {
      showError(error);
    }
  };

  const onTest = async () => {
    setTest('running');
    try {
      await save();
      setTest(await call(api.accounts.test({ structureId: structureId! })));
    } catch (error) {
      setTest(null);
      showError(error);
    }
  };

  const ms = (value: number) => String(value / 1000);
  const toMs = (text: string) =>
    Math.max(0, Math.round(Number(text.replace(',', '.')) * 1000) || 0);
  const optionalCount = (text: string) =>
    text.trim() === '' ? null : Math.max(1, Math.round(Number(text)) || 1);

  return (
    <>
      <h2 className={styles.title}>{t('ui.settings.account')}</h2>
      <div className={styles.form}>
        <Field label={t('ui.settings.account.kind')} size="small">
          <Select
            size="small"
            value={draft.kind}
            onChange={(_, d) => set('kind', d.value as AccountDraft['kind'])}
          >
            {MAIL_ACCOUNT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`ui.settings.account.kind.${kind}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('ui.settings.account.preset')} size="small">
          <Select
            size="small"
            value={draft.preset ?? ''}
            disabled={draft.kind !== 'smtp'}
            onChange={(_, d) => set('preset', (d.value || null) as AccountDraft['preset'])}
          >
            <option value="">{t('ui.settings.account.preset.custom')}</option>
            {MAIL_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`ui.settings.account.preset.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
        {draft.kind === 'smtp' && (
          <>
            <Field label={t('ui.settings.account.host')} size="small">
              <Input
                size="small"
                value={draft.host}
                placeholder="smtp.office365.com"
                onChange={(_, d) => set('host', d.value)}
              />
            </Field>
            <div style={{ display: 'flex', gap: 8 }}>
              <Field label={t('ui.settings.account.port')} size="small" style={{ width: 90 }}>
                <Input
                  size="small"
                  value={draft.port}
                  inputMode="numeric"
                  onChange={(_, d) => set('port', d.value.replace(/\D/g, ''))}
                />
              </Field>
              <Field label={t('ui.settings.account.security')} size="small" style={{ flexGrow: 1 }}>
                <Select
                  size="small"
                  value={draft.security}
                  onChange={(_, d) => set('security', d.value as AccountDraft['security'])}
                >
                  {SMTP_SECURITIES.map((s) => (
                    <option key={s} value={s}>
                      {t(`ui.settings.account.security.${s}`)}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <Field label={t('ui.settings.account.username')} size="small">
              <Input
                size="small"
                value={draft.username}
                autoComplete="off"
                onChange={(_, d) => set('username', d.value)}
              />
            </Field>
            <Field
              label={t('ui.settings.account.password')}
              size="small"
              hint={account.hasPassword ? t('ui.settings.account.passwordKept') : undefined}
            >
              <Input
                size="small"
                type="password"
                autoComplete="new-password"
                value={draft.password}
                onChange={(_, d) => set('password', d.value)}
              />
            </Field>
          </>
        )}
        <Field label={t('ui.settings.account.fromName')} size="small">
          <Input
            size="small"
            value={draft.fromName}
            onChange={(_, d) => set('fromName', d.value)}
          />
        </Field>
        <Field label={t('ui.settings.account.fromAddress')} size="small">
          <Input
            size="small"
            type="email"
            value={draft.fromAddress}
            onChange={(_, d) => set('fromAddress', d.value)}
          />
        </Field>
        <Field label={t('ui.settings.account.replyTo')} size="small">
          <Input
            size="small"
            type="email"
            value={draft.replyTo}
            onChange={(_, d) => set('replyTo', d.value)}
          />
        </Field>
        <Field label={t('ui.settings.account.archiveBcc')} size="small">
          <Input
            size="small"
            type="email"
            value={draft.archiveBcc}
            onChange={(_, d) => set('archiveBcc', d.value)}
          />
        </Field>
        <Checkbox
          checked={draft.ccSender}
          onChange={(_, d) => set('ccSender', d.checked === true)}
          label={t('ui.settings.account.ccSender')}
        />
        <Checkbox
          checked={draft.readReceipt}
          onChange={(_, d) => set('readReceipt', d.checked === true)}
          label={t('ui.settings.account.readReceipt')}
        />

        <h3 className={styles.section}>{t('ui.settings.pacing')}</h3>
        <div className={styles.wide}>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button size="small">{t('ui.settings.pacing.presets')}</Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {PACING_PRESETS.map((preset) => (
                  <MenuItem
                    key={preset.id}
                    onClick={() => set('pacing', { ...draft.pacing, ...preset.pacing })}
                  >
                    {t(preset.label)}
                  </MenuItem>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>{' '}
          <span className={styles.note} data-testid="pacing-summary">
            {describePacing(draft.pacing, t)}
          </span>
        </div>
        <Field label={t('ui.settings.pacing.delay')} size="small">
          <Input
            size="small"
            value={ms(draft.pacing.delayMs)}
            onChange={(_, d) => setPacing('delayMs', toMs(d.value))}
          />
        </Field>
        <div style={{ display: 'flex', gap: 8 }}>
          <Field label={t('ui.settings.pacing.pauseEvery')} size="small">
            <Input
              size="small"
              value={String(draft.pacing.pauseEvery)}
              onChange={(_, d) => setPacing('pauseEvery', Math.max(0, Number(d.value) || 0))}
            />
          </Field>
          <Field label={t('ui.settings.pacing.pause')} size="small">
            <Input
              size="small"
              value={ms(draft.pacing.pauseMs)}
              onChange={(_, d) => setPacing('pauseMs', toMs(d.value))}
            />
          </Field>
        </div>
        <Field label={t('ui.settings.pacing.maxPerRun')} size="small">
          <Input
            size="small"
            value={draft.pacing.maxPerRun === null ? '' : String(draft.pacing.maxPerRun)}
            onChange={(_, d) => setPacing('maxPerRun', optionalCount(d.value))}
          />
        </Field>
        <Field label={t('ui.settings.pacing.maxPerDay')} size="small">
          <Input
            size="small"
            value={draft.pacing.maxPerDay === null ? '' : String(draft.pacing.maxPerDay)}
            onChange={(_, d) => setPacing('maxPerDay', optionalCount(d.value))}
          />
        </Field>
      </div>
      {test && test !== 'running' && (
        <MessageBar
          intent={test.ok ? 'success' : 'error'}
          style={{ marginTop: 12 }}
          data-testid="connection-test"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {t(test.ok ? 'ui.settings.account.testOk' : 'ui.settings.account.testFailed')}
            </MessageBarTitle>
            {test.message}
            {test.reply && (
              <div style={{ fontFamily: tokens.fontFamilyMonospace }}>{test.reply}</div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" icon={<SaveRegular />} onClick={() => void onSave()}>
          {t('ui.common.save')}
        </Button>
        <Button
          icon={test === 'running' ? <Spinner size="tiny" /> : <PlugConnectedRegular />}
          disabled={test === 'running'}
          onClick={() => void onTest()}
        >
          {t('ui.settings.account.test')}
        </Button>
      </div>
    </>
  );
}

function TemplatesPage() {
  const styles = useStyles();
  const { t, structureId, documentTypes, language, showError, notify } = useApp();
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
        <Field label={t('ui.journal.filter.type')} size="small">
          <Select
            size="small"
            value={type}
            onChange={(_, d) => setType(d.value as DocumentTypeCode)}
          >
            {documentTypes.map((d) => (
              <option key={d.code} value={d.code}>
                {language === 'fr' ? d.nameFr : d.nameEn}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.note} style={{ alignSelf: 'end' }}>
          {loaded.value?.isDefault
            ? t('ui.settings.templates.default')
            : t('ui.settings.templates.custom')}
        </div>
        <Field label={t('ui.bulk.subject')} size="small" className={styles.wide}>
          <Input size="small" value={subject} onChange={(_, d) => setSubject(d.value)} />
        </Field>
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

function TypesPage() {
  const styles = useStyles();
  const { t, documentTypes, language } = useApp();
  return (
    <>
      <h2 className={styles.title}>{t('ui.settings.types')}</h2>
      <table className={styles.table} data-testid="document-types">
        <thead>
          <tr>
            <th className={styles.th}>{t('ui.settings.types.name')}</th>
            <th className={styles.th}>{t('ui.settings.types.password')}</th>
            <th className={styles.th}>{t('ui.settings.types.fallback')}</th>
            <th className={styles.th}>{t('ui.settings.types.watermark')}</th>
            <th className={styles.th}>{t('ui.settings.types.summary')}</th>
          </tr>
        </thead>
        <tbody>
          {documentTypes.map((type) => (
            <tr key={type.code}>
              <td className={styles.td}>{language === 'fr' ? type.nameFr : type.nameEn}</td>
              <td className={styles.td}>
                {type.passwordRule
                  ? describePasswordRule(type.passwordRule, t)
                  : t('ui.settings.types.noPassword')}
              </td>
              <td className={styles.td}>{type.passwordFallback ?? ''}</td>
              <td className={styles.td}>{type.watermark ?? ''}</td>
              <td className={styles.td}>
                {type.requiresSummaryNumber ? t('ui.common.yes') : t('ui.common.no')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.note}>{t('ui.settings.types.note')}</p>
    </>
  );
}

function SendingPage() {
  const styles = useStyles();
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
  const styles = useStyles();
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
