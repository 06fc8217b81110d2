// The sending methods' settings, connecting an OAuth account in the browser, the connection
// test, and the bounce check: thin adapters over SendingMethods and BounceService. The tokens'
// key never leaves the main side; the consent page's address goes out as an event.
import type { methodsOperations } from '../../../src-shared/contract/methods.js';
import type { MailAccount } from '../../../src-shared/domain/mail.js';
import { translate } from '../../../src-shared/i18n/catalog.js';
import { providerOf } from '../../mail/method-settings.js';
import type { HandlerDeps, HandlersFor } from './handler-deps.js';

type Name = (typeof methodsOperations)[number]['name'];

export function methodsHandlers({ postier, shell, events }: HandlerDeps): HandlersFor<Name> {
  const { accounts, methods } = postier;
  /** The connections waiting for the browser, by structure: what "Annuler" stops. */
  const connecting = new Map<number, AbortController>();

  const statusOf = async (account: MailAccount) => {
    const status = await methods.status(account);
    const { tokenRef: _key, ...settings } = status.settings;
    return { ...status, settings, provider: providerOf(account, status.settings) };
  };

  return {
    'methods.status': async ({ structureId }) => statusOf(await accounts.getAccount(structureId)),
    'methods.saveSettings': async ({ structureId, settings }) => {
      const account = await accounts.getAccount(structureId);
      await methods.saveSettings(account, settings);
      return statusOf(account);
    },
    'methods.connect': async ({ structureId, clientSecret }) => {
      const account = await accounts.getAccount(structureId);
      connecting.get(structureId)?.abort();
      const controller = new AbortController();
      connecting.set(structureId, controller);
      try {
        await methods.connect(account, {
          signal: controller.signal,
          onAuthorizationUrl: (url) =>
            events.emit('methods.authorizationUrl', { structureId, url }),
          ...(shell.openUrl && { openBrowser: shell.openUrl }),
          ...(clientSecret?.trim() && { clientSecret: clientSecret.trim() }),
        });
        return await statusOf(account);
      } finally {
        if (connecting.get(structureId) === controller) connecting.delete(structureId);
      }
    },
    'methods.cancelConnect': async ({ structureId }) => {
      const controller = connecting.get(structureId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    'methods.disconnect': async ({ structureId }) => {
      const account = await accounts.getAccount(structureId);
      await methods.disconnect(account);
      return statusOf(account);
    },
    'methods.test': async ({ structureId }, { language }) => {
      const result = await methods.testConnection(await accounts.getAccount(structureId));
      return {
        ok: result.ok,
        message: translate(language, result.code, result.params),
        reply: result.ok ? null : result.reply,
      };
    },
    'bounces.check': async ({ structureId }, { language }) => {
      const summary = await postier.bounces.check(structureId);
      const ours = [];
      for (const bounce of summary.ours) {
        const { message } = await postier.sendEngine.messageDetail(bounce.messageId);
        ours.push({
          messageId: bounce.messageId,
          address: bounce.address,
          status: bounce.status,
          reason: translate(language, `bounces.reason.${bounce.reason}`),
          diagnostic: bounce.diagnostic,
          change: bounce.change,
          message,
        });
      }
      return {
        summary: translate(language, 'bounces.cli.summary', {
          examined: summary.examined,
          bounces: summary.bounces,
          ours: summary.ours.length,
          unknown: summary.unknown,
        }),
        moved: summary.movedTo
          ? translate(language, 'bounces.cli.moved', {
              moved: summary.moved,
              folder: summary.movedTo,
            })
          : null,
        examined: summary.examined,
        bounces: summary.bounces,
        unknown: summary.unknown,
        ours,
      };
    },
  };
}
