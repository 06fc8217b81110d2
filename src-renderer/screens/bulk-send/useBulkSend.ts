// The bulk-send dialog's state: the type and period, the list and its check boxes, the files,
// the message, the preview, the steps of the send. The dialog's parts only draw it.
import { useCallback, useMemo, useReducer, useRef, useState } from 'react';
import type { DocumentTypeCode } from '../../../src-shared/domain/document-types.js';
import { UNPACED_BATCH_LIMIT } from '../../../src-shared/domain/sending-methods.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import {
  INITIAL_BULK_STATE,
  bulkSendReducer,
  canEdit,
  canSend,
  checkedMessageCount,
  overMethodLimit,
} from '../../logic/bulk-send.js';
import { EMPTY_SELECTION, selectOnly, type Selection } from '../../logic/selection.js';
import { previousMonth } from '../sending-texts.js';
import type { Warning } from '../sending-types.js';
import { useAttachments } from './useAttachments.js';
import { htmlFor, useBulkList, type LoadedList } from './useBulkList.js';
import { useBulkPreview } from './useBulkPreview.js';
import { useMessageText } from './useMessageText.js';
import { useSendingProgress } from './useSendingProgress.js';

export type BulkTab = 'list' | 'excluded';

export function useBulkSend() {
  const { structureId, showError } = useApp();
  const [type, setType] = useState<DocumentTypeCode>('invoice');
  const [period, setPeriod] = useState(() => previousMonth(new Date()));
  const [state, dispatch] = useReducer(bulkSendReducer, INITIAL_BULK_STATE);
  const [list, setList] = useState<LoadedList | null>(null);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [tab, setTab] = useState<BulkTab>('list');
  const [queueWarnings, setQueueWarnings] = useState<Warning[]>([]);
  const changed = useRef(false);
  const attachments = useAttachments();
  const text = useMessageText();
  const now = useSendingProgress(state.phase, dispatch);

  const show = useBulkList(
    structureId,
    { type, period },
    {
      onStart: () => dispatch({ type: 'load' }),
      onLoaded: (loaded) => {
        setList(loaded);
        text.setSubject(loaded.templateSubject);
        text.setBody(loaded.templateText);
        setChecked(new Set(loaded.rows.map((r) => r.documentId)));
        setSelection(loaded.rows.length > 0 ? selectOnly(0) : EMPTY_SELECTION);
        attachments.clearRows();
        setTab(loaded.rows.length === 0 && loaded.excluded.length > 0 ? 'excluded' : 'list');
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
    list,
    editing,
  });

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
          subject: text.subject,
          textBody: text.body,
          ...htmlFor(list, text.body),
          generalAttachments: attachments.general.map((f) => f.ref),
          recipientAttachments: Object.entries(attachments.perRow)
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
    /** "Afficher": the list of the type and period as they are now. */
    show: () => show({ type, period }),
    state,
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
    queueWarnings,
    now,
    checkedMessages,
    overLimit,
    sendable,
    send,
    pause,
    resume,
    cancel,
    /** Whether anything was queued, for the screen behind to read its list again. */
    wasChanged: useCallback(() => changed.current, []),
  };
}

export type BulkSend = ReturnType<typeof useBulkSend>;
