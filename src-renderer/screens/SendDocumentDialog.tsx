// "Envoyer par e-mail" for one document: choose one or several of the dossier's
// correspondents (Ctrl+click, Shift+click) or type another address, choose the method, read
// the exact message that will go, send.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DismissRegular, SendRegular, WarningRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { z } from 'zod';
import type {
  previewMessageSchema,
  warningSchema,
  mailAccountSchema,
} from '../../src-shared/contract/sending.js';
import type { JournalDocument } from '../../src-shared/domain/documents.js';
import type { Dossier } from '../../src-shared/domain/records.js';
import { isValidEmail } from '../../src-shared/validation/identity.js';
import { api, call } from '../api.js';
import { MessageHeaders } from '../components/MessageHeaders.js';
import { useApp, type Translate } from '../app/app-context.js';
import { formatBytes, formatDateTime } from '../app/format.js';
import { clickRow, moveFocus, selectedIndexes, type Selection } from '../logic/selection.js';

type PreviewMessage = z.output<typeof previewMessageSchema>;
type Warning = z.output<typeof warningSchema>;
type Account = z.output<typeof mailAccountSchema>;

interface Candidate {
  key: string;
  name: string;
  relation: string | null;
  email: string;
  valid: boolean;
  receives: boolean;
}

const useStyles = makeStyles({
  surface: { width: '1000px', maxWidth: '96vw' },
  columns: {
    display: 'grid',
    gridTemplateColumns: '340px minmax(0, 1fr)',
    gap: '16px',
    minHeight: '420px',
  },
  left: { display: 'flex', flexDirection: 'column', gap: '10px', minWidth: 0 },
  listbox: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    minHeight: '140px',
    maxHeight: '220px',
    overflowY: 'auto',
    outline: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  option: {
    padding: '4px 8px',
    cursor: 'default',
    userSelect: 'none',
    display: 'flex',
    flexDirection: 'column',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  focused: { outline: `1px dotted ${tokens.colorNeutralForeground1}`, outlineOffset: '-2px' },
  disabled: { color: tokens.colorNeutralForegroundDisabled },
  email: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  other: { display: 'flex', gap: '6px', alignItems: 'start' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: '4px' },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '2px',
    padding: '0 2px 0 8px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
  },
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

export function SendDocumentDialog({
  document,
  onClose,
}: {
  document: JournalDocument;
  onClose: (changed: boolean) => void;
}) {
  const styles = useStyles();
  const app = useApp();
  const { t, locale, language, showError, documentTypes } = app;
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [account, setAccount] = useState<Account | null>(null);
  const [template, setTemplate] = useState<{
    subject: string;
    text: string;
    html: string | null;
  } | null>(null);
  const [selection, setSelection] = useState<Selection>({
    selected: new Set(),
    anchor: null,
    focus: null,
  });
  const [extra, setExtra] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [preview, setPreview] = useState<{
    messages: PreviewMessage[];
    warnings: Warning[];
    excludedText: string[];
  } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [state, setState] = useState(document);
  const [changed, setChanged] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    Promise.all([
      call(api.dossiers.get({ id: document.dossierId })),
      call(api.accounts.get({ structureId: document.structureId })),
      call(api.templates.get({ structureId: document.structureId, type: document.type })),
    ])
      .then(([d, a, tpl]) => {
        setDossier(d);
        setAccount(a);
        setTemplate(tpl);
        const candidates = candidatesOf(d);
        const preselected = candidates.flatMap((c, i) => (c.receives && c.valid ? [i] : []));
        setSelection({
          selected: new Set(preselected),
          anchor: preselected[0] ?? null,
          focus: preselected[0] ?? 0,
        });
      })
      .catch(showError);
  }, [document, showError]);

  const candidates = useMemo(() => (dossier ? candidatesOf(dossier) : []), [dossier]);
  const chosen = useMemo(
    () => [
      ...selectedIndexes(selection).flatMap((i) =>
        candidates[i]?.valid ? [candidates[i]!.email] : [],
      ),
      ...extra,
    ],
    [selection, candidates, extra],
  );

  // The addresses chosen here always go with the request: the user asked for them, so the
  // dossier's "documents by e-mail" choice does not hold them back.
  useEffect(() => {
    if (!template || !dossier) return undefined;
    let current = true;
    setPreviewError(null);
    if (chosen.length === 0) {
      setPreview(null);
      return undefined;
    }
    const timer = setTimeout(() => {
      call(
        api.sending.preview({
          structureId: document.structureId,
          documentId: document.id,
          addresses: chosen,
          subject: template.subject,
          textBody: template.text,
          ...(template.html && { htmlBody: template.html }),
        }),
      )
        .then((result) => {
          if (!current) return;
          setPreview({
            messages: result.messages,
            warnings: result.warnings,
            excludedText: result.excluded.map((e) =>
              t(`ui.exclusion.${e.reason}`, { detail: e.detail ?? '' }),
            ),
          });
        })
        .catch(
          (error: unknown) =>
            current && setPreviewError(error instanceof Error ? error.message : String(error)),
        );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [template, dossier, chosen, reloads, document, t]);

  const typedValid = typed.trim() !== '' && isValidEmail(typed.trim());
  const addTyped = () => {
    if (!typedValid) return;
    const address = typed.trim();
    if (!chosen.some((a) => a.toLowerCase() === address.toLowerCase()))
      setExtra((list) => [...list, address]);
    setTyped('');
  };

  const onOptionMouseDown = (event: MouseEvent, index: number) => {
    if (!candidates[index]?.valid) return;
    event.preventDefault();
    setSelection((s) =>
      clickRow(s, index, { ctrl: event.ctrlKey || event.metaKey, shift: event.shiftKey }),
    );
  };
  const onListKeyDown = (event: KeyboardEvent) => {
    const moves = { ArrowUp: 'up', ArrowDown: 'down', Home: 'home', End: 'end' } as const;
    const move = moves[event.key as keyof typeof moves];
    if (move) {
      event.preventDefault();
      setSelection((s) =>
        moveFocus(s, move, candidates.length, 5, { ctrl: event.ctrlKey, shift: event.shiftKey }),
      );
    } else if (event.key === ' ' && selection.focus !== null) {
      event.preventDefault();
      setSelection((s) => clickRow(s, s.focus!, { ctrl: true }));
    }
  };

  const resetState = async () => {
    try {
      await call(api.outbox.reset({ documentIds: [document.id] }));
      setChanged(true);
      setState({ ...state, emailState: 'none' });
      setReloads((n) => n + 1);
    } catch (error) {
      showError(error);
    }
  };

  const send = async () => {
    if (!template || chosen.length === 0) return;
    setSending(true);
    try {
      const result = await call(
        api.sending.queue({
          structureId: document.structureId,
          documentIds: [document.id],
          addresses: chosen,
          subject: template.subject,
          textBody: template.text,
          ...(template.html && { htmlBody: template.html }),
        }),
      );
      if (result.queued === 0) {
        showError(
          new Error(
            result.excluded
              .map((e) => t(`ui.exclusion.${e.reason}`, { detail: e.detail ?? '' }))
              .join(' '),
          ),
        );
        return;
      }
      app.notify(
        t(result.validated > 0 ? 'ui.send.queuedSending' : 'ui.send.queuedPending', {
          count: result.queued,
        }),
      );
      onClose(true);
    } catch (error) {
      showError(error);
    } finally {
      setSending(false);
    }
  };

  const type = documentTypes.find((d) => d.code === document.type);
  const typeName = type ? (language === 'fr' ? type.nameFr : type.nameEn) : document.type;
  const message = preview?.messages[0];

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose(changed)}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>
            {t('ui.send.title', {
              type: typeName,
              number: document.number,
              name: document.dossierName,
            })}
          </DialogTitle>
          <DialogContent>
            {!dossier || !template ? (
              <Spinner size="small" label={t('ui.common.loading')} />
            ) : (
              <div className={styles.columns}>
                <div className={styles.left}>
                  <Field
                    label={t('ui.send.recipients')}
                    hint={t('ui.send.recipientsHint')}
                    size="small"
                  >
                    <div
                      className={styles.listbox}
                      role="listbox"
                      aria-multiselectable
                      aria-label={t('ui.send.recipients')}
                      tabIndex={0}
                      onKeyDown={onListKeyDown}
                      data-testid="recipients"
                    >
                      {candidates.length === 0 && (
                        <div className={styles.option}>{t('ui.send.noCorrespondent')}</div>
                      )}
                      {candidates.map((c, index) => (
                        <div
                          key={c.key}
                          role="option"
                          aria-selected={selection.selected.has(index)}
                          aria-disabled={!c.valid}
                          className={mergeClasses(
                            styles.option,
                            selection.selected.has(index) && styles.selected,
                            selection.focus === index && styles.focused,
                            !c.valid && styles.disabled,
                          )}
                          onMouseDown={(event) => onOptionMouseDown(event, index)}
                          title={c.valid ? undefined : t('ui.dossiers.corr.invalidEmail')}
                        >
                          <span>
                            {c.name || c.email}
                            {c.relation ? ` (${c.relation})` : ''}
                            {!c.receives && ` — ${t('ui.send.notReceiving')}`}
                          </span>
                          <span className={styles.email}>
                            {!c.valid && <WarningRegular />} {c.email}
                          </span>
                        </div>
                      ))}
                    </div>
                  </Field>
                  <Field
                    label={t('ui.send.otherAddress')}
                    size="small"
                    validationState={typed.trim() && !typedValid ? 'error' : 'none'}
                    validationMessage={
                      typed.trim() && !typedValid ? t('ui.dossiers.corr.invalidEmail') : undefined
                    }
                  >
                    <div className={styles.other}>
                      <Input
                        size="small"
                        type="email"
                        value={typed}
                        style={{ flexGrow: 1 }}
                        placeholder="nom@domaine.fr"
                        onChange={(_, d) => setTyped(d.value)}
                        onKeyDown={(event) => event.key === 'Enter' && addTyped()}
                      />
                      <Button
                        size="small"
                        icon={<AddRegular />}
                        disabled={!typedValid}
                        onClick={addTyped}
                      >
                        {t('ui.common.add')}
                      </Button>
                    </div>
                  </Field>
                  {extra.length > 0 && (
                    <div className={styles.chips}>
                      {extra.map((address) => (
                        <span key={address} className={styles.chip}>
                          {address}
                          <Button
                            size="small"
                            appearance="transparent"
                            icon={<DismissRegular />}
                            aria-label={t('ui.common.remove')}
                            onClick={() => setExtra((list) => list.filter((a) => a !== address))}
                          />
                        </span>
                      ))}
                    </div>
                  )}
                  <Field label={t('ui.send.method')} size="small">
                    <Select
                      size="small"
                      value="account"
                      style={{ width: '100%' }}
                      select={{ style: { minWidth: 0, width: '100%' } }}
                    >
                      <option value="account">{account ? describeAccount(account, t) : ''}</option>
                    </Select>
                  </Field>
                  <div className={styles.note}>{t('ui.send.chosen', { count: chosen.length })}</div>
                </div>
                <div>
                  {state.emailState === 'sent' && (
                    <MessageBar intent="info" layout="multiline" style={{ marginBottom: 8 }}>
                      <MessageBarBody>
                        {t('ui.send.alreadySent', {
                          date: formatDateTime(state.lastSentAt, locale),
                        })}
                      </MessageBarBody>
                      <MessageBarActions>
                        <Button size="small" onClick={() => void resetState()}>
                          {t('ui.send.reset')}
                        </Button>
                      </MessageBarActions>
                    </MessageBar>
                  )}
                  {previewError && (
                    <MessageBar intent="error" layout="multiline" style={{ marginBottom: 8 }}>
                      <MessageBarBody>{previewError}</MessageBarBody>
                    </MessageBar>
                  )}
                  {preview?.warnings.map((w, i) => (
                    <MessageBar
                      key={i}
                      intent="warning"
                      layout="multiline"
                      style={{ marginBottom: 8 }}
                    >
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
                        {chosen.length === 0
                          ? t('ui.send.chooseRecipient')
                          : preview?.excludedText.join(' ') || t('ui.common.loading')}
                      </span>
                    )}
                    {message && (
                      <>
                        <MessageHeaders
                          message={message}
                          to={preview!.messages.flatMap((m) => m.to)}
                          attachmentText={(a) =>
                            `${a.fileName} (${formatBytes(a.size, locale)})${a.encrypted ? ` — ${t('ui.message.encrypted')}` : ''}`
                          }
                        />
                        {preview!.messages.length > 1 && (
                          <div className={styles.note}>
                            {t('ui.send.onePerRecipient', { count: preview!.messages.length })}
                          </div>
                        )}
                        <pre className={styles.body}>{message.text}</pre>
                      </>
                    )}
                  </section>
                </div>
              </div>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              icon={<SendRegular />}
              disabled={sending || chosen.length === 0 || !message || previewError !== null}
              onClick={() => void send()}
            >
              {t('ui.send.send')}
            </Button>
            <Button onClick={() => onClose(changed)}>{t('ui.common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function candidatesOf(dossier: Dossier): Candidate[] {
  return dossier.correspondents
    .filter((c) => c.email)
    .map((c) => ({
      key: String(c.id),
      name: c.name,
      relation: c.relation,
      email: c.email!,
      valid: c.emailValid,
      receives: c.receivesDocuments,
    }));
}

function describeAccount(account: Account, t: Translate): string {
  if (account.kind === 'sandbox') return t('ui.send.method.sandbox');
  if (account.kind === 'smtp') {
    return t('ui.send.method.smtp', {
      host: account.host ?? '',
      from: account.fromAddress ?? account.username ?? '',
    });
  }
  return t(`ui.settings.account.kind.${account.kind}`);
}
