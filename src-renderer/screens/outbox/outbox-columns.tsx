// The columns of the outbox's list, after the Winpass seed.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useApp } from '../../app/app-context.js';
import { formatDateTime } from '../../app/format.js';
import type { GridColumn } from '../../components/DataGrid.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import type { Message } from './useOutbox.js';

const useStyles = makeStyles({ error: { color: tokens.colorPaletteRedForeground1 } });

export function useOutboxColumns(): GridColumn<Message>[] {
  const styles = useStyles();
  const { t, locale } = useApp();
  return [
    {
      id: 'status',
      header: t('ui.outbox.col.status'),
      width: 62,
      align: 'center',
      cell: (m) => <StatusBadge status={m.status} />,
    },
    { id: 'dossier', header: t('ui.outbox.col.dossier'), width: 76, cell: (m) => m.dossierNumber },
    {
      id: 'name',
      header: t('ui.outbox.col.name'),
      width: 170,
      grow: true,
      cell: (m) => m.dossierName,
    },
    {
      id: 'document',
      header: t('ui.outbox.col.document'),
      width: 110,
      cell: (m) => m.documentNumber,
    },
    {
      id: 'to',
      header: t('ui.outbox.col.to'),
      width: 190,
      cell: (m) => m.to.join(', '),
      title: (m) => m.to.join(', '),
    },
    {
      id: 'created',
      header: t('ui.outbox.col.created'),
      width: 140,
      cell: (m) => formatDateTime(m.createdAt, locale),
    },
    {
      id: 'sent',
      header: t('ui.outbox.col.sent'),
      width: 140,
      cell: (m) => formatDateTime(m.sentAt, locale),
    },
    { id: 'user', header: t('ui.outbox.col.user'), width: 100, cell: (m) => m.queuedBy },
    {
      id: 'workstation',
      header: t('ui.outbox.col.workstation'),
      width: 110,
      cell: (m) => m.workstation,
    },
    {
      id: 'observations',
      header: t('ui.outbox.col.observations'),
      width: 220,
      cell: (m) => (
        <span className={m.status === 'failed' ? styles.error : undefined}>
          {m.lastError ?? ''}
        </span>
      ),
      title: (m) => [m.lastError, m.lastReply].filter(Boolean).join('\n'),
    },
  ];
}
