// Suivi des envois, after the Winpass seed: search criteria (created and sent dates, dossier,
// user, workstation, e-mail, status), the messages with their status codes (E, V, OK, KO, B,
// ?), and what the user does to them: validate, block, unblock, reset, fix the address and
// resend, the details with every journal event and the server's reply, the CSV export.
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  ArrowExportRegular,
  ArrowResetRegular,
  CheckmarkRegular,
  DocumentSearchRegular,
  EditRegular,
  LockOpenRegular,
  ProhibitedRegular,
  QuestionCircleRegular,
  SearchRegular,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import type {
  outboxMessageSchema,
  sendJournalEntrySchema,
} from '../../src-shared/contract/sending.js';
import {
  MESSAGE_STATUSES,
  STATUS_SHORT_CODE,
  type MessageStatus,
} from '../../src-shared/domain/statuses.js';
import { api, call } from '../api.js';
import { useApp, useCommand, useStatusText } from '../app/app-context.js';
import { saveBytes } from '../app/files.js';
import { formatDateTime } from '../app/format.js';
import { usePagedList, useThrottledEvents } from '../app/use-paged-list.js';
import { ContextMenu, type ContextMenuEntry } from '../components/ContextMenu.js';
import { DataGrid, type GridColumn } from '../components/DataGrid.js';
import { FixAddressDialog } from '../components/FixAddressDialog.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { EMPTY_SELECTION, selectAll, selectedIndexes, type Selection } from '../logic/selection.js';

type Message = z.output<typeof outboxMessageSchema>;
type JournalEntry = z.output<typeof sendJournalEntrySchema>;

interface Criteria {
  createdFrom: string;
  createdTo: string;
  sentFrom: string;
  sentTo: string;
  dossierNumber: string;
  queuedBy: string;
  workstation: string;
  email: string;
  statuses: MessageStatus[];
}

