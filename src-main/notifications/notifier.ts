// Sends the staff notifications: after a run of the engine (finished with its counts, its
// failures, the messages left uncertain, an account that refused to connect) and after a
// bounce check (the bounces it found). Each goes through the structure's own account (the
// transport the engine uses, from the accounts registry), to whom the office chose or the
// cascade found (notification-settings.ts), in each reader's language, with no SIN and no
// attachment, and is written in the send journal (`notified`, or `notify_failed` with why).
// One per event, run and structure: notifications_sent refuses a second claim.
import { randomUUID } from 'node:crypto';
import type {
  NotificationEvent,
  NotificationRecipient,
} from '../../src-shared/domain/notifications.js';
import type { Language } from '../../src-shared/i18n/catalog.js';
import type { Actor } from '../workstation/identity.js';
import { writeTransaction, type Db } from '../db/connection.js';
import { findMailAccountById, findMailAccountByStructure } from '../db/mail-account-queries.js';
import { claimNotification, messagesToName } from '../db/notification-queries.js';
import { appendJournal } from '../db/send-journal-queries.js';
import type { MailTransport, OutgoingMessage } from '../mail/transport.js';
import { withoutSin } from '../outbox/journal-export.js';
import { dossierDisplayName, type RecordsService } from '../records/records-service.js';
import { sayFailure } from '../send/failure-text.js';
import type { RunReport } from '../send/run-contract.js';
import type { BounceOutcome } from '../bounces/bounce-processor.js';
import type { NotificationSettingsStore } from './notification-settings.js';
import {
  notificationText,
  type NamedMessage,
  type NotificationFacts,
} from './notification-texts.js';
import { sayStored, storeSaid, type SaidParam } from '../../src-shared/i18n/said.js';
import { bounceReasonText } from '../bounces/bounce-reasons.js';

type MessageRow = Awaited<ReturnType<typeof messagesToName>>[number];

export interface NotifierDeps {
  db: Db;
  records: RecordsService;
  settings: NotificationSettingsStore;
  /** The structure's account's transport: the engine's own (accounts registry). */
  openTransport: (accountId: number) => Promise<MailTransport>;
  now?: () => Date;
}

export class Notifier {
  private readonly now: () => Date;

