// The message as MIME bytes, built by nodemailer's composer from the same options the SMTP
// transport sends (so every method carries the same message): for the Gmail API, the .eml
// draft and the copy appended to the Sent folder.
import MailComposer from 'nodemailer/lib/mail-composer';
import { toMailOptions } from './mail-options.js';
import type { FailureContext } from './send-failure-classifier.js';
import type { OutgoingMessage } from './transport.js';

/**
 * Our own copy of the Message-ID, in a header that every server keeps: Microsoft Graph and
 * Outlook give the message their own Message-ID, and bounces quote the original headers.
 */
export const POSTIER_ID_HEADER = 'X-Postier-Message-Id';

export interface MimeOptions {
  /**
   * Keep the Bcc header: a draft (the user's client sends it), the Gmail API (it reads the
   * recipients from the headers and strips Bcc), the sender's own Sent copy.
   */
  keepBcc: boolean;
  /** Extra headers, e.g. X-Unsent for a draft. */
  headers?: Record<string, string>;
}

export async function buildMime(
  message: OutgoingMessage,
  context: FailureContext,
  options: MimeOptions,
): Promise<Buffer> {
  const mail = await toMailOptions(message, context);
  const headers = {
    ...(mail.headers as Record<string, string> | undefined),
    [POSTIER_ID_HEADER]: message.messageIdHeader,
    ...options.headers,
  };
  const node = new MailComposer({ ...mail, headers }).compile();
  node.keepBcc = options.keepBcc;
  return node.build();
}
