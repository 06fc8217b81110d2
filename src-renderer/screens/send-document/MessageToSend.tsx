// The right of the single send: "already sent" with the way to send again, what the preview
// warns about, and the exact message that will go.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useApp } from '../../app/app-context.js';
import { formatBytes, formatDateTime } from '../../app/format.js';
import { MessageHeaders } from '../../components/MessageHeaders.js';
import type { SendDocument } from './useSendDocument.js';

const useStyles = makeStyles({
  bar: { marginBottom: '8px' },
  preview: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: '10px',
    fontSize: tokens.fontSizeBase200,
    display: 'flex',
    flexDirection: 'column',
    gap: '3px',
    backgroundColor: tokens.colorNeutralBackground1,
    overflow: 'auto',
    maxHeight: '60vh',
  },
  body: {
    whiteSpace: 'pre-wrap',
    fontFamily: tokens.fontFamilyBase,
    margin: '8px 0 0',
    padding: '8px',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export function MessageToSend({ send }: { send: SendDocument }) {
  const styles = useStyles();
  const { t, locale } = useApp();
  const { preview, message } = send;
  return (
    <div>
      {(send.state.emailState === 'sent' || send.state.emailState === 'partial') && (
        <MessageBar intent="info" layout="multiline" className={styles.bar}>
          <MessageBarBody>
            {t('ui.send.alreadySent', { date: formatDateTime(send.state.lastSentAt, locale) })}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={send.resetState}>
              {t('ui.send.reset')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {send.confirmDialog}
      {send.previewError && (
        <MessageBar intent="error" layout="multiline" className={styles.bar}>
          <MessageBarBody>{send.previewError}</MessageBarBody>
        </MessageBar>
      )}
      {preview?.warnings.map((w, i) => (
        <MessageBar key={i} intent="warning" layout="multiline" className={styles.bar}>
          <MessageBarBody>{w.message}</MessageBarBody>
        </MessageBar>
      ))}
      <section
        className={styles.preview}
        aria-label={t('ui.send.exactMessage')}
        data-testid="send-preview"
      >
        <strong>{t('ui.send.exactMessage')}</strong>
        {!message && (
          <span className={styles.note}>
            {send.chosen.length === 0
              ? t('ui.send.chooseRecipient')
              : preview?.excludedText.join(' ') || t('ui.common.loading')}
          </span>
        )}
        {message && preview && (
          <>
            <MessageHeaders
              message={message}
              to={preview.messages.flatMap((m) => m.to)}
              attachmentText={(a) =>
                `${a.fileName} (${formatBytes(a.size, locale)})${a.encrypted ? ` — ${t('ui.message.encrypted')}` : ''}`
              }
            />
            {preview.messages.length > 1 && (
              <div className={styles.note}>
                {t('ui.send.onePerRecipient', { count: preview.messages.length })}
              </div>
            )}
            <pre className={styles.body}>{message.text}</pre>
          </>
        )}
      </section>
    </div>
  );
}
