// The copy in the Sent folder for messages sent over SMTP, which leaves none (Graph, the Gmail
// API and Outlook keep theirs): once the server accepted the message, the same message is
// appended to the account's Sent folder over IMAP, marked read. The message is sent whatever
// happens to the copy: a failed copy never fails the send, it is said in the server's reply
// that the journal keeps.
import type { ImapFlow } from 'imapflow';
import { translate } from '../../src-shared/i18n/catalog.js';
import { connectImap, findSentFolder, imapFailure, type ImapAccess } from './imap-client.js';
import { buildMime } from './mime-message.js';
import type { FailureContext } from './send-failure-classifier.js';
import type { MailTransport, OutgoingMessage, SendResult } from './transport.js';

export interface SentCopyOptions {
  imap: ImapAccess;
  /** The folder named in the settings; null: the server's \Sent folder. */
  folder: string | null;
}

export function withSentCopy(inner: MailTransport, options: SentCopyOptions): MailTransport {
  const copier = new SentCopier(options);
  return {
    kind: inner.kind,
    canPace: inner.canPace,
    async send(message: OutgoingMessage): Promise<SendResult> {
      const result = await inner.send(message);
      const problem = await copier.copy(message);
      if (problem === null) return result;
      return { ...result, response: `${result.response} — ${problem}` };
    },
    async close(): Promise<void> {
      await copier.close();
      await inner.close();
    },
  };
}

class SentCopier {
  private client: ImapFlow | null = null;
  private folder: string | null = null;
  private readonly context: FailureContext;

  constructor(private readonly options: SentCopyOptions) {
    this.context = {
      host: options.imap.host,
      port: options.imap.port,
      security: options.imap.security,
    };
  }

  /** Appends the message to the Sent folder; returns what went wrong, or null. */
  async copy(message: OutgoingMessage): Promise<string | null> {
    try {
      // The sender's own copy shows its Bcc recipients, as a mail client's does.
      const raw = await buildMime(message, this.context, { keepBcc: true });
      const client = await this.connection();
      this.folder ??= await findSentFolder(client, this.options.folder);
      await client.append(this.folder, raw, ['\\Seen'], message.date);
      return null;
    } catch (error) {
      await this.close();
      const reason = imapFailure(error, this.options.imap).message;
      return translate('fr', 'methods.sentCopy.failed', { reason });
    }
  }

  private async connection(): Promise<ImapFlow> {
    if (!this.client?.usable) this.client = await connectImap(this.options.imap);
    return this.client;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.logout().catch(() => client.close());
  }
}

/** The Sent folder the copies would go to: the connection test's check of the mailbox. */
export async function probeSentFolder(options: SentCopyOptions): Promise<string> {
  const client = await connectImap(options.imap);
  try {
    return await findSentFolder(client, options.folder);
  } finally {
    await client.logout().catch(() => client.close());
  }
}
