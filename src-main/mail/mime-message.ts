// The message as MIME bytes, built by nodemailer's composer from the same options the SMTP
// transport sends (so every method carries the same message): for the Gmail API, the .eml
// draft and the copy appended to the Sent folder. An image carried in the HTML as a data:
// address (the structure's logo, see email-templates/signature.ts) becomes an inline part
// of a multipart/related body, referenced by cid: from the HTML.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { SendMailOptions } from 'nodemailer';
import type MimeNode from 'nodemailer/lib/mime-node';
import type MailComposerClass from 'nodemailer/lib/mail-composer';
import { conformHeaderWords } from './header-words.js';
import { toMailOptions } from './mail-options.js';
import { mimeBytes } from './mime-bytes.js';
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
  const node = await compiledMessage({ ...mail, headers });
  node.keepBcc = options.keepBcc;
  return mimeBytes(node);
}

/** Attachments up to this size are read with one plain call (see readAttachment). */
const SYNC_READ_MAX_BYTES = 256 * 1024;

/**
 * The composer's MIME tree of the message, each attached file read in one go: the composer
 * streaming it from its path costs twice the time, and mimeBytes builds a tree of text and
 * buffers in one pass. Its non-ASCII names are encoded as header-words.ts says.
 */
// Loaded on first use: a command that builds no message never loads nodemailer. Kept once
// loaded: an import() per message went through the module loader each time (a third of a
// millisecond per message under tsx, a fifth of the engine's time per message).
let composerModule: Promise<{ default: typeof MailComposerClass }> | null = null;
async function mailComposer() {
  composerModule ??= import('nodemailer/lib/mail-composer');
  return (await composerModule).default;
}

export async function compiledMessage(mail: SendMailOptions): Promise<MimeNode> {
  const attachments = await Promise.all(
    (mail.attachments ?? []).map(async ({ path, ...attachment }) => ({
      ...attachment,
      ...(typeof path === 'string' && { content: await readAttachment(path) }),
    })),
  );
  const inline = typeof mail.html === 'string' ? inlineImages(mail.html) : null;
  const MailComposer = await mailComposer();
  const composed = inline
    ? { ...mail, html: inline.html, attachments: [...attachments, ...inline.images] }
    : { ...mail, attachments };
  return conformHeaderWords(new MailComposer(composed).compile());
}

const DATA_IMAGE = /src="data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/=]+)"/g;

/**
 * The HTML's data: images (PNG, JPEG) as related parts: each distinct image once, named by
 * its content, its src replaced by cid:. Null when the HTML has none.
 */
function inlineImages(html: string) {
  if (!html.includes('src="data:image/')) return null;
  const images = new Map<string, { cid: string; content: Buffer; contentType: string }>();
  const replaced = html.replace(DATA_IMAGE, (_whole, contentType: string, base64: string) => {
    const content = Buffer.from(base64, 'base64');
    const hash = createHash('sha256').update(content).digest('hex').slice(0, 16);
    const cid = `logo-${hash}@postier`;
    if (!images.has(cid)) images.set(cid, { cid, content, contentType });
    return `src="cid:${cid}"`;
  });
  if (images.size === 0) return null;
  return {
    html: replaced,
    images: [...images.values()].map((image) => ({
      ...image,
      filename: `logo.${image.contentType === 'image/png' ? 'png' : 'jpg'}`,
      contentDisposition: 'inline' as const,
    })),
  };
}

/**
 * A small file (a PDF of a few kilobytes, most attachments) is read in one plain call: the
 * four trips of a promise-based read through the thread pool cost more than the reading. A
 * large one is read asynchronously, so that a slow shared drive never holds the thread.
 */
async function readAttachment(file: string): Promise<Buffer> {
  const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? Infinity;
  return size <= SYNC_READ_MAX_BYTES ? fs.readFileSync(file) : fs.promises.readFile(file);
}
