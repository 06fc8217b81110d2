// The columns of the outbox's list, after the Winpass seed.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useApp } from '../../app/app-context.js';
import { formatLocalDateTime } from '../../../src-shared/domain/schedule.js';
import { scheduleNote, scheduleState } from '../../../src-shared/format/schedule-text.js';
import { formatDateTime } from '../../app/format.js';
import type { GridColumn } from '../../components/DataGrid.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import type { Message } from './useOutbox.js';
import { sayRead } from '../../../src-shared/i18n/said.js';

const useStyles = makeStyles({
  remark: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function useOutboxColumns(): GridColumn<Message>[] {
  const styles = useStyles();
  const { t, locale, language } = useApp();
  /** When it is scheduled, else why it failed, in the screen's language (the reply as written). */
  const remark = (m: Message) =>
    scheduleNote(m, language) ?? sayRead(language, m.lastError, m.lastErrorSaid);
  /**
   * The cell's words: a scheduled message's time is in "Envoyé le" (→ …), so the cell says
   * only "Programmé" or "Dépassé : …", once; its tooltip keeps the whole note.
   */
  const shortRemark = (m: Message) => {
    const state = scheduleState(m);
    if (state === 'waiting') return t('schedule.status.waitingShort');
    if (state === 'passed') return t('schedule.status.passedShort');
    return remark(m);
  };
  return [
    {
      id: 'status',
      header: t('ui.outbox.col.status'),
      width: 62,
      minWidth: 58,
      align: 'center',
      cell: (m) => <StatusBadge status={m.status} />,
    },
    {
      id: 'dossier',
      header: t('ui.outbox.col.dossier'),
      width: 76,
      minWidth: 66,
      cell: (m) => m.dossierNumber,
    },
    {
      id: 'name',
      header: t('ui.outbox.col.name'),
      width: 200,
      minWidth: 110,
      grow: true,
      cell: (m) => m.dossierName,
    },
    {
      id: 'document',
      header: t('ui.outbox.col.document'),
      width: 112,
      minWidth: 108,
      whole: true,
      cell: (m) => m.documentNumber,
    },
    {
      id: 'to',
      header: t('ui.outbox.col.to'),
      width: 200,
      minWidth: 104,
      cell: (m) => m.to.join(', '),
      title: (m) => m.to.join(', '),
    },
    // When, by whom and where it was queued: in the message's details too, so left out at
    // 1024 px for the date it left and the remarks to stay whole.
    {
      id: 'created',
      header: t('ui.outbox.col.created'),
      width: 136,
      whole: true,
      optional: true,
      cell: (m) => formatDateTime(m.createdAt, locale),
    },
    {
      id: 'sent',
      header: t('ui.outbox.col.sent'),
      width: 136,
      whole: true,
      // Not sent yet and scheduled: when it will leave (its remark says "Programmé : …").
      cell: (m) =>
        m.sentAt || !scheduleNote(m, language)
          ? formatDateTime(m.sentAt, locale)
          : `→ ${formatLocalDateTime(m.scheduledAt!)}`,
      title: (m) => (m.sentAt ? '' : (scheduleNote(m, language) ?? '')),
    },
    {
      id: 'user',
      header: t('ui.outbox.col.user'),
      width: 100,
      minWidth: 84,
      optional: true,
      cell: (m) => m.queuedBy,
    },
    {
      id: 'workstation',
      header: t('ui.outbox.col.workstation'),
      width: 110,
      minWidth: 96,
      optional: true,
      cell: (m) => m.workstation,
    },
    {
      id: 'observations',
      header: t('ui.outbox.col.observations'),
      width: 220,
      minWidth: 104,
      cell: (m) => (
        <span className={mergeClasses(styles.remark, m.status === 'failed' && styles.error)}>
          {shortRemark(m) ?? ''}
        </span>
      ),
      title: (m) => [remark(m), m.lastReply].filter(Boolean).join('\n'),
    },
  ];
}
