// One message in full: its headers, status and attempts, every attachment as it left (the
// document, the general and the individual ones), the server's last reply, its text, and
// every event of its journal.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { STATUS_SHORT_CODE } from '../../../src-shared/domain/statuses.js';
import { useApp } from '../../app/app-context.js';
import { formatBytes, formatDateTime } from '../../app/format.js';
import { SimpleTable } from '../../components/SimpleTable.js';
import type { Message, MessageDetail } from './useOutbox.js';
import { sayRead } from '../../../src-shared/i18n/said.js';

const useStyles = makeStyles({
  details: { width: '960px', maxWidth: '96vw' },
  grid2: {
    display: 'grid',
    gridTemplateColumns: '150px 1fr',
    gap: '3px 12px',
    fontSize: tokens.fontSizeBase200,
  },
  dt: { color: tokens.colorNeutralForeground3 },
  journal: { marginTop: '10px' },
  nowrap: { whiteSpace: 'nowrap' },
  attachments: { margin: 0, paddingLeft: '16px' },
  reply: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre-wrap' },
  bodyText: {
    whiteSpace: 'pre-wrap',
    fontFamily: tokens.fontFamilyBase,
    backgroundColor: tokens.colorNeutralBackground2,
    padding: '6px',
    maxHeight: '160px',
    overflow: 'auto',
    margin: '8px 0 0',
  },
});

export function MessageDetails({
  detail,
  onClose,
}: {
  detail: MessageDetail;
  onClose: () => void;
}) {
  const styles = useStyles();
  const { t, locale, language } = useApp();
  const m = detail.message;
  // Every file as it left: the document, its own attachments, the general and individual ones.
  const attachmentText = (a: Message['attachments'][number]) =>
    [
      `${a.fileName} — ${t(`queueTruth.attachment.${a.role}`)}`,
      formatBytes(a.size, locale),
      a.encrypted ? t('queueTruth.attachment.encrypted') : null,
    ]
      .filter(Boolean)
      .join(', ');
  const row = (label: string, value: string | null) => (
    <>
      <span className={styles.dt}>{label}</span>
      <span>{value ?? ''}</span>
    </>
  );
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.details}>
        <DialogBody>
          <DialogTitle>{t('ui.outbox.detailsTitle', { id: m.id })}</DialogTitle>
          <DialogContent>
            <div className={styles.grid2} data-testid="message-details">
              {row(
                t('ui.outbox.col.status'),
                `${t(`ui.status.${m.status}`)} (${STATUS_SHORT_CODE[m.status]})`,
              )}
              {row(t('ui.outbox.createdAt'), formatDateTime(m.createdAt, locale))}
              {row(t('ui.outbox.col.user'), m.queuedBy)}
              {row(t('ui.outbox.col.workstation'), m.workstation)}
              {row(t('ui.outbox.col.dossier'), `${m.dossierNumber} — ${m.dossierName}`)}
              {row(t('ui.outbox.col.document'), m.documentNumber)}
              {row(
                t('ui.message.from'),
                m.fromName ? `${m.fromName} <${m.fromAddress}>` : m.fromAddress,
              )}
              {row(t('ui.message.to'), m.to.join(', '))}
              {m.cc.length > 0 && row(t('ui.message.cc'), m.cc.join(', '))}
              {row(t('ui.message.subject'), m.subject)}
              <span className={styles.dt}>{t('ui.message.attachments')}</span>
              <ul className={styles.attachments} data-testid="message-attachments">
                {m.attachments.length === 0 && <li>{t('queueTruth.attachments.none')}</li>}
                {m.attachments.map((a, i) => (
                  <li key={i}>{attachmentText(a)}</li>
                ))}
              </ul>
              {row(t('ui.outbox.col.sent'), formatDateTime(m.sentAt, locale))}
              {row(t('ui.outbox.attempts'), String(m.attempts))}
              {row(t('ui.outbox.messageId'), m.messageIdHeader)}
              {m.lastError &&
                row(
                  t('ui.outbox.col.observations'),
                  sayRead(language, m.lastError, m.lastErrorSaid)!,
                )}
              {m.lastReply && (
                <>
                  <span className={styles.dt}>{t('ui.outbox.serverReply')}</span>
                  <span className={styles.reply}>{m.lastReply}</span>
                </>
              )}
            </div>
            <pre className={styles.bodyText}>{m.textBody}</pre>
            <SimpleTable
              className={styles.journal}
              testId="message-journal"
              rows={detail.journal}
              rowKey={(entry) => entry.id}
              columns={[
                {
                  header: t('ui.outbox.journal.at'),
                  cell: (entry) => formatDateTime(entry.at, locale),
                  className: styles.nowrap,
                },
                { header: t('ui.outbox.journal.event'), cell: (e) => t(`ui.event.${e.event}`) },
                {
                  header: t('ui.outbox.journal.who'),
                  cell: (entry) => `${entry.actor} — ${entry.workstation}`,
                },
                {
                  header: t('ui.outbox.journal.detail'),
                  cell: (entry) => sayRead(language, entry.detail, entry.detailSaid) ?? '',
                },
                {
                  header: t('ui.outbox.serverReply'),
                  cell: (entry) => entry.serverReply ?? '',
                  className: styles.reply,
                },
              ]}
            />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t('ui.common.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