  constructor(private readonly deps: NotifierDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** After a run: one notification per event and structure concerned, at most. */
  async afterRun(report: RunReport): Promise<void> {
    const { sentIds, failedIds, uncertainIds, accountProblems, summary } = report;
    const ended = [...sentIds, ...failedIds, ...uncertainIds];
    if (ended.length === 0 && accountProblems.length === 0) return;
    const rows = await messagesToName(this.deps.db, ended);
    const byStructure = new Map<number, MessageRow[]>();
    for (const row of rows)
      byStructure.set(row.structure_id, [...(byStructure.get(row.structure_id) ?? []), row]);
    const problemsByStructure = new Map<number, RunReport['accountProblems']>();
    for (const problem of accountProblems) {
      const account = await findMailAccountById(this.deps.db, problem.accountId);
      if (!account) continue;
      const list = problemsByStructure.get(account.structure_id) ?? [];
      problemsByStructure.set(account.structure_id, [...list, problem]);
    }
    const structures = new Set([...byStructure.keys(), ...problemsByStructure.keys()]);
    for (const structureId of structures) {
      const mine = byStructure.get(structureId) ?? [];
      const of = (ids: number[]) => {
        const wanted = new Set(ids);
        return mine.filter((row) => wanted.has(row.id));
      };
      const failed = of(failedIds);
      const uncertain = of(uncertainIds);
      const sent = mine.length - failed.length - uncertain.length;
      const send = (facts: NotificationFacts) =>
        this.notify(structureId, report.runKey, report.actor, facts);
      if (mine.length > 0) {
        const counts = {
          sent,
          failed: failed.length,
          retrying: summary.retrying,
          uncertain: summary.uncertain,
          remaining: summary.remaining,
        };
        await send({ event: 'run_finished', counts, actor: report.actor, at: this.now() });
      }
      if (failed.length > 0) await send({ event: 'failures', messages: named(failed) });
      if (uncertain.length > 0) await send({ event: 'uncertain', messages: named(uncertain) });
      const problems = problemsByStructure.get(structureId) ?? [];
      if (problems.length > 0) {
        const accounts = problems.map((p) => ({
          label: p.label,
          reason: (language: Language) => (p.said ? sayFailure(language, p.said) : p.reason),
        }));
        await send({ event: 'account', accounts });
      }
    }
  }

  /** After a bounce check of a structure's mailbox: one notification naming the bounces. */
  async afterBounces(structureId: number, outcomes: BounceOutcome[], actor: Actor): Promise<void> {
    const marked = outcomes.filter((o) => o.change === 'failed');
    if (marked.length === 0) return;
    const rows = new Map(
      (
        await messagesToName(
          this.deps.db,
          marked.map((o) => o.messageId),
        )
      ).map((r) => [r.id, r]),
    );
    const messages: NamedMessage[] = [];
    for (const outcome of marked) {
      const row = rows.get(outcome.messageId);
      if (!row) continue;
      const { diagnostic } = outcome;
      const reason = (language: Language) =>
        withReply(bounceReasonText(outcome.reason, language), diagnostic);
      messages.push(nameOf(row, outcome.address, reason));
    }
    // A check is its own "run": its key is new each time, so each check notifies once.
    await this.notify(structureId, `bounces:${randomUUID()}`, actor, {
      event: 'bounces',
      messages,
    });
  }

  private async notify(
    structureId: number,
    runKey: string,
    actor: Actor,
    facts: NotificationFacts,
  ): Promise<void> {
    const { db } = this.deps;
    const { event } = facts;
    const recipients = await this.deps.settings.recipients(structureId, event);
    if (recipients.length === 0) return;
    const at = this.now().toISOString();
    if (!(await claimNotification(db, { runKey, event, structureId, at }))) return;
    const structure = await this.deps.records.getStructure(structureId);
    const account = await findMailAccountByStructure(db, structureId);
    const to = recipients.map((r) => r.address).join(', ');
    if (!account?.from_address) {
      await this.journal(actor, 'notify_failed', event, to, '—', null);
      return;
    }
    let transport: MailTransport | null = null;
    try {
      transport = await this.deps.openTransport(account.id);
      // A mail client (Thunderbird, an .eml draft, Outlook for review) would open a window
      // on someone's screen for each notification: they need an account that sends.
      if (!transport.canPace) throw new NotForNotifications();
      for (const [language, group] of byLanguage(recipients)) {
        const { subject, text } = notificationText(language, structure.name, facts);
        const message: OutgoingMessage = {
          messageIdHeader: `<notify.${randomUUID()}@${account.from_address.split('@')[1] ?? 'postier'}>`,
          from: { name: structure.senderName ?? structure.name, address: account.from_address },
          replyTo: null,
          to: group.map((r) => r.address),
          cc: [],
          bcc: [],
          subject,
          text,
          html: null,
          attachments: [],
          readReceiptTo: null,
          date: this.now(),
        };
        const result = await transport.send(message);
        await this.journal(actor, 'notified', event, message.to.join(', '), null, result.response);
      }
    } catch (error) {
      const reason: SaidParam =
        error instanceof NotForNotifications
          ? { code: 'notify.error.clientMethod', params: {} }
          : error instanceof Error
            ? error.message
            : String(error);
      await this.journal(actor, 'notify_failed', event, to, reason, null).catch(() => undefined);
    } finally {
      await transport?.close().catch(() => undefined);
    }
  }

  private async journal(
    actor: Actor,
    kind: 'notified' | 'notify_failed',
    event: NotificationEvent,
    to: string,
    reason: SaidParam | null,
    serverReply: string | null,
  ): Promise<void> {
    // Stored as a sentence in no language (i18n/said.ts): the Journal says it in its own.
    const eventName = { code: `notify.event.${event}`, params: {} };
    const detail = storeSaid(
      kind === 'notified'
        ? { code: 'notify.journal.sent', params: { event: eventName, to } }
        : { code: 'notify.journal.failed', params: { event: eventName, to, reason: reason ?? '' } },
    );
    await writeTransaction(this.deps.db, (tx) =>
      appendJournal(tx, { event: kind, actor, detail, serverReply }),
    );
  }
}

/** The account opens a mail client rather than sending: no notification through it. */
class NotForNotifications extends Error {}

function named(rows: MessageRow[]): NamedMessage[] {
  return rows.map((row) => {
    const to = (JSON.parse(row.to_addresses) as string[]).join(', ');
    // Why, stored as a sentence in no language (i18n/said.ts), said in the reader's language;
    // the server's own words beside it, as it wrote them.
    const reason = (language: Language) =>
      withReply(sayStored(language, row.last_error), row.last_reply);
    return nameOf(row, to, reason);
  });
}

/** "Why (the server's reply)", or whichever of the two there is. */
function withReply(why: string | null, reply: string | null): string {
  if (why && reply && !why.includes(reply)) return `${why} (${reply})`;
  return why ?? reply ?? '';
}

/** A message as a notification names it, with its dossier's SIN taken out of every part. */
function nameOf(
  row: MessageRow,
  address: string,
  reason: (language: Language) => string,
): NamedMessage {
  const clean = (text: string) => withoutSin(text, row.sin);
  const dossier = `${row.dossier_number} ${dossierDisplayName({
    title: row.dossier_title,
    first_name: row.dossier_first_name,
    last_name: row.dossier_last_name,
  })}`;
  return {
    dossier: clean(dossier),
    address: clean(address),
    reason: (language) => clean(reason(language)),
  };
}

function byLanguage(recipients: NotificationRecipient[]): Map<Language, NotificationRecipient[]> {
  const groups = new Map<Language, NotificationRecipient[]>();
  for (const r of recipients) groups.set(r.language, [...(groups.get(r.language) ?? []), r]);
  return groups;
}
