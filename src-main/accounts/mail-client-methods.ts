// The methods that hand each message to a program on this PC: the user's Outlook (sends at
// once, or opens each message for review), Thunderbird's compose window, or an .eml draft
// opened by the default mail client. None has a mailbox Postier reads.
import { passedConnection } from '../mail/connection-test.js';
import { createEmlDraftTransport, DRAFTS_FOLDER_NAME } from '../mail/eml-draft-transport.js';
import { openFileWithSystem } from '../mail/open-with-system.js';
import { createOutlookTransport, probeOutlook } from '../mail/outlook-transport.js';
import { createThunderbirdTransport, findThunderbird } from '../mail/thunderbird-transport.js';
import { defineMethod } from './mail-method.js';
import type { MethodContext } from './method-context.js';

function outlookOptions({ options }: MethodContext) {
  return {
    ...(options.outlookRunner && { runner: options.outlookRunner }),
    ...(options.platform && { platform: options.platform }),
  };
}

export const outlookMethod = defineMethod('outlook', {
  openTransport: async (ctx) =>
    createOutlookTransport({ mode: ctx.settings.outlookMode, ...outlookOptions(ctx) }),
  testConnection: async (ctx) =>
    passedConnection('methods.test.outlook', {
      accounts: (await probeOutlook(outlookOptions(ctx))) || '—',
    }),
  imap: null,
  bounceMailbox: null,
});

export const thunderbirdMethod = defineMethod('thunderbird', {
  openTransport: async ({ settings, options }) =>
    createThunderbirdTransport({
      executable: settings.thunderbirdPath,
      ...(options.thunderbirdLauncher && { launcher: options.thunderbirdLauncher }),
      ...(options.platform && { platform: options.platform }),
    }),
  testConnection: async ({ settings, options }) =>
    passedConnection('methods.test.thunderbird', {
      program: findThunderbird(settings.thunderbirdPath, options.platform),
    }),
  imap: null,
  bounceMailbox: null,
});

export const emlDraftMethod = defineMethod('eml-draft', {
  openTransport: async ({ folder, options }) =>
    createEmlDraftTransport({ folder, openFile: options.openFile ?? openFileWithSystem }),
  testConnection: async ({ folder }) =>
    passedConnection('methods.test.emlDraft', { folder: folder.resolve(DRAFTS_FOLDER_NAME) }),
  imap: null,
  bounceMailbox: null,
});
