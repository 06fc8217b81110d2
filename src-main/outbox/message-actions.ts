// What a user does to queued messages, as in the Winpass seed: validate (E → V; a failed
// one is retried; a blocked one is unblocked), block (→ B), withdraw from the queue (→ R,
// never sent, the document free again), reset a document's send status so that a new bulk
// send picks it again, and correct a wrong address. Each change is
// checked against the status machine and the message's version inside one write
// transaction, and journaled with the user and workstation: two workstations acting at
// once never overwrite each other's decision.
import { randomUUID } from 'node:crypto';
import type { OutboxMessage, SendJournalEvent } from '../../src-shared/domain/outbox.js';
import { canTransition, type MessageStatus } from '../../src-shared/domain/statuses.js';
import { translate, type MessageKey } from '../../src-shared/i18n/catalog.js';
import { UserError } from '../../src-shared/errors.js';
import { storableAddress } from '../records/email-address.js';
import { currentActor, type Actor } from '../workstation/identity.js';
import { writeTransaction, type Db } from '../db/connection.js';
import { findMessageWithDocument } from '../db/outbox-engine-search.js';
import * as q from '../db/message-action-queries.js';
import * as queued from '../db/outbox-prepare-queries.js';
import { appendJournal } from '../db/send-journal-queries.js';
import { readSetting } from '../db/settings-queries.js';
import { jsonList, toOutboxMessage } from './outbox-status.js';
import { VALIDATION_MODE_SETTING, type ValidationMode } from './validation-mode.js';
import { resetSendState, type ResetOutcome, type ResetTarget } from './reset-send-state.js';

export type { ResetOutcome, ResetTarget };
import { domainOf } from '../../src-shared/validation/identity.js';
import { storeSaid } from '../../src-shared/i18n/said.js';

/** A message id, or an id with the version the user saw (refused if it changed since). */
export type MessageTarget = number | { id: number; version: number };
/** Chosen messages, or every message the action applies to (see each action). */
export type MessageSelection = readonly MessageTarget[] | 'all';

export type SkipReason =
  'not_found' | 'wrong_status' | 'stale' | 'requeued' | 'superseded' | 'in_flight';

export interface ActionOutcome {
  changed: number[];
  skipped: { id: number; status: MessageStatus | null; reason: SkipReason }[];
}

interface Step {
  event: SendJournalEvent;
  detail: MessageKey;
  /** A failed message retried: its attempts start again. */
  retry?: boolean;
}

interface Action {
  to: MessageStatus;
  /** What "all" selects. */
  all: MessageStatus[];
  from: Partial<Record<MessageStatus, Step>>;
  /** The message stops carrying its document to its addresses (the document is free again). */
  release?: boolean;
}

const VALIDATED: Step = { event: 'validated', detail: 'sending.journal.validated' };
const UNBLOCKED: Step = { event: 'unblocked', detail: 'sending.journal.unblocked' };
const BLOCKED: Step = { event: 'blocked', detail: 'sending.journal.blocked' };
const WITHDRAWN: Step = { event: 'withdrawn', detail: 'queueTruth.journal.withdrawn' };

const ACTIONS = {
  /** "all": the pending ones; blocked and failed ones only when named. */
  validate: {
    to: 'validated',
    all: ['pending'],
    from: {
      pending: VALIDATED,
      blocked: UNBLOCKED,
      failed: { event: 'validated', detail: 'sending.journal.retry', retry: true },
    },
  },
  block: {
    to: 'blocked',
    all: ['pending', 'validated'],
    from: { pending: BLOCKED, validated: BLOCKED },
  },
  unblock: { to: 'validated', all: ['blocked'], from: { blocked: UNBLOCKED } },
  /** "all" names the ones with the server too, so that the answer says they were not withdrawn. */
  withdraw: {
    to: 'withdrawn',
    all: ['pending', 'validated', 'blocked', 'sending'],
    from: { pending: WITHDRAWN, validated: WITHDRAWN, blocked: WITHDRAWN },
    release: true,
  },
} satisfies Record<string, Action>;

/** Messages per transaction when acting on many. */
const CHUNK = 500;

export class MessageActions {
  private readonly actor: () => Actor;

  constructor(
    private readonly db: Db,
    options: { actor?: () => Actor } = {},
  ) {
    this.actor = options.actor ?? (() => currentActor());
  }

  /** pending → validated; blocked → validated (unblock); failed → validated (retry, attempts reset). */
  validate(selection: MessageSelection, scope: q.MessageScope = {}): Promise<ActionOutcome> {
    return this.apply(ACTIONS.validate, selection, scope);
  }

