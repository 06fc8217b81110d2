// The right of the bulk send, bottom: the exact message of the selected row, then how long
// the send will take at the account's pace.
import { useApp } from '../../app/app-context.js';
import { MessageHeaders } from '../../components/MessageHeaders.js';
import { describeDuration, pacingMs } from '../../logic/remaining-time.js';
import { describePacing } from '../sending-texts.js';
import { useBulkSendStyles } from './bulk-send-styles.js';
import type { BulkSend } from './useBulkSend.js';

export function MessagePreview({ bulk }: { bulk: BulkSend }) {
  const styles = useBulkSendStyles();
  const { t } = useApp();
  const { focusedRow, preview } = bulk;
  return (
    <section
      className={styles.preview}
      aria-label={t('ui.bulk.preview')}
      data-testid="bulk-preview"
    >
      <strong>{t('ui.bulk.preview')}</strong>
      {!focusedRow && <span className={styles.note}>{t('ui.bulk.previewHint')}</span>}
      {focusedRow && preview?.messages.length === 0 && (
        <span className={styles.bad}>
          {preview.warnings.map((w) => w.message).join(' ') || t('ui.bulk.previewNone')}
        </span>
      )}
      {focusedRow &&
        preview?.messages.slice(0, 1).map((m, i) => (
          <div key={i}>
            <MessageHeaders
              message={m}
              to={preview.messages.flatMap((x) => x.to)}
              attachmentText={(a) => `${a.fileName}${a.encrypted ? ' 🔒' : ''}`}
            />
            <pre className={styles.previewBody}>{m.text}</pre>
          </div>
        ))}
    </section>
  );
}

export function PacingNote({ bulk }: { bulk: BulkSend }) {
  const styles = useBulkSendStyles();
  const { t, language } = useApp();
  const account = bulk.list?.account;
  if (!account) return null;
  return (
    <div className={styles.note} data-testid="bulk-pacing">
      {t('ui.bulk.pacing', {
        pacing: describePacing(account.pacing, t),
        duration: describeDuration(pacingMs(bulk.checked.size, 0, account.pacing), language),
      })}
    </div>
  );
}
