// Reading a bounce: a delivery status notification (RFC 3464: multipart/report with a
// message/delivery-status part), or the older free-form "Undelivered Mail" notices some
// servers still send. What comes out: which recipients failed and why (Status, Diagnostic-Code),
// and the Message-IDs of the original message it quotes, to find ours.
import type { ParsedMail } from 'mailparser';
import { BOUNCE_SENDER, BOUNCE_SUBJECT } from '../mail/bounce-mailbox.js';

export interface FailedRecipient {
  address: string;
  /** Enhanced status code (RFC 3463), e.g. "5.1.1"; "" when the notice gave none. */
  status: string;
  action: string;
  /** The remote server's own words, e.g. "550 5.1.1 User unknown". */
  diagnostic: string | null;
}

export interface DeliveryReport {
  /** Recipients the notice says failed (Action: failed); delays are not failures. */
  failed: FailedRecipient[];
  /** Message-IDs of the original message (its headers, X-Postier-Message-Id, References). */
  originalIds: string[];
}

const DSN_TYPES = ['message/delivery-status', 'message/global-delivery-status'];
const HEADER_TYPES = ['text/rfc822-headers', 'message/rfc822-headers', 'message/global-headers'];
const MESSAGE_TYPES = ['message/rfc822', 'message/global'];
const MESSAGE_ID = /<[^<>\s@]+@[^<>\s@]+>/g;

/** The bounce's report, or null when the message is not a bounce. */
export async function readDeliveryReport(raw: Buffer): Promise<DeliveryReport | null> {
  // Loaded here: only reading bounces pays for mailparser.
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(raw, {
    keepDeliveryStatus: true,
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
    skipTextLinks: true,
  });
  const status = mail.attachments.find((a) => DSN_TYPES.includes(a.contentType));
  if (status) {
    return {
      failed: failedRecipients(status.content.toString('utf8')),
      originalIds: originalIds(mail),
    };
  }
  return looksLikeBounce(mail) ? freeFormReport(mail) : null;
}

/** RFC 3464 fields: one block for the message, then one block per recipient. */
export function failedRecipients(deliveryStatus: string): FailedRecipient[] {
  const blocks = deliveryStatus
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]+/g, ' ')
    .split(/\n\s*\n/);
  const failed: FailedRecipient[] = [];
  for (const block of blocks) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const at = line.indexOf(':');
      if (at > 0) fields.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
    }
    const recipient = fields.get('final-recipient') ?? fields.get('original-recipient');
    const action = (fields.get('action') ?? '').toLowerCase();
    if (!recipient || action !== 'failed') continue;
    failed.push({
      address: typedValue(recipient).replace(/^<|>$/g, '').toLowerCase(),
      status: /\d\.\d{1,3}\.\d{1,3}/.exec(fields.get('status') ?? '')?.[0] ?? '',
      action,
      diagnostic: fields.has('diagnostic-code') ? typedValue(fields.get('diagnostic-code')!) : null,
    });
  }
  return failed;
}

/** "rfc822; x@y" → "x@y"; "smtp; 550 …" → "550 …". */
function typedValue(value: string): string {
  const at = value.indexOf(';');
  return (at >= 0 ? value.slice(at + 1) : value).trim();
}

/** The original message's ids: from the headers the notice returns, else from its own threading. */
function originalIds(mail: ParsedMail): string[] {
  const ids = new Set<string>();
  for (const part of mail.attachments) {
    if (HEADER_TYPES.includes(part.contentType) || MESSAGE_TYPES.includes(part.contentType)) {
      for (const id of headerIds(part.content.toString('utf8'))) ids.add(id);
    }
  }
  const references = [mail.inReplyTo ?? '', ...[mail.references ?? []].flat()].join(' ');
  for (const id of references.match(MESSAGE_ID) ?? []) ids.add(id);
  return [...ids];
}

/** Message-ID and X-Postier-Message-Id of a header block (the part before the first blank line). */
function headerIds(text: string): string[] {
  const head = text
    .replace(/\r\n/g, '\n')
    .split(/\n\n/)[0]!
    .replace(/\n[ \t]+/g, ' ');
  const ids: string[] = [];
  for (const line of head.split('\n')) {
    if (/^(message-id|x-postier-message-id)\s*:/i.test(line))
      ids.push(...(line.match(MESSAGE_ID) ?? []));
  }
  return ids;
}

function looksLikeBounce(mail: ParsedMail): boolean {
  const from = mail.from?.text ?? '';
  return BOUNCE_SENDER.test(from) && BOUNCE_SUBJECT.test(mail.subject ?? '');
}

/**
 * An old-style notice in plain words: the failed addresses and status are read from the text,
 * the original's ids from the returned message or the text ("Message-ID: <…>").
 */
function freeFormReport(mail: ParsedMail): DeliveryReport | null {
  const text = mail.text ?? '';
  const status = /\b([45]\.\d{1,3}\.\d{1,3})\b/.exec(text)?.[1] ?? '';
  const returned =
    text.split(/^-+ ?(original message|message d'origine|this is a copy)/im)[0] ?? text;
  const addresses = new Set(
    (returned.match(/<?[\w.+'-]+@[\w-]+(\.[\w-]+)+>?/g) ?? []).map((a) =>
      a.replace(/[<>]/g, '').toLowerCase(),
    ),
  );
  const ids = new Set(originalIds(mail));
  for (const line of text.split('\n')) {
    if (/^\s*(message-id|x-postier-message-id)\s*:/i.test(line))
      for (const id of line.match(MESSAGE_ID) ?? []) ids.add(id);
  }
  if (addresses.size === 0 || ids.size === 0) return null;
  const diagnostic = /\b5\d\d[ -].*$/m.exec(returned)?.[0]?.trim() ?? null;
  return {
    failed: [...addresses].map((address) => ({ address, status, action: 'failed', diagnostic })),
    originalIds: [...ids],
  };
}
