// Envoi en masse: choose the type and period; check the documents to send (double-click
// toggles) with their recipients' addresses; add a file per row or one for everyone; see who
// is excluded and why; write the subject and message with fields and a live preview of the
// selected row; then send with a progress bar (pause, cancel) and read the summary.
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Spinner,
  Tab,
  TabList,
  Textarea,
  Toolbar,
  ToolbarButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  AttachRegular,
  CheckboxCheckedRegular,
  DismissRegular,
  LockClosedRegular,
  PauseRegular,
  PlayRegular,
  SendRegular,
  StopRegular,
  TextAddRegular,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { z } from 'zod';
import type {
  bulkRowSchema,
  excludedSchema,
  mailAccountSchema,
  previewMessageSchema,
  warningSchema,
} from '../../src-shared/contract/sending.js';
import type { DocumentTypeCode } from '../../src-shared/domain/document-types.js';
import { UNPACED_BATCH_LIMIT } from '../../src-shared/domain/sending-methods.js';
import { api, call } from '../api.js';
import { MessageHeaders } from '../components/MessageHeaders.js';
import { useApp } from '../app/app-context.js';
import { chooseFiles, type StagedFile } from '../app/files.js';
import { formatAmount, formatBytes, formatDateTime } from '../app/format.js';
import { DataGrid, type GridColumn } from '../components/DataGrid.js';
import {
  INITIAL_BULK_STATE,
  allCheckedState,
  bulkSendReducer,
  canEdit,
  canSend,
  checkedMessageCount,
  doneThisRun,
  isBusy,
  overMethodLimit,
  progressFraction,
  toggleAllChecked,
  toggleChecked,
} from '../logic/bulk-send.js';
import { describeDuration, estimateRemainingMs, pacingMs } from '../logic/remaining-time.js';
import { EMPTY_SELECTION, selectOnly, type Selection } from '../logic/selection.js';
import { insertAtCaret } from '../logic/text-editing.js';
import { describePacing, describePasswordRule, previousMonth } from './sending-texts.js';

type BulkRow = z.output<typeof bulkRowSchema>;
type Excluded = z.output<typeof excludedSchema>;
type Warning = z.output<typeof warningSchema>;
type Account = z.output<typeof mailAccountSchema>;
type PreviewMessage = z.output<typeof previewMessageSchema>;

interface LoadedList {
  rows: BulkRow[];
  excluded: Excluded[];
  warnings: Warning[];
  account: Account;
  canPace: boolean;
  validationMode: 'manual' | 'automatic';
  passwordRule: string | null;
  html: string | null;
  templateText: string;
  fields: string[];
}

const LARGE_FILE = 1024 * 1024;

