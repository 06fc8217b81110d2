// "Check the bounces" for a structure's account: open its mailbox (IMAP, Graph or Gmail),
// read what arrived since the last check, close the loop on our bounced messages, and keep
// where the check stopped (shared by every workstation, in the settings table).
import { UserError } from '../../src-shared/errors.js';
import { currentActor, type Actor } from '../workstation/identity.js';
import type { Db } from '../db/connection.js';
import { readSetting, writeSetting } from '../db/settings-queries.js';
import type { AccountsService } from '../accounts/accounts-service.js';
import type { SendingMethods } from '../accounts/sending-methods.js';
import { SendFailure } from '../mail/transport.js';
import type { MailboxCursor } from '../mail/bounce-mailbox.js';
import { processBounces, type BounceCheckSummary, type BounceOutcome } from './bounce-processor.js';

export type AfterBounceCheck = (
  structureId: number,
  ours: BounceOutcome[],
  actor: Actor,
) => Promise<void>;

const cursorKey = (accountId: number) => `bounces.cursor.${accountId}`;

export class BounceService {
  private readonly actor: () => Actor;
  private readonly afterCheck: AfterBounceCheck | null;

  constructor(
    private readonly db: Db,
    private readonly accounts: AccountsService,
    private readonly methods: SendingMethods,
    options: {
      actor?: () => Actor;
      /** What follows a check that found bounces: the staff notification (wired by the app). */
      afterCheck?: AfterBounceCheck;
    } = {},
  ) {
    this.actor = options.actor ?? (() => currentActor());
    this.afterCheck = options.afterCheck ?? null;
  }

  async check(structureId: number): Promise<BounceCheckSummary> {
    const account = await this.accounts.getAccount(structureId);
    const settings = await this.methods.settings(account.id);
    if (!settings.bounces)
      throw new UserError('bounces.error.disabled', {
        account: account.fromAddress ?? account.kind,
      });
    try {
      const mailbox = await this.methods.openBounceMailbox(account);
      try {
        const cursor = await readSetting<MailboxCursor | null>(
          this.db,
          cursorKey(account.id),
          null,
        );
        const result = await processBounces(this.db, mailbox, {
          actor: this.actor(),
          cursor,
          moveTo: settings.bounceFolder,
        });
        await writeSetting(this.db, cursorKey(account.id), result.cursor);
        // A notification that cannot go never turns a finished check into a failure.
        await this.afterCheck?.(structureId, result.summary.ours, this.actor()).catch(
          () => undefined,
        );
        return result.summary;
      } finally {
        await mailbox.close();
      }
    } catch (error) {
      // Reaching the mailbox failed: the same sentence as for a send, as a user error.
      if (error instanceof SendFailure)
        throw new UserError('bounces.error.mailbox', { reason: error.message });
      throw error;
    }
  }
}
