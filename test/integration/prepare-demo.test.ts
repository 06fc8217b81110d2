// Preparing the demo month's invoices, on a real SQLite file and on PostgreSQL (the same
// tests): one message per (document, address), every left-out dossier with its reason,
// nothing queued twice, and the user's actions on the queued messages (validate, block,
// unblock, reset, fix an address).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExcludedDossier } from '../../src-shared/domain/outbox.js';
import type { Postier } from '../../src-main/app/postier.js';
import { listJournalForMessage } from '../../src-main/db/send-journal-queries.js';
import { demoPostier, documentId } from '../support/demo-postier.js';
import { describeEachDialect } from '../support/dialects.js';
import { sayStored } from '../../src-shared/i18n/said.js';

beforeAll(() => {
  process.env.POSTIER_USER = 'sgagne';
  process.env.POSTIER_WORKSTATION = 'POSTE-ACCUEIL';
});

const reasons = (excluded: ExcludedDossier[]) =>
  excluded.map((e) => [e.dossierNumber, e.reason, e.detail] as const).sort();

const DEMO_EXCLUSIONS = [
  ['1004', 'no_address', null],
  ['1006', 'invalid_address', 'etienne.pelletier@example'],
  ['1010', 'opted_out', null],
  ['1013', 'no_address', null],
  ['1022', 'no_address', null],
];

async function emailState(postier: Postier, number: string) {
  return postier.db
    .selectFrom('documents')
    .select(['email_state', 'last_sent_at'])
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
}

