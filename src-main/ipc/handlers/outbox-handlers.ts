// Suivi des envois: the messages and their journal, and the user's actions on queued
// messages — thin adapters over MessageActions and SendEngine.
import type { outboxOperations } from '../../../src-shared/contract/outbox.js';
import type { HandlerDeps, HandlersFor } from './handler-deps.js';

type Name = (typeof outboxOperations)[number]['name'];

export function outboxHandlers({ postier, sending }: HandlerDeps): HandlersFor<Name> {
  const actions = postier.messageActions;
  /** Sending starts (or goes on) as soon as something is validated. */
  const sendValidated = (changed: number) => {
    if (changed > 0) void sending.start();
  };

  return {
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
    'outbox.reset': ({ dryRun, ...target }) => actions.reset(target, { dryRun: dryRun === true }),
    'outbox.withdraw': ({ messages }) => actions.withdraw(messages),
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
      const file = await postier.sendEngine.journalCsvFile({
        ...(from && { from }),
        ...(to && { to }),
        language,
      });
      return { fileName: file.fileName, base64: file.bytes.toString('base64'), rows: file.rows };
    },
  };
}
