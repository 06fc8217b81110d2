// The right of the bulk send, top: the file for everyone, the subject and text with the
// fields to insert (in plain words, as in Paramètres > Modèles), and what the recipient must
// type to open a protected PDF.
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
} from '@fluentui/react-components';
import { AttachRegular, DismissRegular, LockClosedRegular } from '@fluentui/react-icons';
import { useApp } from '../../app/app-context.js';
import { formatBytes } from '../../app/format.js';
import { InsertConditionMenu, InsertFieldMenu } from '../../components/TemplateFieldMenus.js';
import { describePasswordRule } from '../sending-texts.js';
import { useBulkSendStyles } from './bulk-send-styles.js';
import type { BulkSend } from './useBulkSend.js';

/** Above this, a file is flagged: many mailboxes refuse large messages. */
const LARGE_FILE = 1024 * 1024;

export function MessageEditor({ bulk }: { bulk: BulkSend }) {
  const { t } = useApp();
  const styles = useBulkSendStyles();
  const { editing, text, list } = bulk;
  return (
    <>
      <GeneralAttachments bulk={bulk} />
      <Field label={t('ui.bulk.subject')} size="small">
        <Input
          size="small"
          value={text.shownSubject}
          disabled={!editing}
          onChange={(_, d) => text.setSubject(d.value)}
          onFocus={text.remember('subject')}
          onSelect={text.remember('subject')}
          onPaste={text.onPaste('subject')}
        />
      </Field>
      <Field label={t('ui.bulk.body')} size="small">
        <Textarea
          size="small"
          rows={8}
          resize="vertical"
          value={text.shownBody}
          disabled={!editing}
          onChange={(_, d) => text.setBody(d.value)}
          onFocus={text.remember('body')}
          onSelect={text.remember('body')}
          onPaste={text.onPaste('body')}
        />
      </Field>
      <div className={styles.fieldMenus}>
        <InsertFieldMenu editor={text} size="small" disabled={!editing || !list} />
        <InsertConditionMenu editor={text} size="small" disabled={!editing || !list} />
      </div>
      <PasswordNotice bulk={bulk} />
    </>
  );
}

function GeneralAttachments({ bulk }: { bulk: BulkSend }) {
  const styles = useBulkSendStyles();
  const { t, locale } = useApp();
  const { editing, attachments } = bulk;
  return (
    <Field label={t('ui.bulk.generalAttachment')} size="small">
      <div className={styles.attachments}>
        {attachments.general.map((file) => (
          <span key={file.ref} className={styles.chip} data-testid="general-attachment">
            <AttachRegular />
            {file.name} ({formatBytes(file.size, locale)})
            {file.size > LARGE_FILE && (
              <Badge color="warning" size="small" appearance="tint">
                {t('ui.bulk.largeFile')}
              </Badge>
            )}
            {editing && (
              <Button
                size="small"
                appearance="transparent"
                icon={<DismissRegular />}
                aria-label={t('ui.common.remove')}
                onClick={() => attachments.removeGeneral(file.ref)}
              />
            )}
          </span>
        ))}
        <Button
          size="small"
          icon={<AttachRegular />}
          disabled={!editing}
          onClick={() => void attachments.addGeneral()}
        >
          {t('ui.bulk.addGeneralAttachment')}
        </Button>
      </div>
    </Field>
  );
}

function PasswordNotice({ bulk }: { bulk: BulkSend }) {
  const { t } = useApp();
  const rule = bulk.list?.passwordRule;
  if (!rule) return null;
  const warning = (bulk.preview?.warnings ?? []).find(
    (w) => w.code === 'warning.password.notExplained',
  );
  return (
    <MessageBar
      intent={warning ? 'warning' : 'info'}
      icon={<LockClosedRegular />}
      layout="multiline"
    >
      <MessageBarBody>
        <MessageBarTitle>{t('ui.bulk.passwordTitle')}</MessageBarTitle>
        {t('ui.bulk.passwordRule', { rule: describePasswordRule(rule, t) })}
        {warning && <div>{warning.message}</div>}
      </MessageBarBody>
    </MessageBar>
  );
}
