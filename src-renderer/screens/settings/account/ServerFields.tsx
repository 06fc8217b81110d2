// What some methods need to reach their server: the SMTP server and its login, the OAuth
// application and the connection on this workstation, Outlook's mode, Thunderbird's path.
import { Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { SMTP_SECURITIES } from '../../../../src-shared/domain/mail.js';
import { OUTLOOK_MODES } from '../../../../src-shared/domain/sending-methods.js';
import { useApp } from '../../../app/app-context.js';
import { TextField } from '../../../components/TextField.js';
import type { MethodDraft } from '../../../logic/method-settings.js';
import { OAuthConnection } from '../MethodParts.js';
import { useSettingsStyles } from '../settings-styles.js';
import type { AccountDraft } from './account-draft.js';
import type { AccountPageState } from './useAccountPage.js';

export function ServerFields({ page }: { page: AccountPageState }) {
  const styles = useSettingsStyles();
  const { t } = useApp();
  const { draft, method, sections, setField } = page;
  return (
    <>
      {sections.smtpServer && <SmtpServer page={page} />}
      {sections.oauth && (
        <>
          <h3 className={styles.section}>{t('ui.methods.oauthSection')}</h3>
          <TextField
            label={t('ui.methods.clientId')}
            hint={t('ui.methods.clientIdHint')}
            value={method.clientId}
            input={{ autoComplete: 'off' }}
            onChange={(value) => setField('clientId', value)}
          />
          {sections.tenant ? (
            <TextField
              label={t('ui.methods.tenant')}
              hint={t('ui.methods.tenantHint')}
              value={method.tenant}
              placeholder="residence.onmicrosoft.com"
              onChange={(value) => setField('tenant', value)}
            />
          ) : (
            <div />
          )}
          <TextField
            label={t('ui.methods.authority')}
            hint={t('ui.methods.authorityHint')}
            className={styles.wide}
            value={method.authority}
            placeholder={t('ui.methods.authorityPlaceholder')}
            onChange={(value) => setField('authority', value)}
          />
          <OAuthConnection
            className={styles.wide}
            status={page.status}
            pendingKind={draft.kind !== page.status.kind}
            askSecret={sections.clientSecret}
            save={page.save}
            onStatus={page.setStatus}
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
        <TextField
          label={t('ui.methods.thunderbirdPath')}
          hint={t('ui.methods.thunderbirdHint')}
          className={styles.wide}
          value={method.thunderbirdPath}
          placeholder="C:\Program Files\Mozilla Thunderbird\thunderbird.exe"
          onChange={(value) => setField('thunderbirdPath', value)}
        />
      )}
    </>
  );
}

function SmtpServer({ page }: { page: AccountPageState }) {
  const styles = useSettingsStyles();
  const { t } = useApp();
  const { draft, sections, set } = page;
  return (
    <>
      <TextField
        label={t('ui.settings.account.host')}
        hint={draft.kind === 'smtp-oauth' ? t('ui.methods.smtpDefaultHint') : undefined}
        value={draft.host}
        placeholder="smtp.office365.com"
        onChange={(value) => set('host', value)}
      />
      <div className={styles.pair}>
        <Field label={t('ui.settings.account.port')} size="small" style={{ width: 90 }}>
          <Input
            size="small"
            // Within its 90 px: it ran under the Sécurité list beside it.
            style={{ width: '100%', minWidth: 0 }}
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
      <TextField
        label={
          sections.smtpPassword ? t('ui.settings.account.username') : t('ui.methods.mailboxAddress')
        }
        value={draft.username}
        input={{ autoComplete: 'off' }}
        onChange={(value) => set('username', value)}
      />
      {sections.smtpPassword ? (
        <TextField
          label={t('ui.settings.account.password')}
          hint={page.account.hasPassword ? t('ui.settings.account.passwordKept') : undefined}
          type="password"
          value={draft.password}
          input={{ autoComplete: 'new-password' }}
          onChange={(value) => set('password', value)}
        />
      ) : (
        <div />
      )}
    </>
  );
}
