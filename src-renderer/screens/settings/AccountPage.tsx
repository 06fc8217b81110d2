// Paramètres > Compte de messagerie: the method (SMTP, Microsoft 365, Gmail, Outlook,
// Thunderbird, .eml draft, sandbox) with its own fields, the sender, the mailbox (Sent copy,
// bounces), the pacing, the connection of an OAuth account on this workstation and the
// connection test. One "Enregistrer" saves the account and its method's settings.
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
  tokens,
} from '@fluentui/react-components';
import { PlugConnectedRegular, SaveRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type {
  connectionTestSchema,
  methodStatusSchema,
} from '../../../src-shared/contract/methods.js';
import type { mailAccountSchema } from '../../../src-shared/contract/sending.js';
import {
  MAIL_ACCOUNT_KINDS,
  MAIL_PRESETS,
  SMTP_SECURITIES,
  type Pacing,
} from '../../../src-shared/domain/mail.js';
import { OAUTH_PROVIDER_IDS, OUTLOOK_MODES } from '../../../src-shared/domain/sending-methods.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { useAsync } from '../../app/use-async.js';
import {
  methodDraftOf,
  methodSettingsInput,
  sectionsFor,
  type MethodDraft,
} from '../../logic/method-settings.js';
import { PACING_PRESETS } from '../../logic/pacing-presets.js';
import { describePacing } from '../sending-texts.js';
import { MailboxFields, OAuthConnection } from './MethodParts.js';
import { useSettingsStyles } from './settings-styles.js';

type Account = z.output<typeof mailAccountSchema>;
type MethodStatus = z.output<typeof methodStatusSchema>;
type ConnectionTest = z.output<typeof connectionTestSchema>;

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

export function AccountPage() {
  const styles = useSettingsStyles();
  const { t, structureId, showError, notify } = useApp();
  const loaded = useAsync(
    async () => ({
      account: await call(api.accounts.get({ structureId: structureId! })),
      status: await call(api.methods.status({ structureId: structureId! })),
    }),
    String(structureId),
    showError,
  );
  const [draft, setDraft] = useState<AccountDraft | null>(null);
  const [method, setMethod] = useState<MethodDraft | null>(null);
  const [status, setStatus] = useState<MethodStatus | null>(null);
  const [test, setTest] = useState<ConnectionTest | 'running' | null>(null);
  useEffect(() => {
    if (!loaded.value) return;
    setDraft(draftOfAccount(loaded.value.account));
    setMethod(methodDraftOf(loaded.value.status.settings));
    setStatus(loaded.value.status);
  }, [loaded.value]);
  if (!draft || !method || !status || !loaded.value)
    return <Spinner size="small" label={t('ui.common.loading')} />;
  const account = loaded.value.account;
  const sections = sectionsFor(draft.kind, method, status.provider);
  const set = <K extends keyof AccountDraft>(key: K, value: AccountDraft[K]) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d));
  const setPacing = <K extends keyof Pacing>(key: K, value: Pacing[K]) =>
    setDraft((d) => (d ? { ...d, pacing: { ...d.pacing, [key]: value } } : d));
  const setField = <K extends keyof MethodDraft>(key: K, value: MethodDraft[K]) =>
    setMethod((m) => (m ? { ...m, [key]: value } : m));

  /** The method's settings first (their checks are the most likely to refuse), then the account. */
  const save = async (): Promise<MethodStatus> => {
    await call(
      api.methods.saveSettings({
        structureId: structureId!,
        settings: methodSettingsInput(method),
      }),
    );
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
    const savedStatus = await call(api.methods.status({ structureId: structureId! }));
    loaded.set({ account: saved, status: savedStatus });
    return savedStatus;
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
      setTest(await call(api.methods.test({ structureId: structureId! })));
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
  const providerLabel = (id: string) => t(`ui.methods.provider.${id as 'microsoft' | 'google'}`);

  return (
    <>
      <h2 className={styles.title}>{t('ui.settings.account')}</h2>
      <div className={styles.form}>
        <Field label={t('ui.settings.account.kind')} size="small">
          <Select
            size="small"
            value={draft.kind}
            onChange={(_, d) => {
              set('kind', d.value as AccountDraft['kind']);
              setTest(null);
            }}
          >
            {MAIL_ACCOUNT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`ui.settings.account.kind.${kind}`)}
              </option>
            ))}
          </Select>
        </Field>
        {sections.providerChoice ? (
          <Field label={t('ui.methods.provider')} size="small">
            <Select
              size="small"
              value={method.provider}
              onChange={(_, d) => setField('provider', d.value as MethodDraft['provider'])}
            >
              <option value="">
                {status.provider && !method.provider
                  ? t('ui.methods.provider.implied', { provider: providerLabel(status.provider) })
                  : t('ui.methods.provider.choose')}
              </option>
              {OAUTH_PROVIDER_IDS.map((id) => (
                <option key={id} value={id}>
                  {providerLabel(id)}
                </option>
              ))}
            </Select>
          </Field>
        ) : draft.kind === 'smtp' ? (
          <Field label={t('ui.settings.account.preset')} size="small">
            <Select
              size="small"
              value={draft.preset ?? ''}
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
        ) : (
          <div />
        )}
        <div className={`${styles.note} ${styles.wide}`} data-testid="method-description">
          {t(`ui.methods.describe.${draft.kind}`)}
        </div>
        {sections.cannotPace && (
          <MessageBar intent="warning" className={styles.wide} data-testid="method-cannot-pace">
            <MessageBarBody>{t('ui.methods.cannotPace')}</MessageBarBody>
          </MessageBar>
        )}

        {sections.smtpServer && (
          <>
            <Field
              label={t('ui.settings.account.host')}
              size="small"
              hint={draft.kind === 'smtp-oauth' ? t('ui.methods.smtpDefaultHint') : undefined}
            >
              <Input
                size="small"
                value={draft.host}
                placeholder="smtp.office365.com"
                onChange={(_, d) => set('host', d.value)}
              />
            </Field>
            <div className={styles.pair}>
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
            <Field
              label={
                sections.smtpPassword
                  ? t('ui.settings.account.username')
                  : t('ui.methods.mailboxAddress')
              }
              size="small"
            >
              <Input
                size="small"
                value={draft.username}
                autoComplete="off"
                onChange={(_, d) => set('username', d.value)}
              />
            </Field>
            {sections.smtpPassword ? (
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
            ) : (
              <div />
            )}
          </>
        )}

        {sections.oauth && (
          <>
            <h3 className={styles.section}>{t('ui.methods.oauthSection')}</h3>
            <Field
              label={t('ui.methods.clientId')}
              size="small"
              hint={t('ui.methods.clientIdHint')}
            >
              <Input
                size="small"
                value={method.clientId}
                autoComplete="off"
                onChange={(_, d) => setField('clientId', d.value)}
              />
            </Field>
            {sections.tenant ? (
              <Field label={t('ui.methods.tenant')} size="small" hint={t('ui.methods.tenantHint')}>
                <Input
                  size="small"
                  value={method.tenant}
                  placeholder="residence.onmicrosoft.com"
                  onChange={(_, d) => setField('tenant', d.value)}
                />
              </Field>
            ) : (
              <div />
            )}
            <Field
              label={t('ui.methods.authority')}
              size="small"
              hint={t('ui.methods.authorityHint')}
              className={styles.wide}
            >
              <Input
                size="small"
                value={method.authority}
                placeholder={t('ui.methods.authorityPlaceholder')}
                onChange={(_, d) => setField('authority', d.value)}
              />
            </Field>
            <OAuthConnection
              className={styles.wide}
              status={status}
              pendingKind={draft.kind !== status.kind}
              askSecret={sections.clientSecret}
              save={save}
              onStatus={setStatus}
            />
          </>
        )}

        {sections.outlook && (
          <Field label={t('ui.methods.outlookMode')} size="small" className={styles.wide}>
            <RadioGroup
              value={method.outlookMode}
              onChange={(_, d) => setField('outlookMode', d.value as MethodDraft['outlookMode'])}
            >
              {OUTLOOK_MODES.map((mode) => (
                <Radio key={mode} value={mode} label={t(`ui.methods.outlookMode.${mode}`)} />
              ))}
            </RadioGroup>
          </Field>
        )}
        {sections.thunderbird && (
          <Field
            label={t('ui.methods.thunderbirdPath')}
            size="small"
            hint={t('ui.methods.thunderbirdHint')}
            className={styles.wide}
          >
            <Input
              size="small"
              value={method.thunderbirdPath}
              placeholder="C:\Program Files\Mozilla Thunderbird\thunderbird.exe"
              onChange={(_, d) => setField('thunderbirdPath', d.value)}
            />
          </Field>
        )}

        <h3 className={styles.section}>{t('ui.methods.senderSection')}</h3>
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

        {(sections.sentCopy || sections.bounces) && (
          <MailboxFields
            kind={draft.kind}
            sections={sections}
            draft={method}
            setField={setField}
            sectionClass={styles.section}
            pairClass={styles.pair}
          />
        )}

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
        <div className={styles.pair}>
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
          layout="multiline"
          className={styles.formWidth}
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
