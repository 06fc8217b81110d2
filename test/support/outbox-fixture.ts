// Real outbox rows for the engine's tests: an SMTP account pointing at a test server, one
// dossier and one document per message, and the validated messages themselves (with their
// message_addresses), written into the real SQLite file of a data folder.
import { randomUUID } from 'node:crypto';
import type { Pacing } from '../../src-shared/domain/mail.js';
import { writeTransaction, type Db } from '../../src-main/db/connection.js';
import { findMailAccountById, saveMailAccount } from '../../src-main/db/mail-account-queries.js';
import {
  insertMessage,
  insertMessageAddresses,
  refreshDocumentEmailStates,
} from '../../src-main/db/outbox-prepare-queries.js';
import { createSmtpTransport, type SmtpTimeouts } from '../../src-main/mail/smtp-transport.js';
import type { TransportFactory } from '../../src-main/send/engine.js';
import type { SmtpSecurity } from '../../src-shared/domain/mail.js';

/** Fast pacing for tests that are not about pacing. */
export const FAST_PACING: Pacing = {
  delayMs: 0,
  pauseEvery: 0,
  pauseMs: 0,
  maxPerRun: null,
  maxPerDay: null,
  maxAttempts: 3,
  retryBaseMs: 150,
};

export interface AccountFixture {
  structureId: number;
  port: number;
  pacing?: Partial<Pacing>;
  username?: string | null;
  security?: SmtpSecurity;
}

/** Points the structure's mail account at 127.0.0.1:port; returns the account id. */
export async function smtpAccount(db: Db, account: AccountFixture): Promise<number> {
  const pacing = { ...FAST_PACING, ...account.pacing };
  const row = await saveMailAccount(db, account.structureId, {
    kind: 'smtp',
    host: '127.0.0.1',
    port: account.port,
    security: account.security ?? 'none',
    username: account.username ?? null,
    from_name: 'Résidence Test',
    from_address: 'bureau@residence-test.example',
    delay_ms: pacing.delayMs,
    pause_every: pacing.pauseEvery,
    pause_ms: pacing.pauseMs,
    max_per_run: pacing.maxPerRun,
    max_per_day: pacing.maxPerDay,
    max_attempts: pacing.maxAttempts,
    retry_base_ms: pacing.retryBaseMs,
  });
  return row.id;
}

export interface MessagesFixture {
  structureId: number;
  accountId: number;
  count: number;
  /** The i-th message's recipients (0-based); default m<i>@example.com. */
  recipients?: (i: number) => string[];
  subject?: (i: number) => string;
  textBody?: (i: number) => string;
  /** The dossiers' SIN (personal data that must never reach the journal). */
  sin?: string;
  status?: 'validated' | 'pending' | 'sending';
  sendingBy?: string;
}

export interface SeededMessages {
  ids: number[];
  messageIdHeaders: string[];
  documentIds: number[];
}

/** One dossier, one document and one message per message asked for, in one transaction. */
export async function seedMessages(db: Db, fixture: MessagesFixture): Promise<SeededMessages> {
  const tag = randomUUID().slice(0, 8);
  const type = await db
    .selectFrom('document_types')
    .select('id')
    .where('code', '=', 'invoice')
    .executeTakeFirstOrThrow();
  const seeded: SeededMessages = { ids: [], messageIdHeaders: [], documentIds: [] };
  await writeTransaction(db, async (tx) => {
    for (let i = 0; i < fixture.count; i++) {
      const { id: dossierId } = await tx
        .insertInto('dossiers')
        .values({
          structure_id: fixture.structureId,
          number: `${tag}-${i + 1}`,
          title: 'Mme',
          last_name: `Lefèvre-Côté ${i + 1}`,
          first_name: 'Bérénice',
          sin: fixture.sin ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: documentId } = await tx
        .insertInto('documents')
        .values({
          structure_id: fixture.structureId,
          dossier_id: dossierId,
          type_id: type.id,
          number: `F-${tag}-${i + 1}`,
          period: '2026-10',
          issue_date: '2026-10-31',
          currency: 'CAD',
          amount_cents: 243_350,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const to = fixture.recipients?.(i) ?? [`m${i + 1}.${tag}@example.com`];
      const header = `<${tag}.${i + 1}@postier.test>`;
      const message = await insertMessage(tx, {
        structure_id: fixture.structureId,
        account_id: fixture.accountId,
        document_id: documentId,
        dossier_id: dossierId,
        from_name: 'Résidence Test',
        from_address: 'bureau@residence-test.example',
        to_addresses: JSON.stringify(to),
        subject: fixture.subject?.(i) ?? `Votre facture d’octobre 2026 (${i + 1})`,
        text_body: fixture.textBody?.(i) ?? 'Bonjour,\n\nVeuillez trouver votre facture.\n',
        message_id_header: header,
        status: fixture.status ?? 'validated',
        sending_by: fixture.sendingBy ?? null,
        queued_by: 'fixture',
        workstation: 'FIXTURE',
      });
      await insertMessageAddresses(tx, message.id, documentId, to);
      seeded.ids.push(message.id);
      seeded.messageIdHeaders.push(header);
      seeded.documentIds.push(documentId);
    }
    await refreshDocumentEmailStates(tx, seeded.documentIds);
  });
  return seeded;
}

export interface FactoryFixture {
  password?: string;
  timeouts?: Partial<SmtpTimeouts>;
  /** Every transport the factory opened, to check how many connections a run used. */
  opened?: number[];
}

/** The real SMTP transport for each account, its password given here (no credential store). */
export function smtpTransportFactory(db: Db, fixture: FactoryFixture = {}): TransportFactory {
  return async (accountId) => {
    fixture.opened?.push(accountId);
    const row = (await findMailAccountById(db, accountId))!;
    return createSmtpTransport({
      host: row.host!,
      port: row.port!,
      security: row.security as SmtpSecurity,
      username: row.username,
      password: fixture.password ?? null,
      timeouts: { connectionMs: 3_000, greetingMs: 3_000, socketMs: 5_000, ...fixture.timeouts },
    });
  };
}

/** The Message-ID header of a message the test server received. */
export function receivedMessageId(raw: Buffer): string {
  const match = /^message-id:\s*(<[^>]+>)/im.exec(raw.toString('latin1'));
  return match?.[1] ?? '';
}

/** How many events of this kind the send journal holds. */
export async function journalCount(db: Db, event: string): Promise<number> {
  const rows = await db
    .selectFrom('send_journal')
    .select('id')
    .where('event', '=', event)
    .execute();
  return rows.length;
}