const useStyles = makeStyles({
  surface: {
    width: '96vw',
    maxWidth: '1500px',
    height: '94vh',
    maxHeight: '94vh',
    padding: '16px 20px',
  },
  body: { height: '100%', display: 'flex', flexDirection: 'column', gap: '8px' },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    flexGrow: 1,
    minHeight: 0,
    overflow: 'hidden',
  },
  choose: { display: 'flex', gap: '12px', alignItems: 'end', flexWrap: 'wrap' },
  columns: { display: 'flex', gap: '12px', flexGrow: 1, minHeight: 0 },
  left: {
    flex: '3 1 0',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    minHeight: 0,
  },
  right: {
    flex: '2 1 0',
    minWidth: '380px',
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    minHeight: 0,
    overflow: 'auto',
  },
  listArea: { flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
  excluded: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: 'start',
    padding: '4px 8px',
    backgroundColor: tokens.colorNeutralBackground3,
    position: 'sticky',
    top: 0,
  },
  td: { padding: '3px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  toolbar: { padding: 0 },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '4px',
    padding: '2px 6px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
  },
  preview: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: '8px',
    fontSize: tokens.fontSizeBase200,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  previewBody: {
    whiteSpace: 'pre-wrap',
    fontFamily: tokens.fontFamilyBase,
    margin: '6px 0 0',
    padding: '6px',
    backgroundColor: tokens.colorNeutralBackground2,
    maxHeight: '180px',
    overflow: 'auto',
  },
  progress: { display: 'flex', flexDirection: 'column', gap: '4px' },
  progressLine: {
    display: 'flex',
    justifyContent: 'space-between',
    fontSize: tokens.fontSizeBase200,
  },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

export function BulkSendDialog({ onClose }: { onClose: (changed: boolean) => void }) {
  const styles = useStyles();
  const app = useApp();
  const { t, language, locale, structureId, documentTypes, showError } = app;
  const [type, setType] = useState<DocumentTypeCode>('invoice');
  const [period, setPeriod] = useState(previousMonth(new Date()));
  const [state, dispatch] = useReducer(bulkSendReducer, INITIAL_BULK_STATE);
  const [list, setList] = useState<LoadedList | null>(null);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [general, setGeneral] = useState<StagedFile[]>([]);
  const [perRow, setPerRow] = useState<Record<number, StagedFile[]>>({});
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [tab, setTab] = useState<'list' | 'excluded'>('list');
  const [preview, setPreview] = useState<{
    messages: PreviewMessage[];
    warnings: Warning[];
  } | null>(null);
  const [queueWarnings, setQueueWarnings] = useState<Warning[]>([]);
  const [now, setNow] = useState(Date.now());
  const lastField = useRef<{
    element: HTMLInputElement | HTMLTextAreaElement | null;
    which: 'subject' | 'body';
  }>({ element: null, which: 'body' });
  const changed = useRef(false);

  const rows = list?.rows ?? [];
  const rowIds = useMemo(() => rows.map((r) => r.documentId), [rows]);
  const focusedRow = selection.focus !== null ? rows[selection.focus] : undefined;

  const load = useCallback(async () => {
    if (structureId === null) return;
    dispatch({ type: 'load' });
    try {
      const [bulk, template, fields] = await Promise.all([
        call(api.sending.bulkList({ structureId, type, period: period.trim() })),
        call(api.templates.get({ structureId, type })),
        call(api.templates.fields({ structureId })),
      ]);
      setList({ ...bulk, html: template.html, templateText: template.text, fields });
      setSubject(template.subject);
      setBody(template.text);
      setChecked(new Set(bulk.rows.map((r) => r.documentId)));
      setSelection(bulk.rows.length > 0 ? selectOnly(0) : EMPTY_SELECTION);
      setPerRow({});
      setTab(bulk.rows.length === 0 && bulk.excluded.length > 0 ? 'excluded' : 'list');
      dispatch({ type: 'loaded' });
    } catch (error) {
      dispatch({ type: 'loadFailed' });
      showError(error);
    }
  }, [structureId, type, period, showError]);

  useEffect(() => {
    void load();
    // Loaded once on opening; "Afficher" reloads after changing the type or period.
  }, []);

  // The exact message of the selected row, with the subject and text as typed.
  useEffect(() => {
    if (!focusedRow || structureId === null || !canEdit(state)) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      call(
        api.sending.preview({
          structureId,
          documentId: focusedRow.documentId,
          subject,
          textBody: body,
          ...htmlFor(list, body),
        }),
      )
        .then((result) => current && setPreview(result))
        .catch(
          (error: unknown) =>
            current &&
            setPreview({ messages: [], warnings: [{ code: 'error', message: errorText(error) }] }),
        );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [focusedRow, subject, body, structureId, list, state]);

  useEffect(() => {
    const stopProgress = api.on('sending.progress', ({ progress, paused }) =>
      dispatch({ type: 'progress', progress, paused }),
    );
    const stopFinished = api.on('sending.finished', (payload) =>
      dispatch({
        type: 'finished',
        summary: { ...payload.summary, limitReached: payload.limitReached },
        paused: payload.paused,
        cancelled: payload.cancelled,
      }),
    );
    return () => {
      stopProgress();
      stopFinished();
    };
  }, []);

  useEffect(() => {
    if (state.phase !== 'sending') return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [state.phase]);

  const checkedMessages = checkedMessageCount(rows, checked);
  const overLimit = overMethodLimit(checkedMessages, list?.canPace ?? true, UNPACED_BATCH_LIMIT);
  const sendable = canSend(state, checked.size) && overLimit === 0;

  const send = async () => {
    if (structureId === null || !sendable) return;
    dispatch({ type: 'queue' });
    try {
      const result = await call(
        api.sending.queue({
          structureId,
          documentIds: rows.filter((r) => checked.has(r.documentId)).map((r) => r.documentId),
          subject,
          textBody: body,
          ...htmlFor(list, body),
          generalAttachments: general.map((f) => f.ref),
          recipientAttachments: Object.entries(perRow)
            .filter(([id, files]) => checked.has(Number(id)) && files.length > 0)
            .map(([id, files]) => ({ documentId: Number(id), files: files.map((f) => f.ref) })),
        }),
      );
      changed.current = true;
      setQueueWarnings(result.warnings);
      dispatch({
        type: 'queued',
        batchId: result.batchId,
        queued: result.queued,
        validated: result.validated,
        excluded: result.excluded.length,
        at: Date.now(),
      });
    } catch (error) {
      dispatch({ type: 'queueFailed' });
      showError(error);
    }
  };

  const attachGeneral = async () => {
    try {
      const files = await chooseFiles(app.info.nativeFileDialogs, 'attachment', true);
      setGeneral((current) => [...current, ...files]);
    } catch (error) {
      showError(error);
    }
  };

  const attachToRow = async () => {
    if (!focusedRow) return;
    try {
      const files = await chooseFiles(app.info.nativeFileDialogs, 'attachment', false);
      setPerRow((current) => ({
        ...current,
        [focusedRow.documentId]: [...(current[focusedRow.documentId] ?? []), ...files],
      }));
    } catch (error) {
      showError(error);
    }
  };

  const insertField = (field: string) => {
    const target = lastField.current;
    const token = `{{${field}}}`;
    const value = target.which === 'subject' ? subject : body;
    const element = target.element;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const result = insertAtCaret(value, start, end, token);
    if (target.which === 'subject') setSubject(result.text);
    else setBody(result.text);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(result.caret, result.caret);
    });
  };

  const typeName = (code: DocumentTypeCode) => {
    const found = documentTypes.find((d) => d.code === code);
    return found ? (language === 'fr' ? found.nameFr : found.nameEn) : code;
  };

  const columns: GridColumn<BulkRow>[] = [
    { id: 'dossier', header: t('ui.bulk.col.dossier'), width: 64, cell: (r) => r.dossierNumber },
    {
      id: 'name',
      header: t('ui.bulk.col.name'),
      width: 170,
      grow: true,
      cell: (r) => r.dossierName,
    },
    {
      id: 'lastSent',
      header: t('ui.bulk.col.lastSent'),
      width: 118,
      cell: (r) => formatDateTime(r.lastSentAt, locale),
    },
    { id: 'number', header: t('ui.bulk.col.number'), width: 112, cell: (r) => r.number },
    {
      id: 'amount',
      header: t('ui.bulk.col.amount'),
      width: 96,
      align: 'end',
      cell: (r) => formatAmount(r.amountCents, r.currency, locale),
    },
    {
      id: 'address1',
      header: t('ui.bulk.col.address1'),
      width: 180,
      cell: (r) => r.addresses[0] ?? '',
      title: (r) => r.addresses[0],
    },
    {
      id: 'address2',
      header: t('ui.bulk.col.address2'),
      width: 160,
      cell: (r) => r.addresses.slice(1).join(', '),
      title: (r) => r.addresses.slice(1).join(', '),
    },
    {
      id: 'files',
      header: <AttachRegular aria-label={t('ui.bulk.col.files')} />,
      width: 110,
      cell: (r) => (perRow[r.documentId] ?? []).map((f) => f.name).join(', '),
      title: (r) => (perRow[r.documentId] ?? []).map((f) => f.name).join(', '),
    },
  ];

  const editing = canEdit(state);
  const account = list?.account;
  const remainingMs =
    state.progress && account
      ? estimateRemainingMs({
          remaining: state.progress.remaining,
          done: doneThisRun(state),
          pacing: account.pacing,
          elapsedMs: state.startedAt === null ? 0 : now - state.startedAt,
        })
      : 0;
  const plannedMs = account ? pacingMs(checked.size, 0, account.pacing) : 0;
  const passwordWarning = (preview?.warnings ?? []).find(
    (w) => w.code === 'warning.password.notExplained',
  );
  const close = () => onClose(changed.current);

  return (
    <Dialog
      open
      modalType="modal"
      onOpenChange={(_, data) => !data.open && !isBusy(state) && close()}
    >
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <DialogBody className={styles.body}>
          <DialogTitle>{t('ui.bulk.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <div className={styles.choose}>
              <Field label={t('ui.journal.filter.type')} size="small">
                <Select
                  size="small"
                  value={type}
                  disabled={!editing}
                  onChange={(_, d) => setType(d.value as DocumentTypeCode)}
                >
                  {documentTypes.map((d) => (
                    <option key={d.code} value={d.code}>
                      {typeName(d.code)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('ui.bulk.period')} size="small">
                <Input
                  size="small"
                  value={period}
                  disabled={!editing}
                  onChange={(_, d) => setPeriod(d.value)}
                  style={{ width: 100 }}
                />
              </Field>
              <Button size="small" disabled={!editing} onClick={() => void load()}>
                {t('ui.bulk.show')}
              </Button>
              {state.phase === 'loading' && <Spinner size="tiny" label={t('ui.common.loading')} />}
              {list && (
                <span className={styles.note}>
                  {t('ui.bulk.counts', {
                    checked: checked.size,
                    rows: rows.length,
                    excluded: list.excluded.length,
                  })}
                </span>
              )}
            </div>
            {list?.warnings.map((w, i) => (
              <MessageBar key={`${w.code}-${i}`} intent="warning" layout="multiline">
                <MessageBarBody>{w.message}</MessageBarBody>
              </MessageBar>
            ))}
            {list && !list.canPace && (
              <MessageBar
                intent={overLimit > 0 ? 'error' : 'warning'}
                layout="multiline"
                data-testid="bulk-method-limit"
              >
                <MessageBarBody>
                  <MessageBarTitle>
                    {t('ui.bulk.cannotPaceTitle', {
                      method: t(`ui.settings.account.kind.${list.account.kind}`),
                    })}
                  </MessageBarTitle>
                  {overLimit > 0
                    ? t('ui.bulk.tooManyForMethod', {
                        count: checkedMessages,
                        limit: UNPACED_BATCH_LIMIT,
                      })
                    : t('ui.bulk.cannotPace', { limit: UNPACED_BATCH_LIMIT })}
                </MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.columns}>
              <div className={styles.left}>
                <TabList
                  size="small"
                  selectedValue={tab}
                  onTabSelect={(_, d) => setTab(d.value as 'list' | 'excluded')}
                >
                  <Tab value="list">{t('ui.bulk.tab.list', { count: rows.length })}</Tab>
                  <Tab value="excluded">
                    {t('ui.bulk.tab.excluded', { count: list?.excluded.length ?? 0 })}
                  </Tab>
                </TabList>
                {tab === 'list' ? (
                  <>
                    <Toolbar size="small" className={styles.toolbar}>
                      <ToolbarButton
                        icon={<CheckboxCheckedRegular />}
                        disabled={!editing}
                        onClick={() => setChecked((c) => toggleAllChecked(c, rowIds))}
                      >
                        {t('ui.bulk.allNone')}
                      </ToolbarButton>
                      <ToolbarButton
                        icon={<AttachRegular />}
                        disabled={!editing || !focusedRow}
                        onClick={() => void attachToRow()}
                      >
                        {t('ui.bulk.rowAttachment')}
                      </ToolbarButton>
                      {focusedRow &&
                        (perRow[focusedRow.documentId]?.length ?? 0) > 0 &&
                        editing && (
                          <ToolbarButton
                            icon={<DismissRegular />}
                            onClick={() =>
                              setPerRow((c) => ({ ...c, [focusedRow.documentId]: [] }))
                            }
                          >
                            {t('ui.bulk.removeRowAttachment')}
                          </ToolbarButton>
                        )}
                    </Toolbar>
                    <div className={styles.listArea}>
                      <DataGrid
                        label={t('ui.bulk.tab.list', { count: rows.length })}
                        testId="bulk-grid"
                        columns={columns}
                        rowCount={rows.length}
                        row={(index) => rows[index]}
                        selection={selection}
                        onSelectionChange={setSelection}
                        onOpen={(index) =>
                          editing &&
                          rows[index] &&
                          setChecked((c) => toggleChecked(c, rows[index]!.documentId))
                        }
                        checkbox={{
                          label: t('ui.bulk.include'),
                          isChecked: (index) => checked.has(rows[index]?.documentId ?? -1),
                          onToggle: (index) =>
                            editing &&
                            rows[index] &&
                            setChecked((c) => toggleChecked(c, rows[index]!.documentId)),
                          allChecked: allCheckedState(checked, rowIds),
                          onToggleAll: () =>
                            editing && setChecked((c) => toggleAllChecked(c, rowIds)),
                        }}
                        emptyText={
                          state.phase === 'loading' ? t('ui.common.loading') : t('ui.bulk.empty')
                        }
                      />
                    </div>
                    <div className={styles.note}>{t('ui.bulk.doubleClickHint')}</div>
                  </>
                ) : (
                  <div className={styles.excluded} data-testid="bulk-excluded">
                    <table className={styles.table}>
                      <thead>
                        <tr>
                          <th className={styles.th}>{t('ui.bulk.col.dossier')}</th>
                          <th className={styles.th}>{t('ui.bulk.col.name')}</th>
                          <th className={styles.th}>{t('ui.bulk.col.number')}</th>
                          <th className={styles.th}>{t('ui.bulk.col.reason')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {(list?.excluded ?? []).map((e, i) => (
                          <tr key={`${e.documentId}-${e.reason}-${i}`}>
                            <td className={styles.td}>{e.dossierNumber}</td>
                            <td className={styles.td}>{e.dossierName}</td>
                            <td className={styles.td}>{e.documentNumber}</td>
                            <td className={styles.td}>
                              {t(`ui.exclusion.${e.reason}`, { detail: e.detail ?? '' })}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </div>

              <div className={styles.right}>
                <Field label={t('ui.bulk.generalAttachment')} size="small">
                  <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
                    {general.map((file) => (
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
                            onClick={() => setGeneral((g) => g.filter((f) => f.ref !== file.ref))}
                          />
                        )}
                      </span>
                    ))}
                    <Button
                      size="small"
                      icon={<AttachRegular />}
                      disabled={!editing}
                      onClick={() => void attachGeneral()}
                    >
                      {t('ui.bulk.addGeneralAttachment')}
                    </Button>
                  </div>
                </Field>
                <Field label={t('ui.bulk.subject')} size="small">
                  <Input
                    size="small"
                    value={subject}
                    disabled={!editing}
                    onChange={(_, d) => setSubject(d.value)}
                    onFocus={(e) =>
                      (lastField.current = { element: e.currentTarget, which: 'subject' })
                    }
                    onSelect={(e) =>
                      (lastField.current = { element: e.currentTarget, which: 'subject' })
                    }
                  />
                </Field>
                <Field label={t('ui.bulk.body')} size="small">
                  <Textarea
                    size="small"
                    rows={8}
                    resize="vertical"
                    value={body}
                    disabled={!editing}
                    onChange={(_, d) => setBody(d.value)}
                    onFocus={(e) =>
                      (lastField.current = { element: e.currentTarget, which: 'body' })
                    }
                    onSelect={(e) =>
                      (lastField.current = { element: e.currentTarget, which: 'body' })
                    }
                  />
                </Field>
                <div>
                  <Menu>
                    <MenuTrigger disableButtonEnhancement>
                      <Button size="small" icon={<TextAddRegular />} disabled={!editing || !list}>
                        {t('ui.bulk.insertField')}
                      </Button>
                    </MenuTrigger>
                    <MenuPopover>
                      <MenuList style={{ maxHeight: 300, overflowY: 'auto' }}>
                        {(list?.fields ?? []).map((field) => (
                          <MenuItem key={field} onClick={() => insertField(field)}>
                            {`{{${field}}}`}
                          </MenuItem>
                        ))}
                      </MenuList>
                    </MenuPopover>
                  </Menu>
                </div>
                {list?.passwordRule && (
                  <MessageBar
                    intent={passwordWarning ? 'warning' : 'info'}
                    icon={<LockClosedRegular />}
                    layout="multiline"
                  >
                    <MessageBarBody>
                      <MessageBarTitle>{t('ui.bulk.passwordTitle')}</MessageBarTitle>
                      {t('ui.bulk.passwordRule', {
                        rule: describePasswordRule(list.passwordRule, t),
                      })}
                      {passwordWarning && <div>{passwordWarning.message}</div>}
                    </MessageBarBody>
                  </MessageBar>
                )}
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
                {account && (
                  <div className={styles.note} data-testid="bulk-pacing">
                    {t('ui.bulk.pacing', {
                      pacing: describePacing(account.pacing, t),
                      duration: describeDuration(plannedMs, language),
                    })}
                  </div>
                )}
              </div>
            </div>

            {(state.phase === 'sending' || state.phase === 'pausing' || state.phase === 'paused') &&
              state.progress && (
                <div className={styles.progress} data-testid="bulk-progress">
                  <ProgressBar value={progressFraction(state.progress)} thickness="large" />
                  <div className={styles.progressLine}>
                    <span>
                      {t('ui.bulk.progress', {
                        done: state.progress.sent + state.progress.failed,
                        total: state.progress.total,
                        failed: state.progress.failed,
                      })}
                    </span>
                    <span>
                      {state.phase === 'paused'
                        ? t('ui.bulk.paused')
                        : state.phase === 'pausing'
                          ? t('ui.bulk.pausing')
                          : t('ui.bulk.remaining', {
                              duration: describeDuration(remainingMs, language),
                            })}
                    </span>
                  </div>
                </div>
              )}
            {queueWarnings.map((w, i) => (
              <MessageBar key={`q-${i}`} intent="warning" layout="multiline">
                <MessageBarBody>{w.message}</MessageBarBody>
              </MessageBar>
            ))}
            {state.phase === 'awaitingValidation' && (
              <MessageBar intent="info" layout="multiline" data-testid="bulk-summary">
                <MessageBarBody>
                  <MessageBarTitle>
                    {t('ui.bulk.queuedTitle', { count: state.queued })}
                  </MessageBarTitle>
                  {t('ui.bulk.awaitingValidation')}
                </MessageBarBody>
              </MessageBar>
            )}
            {(state.phase === 'finished' || state.phase === 'cancelled') && state.summary && (
              <MessageBar
                intent={state.summary.failed > 0 || state.summary.stoppedBy ? 'warning' : 'success'}
                layout="multiline"
                data-testid="bulk-summary"
              >
                <MessageBarBody>
                  <MessageBarTitle>
                    {t(
                      state.phase === 'cancelled'
                        ? 'ui.bulk.cancelledTitle'
                        : 'ui.bulk.finishedTitle',
                    )}
                  </MessageBarTitle>
                  {t('ui.bulk.summary', {
                    sent: state.summary.sent,
                    failed: state.summary.failed,
                    retrying: state.summary.retrying,
                    excluded: state.excludedAtQueue + (list?.excluded.length ?? 0),
                  })}
                  {state.summary.stoppedBy && <div>{state.summary.stoppedBy.message}</div>}
                  {state.summary.limitReached && (
                    <div>{t(`ui.bulk.limit.${state.summary.limitReached}`)}</div>
                  )}
                </MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            {state.phase === 'sending' && (
              <Button
                icon={<PauseRegular />}
                onClick={() => {
                  dispatch({ type: 'pause' });
                  void api.sending.pause({});
                }}
              >
                {t('ui.bulk.pause')}
              </Button>
            )}
            {state.phase === 'paused' && (
              <Button
                icon={<PlayRegular />}
                onClick={() => {
                  dispatch({ type: 'resume', at: Date.now() });
                  void api.sending.resume({});
                }}
              >
                {t('ui.bulk.resume')}
              </Button>
            )}
            {(state.phase === 'sending' || state.phase === 'paused') && state.batchId !== null && (
              <Button
                icon={<StopRegular />}
                onClick={() => {
                  dispatch({ type: 'cancel' });
                  void call(api.sending.cancel({ batchId: state.batchId! }))
                    .then(() => dispatch({ type: 'cancelled' }))
                    .catch(showError);
                }}
              >
                {t('ui.bulk.cancel')}
              </Button>
            )}
            {state.phase === 'awaitingValidation' && (
              <Button
                onClick={() => {
                  close();
                  app.navigate('outbox');
                }}
              >
                {t('ui.bulk.openOutbox')}
              </Button>
            )}
            {editing || state.phase === 'queueing' ? (
              <Button
                appearance="primary"
                icon={<SendRegular />}
                disabled={!sendable}
                onClick={() => void send()}
              >
                {state.phase === 'queueing'
                  ? t('ui.bulk.queueing')
                  : t('ui.bulk.send', { count: checked.size })}
              </Button>
            ) : null}
            <Button disabled={isBusy(state)} onClick={close}>
              {t('ui.common.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** The template's HTML goes with its own text only; a text the user changed gets a plain HTML. */
function htmlFor(list: LoadedList | null, body: string): { htmlBody?: string } {
  return list?.html && body === list.templateText ? { htmlBody: list.html } : {};
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