async function count(postier: Postier, table: 'messages' | 'send_batches' | 'message_addresses') {
  const row = await postier.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The demo's sandbox account, made quick: no pause between messages. */
async function quickSandbox(postier: Postier, structureId: number) {
  await postier.accounts.setAccount(structureId, {
    pacing: { delayMs: 0, pauseEvery: 0, pauseMs: 0 },
  });
}

describeEachDialect('the demo office', ({ freshData }) => {
  describe('preparing the demo month', () => {
    it('queues one message per address and reports every dossier left out, with its reason', async () => {
      const { postier, demo } = await demoPostier(await freshData());
      const result = await postier.prepare.prepare({ type: 'invoice', period: demo.period });

      expect(reasons(result.excluded)).toEqual(DEMO_EXCLUSIONS);
      expect(result.queued).toHaveLength(30);
      expect(new Set(result.queued.map((m) => m.documentId)).size).toBe(25);
      expect(result.batchId).toEqual(expect.any(Number));
      expect(await count(postier, 'messages')).toBe(30);
      expect(await count(postier, 'message_addresses')).toBe(30);

      // Two correspondents, two messages; a correspondent who does not receive documents, none.
      const to = (number: string) =>
        result.queued
          .filter((m) => m.documentNumber === number)
          .map((m) => m.to)
          .sort();
      expect(to('F202610-1001')).toEqual([['fred.cote@example.net'], ['helene.cote@example.com']]);
      expect(to('F202610-1015')).toEqual([['veronique.beaulieu@example.com']]);

      const first = result.queued.find((m) => m.to[0] === 'helene.cote@example.com')!;
      expect(first).toMatchObject({
        status: 'pending',
        fromName: 'Sophie Gagné',
        fromAddress: 'sophie.gagne@erables.example.com',
        subject: 'Facture F202610-1001 — Mme Bérénice Lefèvre-Côté — octobre 2026',
        queuedBy: 'sgagne',
        workstation: 'POSTE-ACCUEIL',
        passwordProtected: false,
        attachments: [{ fileName: 'Facture F202610-1001.pdf', role: 'document', encrypted: false }],
      });
      expect(first.textBody).toContain('Bonjour Hélène Côté,');
      expect(first.textBody).toContain('Mme Bérénice Lefèvre-Côté, période : octobre 2026');
      expect(first.htmlBody).toContain('<strong>F202610-1001</strong>');
      expect(first.messageIdHeader).toMatch(/^<[0-9a-f-]{36}@erables\.example\.com>$/);
      expect(result.warnings.map((w) => w.code)).toEqual(['warning.prepare.sandbox']);

      const journal = await listJournalForMessage(postier.db, first.id);
      expect(journal.map((j) => [j.event, j.actor, j.workstation])).toEqual([
        ['queued', 'sgagne', 'POSTE-ACCUEIL'],
      ]);
      expect(await emailState(postier, 'F202610-1001')).toMatchObject({ email_state: 'queued' });
      expect(await emailState(postier, 'F202610-1004')).toMatchObject({ email_state: 'none' });
    });

    it('queues nothing new the second time: each address already has its message', async () => {
      const { postier, demo } = await demoPostier(await freshData());
      await postier.prepare.prepare({ type: 'invoice', period: demo.period });
      const again = await postier.prepare.prepare({ type: 'invoice', period: demo.period });
      expect(again.queued).toEqual([]);
      expect(again.batchId).toBeNull();
      const alreadyQueued = again.excluded.filter((e) => e.reason === 'already_queued');
      expect(alreadyQueued).toHaveLength(30);
      expect(alreadyQueued.map((e) => e.detail)).toContain('fred.cote@example.net');
      expect(reasons(again.excluded.filter((e) => e.reason !== 'already_queued'))).toEqual(
        DEMO_EXCLUSIONS,
      );
      expect(await count(postier, 'messages')).toBe(30);
      expect(await count(postier, 'send_batches')).toBe(1);
    });

    it('validates at once in automatic mode, and previews without writing anything', async () => {
      const { postier, demo } = await demoPostier(await freshData());
      const preview = await postier.prepare.prepare({
        type: 'invoice',
        period: demo.period,
        dryRun: true,
        validate: true,
      });
      expect(preview.queued).toHaveLength(30);
      expect(preview.batchId).toBeNull();
      expect(await count(postier, 'messages')).toBe(0);
      expect(await count(postier, 'send_batches')).toBe(0);
      expect(await emailState(postier, 'F202610-1001')).toMatchObject({ email_state: 'none' });

      await postier.db
        .insertInto('settings')
        .values({ key: 'outbox.validationMode', value: '"automatic"' })
        .execute();
      const result = await postier.prepare.prepare({ type: 'invoice', period: demo.period });
      expect(new Set(result.queued.map((m) => m.status))).toEqual(new Set(['validated']));
      const journal = await listJournalForMessage(postier.db, result.queued[0]!.id);
      expect(journal.map((j) => j.event)).toEqual(['queued', 'validated']);
    });
  });

  describe('fields of a template', () => {
    it('prints a blank for a dossier without another dossier’s extra field, and says which ones', async () => {
      const { postier, demo } = await demoPostier(await freshData());
      await postier.db
        .updateTable('dossiers')
        .set({ extra: '{}' })
        .where('number', 'in', ['1001', '1002'])
        .execute();
      const result = await postier.prepare.prepare({
        type: 'invoice',
        period: demo.period,
        textBody: 'Chambre {{chambre}} : facture de {{personne}}.{{#if titre}} ({{titre}}){{/if}}',
        dryRun: true,
      });
      expect(result.queued).toHaveLength(30);
      const text = (number: string) =>
        result.queued.find((m) => m.dossierNumber === number)!.textBody;
      expect(text('1001')).toBe('Chambre  : facture de Mme Bérénice Lefèvre-Côté. (Mme)');
      expect(text('1003')).toBe('Chambre 102 : facture de Mme Josiane Mailly. (Mme)');
      expect(result.warnings).toContainEqual({
        code: 'warning.template.fieldEmpty',
        params: { field: 'chambre', count: 2, dossiers: '1001, 1002' },
      });
      expect(await postier.prepare.templateFields(demo.structure.id)).toContain('chambre');
    });
  });

  describe('actions on queued messages', () => {
    it('validates, blocks and unblocks along the status machine, journaling each change', async () => {
      const { postier, demo } = await demoPostier(await freshData());
      const { queued } = await postier.prepare.prepare({ type: 'invoice', period: demo.period });
      const [m1, m2, m3] = queued.map((m) => m.id);

      expect(await postier.messageActions.block([m1!, m2!])).toEqual({
        changed: [m1, m2],
        skipped: [],
      });
      const all = await postier.messageActions.validate('all');
      expect(all.changed).toHaveLength(28);
      // Blocked ones stay blocked under "validate all": only named, they are unblocked.
      expect((await postier.messageActions.unblock([m1!])).changed).toEqual([m1]);
      expect((await postier.messageActions.validate([m2!])).changed).toEqual([m2]);
      expect((await postier.messageActions.unblock([m3!])).skipped).toEqual([
        { id: m3, status: 'validated', reason: 'wrong_status' },
      ]);
      expect((await postier.messageActions.validate([999_999])).skipped).toEqual([
        { id: 999_999, status: null, reason: 'not_found' },
      ]);

      const stale = await postier.messageActions.block([{ id: m3!, version: 1 }]);
      expect(stale.skipped).toEqual([{ id: m3, status: 'validated', reason: 'stale' }]);

      const events = (await listJournalForMessage(postier.db, m1!)).map((j) => j.event);
      expect(events).toEqual(['queued', 'blocked', 'unblocked']);
      expect((await listJournalForMessage(postier.db, m2!)).map((j) => j.event)).toEqual([
        'queued',
        'blocked',
        'unblocked',
      ]);
      const statuses = await postier.db
        .selectFrom('messages')
        .select('status')
        .distinct()
        .execute();
      expect(statuses.map((s) => s.status)).toEqual(['validated']);
    });

    it('sends once; after a reset, the next preparation queues the document again', async () => {
      const { postier, demo } = await demoPostier(await freshData());
      const doc = await documentId(postier, 'F202610-1001');
      await quickSandbox(postier, demo.structure.id);
      const { queued } = await postier.prepare.prepare({ documentIds: [doc], validate: true });
      expect(queued).toHaveLength(2);
      const run = await postier.sendEngine.run({});
      expect(run.sent).toBe(2);
      const sent = await emailState(postier, 'F202610-1001');
      expect(sent.email_state).toBe('sent');
      expect(sent.last_sent_at).toEqual(expect.any(String));

      const again = await postier.prepare.prepare({ documentIds: [doc] });
      expect(again.queued).toEqual([]);
      expect(again.excluded.map((e) => [e.reason, e.detail]).sort()).toEqual([
        ['already_sent', 'fred.cote@example.net'],
        ['already_sent', 'helene.cote@example.com'],
      ]);

      const reset = await postier.messageActions.reset({ documentIds: [doc] });
      expect(reset).toEqual({ documents: [doc], messages: queued.map((m) => m.id) });
      // "Not sent" again, but the journal still says when it last went.
      expect(await emailState(postier, 'F202610-1001')).toEqual({
        email_state: 'none',
        last_sent_at: sent.last_sent_at,
      });
      expect(
        (await listJournalForMessage(postier.db, queued[0]!.id)).map((j) => j.event),
      ).toContain('reset');

      const requeued = await postier.prepare.prepare({ documentIds: [doc] });
      expect(requeued.queued.map((m) => m.to[0]).sort()).toEqual([
        'fred.cote@example.net',
        'helene.cote@example.com',
      ]);
      expect(await emailState(postier, 'F202610-1001')).toMatchObject({ email_state: 'queued' });
      await expect(postier.messageActions.reset({})).rejects.toMatchObject({
        code: 'error.reset.nothingChosen',
      });
    });

    it('retries a failed message by validating it again, attempts reset', async () => {
      const { postier } = await demoPostier(await freshData());
      const doc = await documentId(postier, 'F202610-1002');
      const [message] = (await postier.prepare.prepare({ documentIds: [doc], validate: true }))
        .queued;
      // As the engine records a permanent failure.
      await postier.db
        .updateTable('messages')
        .set({ status: 'failed', attempts: 3, last_error: '550 5.1.1 Mailbox unknown', version: 5 })
        .where('id', '=', message!.id)
        .execute();
      expect((await postier.messageActions.validate([message!.id])).changed).toEqual([message!.id]);
      const row = await postier.db
        .selectFrom('messages')
        .selectAll()
        .where('id', '=', message!.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        status: 'validated',
        attempts: 0,
        last_error: null,
        next_attempt_at: null,
        version: 6,
      });
      // The journal line is stored in no language: as the French screens read it.
      const line = (await listJournalForMessage(postier.db, message!.id)).at(-1)?.detail ?? null;
      expect(sayStored('fr', line)).toContain('après un échec');
    });

    it('fixes a wrong address: a new message with the same content, the old one kept, the dossier corrected', async () => {
      const { postier } = await demoPostier(await freshData());
      const doc = await documentId(postier, 'F202610-1003');
      const [old] = (await postier.prepare.prepare({ documentIds: [doc] })).queued;
      expect(old!.to).toEqual(['anais.mailly@example.org']);

      const fixed = await postier.messageActions.fixAddress(old!.id, ' anais.mailly@example.com ');
      expect(fixed).toMatchObject({
        to: ['anais.mailly@example.com'],
        status: 'pending',
        subject: old!.subject,
        textBody: old!.textBody,
        attachments: old!.attachments,
      });
      expect(fixed.id).not.toBe(old!.id);
      expect(fixed.messageIdHeader).not.toBe(old!.messageIdHeader);

      const oldRow = await postier.db
        .selectFrom('messages')
        .selectAll()
        .where('id', '=', old!.id)
        .executeTakeFirstOrThrow();
      expect(oldRow.status).toBe('blocked');
      expect(oldRow.last_error).toContain('anais.mailly@example.com');
      const addresses = await postier.db
        .selectFrom('message_addresses')
        .selectAll()
        .where('document_id', '=', doc)
        .execute();
      expect(addresses).toEqual([
        { message_id: fixed.id, document_id: doc, address: 'anais.mailly@example.com' },
      ]);
      const dossier = await postier.records.getDossierByNumber(old!.structureId, '1003');
      expect(dossier.correspondents.map((c) => c.email)).toEqual(['anais.mailly@example.com']);
      expect((await listJournalForMessage(postier.db, old!.id)).map((j) => j.event)).toEqual([
        'queued',
        'address_fixed',
      ]);
      expect((await listJournalForMessage(postier.db, fixed.id)).map((j) => j.event)).toEqual([
        'queued',
      ]);
      // "Unblock all" never sends the replaced message to the wrong address.
      expect(await postier.messageActions.unblock('all')).toEqual({
        changed: [],
        skipped: [{ id: old!.id, status: 'blocked', reason: 'superseded' }],
      });

      await expect(
        postier.messageActions.fixAddress(fixed.id, 'Anais.Mailly@example.com'),
      ).rejects.toMatchObject({
        code: 'error.message.sameAddress',
      });
      await expect(
        postier.messageActions.fixAddress(fixed.id, 'pas-une-adresse'),
      ).rejects.toMatchObject({
        code: 'error.email.invalid',
      });
      await expect(
        postier.messageActions.fixAddress(old!.id, 'anais.mailly@example.com'),
      ).rejects.toMatchObject({
        code: 'error.message.addressQueued',
      });
      await postier.db
        .updateTable('messages')
        .set({ status: 'sent' })
        .where('id', '=', fixed.id)
        .execute();
      await expect(
        postier.messageActions.fixAddress(fixed.id, 'autre@example.com'),
      ).rejects.toMatchObject({
        code: 'error.message.cannotFixAddress',
        params: { id: fixed.id, status: 'Envoyé (OK)' },
      });
    });
  });
});
