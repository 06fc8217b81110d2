// Group commits: the outcomes of attempts that ended are written together (every GROUP_SIZE
// outcomes or GROUP_MS, whichever first), with the next claim when there is one, so that the
// synchronous commits an exactly-once engine pays for are shared. Until written, a message
// stays `sending`: a crash leaves it `uncertain`, never sent twice, never lost.
import { translate } from '../../src-shared/i18n/catalog.js';
import { isUserError } from '../../src-shared/errors.js';
import type { Actor } from '../workstation/identity.js';
import { writeTransaction, type Db } from '../db/connection.js';
import { recordOutcomes } from '../db/outbox-engine-queue.js';
import { isUnreachableError } from '../db/unreachable.js';
import { refreshDocumentEmailStates } from '../db/outbox-prepare-queries.js';
import { appendJournalEvents, type JournalEventInput } from '../db/send-journal-queries.js';
import { withoutSin } from '../outbox/journal-export.js';
import { CLAIM_BATCH, type Claimed } from './claims.js';
import type { Outcome } from './outcome.js';
import type { Sleep } from './run-contract.js';

/** Outcomes written together: this many, or once the oldest has waited this long. */
const GROUP_SIZE = CLAIM_BATCH;
const GROUP_MS = 250;
/** Writing an outcome on a database kept busy by another workstation: tries, and the wait between. */
const OUTCOME_WRITE_ATTEMPTS = 5;
const OUTCOME_RETRY_MS = 1_000;

/** An attempt that ended; its outcome waits to be written with the others of its group. */
export interface Attempted {
  claimed: Claimed;
  startedAt: number;
  endedAt: number;
  outcome: Outcome;
}

/** The outcomes not yet written, and how to write them in a caller's transaction. */
export class OutcomeGroup {
  private attempted: Attempted[] = [];

  constructor(
    private readonly holderId: string,
    private readonly actor: Actor,
  ) {}

  get isEmpty(): boolean {
    return this.attempted.length === 0;
  }

  add(attempted: Attempted): void {
    this.attempted.push(attempted);
  }

  /** Whether the group is big enough, or its oldest outcome old enough, to be written now. */
  isDue(now: number): boolean {
    const oldest = this.attempted[0];
    return (
      oldest !== undefined &&
      (this.attempted.length >= GROUP_SIZE || now - oldest.endedAt >= GROUP_MS)
    );
  }

  /** Once the transaction that wrote them committed (never before: it may be tried again). */
  clear(): void {
    this.attempted = [];
  }

  /**
   * The outcomes, their journal events (each at the time it happened) and their documents'
   * e-mail state, in the caller's transaction. An outcome is not written for a message that
   * is no longer ours (a user decided meanwhile).
   */
  async write(tx: Db): Promise<void> {
    if (this.attempted.length === 0) return;
    const written = await recordOutcomes(
      tx,
      this.holderId,
      this.attempted.map(({ claimed, outcome }) => ({ id: claimed.row.id, ...outcome.change })),
    );
    const events: JournalEventInput[] = [];
    const documents: number[] = [];
    for (const { claimed, startedAt, endedAt, outcome } of this.attempted) {
      const { row, sin, account } = claimed;
      const about = { actor: this.actor, messageId: row.id, documentId: row.document_id };
      events.push({
        ...about,
        at: new Date(startedAt).toISOString(),
        event: 'sending',
        detail: translate('fr', 'outbox.journal.sending', {
          attempt: row.attempts,
          max: account.pacing.maxAttempts,
          subject: withoutSin(row.subject, sin),
        }),
        serverReply: null,
      });
      if (!written.has(row.id)) continue;
      events.push({
        ...about,
        ...outcome.event,
        at: new Date(endedAt).toISOString(),
        serverReply: outcome.change.reply,
      });
      documents.push(row.document_id);
    }
    await appendJournalEvents(tx, events);
    await refreshDocumentEmailStates(tx, documents);
  }
}

/**
 * Writes what the server said about messages: if another workstation holds the database
 * past the busy timeout, try again rather than leave the messages `sending` (they would then
 * turn `uncertain` and need the user's decision). With `outagePatienceMs`, a database out of
 * reach (unreachable.ts) is waited for that long too, the same connection tried every second.
 */
export async function writeInsistently<T>(
  db: Db,
  sleep: Sleep,
  work: (tx: Db) => Promise<T>,
  outagePatienceMs = 0,
): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeTransaction(db, work);
    } catch (error) {
      const busy = isUserError(error) && error.code === 'error.database.busy';
      // The robot waits out a database out of reach (folder moved, drive gone) for a while.
      const waitOut = isUnreachableError(error) && Date.now() - started < outagePatienceMs;
      if (!waitOut && (!busy || attempt >= OUTCOME_WRITE_ATTEMPTS)) throw error;
      await sleep(OUTCOME_RETRY_MS);
    }
  }
}
