// Mail accounts, templates, bulk and single sends and the sending run: thin adapters over
// AccountsService, PrepareService and the window's SendRunner (Suivi des envois: outbox-handlers).
import type { sendingOperations } from '../../../src-shared/contract/sending.js';
import { translate, type Language, type MessageKey } from '../../../src-shared/i18n/catalog.js';
import type { ErrorParams } from '../../../src-shared/errors.js';
import type { PrepareInput } from '../../prepare/prepare.js';
import { queueBulkSend } from '../../send/prepare-and-send.js';
import type { HandlerDeps, HandlersFor } from './handler-deps.js';

type Name = (typeof sendingOperations)[number]['name'];

export function sendingHandlers({ postier, staged, sending }: HandlerDeps): HandlersFor<Name> {
  const { prepare, templates } = postier;
  const actions = postier.messageActions;
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
    'templates.fields': ({ structureId }) => templates.fields(structureId),
    // The template's language is the families' (given, else the structure's), not the screen's.
    'templates.get': ({ structureId, type, language }) =>
      templates.read(structureId, type, language),
    'templates.save': async ({ structureId, type, template, language }) => {
      if (template) await templates.save(structureId, type, template, language);
      else await templates.reset(structureId, type, language);
      return templates.read(structureId, type, language);
    },
    'settings.get': async () => ({
      validationMode: await prepare.validationMode(),
      autoPauseAfterFailures: await postier.sendEngine.autoPauseAfterFailures(),
    }),
    'settings.setAutoPause': async ({ autoPauseAfterFailures }) => ({
      autoPauseAfterFailures:
        await postier.sendEngine.setAutoPauseAfterFailures(autoPauseAfterFailures),
    }),
    'settings.set': async ({ validationMode }) => ({
      validationMode: await prepare.setValidationMode(validationMode),
    }),

    'sending.bulkList': async ({ structureId, type, period }, { language }) => {
      const [plan, account] = await Promise.all([
        prepare.planBulkSend({ structureId, type, period }),
        postier.accounts.getAccount(structureId),
      ]);
      return { ...plan, warnings: translated(language, plan.warnings), account };
    },

    'sending.preview': async (
      { structureId, documentId, addresses, generalAttachments, rowAttachments, ...template },
      { language },
    ) => {
      const dry = await prepare.prepare({
        structureId,
        documentIds: [documentId],
        ...(addresses && { recipients: addresses }),
        generalAttachments: files(generalAttachments),
        recipientAttachments: rowAttachments ? { [documentId]: files(rowAttachments) } : {},
        ...templateInput(template),
        dryRun: true,
      });
      return {
        messages: dry.queued.map((m) => ({
          to: m.to,
          cc: m.cc,
          from: m.fromName ? `${m.fromName} <${m.fromAddress}>` : m.fromAddress,
          replyTo: m.replyTo,
          subject: m.subject,
          text: m.textBody,
          html: m.htmlBody,
          attachments: m.attachments.map((a) => ({
            fileName: a.fileName,
            size: a.size,
            encrypted: a.encrypted,
            role: a.role,
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
      const { prepared, validated } = await queueBulkSend(
        { thread: postier.prepareThread(), prepare },
        {
          structureId: input.structureId,
          documentIds: input.documentIds,
          ...(input.addresses && { recipients: input.addresses }),
          ...templateInput(input),
          generalAttachments: files(input.generalAttachments),
          recipientAttachments,
          ...(input.notBefore && { notBefore: input.notBefore }),
        },
        (more) => void sending.start({ more }),
      );
      sendValidated(validated);
      return {
        batchId: prepared.batchId,
        queued: prepared.queued.length,
        validated,
        excluded: prepared.excluded,
        warnings: translated(language, prepared.warnings),
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
  };
}

export function templateInput(template: {
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
