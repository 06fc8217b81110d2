// The bulk-send dialog's state: the type and period, the list and its check boxes, the files,
// the message, the preview, the steps of the send. The dialog's parts only draw it.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DocumentTypeCode } from '../../../src-shared/domain/document-types.js';
import { UNPACED_BATCH_LIMIT } from '../../../src-shared/domain/sending-methods.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { useRunningSend, useRunningSendStore } from '../../app/running-send.js';
import {
  canChoose,
  canEdit,
  canSend,
  checkedMessageCount,
  isUnderway,
  overMethodLimit,
  type BulkEvent,
} from '../../logic/bulk-send.js';
import { EMPTY_SELECTION, selectOnly, type Selection } from '../../logic/selection.js';
import { previousMonth } from '../sending-texts.js';
import { errorText } from '../sending-types.js';
import { useAttachments } from './useAttachments.js';
import { htmlFor, refreshedChecks, useBulkList, type LoadedList } from './useBulkList.js';
import { useBulkPreview } from './useBulkPreview.js';
import { useMessageText } from './useMessageText.js';
import { useBulkSchedule } from './useBulkSchedule.js';
import { useSendingProgress } from './useSendingProgress.js';
import { pendingOfBatch, validateTargets } from './validate-batch.js';

export type BulkTab = 'list' | 'excluded';