const NO_CRITERIA: Criteria = {
  createdFrom: '',
  createdTo: '',
  sentFrom: '',
  sentTo: '',
  dossierNumber: '',
  queuedBy: '',
  workstation: '',
  email: '',
  statuses: [],
};

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 },
  toolbar: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 6px',
  },
  split: { display: 'flex', flexGrow: 1, minHeight: 0, gap: '8px', padding: '8px' },
  criteria: {
    width: '250px',
    flexShrink: 0,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: '8px 10px',
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
  },
  heading: {
    margin: '0 0 2px',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  pair: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '6px' },
  statuses: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0 },
  legend: { padding: 0, marginBottom: '2px', fontSize: tokens.fontSizeBase300 },
  list: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  count: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    padding: '4px 2px 0',
  },
  details: { width: '960px', maxWidth: '96vw' },
  grid2: {
    display: 'grid',
    gridTemplateColumns: '150px 1fr',
    gap: '3px 12px',
    fontSize: tokens.fontSizeBase200,
  },
  dt: { color: tokens.colorNeutralForeground3 },
  journal: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    marginTop: '10px',
  },
  th: { textAlign: 'start', padding: '4px 6px', backgroundColor: tokens.colorNeutralBackground3 },
  td: {
    padding: '3px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'top',
  },
  nowrap: { whiteSpace: 'nowrap' },
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
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function OutboxScreen() {
  const styles = useStyles();
  const app = useApp();
  const { t, locale, structureId, showError } = app;
  const [draft, setDraft] = useState<Criteria>(NO_CRITERIA);
  const [criteria, setCriteria] = useState<Criteria>(NO_CRITERIA);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const [details, setDetails] = useState<{ message: Message; journal: JournalEntry[] } | null>(
    null,
  );
  const [fixing, setFixing] = useState<Message | null>(null);
  const firstField = useRef<HTMLInputElement>(null);

  const search = useMemo(
    () => ({
      ...(structureId !== null && { structureId }),
      ...(criteria.statuses.length > 0 && { statuses: criteria.statuses }),
      ...(criteria.createdFrom && { createdFrom: criteria.createdFrom }),
      ...(criteria.createdTo && { createdTo: criteria.createdTo }),
      ...(criteria.sentFrom && { sentFrom: criteria.sentFrom }),
      ...(criteria.sentTo && { sentTo: criteria.sentTo }),
      ...(criteria.dossierNumber.trim() && { dossierNumber: criteria.dossierNumber.trim() }),
      ...(criteria.queuedBy.trim() && { queuedBy: criteria.queuedBy.trim() }),
      ...(criteria.workstation.trim() && { workstation: criteria.workstation.trim() }),
      ...(criteria.email.trim() && { email: criteria.email.trim() }),
    }),
    [criteria, structureId],
  );
  const list = usePagedList<Message>(
    async (offset, limit) => {
      const result = await call(api.outbox.search({ ...search, offset, limit }));
      if (offset === 0) setCounts(result.counts);
      return result.page;
    },
    JSON.stringify(search),
    showError,
  );
  useEffect(() => setSelection(EMPTY_SELECTION), [list.rows]);
  useStatusText(t('ui.common.rows', { count: list.total }));

  // The engine and other screens change statuses: read the rows again, at most every two
  // seconds, keeping the user's selection.
  useThrottledEvents(list.refresh);

  const selected = selectedIndexes(selection)
    .map((i) => list.rows.rowAt(i))
    .filter((m): m is Message => m !== undefined);
  const current = selection.focus !== null ? list.rows.rowAt(selection.focus) : selected[0];
  const targets = selected.map((m) => ({ id: m.id, version: m.version }));

  const act = useCallback(
    async (
      action: 'validate' | 'block' | 'unblock',
      messages: { id: number; version: number }[],
    ) => {
      if (messages.length === 0) return;
      try {
        const outcome = await call(api.outbox[action]({ messages }));
        app.notify(
          t('ui.outbox.actionDone', {
            changed: outcome.changed.length,
            skipped: outcome.skipped.length,
          }),
          outcome.skipped.length ? 'warning' : 'success',
        );
        list.refresh();
      } catch (error) {
        showError(error);
      }
    },
    [app, list, showError, t],
  );

  const reset = async () => {
    if (selected.length === 0) return;
    try {
      const outcome = await call(api.outbox.reset({ messageIds: selected.map((m) => m.id) }));
      app.notify(t('ui.outbox.resetDone', { count: outcome.documents.length }));
      list.refresh();
    } catch (error) {
      showError(error);
    }
  };

  /** The process stopped while the server had the message: the user says what happened. */
  const resolve = async (message: Message, decision: 'sent' | 'resend' | 'failed') => {
    try {
      await call(api.outbox.resolveUncertain({ id: message.id, decision }));
      list.refresh();
    } catch (error) {
      showError(error);
    }
  };

  const openDetails = async (message: Message | undefined) => {
    if (!message) return;
    try {
      setDetails(await call(api.outbox.detail({ id: message.id })));
    } catch (error) {
      showError(error);
    }
  };

  const exportCsv = async () => {
    try {
      const result = await call(
        api.outbox.exportCsv({
          ...(criteria.createdFrom && { from: criteria.createdFrom }),
          ...(criteria.createdTo && { to: criteria.createdTo }),
        }),
      );
      saveBytes(result.fileName, result.base64, 'text/csv');
      app.notify(t('ui.outbox.exported', { rows: result.rows, file: result.fileName }));
    } catch (error) {
      showError(error);
    }
  };

  const can = (statuses: MessageStatus[]) => selected.some((m) => statuses.includes(m.status));
  useCommand('view.refresh', () => list.reload());
  useCommand('edit.find', () => firstField.current?.focus());
  useCommand('edit.selectAll', () => setSelection(selectAll(list.total, selection)));
  useCommand(
    'send.validate',
    () => void act('validate', targets),
    can(['pending', 'failed', 'blocked']),
  );
  useCommand('send.block', () => void act('block', targets), can(['pending', 'validated']));
  useCommand('edit.delete', () => void act('block', targets), can(['pending', 'validated']));
  useCommand('outbox.exportCsv', () => void exportCsv());

  const columns: GridColumn<Message>[] = [
    {
      id: 'status',
      header: t('ui.outbox.col.status'),
      width: 62,
      align: 'center',
      cell: (m) => <StatusBadge status={m.status} />,
    },
    { id: 'dossier', header: t('ui.outbox.col.dossier'), width: 64, cell: (m) => m.dossierNumber },
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
      width: 118,
      cell: (m) => formatDateTime(m.createdAt, locale),
    },
    {
      id: 'sent',
      header: t('ui.outbox.col.sent'),
      width: 118,
      cell: (m) => formatDateTime(m.sentAt, locale),
    },
    { id: 'user', header: t('ui.outbox.col.user'), width: 80, cell: (m) => m.queuedBy },
    {
      id: 'workstation',
      header: t('ui.outbox.col.workstation'),
      width: 90,
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

  const menuEntries: ContextMenuEntry[] = [
    {
      key: 'details',
      label: t('ui.outbox.details'),
      icon: <DocumentSearchRegular />,
      disabled: !current,
      onClick: () => void openDetails(current),
    },
    'divider',
    {
      key: 'validate',
      label: t('ui.outbox.validate'),
      icon: <CheckmarkRegular />,
      disabled: !can(['pending', 'failed', 'blocked']),
      onClick: () => void act('validate', targets),
    },
    {
      key: 'block',
      label: t('ui.outbox.block'),
      icon: <ProhibitedRegular />,
      shortcut: 'Suppr',
      disabled: !can(['pending', 'validated']),
      onClick: () => void act('block', targets),
    },
    {
      key: 'unblock',
      label: t('ui.outbox.unblock'),
      icon: <LockOpenRegular />,
      disabled: !can(['blocked']),
      onClick: () => void act('unblock', targets),
    },
    'divider',
    {
      key: 'fix',
      label: t('ui.outbox.fixAddress'),
      icon: <EditRegular />,
      disabled: !current || !FIXABLE.includes(current.status),
      onClick: () => current && setFixing(current),
    },
    {
      key: 'reset',
      label: t('ui.outbox.reset'),
      icon: <ArrowResetRegular />,
      disabled: !can(['sent', 'failed', 'uncertain']),
      onClick: () => void reset(),
    },
    ...(current?.status === 'uncertain'
      ? (['sent', 'resend', 'failed'] as const).map((decision): ContextMenuEntry => ({
          key: `resolve-${decision}`,
          label: t(`ui.outbox.resolve.${decision}`),
          icon: <QuestionCircleRegular />,
          onClick: () => void resolve(current, decision),
        }))
      : []),
  ];

  const setCriterion = <K extends keyof Criteria>(key: K, value: Criteria[K]) =>
    setDraft((c) => ({ ...c, [key]: value }));
  const toggleStatus = (status: MessageStatus, on: boolean) =>
    setDraft((c) => ({
      ...c,
      statuses: on ? [...c.statuses, status] : c.statuses.filter((s) => s !== status),
    }));

  return (
    <div className={styles.screen}>
      <Toolbar className={styles.toolbar} size="small" aria-label={t('ui.screen.outbox')}>
        <ToolbarButton
          icon={<CheckmarkRegular />}
          disabled={!can(['pending', 'failed', 'blocked'])}
          onClick={() => void act('validate', targets)}
        >
          {t('ui.outbox.validate')}
        </ToolbarButton>
        <ToolbarButton
          icon={<ProhibitedRegular />}
          disabled={!can(['pending', 'validated'])}
          onClick={() => void act('block', targets)}
        >
          {t('ui.outbox.block')}
        </ToolbarButton>
        <ToolbarButton
          icon={<LockOpenRegular />}
          disabled={!can(['blocked'])}
          onClick={() => void act('unblock', targets)}
        >
          {t('ui.outbox.unblock')}
        </ToolbarButton>
        <ToolbarDivider />
        <ToolbarButton
          icon={<EditRegular />}
          disabled={!current || !FIXABLE.includes(current.status)}
          onClick={() => current && setFixing(current)}
        >
          {t('ui.outbox.fixAddress')}
        </ToolbarButton>
        <ToolbarButton
          icon={<ArrowResetRegular />}
          disabled={!can(['sent', 'failed', 'uncertain'])}
          onClick={() => void reset()}
        >
          {t('ui.outbox.reset')}
        </ToolbarButton>
        <ToolbarButton
          icon={<DocumentSearchRegular />}
          disabled={!current}
          onClick={() => void openDetails(current)}
        >
          {t('ui.outbox.details')}
        </ToolbarButton>
        <ToolbarDivider />
        <ToolbarButton icon={<ArrowExportRegular />} onClick={() => void exportCsv()}>
          {t('ui.outbox.export')}
        </ToolbarButton>
        <ToolbarButton icon={<ArrowClockwiseRegular />} onClick={() => list.reload()}>
          {t('ui.common.refresh')}
        </ToolbarButton>
      </Toolbar>
      <div className={styles.split}>
        <form
          className={styles.criteria}
          aria-label={t('ui.outbox.criteria')}
          onSubmit={(event) => {
            event.preventDefault();
            setCriteria(draft);
          }}
        >
          <h3 className={styles.heading}>{t('ui.outbox.criteria')}</h3>
          <div className={styles.pair}>
            <Field label={t('ui.outbox.createdFrom')} size="small">
              <Input
                ref={firstField}
                size="small"
                type="date"
                value={draft.createdFrom}
                onChange={(_, d) => setCriterion('createdFrom', d.value)}
              />
            </Field>
            <Field label={t('ui.outbox.to')} size="small">
              <Input
                size="small"
                type="date"
                value={draft.createdTo}
                onChange={(_, d) => setCriterion('createdTo', d.value)}
              />
            </Field>
            <Field label={t('ui.outbox.sentFrom')} size="small">
              <Input
                size="small"
                type="date"
                value={draft.sentFrom}
                onChange={(_, d) => setCriterion('sentFrom', d.value)}
              />
            </Field>
            <Field label={t('ui.outbox.to')} size="small">
              <Input
                size="small"
                type="date"
                value={draft.sentTo}
                onChange={(_, d) => setCriterion('sentTo', d.value)}
              />
            </Field>
          </div>
          <Field label={t('ui.outbox.dossierNumber')} size="small">
            <Input
              size="small"
              value={draft.dossierNumber}
              onChange={(_, d) => setCriterion('dossierNumber', d.value)}
            />
          </Field>
          <Field label={t('ui.outbox.user')} size="small">
            <Input
              size="small"
              value={draft.queuedBy}
              onChange={(_, d) => setCriterion('queuedBy', d.value)}
            />
          </Field>
          <Field label={t('ui.outbox.workstation')} size="small">
            <Input
              size="small"
              value={draft.workstation}
              onChange={(_, d) => setCriterion('workstation', d.value)}
            />
          </Field>
          <Field label={t('ui.outbox.email')} size="small">
            <Input
              size="small"
              value={draft.email}
              onChange={(_, d) => setCriterion('email', d.value)}
            />
          </Field>
          <fieldset className={styles.statuses}>
            <legend className={styles.legend}>{t('ui.outbox.status')}</legend>
            {MESSAGE_STATUSES.filter((s) => s !== 'sending').map((status) => (
              <Checkbox
                key={status}
                size="medium"
                checked={draft.statuses.includes(status)}
                onChange={(_, d) => toggleStatus(status, d.checked === true)}
                label={`${t(`ui.status.${status}`)} (${STATUS_SHORT_CODE[status]}) — ${counts[status] ?? 0}`}
              />
            ))}
          </fieldset>
          <Button type="submit" appearance="primary" size="small" icon={<SearchRegular />}>
            {t('ui.common.search')}
          </Button>
          <Button
            size="small"
            onClick={() => {
              setDraft(NO_CRITERIA);
              setCriteria(NO_CRITERIA);
            }}
          >
            {t('ui.journal.filter.clear')}
          </Button>
        </form>
        <div className={styles.list}>
          <DataGrid
            label={t('ui.screen.outbox')}
            testId="outbox-grid"
            columns={columns}
            rowCount={list.total}
            row={(index) => list.rows.rowAt(index)}
            selection={selection}
            onSelectionChange={setSelection}
            onOpen={(index) => void openDetails(list.rows.rowAt(index))}
            onContextMenu={(_, point) => setMenuAt(point)}
            onRangeChange={list.onRangeChange}
            emptyText={list.loading ? t('ui.common.loading') : t('ui.outbox.empty')}
          />
          <div className={styles.count}>
            {t('ui.common.rows', { count: list.total })}
            {selection.selected.size > 0 &&
              ` — ${t('ui.common.selected', { count: selection.selected.size })}`}
          </div>
        </div>
      </div>
      <ContextMenu at={menuAt} entries={menuEntries} onClose={() => setMenuAt(null)} />
      {details && <MessageDetails detail={details} onClose={() => setDetails(null)} />}
      {fixing && (
        <FixAddressDialog
          message={fixing}
          onClose={(done) => {
            setFixing(null);
            if (done) list.reload();
          }}
        />
      )}
    </div>
  );
}

/** The statuses whose address may be corrected (the old message stays as history). */
const FIXABLE: MessageStatus[] = ['pending', 'blocked', 'failed', 'uncertain'];

function MessageDetails({
  detail,
  onClose,
}: {
  detail: { message: Message; journal: JournalEntry[] };
  onClose: () => void;
}) {
  const styles = useStyles();
  const { t, locale } = useApp();
  const m = detail.message;
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
              {row(
                t('ui.message.attachments'),
                m.attachments
                  .map(
                    (a) => `${a.fileName}${a.encrypted ? ` (${t('ui.message.encrypted')})` : ''}`,
                  )
                  .join(', '),
              )}
              {row(t('ui.outbox.col.sent'), formatDateTime(m.sentAt, locale))}
              {row(t('ui.outbox.attempts'), String(m.attempts))}
              {row(t('ui.outbox.messageId'), m.messageIdHeader)}
              {m.lastError && row(t('ui.outbox.col.observations'), m.lastError)}
              {m.lastReply && (
                <>
                  <span className={styles.dt}>{t('ui.outbox.serverReply')}</span>
                  <span className={styles.reply}>{m.lastReply}</span>
                </>
              )}
            </div>
            <pre className={styles.bodyText}>{m.textBody}</pre>
            <table className={styles.journal} data-testid="message-journal">
              <thead>
                <tr>
                  <th className={styles.th}>{t('ui.outbox.journal.at')}</th>
                  <th className={styles.th}>{t('ui.outbox.journal.event')}</th>
                  <th className={styles.th}>{t('ui.outbox.journal.who')}</th>
                  <th className={styles.th}>{t('ui.outbox.journal.detail')}</th>
                  <th className={styles.th}>{t('ui.outbox.serverReply')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.journal.map((entry) => (
                  <tr key={entry.id}>
                    <td className={`${styles.td} ${styles.nowrap}`}>
                      {formatDateTime(entry.at, locale)}
                    </td>
                    <td className={styles.td}>{t(`ui.event.${entry.event}`)}</td>
                    <td className={styles.td}>
                      {entry.actor} — {entry.workstation}
                    </td>
                    <td className={styles.td}>{entry.detail ?? ''}</td>
                    <td className={`${styles.td} ${styles.reply}`}>{entry.serverReply ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
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
