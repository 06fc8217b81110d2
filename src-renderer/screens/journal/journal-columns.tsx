// The columns of the journal: the envelope, the document, its dossier, its amount, when it
// was last sent, what its messages say ("Envoyé 1/2 — 1 en échec", from the core's
// describeSendState), and a "send by e-mail" button on each row.
import { Button, makeStyles } from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { describeSendState } from '../../../src-shared/domain/document-send-state.js';
import type { JournalDocument } from '../../../src-shared/domain/documents.js';
import { useApp } from '../../app/app-context.js';
import { formatAmount, formatDateTime, formatDay } from '../../app/format.js';
import { useTypeName } from '../../app/type-names.js';
import type { GridColumn } from '../../components/DataGrid.js';
import { EmailStateIcon } from '../../components/EmailStateIcon.js';

const useStyles = makeStyles({
  rowButton: { minWidth: 'auto', height: '20px', padding: '0 4px' },
});

export function useJournalColumns(
  openSend: (document: JournalDocument) => void,
): GridColumn<JournalDocument>[] {
  const styles = useStyles();
  const { t, locale, language } = useApp();
  const typeName = useTypeName();
  return [
    {
      id: 'email',
      header: '✉',
      width: 30,
      align: 'center',
      cell: (d) => (
        <EmailStateIcon state={d.send.state} label={describeSendState(language, d.send)} />
      ),
    },
    {
      id: 'number',
      header: t('ui.journal.col.number'),
      width: 112,
      minWidth: 108,
      whole: true,
      sortKey: 'number',
      cell: (d) => d.number,
    },
    // At 1024 px beside the PDF, the type (in the preview's title) and the issue date (on the
    // PDF) make room for the others, which stay whole.
    {
      id: 'type',
      header: t('ui.journal.col.type'),
      width: 96,
      minWidth: 64,
      optional: true,
      cell: (d) => typeName(d.type),
    },
    {
      id: 'dossier',
      header: t('ui.journal.col.dossier'),
      width: 72,
      minWidth: 64,
      cell: (d) => d.dossierNumber,
    },
    {
      id: 'name',
      header: t('ui.journal.col.name'),
      width: 170,
      minWidth: 110,
      grow: true,
      sortKey: 'dossierName',
      cell: (d) => d.dossierName,
    },
    {
      id: 'period',
      header: t('ui.journal.col.period'),
      // Wide enough for « Période » and its sort arrow; without the arrow, for the period.
      width: 76,
      minWidth: 66,
      sortKey: 'period',
      cell: (d) => d.period,
    },
    {
      id: 'issueDate',
      header: t('ui.journal.col.issueDate'),
      width: 84,
      whole: true,
      optional: true,
      sortKey: 'issueDate',
      cell: (d) => formatDay(d.issueDate, locale),
    },
    {
      id: 'amount',
      header: t('ui.journal.col.amount'),
      width: 96,
      minWidth: 88,
      whole: true,
      align: 'end',
      sortKey: 'amount',
      cell: (d) => formatAmount(d.amountCents, d.currency, locale),
    },
    {
      id: 'lastSent',
      header: t('ui.journal.col.lastSent'),
      width: 136,
      whole: true,
      sortKey: 'lastSentAt',
      cell: (d) => formatDateTime(d.lastSentAt, locale),
    },
    {
      id: 'state',
      header: t('ui.journal.col.state'),
      width: 150,
      // "Non envoyé" / "Not sent" whole; a longer state ("Envoyé 1/2 — 1 en échec") may end
      // in "…" at 1024 px, its tooltip and the row's envelope saying it whole.
      minWidth: 92,
      cell: (d) => describeSendState(language, d.send),
      title: (d) => describeSendState(language, d.send),
    },
    {
      id: 'send',
      header: '',
      width: 34,
      align: 'center',
      cell: (d) => (
        <Button
          className={styles.rowButton}
          size="small"
          appearance="subtle"
          icon={<SendRegular />}
          aria-label={`${t('ui.journal.sendEmail')} ${d.number}`}
          title={t('ui.journal.sendEmail')}
          onMouseDown={(event) => event.stopPropagation()}
          onDoubleClick={(event) => event.stopPropagation()}
          onClick={() => openSend(d)}
        />
      ),
    },
  ];
}
