// The right of the bulk send, bottom: the exact messages of the selected row, one per address
// as they will leave (a chooser when the document goes to several), each with every file it
// carries; then how long the send will take at the account's pace.
import { Tab, TabList } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useApp } from '../../app/app-context.js';
import { formatBytes } from '../../app/format.js';
import { MessageHeaders } from '../../components/MessageHeaders.js';
import { describeDuration, pacingMs } from '../../logic/remaining-time.js';
import { describePacing } from '../sending-texts.js';
import type { PreviewMessage } from '../sending-types.js';
import { useBulkSendStyles } from './bulk-send-styles.js';
import type { BulkSend } from './useBulkSend.js';

export function MessagePreview({ bulk }: { bulk: BulkSend }) {
  const styles = useBulkSendStyles();
  const { t } = useApp();
  const { focusedRow, preview } = bulk;
  const [chosen, setChosen] = useState(0);
  const messages = preview?.messages ?? [];
  // Another row (or another answer): its first address.
  useEffect(() => setChosen(0), [preview]);
  const message = messages[Math.min(chosen, messages.length - 1)];
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
      {focusedRow && messages.length > 1 && (
        <TabList
          size="small"
          aria-label={t('ui.bulkWarnings.preview.addresses')}
          selectedValue={String(chosen)}
          onTabSelect={(_, d) => setChosen(Number(d.value))}
        >
          {messages.map((m, i) => (
            <Tab key={i} value={String(i)}>
              {m.to.join(', ')}
            </Tab>
          ))}
        </TabList>
      )}
      {focusedRow && message && <OneMessage message={message} />}
    </section>
  );
}

function OneMessage({ message }: { message: PreviewMessage }) {
  const styles = useBulkSendStyles();
  const { t, locale } = useApp();
  const describe = (a: PreviewMessage['attachments'][number]) =>
    [formatBytes(a.size, locale), t(`ui.bulkWarnings.role.${a.role}`)]
      .concat(a.encrypted ? [t('ui.bulkWarnings.protected')] : [])
      .join(', ');
  return (
    <div data-testid="bulk-preview-message">
      <MessageHeaders
        message={message}
        to={message.to}
        attachmentText={(a) => `${a.fileName}${a.encrypted ? ' 🔒' : ''} (${describe(a)})`}
      />
      <pre className={styles.previewBody}>{message.text}</pre>
    </div>
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
