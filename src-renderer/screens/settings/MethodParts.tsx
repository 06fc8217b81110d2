// Parts of the account page that belong to some methods only: the connection of a Microsoft
// 365 or Google account on this workstation (the consent page in the browser, its link shown,
// a Cancel button while Postier waits), and the account's mailbox over IMAP (Sent copy,
// bounces).
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  LinkDismissRegular,
  PersonAvailableRegular,
  PlugConnectedRegular,
} from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { methodStatusSchema } from '../../../src-shared/contract/methods.js';
import { SMTP_SECURITIES, type MailAccountKind } from '../../../src-shared/domain/mail.js';
import { api, ApiFailure, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import type { MethodDraft, MethodSections } from '../../logic/method-settings.js';
import { TextField } from '../../components/TextField.js';

type MethodStatus = z.output<typeof methodStatusSchema>;

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '10px 12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  line: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  hint: { fontSize: tokens.fontSizeBase200 },
  url: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    wordBreak: 'break-all',
    color: tokens.colorNeutralForeground3,
  },
});

const STATE_COLOR = { connected: 'success', not_connected: 'informative', reconnect: 'warning' };

export function OAuthConnection({
  className,
  status,
  pendingKind,
  askSecret,
  save,
  onStatus,
}: {
  className: string;
  status: MethodStatus;
  /** The method chosen is not saved yet: connecting saves it first. */
  pendingKind: boolean;
  askSecret: boolean;
  save: () => Promise<MethodStatus>;
  onStatus: (status: MethodStatus) => void;
}) {
  const styles = useStyles();
  const { t, structureId, showError, notify } = useApp();
  const [waiting, setWaiting] = useState<{ url: string | null } | null>(null);
  const [secret, setSecret] = useState('');
  useEffect(
    () =>
      api.on('methods.authorizationUrl', (event) => {
        if (event.structureId === structureId) setWaiting((w) => (w ? { url: event.url } : w));
      }),
    [structureId],
  );

  const connect = async () => {
    try {
      await save();
    } catch (error) {
      showError(error);
      return;
    }
    setWaiting({ url: null });
    try {
      const connected = await call(
        api.methods.connect({
          structureId: structureId!,
          ...(secret.trim() && { clientSecret: secret.trim() }),
        }),
      );
      onStatus(connected);
      setSecret('');
      notify(t('ui.methods.connectedNotice', { account: connected.connectedAs ?? '' }));
    } catch (error) {
      if (!(error instanceof ApiFailure && error.error.code === 'methods.oauth.cancelled'))
        showError(error);
    } finally {
      setWaiting(null);
    }
  };

  const disconnect = async () => {
    try {
      onStatus(await call(api.methods.disconnect({ structureId: structureId! })));
      notify(t('ui.methods.disconnectedNotice'));
    } catch (error) {
      showError(error);
    }
  };

  const state = pendingKind ? 'not_connected' : (status.connection ?? 'not_connected');
  const provider = status.provider ? t(`ui.methods.provider.${status.provider}`) : '';
  return (
    <section className={`${styles.box} ${className}`} data-testid="oauth-connection">
      <div className={styles.line}>
        <strong>{t('ui.methods.connection')}</strong>
        <Badge
          appearance="tint"
          shape="rounded"
          color={STATE_COLOR[state] as 'success' | 'informative' | 'warning'}
          data-state={state}
        >
          {t(`ui.methods.connection.${state}`)}
        </Badge>
        {state === 'connected' && status.connectedAs && (
          <span>
            <PersonAvailableRegular /> {status.connectedAs}
          </span>
        )}
      </div>
      <div className={styles.hint}>{t(`ui.methods.connectionHint.${state}`, { provider })}</div>
      {askSecret && state !== 'connected' && (
        <Field
          label={t('ui.methods.clientSecret')}
          size="small"
          hint={t('ui.methods.clientSecretHint')}
        >
          <Input
            size="small"
            type="password"
            autoComplete="off"
            value={secret}
            style={{ maxWidth: 360 }}
            onChange={(_, d) => setSecret(d.value)}
          />
        </Field>
      )}
      {waiting ? (
        <MessageBar intent="info" layout="multiline" data-testid="oauth-waiting">
          <MessageBarBody>
            <MessageBarTitle>{t('ui.methods.waitingTitle')}</MessageBarTitle>
            {waiting.url ? (
              <>
                {t('ui.methods.waitingText', { provider })}{' '}
                <Link href={waiting.url} target="_blank" rel="noreferrer">
                  {t('ui.methods.openConsent')}
                </Link>
                <div className={styles.url} data-testid="oauth-url">
                  {waiting.url}
                </div>
              </>
            ) : (
              <Spinner size="extra-tiny" label={t('ui.methods.preparing')} labelPosition="after" />
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              onClick={() => void api.methods.cancelConnect({ structureId: structureId! })}
            >
              {t('ui.common.cancel')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <div className={styles.line}>
          <Button
            size="small"
            appearance={state === 'connected' ? 'secondary' : 'primary'}
            icon={<PlugConnectedRegular />}
            onClick={() => void connect()}
          >
            {t(state === 'not_connected' ? 'ui.methods.connect' : 'ui.methods.reconnect')}
          </Button>
          {state !== 'not_connected' && (
            <Button size="small" icon={<LinkDismissRegular />} onClick={() => void disconnect()}>
              {t('ui.methods.disconnect')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

export function MailboxFields({
  kind,
  sections,
  draft,
  setField,
  sectionClass,
  pairClass,
}: {
  kind: MailAccountKind;
  sections: MethodSections;
  draft: MethodDraft;
  setField: <K extends keyof MethodDraft>(key: K, value: MethodDraft[K]) => void;
  sectionClass: string;
  pairClass: string;
}) {
  const { t } = useApp();
  return (
    <>
      <h3 className={sectionClass}>{t('ui.methods.mailboxSection')}</h3>
      {sections.sentCopy && (
        <>
          <Checkbox
            checked={draft.sentCopy}
            onChange={(_, d) => setField('sentCopy', d.checked === true)}
            label={t('ui.methods.sentCopy')}
          />
          <TextField
            label={t('ui.methods.sentFolder')}
            hint={t('ui.methods.sentFolderHint')}
            disabled={!draft.sentCopy}
            value={draft.sentFolder}
            onChange={(value) => setField('sentFolder', value)}
          />
        </>
      )}
      <Checkbox
        checked={draft.bounces}
        onChange={(_, d) => setField('bounces', d.checked === true)}
        label={t('ui.methods.bounces')}
      />
      <TextField
        label={t('ui.methods.bounceFolder')}
        hint={t('ui.methods.bounceFolderHint')}
        disabled={!draft.bounces}
        value={draft.bounceFolder}
        onChange={(value) => setField('bounceFolder', value)}
      />
      {sections.imap && (
        <>
          <TextField
            label={t('ui.methods.imapHost')}
            hint={kind === 'smtp-oauth' ? t('ui.methods.imapDefaultHint') : undefined}
            placeholder="outlook.office365.com"
            value={draft.imapHost}
            onChange={(value) => setField('imapHost', value)}
          />
          <div className={pairClass}>
            <Field label={t('ui.settings.account.port')} size="small" style={{ width: 90 }}>
              <Input
                size="small"
                value={draft.imapPort}
                inputMode="numeric"
                placeholder={draft.imapSecurity === 'tls' ? '993' : '143'}
                onChange={(_, d) => setField('imapPort', d.value.replace(/\D/g, ''))}
              />
            </Field>
            <Field label={t('ui.settings.account.security')} size="small" style={{ flexGrow: 1 }}>
              <Select
                size="small"
                value={draft.imapSecurity}
                onChange={(_, d) =>
                  setField('imapSecurity', d.value as MethodDraft['imapSecurity'])
                }
              >
                {SMTP_SECURITIES.map((s) => (
                  <option key={s} value={s}>
                    {t(`ui.methods.imapSecurity.${s}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <TextField
            label={t('ui.methods.imapUser')}
            hint={t(
              kind === 'smtp-oauth' ? 'ui.methods.imapUserOAuthHint' : 'ui.methods.imapUserHint',
            )}
            value={draft.imapUser}
            input={{ autoComplete: 'off' }}
            onChange={(value) => setField('imapUser', value)}
          />
        </>
      )}
    </>
  );
}
