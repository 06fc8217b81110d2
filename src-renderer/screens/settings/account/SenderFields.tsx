// Who the messages are from: the sender's name and address, reply-to, the addresses the
// account may send as, an archive copy, a copy to the sender, a read receipt.
import { Checkbox, Field, Textarea } from '@fluentui/react-components';
import { RECORD_LIMITS } from '../../../../src-shared/domain/records.js';
import type { MessageKey } from '../../../../src-shared/i18n/catalog.js';
import { useApp } from '../../../app/app-context.js';
import { TextField } from '../../../components/TextField.js';
import { useSettingsStyles } from '../settings-styles.js';
import type { AccountPageState } from './useAccountPage.js';

const ADDRESSES = [
  ['fromName', 'ui.settings.account.fromName'],
  ['fromAddress', 'ui.settings.account.fromAddress'],
  ['replyTo', 'ui.settings.account.replyTo'],
  ['archiveBcc', 'ui.settings.account.archiveBcc'],
] as const satisfies readonly (readonly [string, MessageKey])[];

export function SenderFields({ page }: { page: AccountPageState }) {
  const styles = useSettingsStyles();
  const { t } = useApp();
  const { draft, set } = page;
  return (
    <>
      <h3 className={styles.section}>{t('ui.methods.senderSection')}</h3>
      {ADDRESSES.map(([key, label]) => (
        <TextField
          key={key}
          label={t(label)}
          type={key === 'fromName' ? undefined : 'email'}
          value={draft[key]}
          input={{ maxLength: key === 'fromName' ? RECORD_LIMITS.senderName : RECORD_LIMITS.email }}
          onChange={(value) => set(key, value)}
        />
      ))}
      <Field
        label={t('ui.settings.account.sendAs')}
        size="small"
        hint={t('ui.settings.account.sendAsHint')}
      >
        <Textarea
          size="small"
          resize="vertical"
          value={draft.sendAs}
          onChange={(_, d) => set('sendAs', d.value)}
          data-testid="account-send-as"
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
    </>
  );
}