  /** pending or validated → blocked: it will not go until validated again. */
  block(selection: MessageSelection, scope: q.MessageScope = {}): Promise<ActionOutcome> {
    return this.apply(ACTIONS.block, selection, scope);
  }

  /** blocked → validated (the seed: "validate again to unblock"). */
  unblock(selection: MessageSelection, scope: q.MessageScope = {}): Promise<ActionOutcome> {
    return this.apply(ACTIONS.unblock, selection, scope);
  }

  /** "Reset the send status" (see reset-send-state.ts); a dry run only counts. */
  reset(target: ResetTarget, options: { dryRun?: boolean } = {}): Promise<ResetOutcome> {
    return resetSendState(this.db, this.actor(), target, options);
  }

  /**
   * "Retirer de la file": pending, validated or blocked → withdrawn. The message will never
   * go, its document is free to be queued again, and the journal keeps the event. A message
   * with the server now (`sending`) is never withdrawn: it is skipped as `in_flight`.
   */
  withdraw(selection: MessageSelection, scope: q.MessageScope = {}): Promise<ActionOutcome> {
    return this.apply(ACTIONS.withdraw, selection, scope);
  }

  /**
   * Corrects the address of a pending, blocked, failed or uncertain message: a new message
   * goes to the corrected address with the same content; the old one stays as history
   * (blocked, or failed if it was uncertain), is never validated again, and the dossier's
   * correspondent is corrected.
   */
  async fixAddress(
    messageId: number,
    newAddress: string,
    expectedVersion?: number,
  ): Promise<OutboxMessage> {
    // Stored as import and the CLI store it: an international domain in its ASCII form.
    const address = storableAddress(newAddress);
    const actor = this.actor();
    const mode = await readSetting<ValidationMode>(this.db, VALIDATION_MODE_SETTING, 'manual');
    const newId = await writeTransaction(this.db, async (tx) => {
      const old = await q.findMessageRowById(tx, messageId);
      if (!old) throw new UserError('outbox.error.messageNotFound', { id: messageId });
      if (expectedVersion !== undefined && old.version !== expectedVersion) {
        throw new UserError('error.message.stale', { id: messageId });
      }
      const status = old.status as MessageStatus;
      const keptAs = FIXABLE[status];
      if (!keptAs) {
        throw new UserError('error.message.cannotFixAddress', {
          id: messageId,
          status: statusLabel(status),
        });
      }
      const oldTo = jsonList<string>(old.to_addresses);
      if (oldTo.some((a) => a.toLowerCase() === address.toLowerCase())) {
        throw new UserError('error.message.sameAddress', { id: messageId, email: address });
      }
      if (await q.addressTakenByOther(tx, old.document_id, address, messageId)) {
        throw new UserError('error.message.addressQueued', { id: messageId, email: address });
      }

      const initial: MessageStatus = mode === 'automatic' ? 'validated' : 'pending';
      const { id: _oldId, created_at: _created, updated_at: _updated, ...content } = old;
      const replacement = await queued.insertMessage(tx, {
        ...content,
        to_addresses: JSON.stringify([address]),
        message_id_header: `<${randomUUID()}@${domainOf(old.from_address)}>`,
        status: initial,
        attempts: 0,
        next_attempt_at: null,
        last_error: null,
        last_reply: null,
        sending_by: null,
        queued_by: actor.user,
        workstation: actor.workstation,
        validated_at: initial === 'validated' ? new Date().toISOString() : null,
        sent_at: null,
        version: 1,
      });
      await queued.insertMessageAddresses(tx, replacement.id, old.document_id, [address]);

      const detail = storeSaid({
        code: 'sending.journal.addressFixed',
        params: {
          old: oldTo.join(', '),
          new: address,
          id: replacement.id,
        },
      });
      const kept = await q.changeMessageStatus(
        tx,
        { id: old.id, version: old.version, from: status },
        keptAs,
        {
          last_error: detail,
          next_attempt_at: null,
        },
      );
      if (!kept) throw new UserError('error.message.stale', { id: messageId });
      await q.deleteMessageAddresses(tx, [old.id]);
      for (const previous of oldTo) {
        for (const correspondent of await q.findCorrespondentsByAddress(
          tx,
          old.dossier_id,
          previous,
        )) {
          await q.replaceCorrespondentAddress(tx, correspondent, address);
        }
      }

      const journal = { actor, documentId: old.document_id };
      await appendJournal(tx, { ...journal, messageId: old.id, event: 'address_fixed', detail });
      await appendJournal(tx, {
        ...journal,
        messageId: replacement.id,
        event: 'queued',
        detail: storeSaid({
          code: 'sending.journal.replacement',
          params: { to: address, id: old.id },
        }),
      });
      if (initial === 'validated') {
        await appendJournal(tx, {
          ...journal,
          messageId: replacement.id,
          event: 'validated',
          detail: storeSaid({ code: 'sending.journal.validatedAutomatically', params: {} }),
        });
      }
      await queued.refreshDocumentEmailState(tx, old.document_id);
      return replacement.id;
    });
    return toOutboxMessage((await findMessageWithDocument(this.db, newId))!);
  }

