// Scheduled sends, the sending window and the test copy: thin adapters over the engine's
// schedule (outbox/schedule.ts), the accounts' window (accounts/sending-window.ts) and
// sendTestCopy (send/test-copy.ts).
import type { scheduleOperations } from '../../../src-shared/contract/schedule.js';
import { UserError } from '../../../src-shared/errors.js';
import { sendTestCopy } from '../../send/test-copy.js';
import type { HandlerDeps, HandlersFor } from './handler-deps.js';
import { templateInput } from './sending-handlers.js';

type Name = (typeof scheduleOperations)[number]['name'];

export function scheduleHandlers({ postier, staged, sending }: HandlerDeps): HandlersFor<Name> {
  const engine = postier.sendEngine;
  const files = (refs: string[] | undefined) => (refs ?? []).map((ref) => staged.resolve(ref).path);
  return {
    'outbox.reschedule': async ({ batchId, messageIds, notBefore }) => {
      const target = batchId !== undefined ? { batchId } : messageIds ? { messageIds } : null;
      if (!target) throw new UserError('schedule.error.nothingChosen');
      const outcome = await engine.reschedule(target, notBefore);
      // Sent now: the window's run takes them at once.
      if (outcome.at === null) void sending.start();
      return outcome;
    },
    'schedule.limit': async () => ({ scheduleLimitHours: await engine.scheduleLimitHours() }),
    'schedule.setLimit': async ({ scheduleLimitHours }) => ({
      scheduleLimitHours: await engine.setScheduleLimitHours(scheduleLimitHours),
    }),
    'schedule.window': async ({ structureId }) => ({
      window: await postier.accounts.sendingWindow(structureId),
    }),
    'schedule.setWindow': async ({ structureId, window }) => ({
      window: await postier.accounts.setSendingWindow(structureId, window),
    }),
    'sending.testCopy': async (input) =>
      sendTestCopy(
        { prepare: postier.prepare, engine },
        {
          structureId: input.structureId,
          documentIds: input.documentIds,
          ...(input.addresses && { recipients: input.addresses }),
          ...templateInput(input),
          generalAttachments: files(input.generalAttachments),
          recipientAttachments: Object.fromEntries(
            (input.recipientAttachments ?? []).map((r) => [r.documentId, files(r.files)]),
          ),
        },
        {
          ...(input.dossierNumber !== undefined && { dossierNumber: input.dossierNumber }),
          ...(input.recipient !== undefined && { recipient: input.recipient }),
        },
        input.to,
      ),
  };
}