export function useBulkSend() {
  const { structureId, showError, notify, t } = useApp();
  const [type, setType] = useState<DocumentTypeCode>('invoice');
  const [period, setPeriod] = useState(() => previousMonth(new Date()));
  // The send itself lives in the window, so that it outlives this dialog.
  const store = useRunningSendStore();
  const running = useRunningSend();
  const state = running.bulk;
  const dispatch = useCallback((event: BulkEvent) => store.dispatch(event), [store]);
  /** The dialog opened on a send under way: it shows that send, not a new list. */
  const [attached] = useState(() => isUnderway(store.get().bulk));
  useLayoutEffect(() => store.open(), [store]);
  const [validating, setValidating] = useState(false);
  const [list, setList] = useState<LoadedList | null>(null);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [tab, setTab] = useState<BulkTab>('list');
  const changed = useRef(false);
  const attachments = useAttachments();
  const text = useMessageText();
  const now = useSendingProgress(state.phase);

  const { show, refresh } = useBulkList(
    structureId,
    { type, period },
    {
      onStart: () => dispatch({ type: 'load' }),
      onLoaded: (loaded) => {
        setList(loaded);
        text.load(loaded.templateSubject, loaded.templateText, loaded.fields);
        setChecked(new Set(loaded.rows.map((r) => r.documentId)));
        setSelection(loaded.rows.length > 0 ? selectOnly(0) : EMPTY_SELECTION);
        attachments.clearRows();
        setTab(loaded.rows.length === 0 && loaded.excluded.length > 0 ? 'excluded' : 'list');
        dispatch({ type: 'loaded' });
      },
      // A dossier fixed from the dialog: the same list read again, the user's work kept.
      onRefreshed: (loaded) => {
        const focus = loaded.rows.findIndex((r) => r.documentId === focusedRow?.documentId);
        setList(loaded);
        setChecked((c) => refreshedChecks(c, list, loaded));
        setSelection(loaded.rows.length > 0 ? selectOnly(Math.max(0, focus)) : EMPTY_SELECTION);
        dispatch({ type: 'loaded' });
      },
      onFailed: (error) => {
        dispatch({ type: 'loadFailed' });
        showError(error);
      },
    },
  );

  const rows = useMemo(() => list?.rows ?? [], [list]);
  const rowIds = useMemo(() => rows.map((r) => r.documentId), [rows]);
  const focusedRow = selection.focus !== null ? rows[selection.focus] : undefined;
  const editing = canEdit(state);
  const preview = useBulkPreview({
    structureId,
    row: focusedRow,
    subject: text.subject,
    body: text.body,
    problem: text.problem,
    list,
    editing,
    attachments,
  });

  const checkedMessages = checkedMessageCount(rows, checked);
  const overLimit = overMethodLimit(checkedMessages, list?.canPace ?? true, UNPACED_BATCH_LIMIT);
  /** "Envoyer plus tard": the batch waits for the date and time typed. */
  const schedule = useBulkSchedule();
  const sendable =
    canSend(state, checked.size) &&
    overLimit === 0 &&
    text.problem === null &&
    (!schedule.later || schedule.input.iso !== null);

  /** The send as the dialog stands: the checked documents, the text, the files. */
  const sendInput = (ids: number[]) => ({
    structureId: structureId ?? 0,
    documentIds: ids,
    subject: text.subject,
    textBody: text.body,
    ...(list && htmlFor(list, text.body)),
    generalAttachments: attachments.general.map((f) => f.ref),
    recipientAttachments: Object.entries(attachments.perRow)
      .filter(([id, files]) => ids.includes(Number(id)) && files.length > 0)
      .map(([id, files]) => ({ documentId: Number(id), files: files.map((f) => f.ref) })),
  });
  const checkedIds = () => rows.filter((r) => checked.has(r.documentId)).map((r) => r.documentId);

  const send = async () => {
    if (structureId === null || !sendable || !list) return;
    if (schedule.later) {
      if (await schedule.queue(sendInput(checkedIds()))) changed.current = true;
      return;
    }
    store.queueing(list.account.pacing, list.excluded.length);
    dispatch({ type: 'queue' });
    try {
      const result = await call(api.sending.queue(sendInput(checkedIds())));
      changed.current = true;
      store.setWarnings(result.warnings);
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

  /** "Valider et envoyer": the batch queued for validation is validated, and so it leaves. */
  const validateAndSend = async () => {
    const batchId = state.batchId;
    if (batchId === null || state.phase !== 'awaitingValidation') return;
    setValidating(true);
    let asked = 0;
    try {
      const targets = await pendingOfBatch(batchId);
      // Before the call: the engine's first events may come back before its answer.
      dispatch({ type: 'validated', validated: targets.length, at: Date.now() });
      asked = targets.length;
      const outcome = await validateTargets(targets);
      changed.current = true;
      if (outcome.skipped > 0)
        notify(t('ui.sendingModel.validateSkipped', { ...outcome }), 'warning');
    } catch (error) {
      // Nothing was validated: the send ends here, saying why.
      if (asked > 0) dispatch(stoppedBefore(asked, errorText(error)));
      showError(error);
    } finally {
      setValidating(false);
    }
  };

  const pause = () => {
    dispatch({ type: 'pause' });
    void api.sending.pause({});
  };
  const resume = () => {
    dispatch({ type: 'resume', at: Date.now() });
    void api.sending.resume({});
  };
  const cancel = (batchId: number) => {
    dispatch({ type: 'cancel' });
    void call(api.sending.cancel({ batchId }))
      .then(() => dispatch({ type: 'cancelled' }))
      .catch(showError);
  };

  return {
    type,
    setType,
    period,
    setPeriod,
    /** The type, the period and "Afficher" can be changed (during a reading too). */
    choosing: canChoose(state),
    /** "Afficher": the list of the type and period as they are now. */
    show: () => show({ type, period }),
    /** The same list read again after a dossier was fixed from the dialog. */
    refresh,
    state,
    attached,
    list,
    rows,
    rowIds,
    checked,
    setChecked,
    selection,
    setSelection,
    focusedRow,
    tab,
    setTab,
    editing,
    attachments,
    text,
    preview,
    queueWarnings: running.warnings,
    pacing: running.pacing ?? list?.account.pacing ?? null,
    excludedInList: running.excludedInList,
    failures: running.failures,
    validating,
    validateAndSend: () => void validateAndSend(),
    now,
    checkedMessages,
    overLimit,
    sendable,
    send,
    schedule,
    /** The test copy's send: the focused row's document with the dialog's text and files. */
    testCopyInput: () => (focusedRow ? sendInput([focusedRow.documentId]) : null),
    pause,
    resume,
    cancel,
    /** The dialog closes: an end it showed needs no "see the summary" in the status bar. */
    leave: () => {
      if (state.phase === 'finished' || state.phase === 'cancelled') store.seen();
    },
    /** Whether anything was queued, for the screen behind to read its list again. */
    wasChanged: useCallback(() => changed.current, []),
    /** Work the clerk would lose by closing before sending: an edited text, files added. */
    unsentWork:
      editing &&
      list !== null &&
      (text.edited ||
        attachments.general.length > 0 ||
        Object.values(attachments.perRow).some((files) => files.length > 0)),
  };
}

export type BulkSend = ReturnType<typeof useBulkSend>;

function stoppedBefore(remaining: number, message: string): BulkEvent {
  return {
    type: 'finished',
    summary: {
      ...{ sent: 0, failed: 0, retrying: 0, uncertain: 0, remaining, limitReached: null },
      stoppedBy: { code: 'ui.error.unexpected', message },
    },
    paused: false,
    cancelled: false,
  };
}
