// Suivi des envois' state: the criteria, the messages (paged), the selection, and what the
// user does to the selected messages. The screen's parts only draw it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import type {
  outboxMessageSchema,
  sendJournalEntrySchema,
} from '../../../src-shared/contract/outbox.js';
import type { MessageStatus } from '../../../src-shared/domain/statuses.js';
import { api, call } from '../../api.js';
import { withdrawOutcomeText } from '../../../src-shared/format/withdraw-outcome.js';
import { translateCount } from '../../../src-shared/i18n/plural.js';
import { useApp, useCommand, useStatusText } from '../../app/app-context.js';
import { saveBytes } from '../../app/files.js';
import { usePagedList, useThrottledEvents } from '../../app/use-paged-list.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import {
  EMPTY_SELECTION,
  selectAll,
  selectedIndexes,
  type Selection,
} from '../../logic/selection.js';
import { NO_CRITERIA, searchOf, type Criteria } from './criteria.js';

export type Message = z.output<typeof outboxMessageSchema>;
export type JournalEntry = z.output<typeof sendJournalEntrySchema>;
export interface MessageDetail {
  message: Message;
  journal: JournalEntry[];
}

/** The statuses whose address may be corrected (the old message stays as history). */
export const FIXABLE: MessageStatus[] = ['pending', 'blocked', 'failed', 'uncertain'];
/** The statuses still in the queue, that may be withdrawn (never one being sent). */
export const WITHDRAWABLE: MessageStatus[] = ['pending', 'validated', 'blocked'];

export function useOutbox() {
  const app = useApp();
  const { t, language, structureId, showError } = app;
  const confirm = useConfirm();
  // Opened from a bulk send: that batch (and its failures, if asked) until the user clears it.
  const [criteria, setCriteria] = useState<Criteria>(() => ({
    ...NO_CRITERIA,
    statuses: app.focus?.outbox?.statuses ?? [],
  }));
  const [batchId, setBatchId] = useState(app.focus?.outbox?.batchId ?? null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [details, setDetails] = useState<MessageDetail | null>(null);
  const [fixing, setFixing] = useState<Message | null>(null);
  const firstField = useRef<HTMLInputElement>(null);

  const search = useMemo(
    () => ({ ...searchOf(criteria, structureId), ...(batchId !== null && { batchId }) }),
    [criteria, structureId, batchId],
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

  /** Runs one action on the main side, shows the failure if any, then reads the rows again. */
  const attempt = async (work: () => Promise<void>) => {
    try {
      await work();
      list.refresh();
    } catch (error) {
      showError(error);
    }
  };

  const act = useCallback(
    async (
      action: 'validate' | 'block' | 'unblock',
      messages: { id: number; version: number }[],
    ) => {
      if (messages.length === 0) return;
      try {
        const outcome = await call(api.outbox[action]({ messages }));
        // Débloquer is validating again (the Winpass rule): the messages leave now; it says so.
        app.notify(
          t(action === 'unblock' ? 'ui.sendingModel.unblocked' : 'ui.outbox.actionDone', {
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

  /** Asks first, naming how many documents will be offered again; Annuler changes nothing. */
  const reset = () =>
    selected.length > 0 &&
    attempt(async () => {
      const target = { messageIds: selected.map((m) => m.id) };
      const would = await call(api.outbox.reset({ ...target, dryRun: true }));
      if (would.documents.length === 0) return app.notify(t('queueTruth.reset.none'), 'warning');
      const confirmed = await confirm.ask({
        title: t('queueTruth.reset.title'),
        text: translateCount(language, 'queueTruth.reset.confirm', would.documents.length),
        confirm: t('queueTruth.reset.button'),
      });
      if (!confirmed) return;
      const outcome = await call(api.outbox.reset(target));
      app.notify(translateCount(language, 'queueTruth.reset.done', outcome.documents.length));
    });

  /** "Retirer de la file" (Suppr): asks first, naming how many messages leave the queue. */
  const withdraw = () =>
    attempt(async () => {
      const queued = selected.filter((m) => WITHDRAWABLE.includes(m.status));
      if (queued.length === 0) return;
      const confirmed = await confirm.ask({
        title: t('queueTruth.withdraw.title'),
        text: translateCount(language, 'queueTruth.withdraw.confirm', queued.length),
        confirm: t('queueTruth.withdraw.button'),
      });
      if (!confirmed) return;
      const outcome = await call(
        api.outbox.withdraw({ messages: queued.map((m) => ({ id: m.id, version: m.version })) }),
      );
      app.notify(
        withdrawOutcomeText(language, outcome).join(' '),
        outcome.skipped.length ? 'warning' : 'success',
      );
    });

  /** The process stopped while the server had the message: the user says what happened. */
  const resolve = (message: Message, decision: 'sent' | 'resend' | 'failed') =>
    attempt(async () => {
      await call(api.outbox.resolveUncertain({ id: message.id, decision }));
    });

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
  useCommand('edit.delete', () => void withdraw(), can(WITHDRAWABLE));
  useCommand('outbox.exportCsv', () => void exportCsv());

  return {
    criteria,
    setCriteria,
    batchId,
    clearBatch: () => setBatchId(null),
    counts,
    list,
    selection,
    setSelection,
    current,
    can,
    firstField,
    act: (action: 'validate' | 'block' | 'unblock') => void act(action, targets),
    reset: () => void reset(),
    withdraw: () => void withdraw(),
    confirmDialog: confirm.dialog,
    resolve: (message: Message, decision: 'sent' | 'resend' | 'failed') =>
      void resolve(message, decision),
    openDetails: (message: Message | undefined) => void openDetails(message),
    exportCsv: () => void exportCsv(),
    details,
    closeDetails: () => setDetails(null),
    fixing,
    setFixing,
    /** The selected messages a new time applies to (outbox/schedule.ts says the same). */
    movable: selected
      .filter(
        (m) =>
          m.status === 'pending' ||
          m.status === 'validated' ||
          (m.status === 'blocked' && m.scheduledAt !== null),
      )
      .map((m) => m.id),
  };
}

export type Outbox = ReturnType<typeof useOutbox>;
