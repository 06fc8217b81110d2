// The head of a message as it will leave: sender, recipients, copy, subject and attachments.
// Shared by the bulk send's preview and the single send's, which differ only in how they
// name an attachment.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { previewMessageSchema } from '../../src-shared/contract/sending.js';
import { useApp } from '../app/app-context.js';

type PreviewMessage = z.output<typeof previewMessageSchema>;

const useStyles = makeStyles({
  label: { color: tokens.colorNeutralForeground3, display: 'inline-block', minWidth: '76px' },
});

export function MessageHeaders({
  message,
  to,
  attachmentText,
}: {
  message: PreviewMessage;
  /** Every recipient of the send (one message each), shown as one list. */
  to: string[];
  attachmentText: (attachment: PreviewMessage['attachments'][number]) => string;
}) {
  const { t } = useApp();
  const styles = useStyles();
  const line = (label: string, value: ReactNode) => (
    <div>
      <span className={styles.label}>{label}</span> {value}
    </div>
  );
  return (
    <>
      {line(t('ui.message.from'), message.from)}
      {message.replyTo && line(t('ui.message.replyTo'), message.replyTo)}
      {line(t('ui.message.to'), to.join(', '))}
      {message.cc.length > 0 && line(t('ui.message.cc'), message.cc.join(', '))}
      {line(t('ui.message.subject'), <strong>{message.subject}</strong>)}
      {line(t('ui.message.attachments'), message.attachments.map(attachmentText).join(', '))}
    </>
  );
}
