// One OutgoingMessage → the nodemailer options every transport builds the MIME message from,
// so that an SMTP send and a sandbox .eml are the same message. This is also where nothing
// typed by a user can become a header: names and subjects lose their line breaks, addresses
// must be one plain address each, and the envelope is set explicitly.
import fs from 'node:fs';
import type { SendMailOptions } from 'nodemailer';
import { isValidEmail } from '../../src-shared/validation/identity.js';
import { singleLine } from '../../src-shared/validation/single-line.js';
import { sendFailure, type FailureContext } from './send-failure-classifier.js';
import type { OutgoingMessage } from './transport.js';

const MESSAGE_ID = /^<[^\s<>@]+@[^\s<>@]+>$/;
const CONTENT_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i;

export async function toMailOptions(
  message: OutgoingMessage,
  context: FailureContext,
): Promise<SendMailOptions> {
  if (!MESSAGE_ID.test(message.messageIdHeader)) {
    throw new TypeError(`Invalid Message-ID header: ${JSON.stringify(message.messageIdHeader)}`);
  }
  const address = (field: string, value: string) => checkedAddress(field, value, context);
  const to = message.to.map((a) => address('to', a));
  const cc = message.cc.map((a) => address('cc', a));
  const bcc = message.bcc.map((a) => address('bcc', a));
  const fromAddress = address('from', message.from.address);
  // Bounces and SPF go by the envelope: the account's own mailbox, whoever the From names.
  const envelopeFrom = message.envelopeFrom ? address('from', message.envelopeFrom) : fromAddress;
  const readReceiptTo = message.readReceiptTo && address('readReceiptTo', message.readReceiptTo);
  return {
    messageId: message.messageIdHeader,
    date: message.date,
    from: { name: singleLine(message.from.name ?? ''), address: fromAddress },
    ...(message.replyTo && { replyTo: address('replyTo', message.replyTo) }),
    ...(to.length && { to }),
    ...(cc.length && { cc }),
    ...(bcc.length && { bcc }),
    envelope: { from: envelopeFrom, to: [...to, ...cc, ...bcc] },
    subject: singleLine(message.subject),
    text: message.text,
    ...(message.html !== null && { html: message.html }),
    attachments: await attachments(message, context),
    ...(readReceiptTo && { headers: { 'Disposition-Notification-To': readReceiptTo } }),
    // The bodies come from templates: never let them make nodemailer fetch a URL.
    disableUrlAccess: true,
  };
}

function checkedAddress(field: string, value: string, context: FailureContext): string {
  const trimmed = value.trim();
  if (!isValidEmail(trimmed)) {
    throw sendFailure('invalid_address', context, { params: { address: value, field } });
  }
  return trimmed;
}

async function attachments(message: OutgoingMessage, context: FailureContext) {
  return Promise.all(
    message.attachments.map(async (attachment) => {
      const stat = statOrNull(attachment.absolutePath);
      if (!stat?.isFile()) {
        throw sendFailure('attachment_missing', context, { params: { file: attachment.fileName } });
      }
      return {
        filename: singleLine(attachment.fileName) || 'document',
        path: attachment.absolutePath,
        contentType: CONTENT_TYPE.test(attachment.contentType)
          ? attachment.contentType
          : 'application/octet-stream',
      };
    }),
  );
}

/** A plain call: a promise's trip through the thread pool costs more than the stat itself. */
function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}
