// Mail accounts, templates, bulk and single sends, the sending run and the send tracking
// screen: thin adapters over AccountsService, PrepareService, MessageActions and SendEngine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { sendingOperations } from '../../../src-shared/contract/sending.js';
import type { JournalDocument } from '../../../src-shared/domain/documents.js';
import type { OutboxMessage } from '../../../src-shared/domain/outbox.js';
import { UNPACED_BATCH_LIMIT } from '../../../src-shared/domain/sending-methods.js';
import { translate, type Language, type MessageKey } from '../../../src-shared/i18n/catalog.js';
import type { ErrorParams } from '../../../src-shared/errors.js';
import { readSetting, writeSetting } from '../../db/settings-queries.js';
import {
  VALIDATION_MODE_SETTING,
  type PrepareInput,
  type ValidationMode,
} from '../../prepare/prepare.js';
import { prepareFollowed } from '../../send/prepare-and-send.js';
import { readTemplate, saveTemplate } from '../template-settings.js';
import type { HandlerDeps, HandlersFor } from './handler-deps.js';

type Name = (typeof sendingOperations)[number]['name'];

/** Documents read per query when listing a whole period. */
const JOURNAL_PAGE = 500;

export function sendingHandlers({ postier, staged, sending }: HandlerDeps): HandlersFor<Name> {
  const prepare = postier.prepare;
  const actions = postier.messageActions;
  const validationMode = () =>
    readSetting<ValidationMode>(postier.db, VALIDATION_MODE_SETTING, 'manual');
  const translated = (language: Language, warnings: { code: MessageKey; params: ErrorParams }[]) =>
    warnings.map((w) => ({ code: w.code, message: translate(language, w.code, w.params) }));
  const files = (refs: string[] | undefined) => (refs ?? []).map((ref) => staged.resolve(ref).path);
  /** Sending starts (or goes on) as soon as something is validated. */
  const sendValidated = (changed: number) => {
    if (changed > 0) void sending.start();
  };

  return {
    'accounts.get': ({ structureId }) => postier.accounts.getAccount(structureId),
    'accounts.set': ({ structureId, account }) => postier.accounts.setAccount(structureId, account),
    'templates.fields': ({ structureId }) => prepare.templateFields(structureId),
    'templates.get': ({ structureId, type }, { language }) =>
      readTemplate(postier.db, structureId, type, language),
    'templates.save': async ({ structureId, type, template }, { language }) => {
      await saveTemplate(postier.db, structureId, type, template);
      return readTemplate(postier.db, structureId, type, language);
    },
    'settings.get': async () => ({ validationMode: await validationMode() }),
    'settings.set': async ({ validationMode: mode }) => {
      await writeSetting(postier.db, VALIDATION_MODE_SETTING, mode);
      return { validationMode: mode };
    },

    'sending.bulkList': async ({ structureId, type, period }, { language }) => {
      const dry = await prepare.prepare({ structureId, type, period, dryRun: true });
      const byDocument = groupMessages(dry.queued);
      const documents = await allDocuments(postier.documents, {
        structureId,
        types: [type],
        period,
      });
      const types = await postier.documents.listTypes();
      const account = await postier.accounts.getAccount(structureId);
      return {
        rows: documents
          .filter((d) => byDocument.has(d.id))
          .map((d) => {
            const messages = byDocument.get(d.id)!;
            return {
              documentId: d.id,
              number: d.number,
              dossierId: d.dossierId,
              dossierNumber: d.dossierNumber,
              dossierName: d.dossierName,
              amountCents: d.amountCents,
              currency: d.currency,
              lastSentAt: d.lastSentAt,
              emailState: d.emailState,
              addresses: messages.flatMap((m) => m.to),
              passwordProtected: messages.some((m) => m.passwordProtected),
            };
          }),
        excluded: dry.excluded,
        warnings: translated(language, dry.warnings),
        account,
        canPace: (await postier.methods.status(account)).canPace,
        validationMode: await validationMode(),
        passwordRule: types.find((t) => t.code === type)?.passwordRule ?? null,
      };
    },

    'sending.preview': async (
      { structureId, documentId, addresses, ...template },
      { language },
    ) => {
      const dry = await prepare.prepare({
        structureId,
        documentIds: [documentId],
        ...(addresses && { recipients: addresses }),
        ...templateInput(template),
        dryRun: true,
      });
      return {
        messages: dry.queued.map((m) => ({
          to: m.to,
          cc: m.cc,
          from: m.fromName ? `${m.fromName} <${m.fromAddress}>` : m.fromAddress,
          subject: m.subject,
          text: m.textBody,
          html: m.htmlBody,
          attachments: m.attachments.map((a) => ({
            fileName: a.fileName,
            size: a.size,
            encrypted: a.encrypted,
          })),
          passwordProtected: m.passwordProtected,
        })),
        excluded: dry.excluded,
        warnings: translated(language, dry.warnings),
      };
    },

    'sending.queue': async (input, { language }) => {
      const recipientAttachments = Object.fromEntries(
        (input.recipientAttachments ?? []).map((r) => [r.documentId, files(r.files)]),
      );
      const account = await postier.accounts.getAccount(input.structureId);
      const { canPace } = await postier.methods.status(account);
      const prepareInput: PrepareInput = {
        structureId: input.structureId,
        ...(!canPace && { messageLimit: UNPACED_BATCH_LIMIT }),
        documentIds: input.documentIds,
        ...(input.addresses && { recipients: input.addresses }),
        ...templateInput(input),
        generalAttachments: files(input.generalAttachments),
        recipientAttachments,
      };
      // On its own thread: encrypting thousands of PDFs never holds the window's requests.
      // Validated at once: the run starts now and sends each chunk as soon as it is queued.
      const automatic = (await validationMode()) === 'automatic';
      const result = await prepareFollowed(postier.prepareThread(), prepareInput, (more) => {
        if (automatic) void sending.start({ more });
      });
      const validated = result.queued.filter((m) => m.status === 'validated').length;
      sendValidated(validated);
      return {
        batchId: result.batchId,
        queued: result.queued.length,
        validated,
        excluded: result.excluded,
        warnings: translated(language, result.warnings),
      };
    },

    'sending.state': async () => sending.state(),
    'sending.pause': async () => {
      await sending.pause();
      return sending.state();
    },
    'sending.resume': async () => {
      void sending.resume();
      return sending.state();
    },
    'sending.cancel': async ({ batchId }) => {
      await sending.cancel(async () => {
        await actions.block('all', { batchId });
      });
      return sending.state();
    },

    'outbox.search': (criteria) => postier.sendEngine.status(criteria),
    'outbox.detail': ({ id }) => postier.sendEngine.messageDetail(id),
    'outbox.validate': async ({ messages }) => {
      const outcome = await actions.validate(messages);
      sendValidated(outcome.changed.length);
      return outcome;
    },
    'outbox.block': ({ messages }) => actions.block(messages),
    'outbox.unblock': async ({ messages }) => {
      const outcome = await actions.unblock(messages);
      sendValidated(outcome.changed.length);
      return outcome;
    },
    'outbox.reset': (target) => actions.reset(target),
    'outbox.fixAddress': async ({ id, version, address }) => {
      const replacement = await actions.fixAddress(id, address, version);
      sendValidated(replacement.status === 'validated' ? 1 : 0);
      return replacement;
    },
    'outbox.resolveUncertain': async ({ id, decision }) => {
      await postier.sendEngine.resolveUncertain(id, decision);
      sendValidated(decision === 'resend' ? 1 : 0);
      return {};
    },
    'outbox.exportCsv': async ({ from, to }, { language }) => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-export-'));
      try {
        const fileName = `${translate(language, 'ui.outbox.exportFileName')}-${new Date().toISOString().slice(0, 10)}.csv`;
        const result = await postier.sendEngine.exportJournal(path.join(folder, fileName), {
          ...(from && { from }),
          ...(to && { to }),
          language,
        });
        return {
          fileName,
          base64: fs.readFileSync(result.file).toString('base64'),
          rows: result.rows,
        };
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

function groupMessages(messages: OutboxMessage[]): Map<number, OutboxMessage[]> {
  const groups = new Map<number, OutboxMessage[]>();
  for (const message of messages) {
    const list = groups.get(message.documentId) ?? [];
    list.push(message);
    groups.set(message.documentId, list);
  }
  return groups;
}

async function allDocuments(
  documents: HandlerDeps['postier']['documents'],
  filter: { structureId: number; types: JournalDocument['type'][]; period: string },
): Promise<JournalDocument[]> {
  const all: JournalDocument[] = [];
  for (let offset = 0; ; offset += JOURNAL_PAGE) {
    const page = await documents.journal({
      ...filter,
      sort: 'dossierName',
      descending: false,
      limit: JOURNAL_PAGE,
      offset,
    });
    all.push(...page.items);
    if (all.length >= page.total || page.items.length === 0) return all;
  }
}

function templateInput(template: {
  subject?: string | undefined;
  textBody?: string | undefined;
  htmlBody?: string | undefined;
}): Pick<PrepareInput, 'subject' | 'textBody' | 'htmlBody'> {
  return {
    ...(template.subject !== undefined && { subject: template.subject }),
    ...(template.textBody !== undefined && { textBody: template.textBody }),
    ...(template.htmlBody !== undefined && { htmlBody: template.htmlBody }),
  };
}