  // --- Status changes -----------------------------------------------------------------------

  private async apply(
    action: Action,
    selection: MessageSelection,
    scope: q.MessageScope,
  ): Promise<ActionOutcome> {
    const targets =
      selection === 'all'
        ? (await q.listMessageIdsByStatus(this.db, action.all, scope)).map((id) => ({
            id,
            version: null,
          }))
        : selection.map((t) => (typeof t === 'number' ? { id: t, version: null } : t));
    const outcome: ActionOutcome = { changed: [], skipped: [] };
    const actor = this.actor();
    for (let start = 0; start < targets.length; start += CHUNK) {
      const chunk = targets.slice(start, start + CHUNK);
      await writeTransaction(this.db, async (tx) => {
        const rows = new Map(
          (
            await q.findMessages(
              tx,
              chunk.map((t) => t.id),
            )
          ).map((r) => [r.id, r]),
        );
        const documents = new Set<number>();
        for (const target of chunk) {
          const row = rows.get(target.id);
          const status = (row?.status ?? null) as MessageStatus | null;
          const skip = (reason: SkipReason) =>
            outcome.skipped.push({ id: target.id, status, reason });
          if (!row || status === null) {
            skip('not_found');
            continue;
          }
          if (target.version !== null && target.version !== row.version) {
            skip('stale');
            continue;
          }
          if (status === 'sending' && action.to === 'withdrawn') {
            skip('in_flight');
            continue;
          }
          const step = action.from[status];
          if (!step || !canTransition(status, action.to)) {
            skip('wrong_status');
            continue;
          }
          if (action.to === 'validated') {
            // A message replaced by one to the corrected address must never go to the wrong one.
            if (await q.wasReplaced(tx, row.id)) {
              skip('superseded');
              continue;
            }
            if (!(await this.holdsAddresses(tx, row))) {
              skip('requeued');
              continue;
            }
          }
          const retry = step.retry
            ? { attempts: 0, next_attempt_at: null, last_error: null, sending_by: null }
            : action.to === 'validated' && schedulePassed(row.scheduled_at)
              ? // Validated again after its schedule passed (parked, outbox/schedule.ts): it goes now.
                { next_attempt_at: null, scheduled_at: null, last_error: null }
              : {};
          if (
            !(await q.changeMessageStatus(
              tx,
              { id: row.id, version: row.version, from: status },
              action.to,
              retry,
            ))
          ) {
            skip('stale');
            continue;
          }
          if (action.release) await q.deleteMessageAddresses(tx, [row.id]);
          await appendJournal(tx, {
            event: step.event,
            actor,
            messageId: row.id,
            documentId: row.document_id,
            detail: storeSaid({ code: step.detail, params: {} }),
          });
          documents.add(row.document_id);
          outcome.changed.push(row.id);
        }
        await queued.refreshDocumentEmailStates(tx, [...documents]);
      });
    }
    return outcome;
  }

  /**
   * A message about to be validated must carry its document to its addresses. One whose
   * addresses were released (reset, address corrected) takes them back, unless another
   * message has carried the document to one of them since: then it must not go.
   */
  private async holdsAddresses(tx: Db, row: q.MessageStateRow): Promise<boolean> {
    if ((await q.countMessageAddresses(tx, row.id)) > 0) return true;
    const addresses = jsonList<string>(row.to_addresses);
    for (const address of addresses) {
      if (await q.addressTakenByOther(tx, row.document_id, address, row.id)) return false;
    }
    await queued.insertMessageAddresses(tx, row.id, row.document_id, addresses);
    return true;
  }
}

/** The statuses whose address can be corrected, and what the old message becomes. */
const FIXABLE: Partial<Record<MessageStatus, MessageStatus>> = {
  pending: 'blocked',
  blocked: 'blocked',
  failed: 'failed',
  uncertain: 'failed',
};

function statusLabel(status: MessageStatus): string {
  return translate('fr', `messageStatus.${status}`);
}

/** A schedule already past: validating the message again sends it now. */
function schedulePassed(scheduledAt: string | null): boolean {
  return scheduledAt !== null && Date.parse(scheduledAt) <= Date.now();
}
