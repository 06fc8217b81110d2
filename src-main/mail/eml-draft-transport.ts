// The "default mail client" method: each message becomes an .eml draft (X-Unsent: 1, so that
// Outlook and other clients open it as a message to send, not one received) written under
// <data folder>/drafts/<day>/ and opened with the program the system associates with .eml.
// The user checks it and sends it from there.
import fs from 'node:fs/promises';
import path from 'node:path';
import { safeFileName, type DataFolder } from '../data-folder/data-folder.js';
import { MethodFailure } from '../../src-shared/domain/method-failure.js';
import { buildMime } from './mime-message.js';
import { openFileWithSystem, type SystemOpener } from './open-with-system.js';
import type { FailureContext } from './send-failure-classifier.js';
import type { MailTransport, OutgoingMessage, SendResult } from './transport.js';

export const DRAFTS_FOLDER_NAME = 'drafts';

const CONTEXT: FailureContext = { host: DRAFTS_FOLDER_NAME, port: 0, security: 'none' };

export interface EmlDraftOptions {
  folder: DataFolder;
  openFile?: SystemOpener;
  now?: () => Date;
}

export function createEmlDraftTransport(options: EmlDraftOptions): MailTransport {
  const open = options.openFile ?? openFileWithSystem;
  const now = options.now ?? (() => new Date());
  return {
    kind: 'eml-draft',
    canPace: false,
    async send(message: OutgoingMessage): Promise<SendResult> {
      // The client sends the draft as it is: it keeps its Bcc recipients.
      const raw = await buildMime(message, CONTEXT, {
        keepBcc: true,
        headers: { 'X-Unsent': '1' },
      });
      const relative = await writeDraft(options.folder, now(), message, raw);
      const file = options.folder.resolve(relative);
      try {
        await open(file);
      } catch (error) {
        throw new MethodFailure('account', 'other', 'methods.emlDraft.noHandler', {
          file,
          detail: (error as Error).message,
        });
      }
      return {
        accepted: [...message.to, ...message.cc, ...message.bcc],
        rejected: [],
        response: `Brouillon ${relative} ouvert dans la messagerie ; il part quand vous l’envoyez de là.`,
      };
    },
    async close(): Promise<void> {},
  };
}

/** Writes the draft, one file per message (a retry rewrites its own); returns its relative path. */
async function writeDraft(
  folder: DataFolder,
  at: Date,
  message: OutgoingMessage,
  raw: Buffer,
): Promise<string> {
  const day = at.toISOString().slice(0, 10);
  const id = safeFileName(message.messageIdHeader.replace(/[<>]/g, ''), 'message');
  const relative = `${DRAFTS_FOLDER_NAME}/${day}/${id}.eml`;
  const file = folder.resolve(relative);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, raw, { flag: 'w' });
  return relative;
}
