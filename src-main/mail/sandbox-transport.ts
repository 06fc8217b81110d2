// The sandbox: every message is built exactly as for SMTP and written to an .eml file under
// <data folder>/sandbox/<YYYY-MM-DD>/ instead of being sent. The default on a fresh install,
// so that trying Postier never e-mails anyone.
import fs from 'node:fs/promises';
import path from 'node:path';
import { safeFileName, type DataFolder } from '../data-folder/data-folder.js';
import { toMailOptions } from './mail-options.js';
import { mimeBytes } from './mime-bytes.js';
import { compiledMessage } from './mime-message.js';
import { classifySendFailure, type FailureContext } from './send-failure-classifier.js';
import type { MailTransport, OutgoingMessage, SendResult } from './transport.js';

export const SANDBOX_FOLDER_NAME = 'sandbox';

/** Only used to name the folder in a failure sentence; nothing connects anywhere. */
const SANDBOX_CONTEXT: FailureContext = { host: SANDBOX_FOLDER_NAME, port: 0, security: 'none' };

export interface SandboxTransportOptions {
  folder: DataFolder;
  /** The clock naming the day folder and the file (tests fix it). */
  now?: () => Date;
}

export function createSandboxTransport(options: SandboxTransportOptions): MailTransport {
  const now = options.now ?? (() => new Date());
  return {
    kind: 'sandbox',
    canPace: true,
    async send(message: OutgoingMessage): Promise<SendResult> {
      try {
        // The very tree and bytes the SMTP transport streams (Bcc left out of the headers,
        // header words encoded as header-words.ts says), so the file is what recipients get.
        const node = await compiledMessage(await toMailOptions(message, SANDBOX_CONTEXT));
        const bytes = await mimeBytes(node);
        const relative = await writeEml(options.folder, now(), message, bytes);
        return {
          accepted: [...node.getEnvelope().to],
          rejected: [],
          response: `250 Sandbox: nothing sent, written to ${relative}`,
        };
      } catch (error) {
        throw classifySendFailure(error, SANDBOX_CONTEXT);
      }
    },
    async close(): Promise<void> {},
  };
}

/** Writes the message; never overwrites one already there. Returns the relative path. */
async function writeEml(
  folder: DataFolder,
  at: Date,
  message: OutgoingMessage,
  bytes: Buffer,
): Promise<string> {
  const day = localDay(at);
  const id = safeFileName(message.messageIdHeader.replace(/[<>]/g, ''), 'message');
  const relative = `${SANDBOX_FOLDER_NAME}/${day}/${at.getTime()}-${id}.eml`;
  const file = folder.resolve(relative);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, bytes, { flag: 'wx' });
  return relative;
}

function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
