// The top of the account page: the method, its provider (OAuth) or preset (SMTP), what the
// method does, and a warning when it cannot pace.
import { Field, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { MAIL_ACCOUNT_KINDS, MAIL_PRESETS } from '../../../../src-shared/domain/mail.js';
import { OAUTH_PROVIDER_IDS } from '../../../../src-shared/domain/sending-methods.js';
import { useApp } from '../../../app/app-context.js';
import type { MethodDraft } from '../../../logic/method-settings.js';
import { useSettingsStyles } from '../settings-styles.js';
import type { AccountDraft } from './account-draft.js';
import type { AccountPageState } from './useAccountPage.js';

export function MethodChoice({ page }: { page: AccountPageState }) {
  const styles = useSettingsStyles();
  const { t } = useApp();
  const { draft, method, status, sections } = page;
  const providerLabel = (id: string) => t(`ui.methods.provider.${id as 'microsoft' | 'google'}`);
  return (
    <>
      <Field label={t('ui.settings.account.kind')} size="small">
        <Select
          size="small"
          value={draft.kind}
          onChange={(_, d) => page.setKind(d.value as AccountDraft['kind'])}
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
            onChange={(_, d) => page.setField('provider', d.value as MethodDraft['provider'])}
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
            onChange={(_, d) => page.set('preset', (d.value || null) as AccountDraft['preset'])}
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
    </>
  );
}
