// Sending through Microsoft 365 with the Graph API (POST /me/sendMail), signed in with OAuth2:
// no password, no SMTP AUTH (turned off by Microsoft for Exchange Online), and the copy lands
// in the user's Sent Items. A message too big for one request (sendMail takes 4 MB) goes as a
// draft whose large attachments are uploaded in chunks (upload sessions, up to 150 MB each),
// then sent.
import fs from 'node:fs/promises';
import type { SendMailOptions } from 'nodemailer';
import {
  replyLine,
  serviceClient,
  type ApiClient,
  type ApiResponse,
  type ServiceAccess,
} from './api-request.js';
import { toMailOptions } from './mail-options.js';
import {
  MethodFailure,
  reconnectFailure,
  shortText,
} from '../../src-shared/domain/method-failure.js';
import { apiFailureMaker } from './api-failure.js';
import { POSTIER_ID_HEADER } from './mime-message.js';
import type { MailTransport, OutgoingMessage, SendResult } from './transport.js';

export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
/** sendMail takes 4 MB per request; keep a margin for the JSON around the attachments. */
export const SEND_MAIL_REQUEST_LIMIT = 3_500_000;
/** Attachments up to 3 MB are posted whole; bigger ones need an upload session. */
export const SMALL_ATTACHMENT_LIMIT = 3 * 1024 * 1024;
/** Upload-session chunks must be multiples of 320 KiB; Microsoft advises under 4 MB. */
export const UPLOAD_CHUNK_BYTES = 10 * 320 * 1024;

export interface GraphTransportOptions extends ServiceAccess {
  maxMessageBytes: number;
}

interface FileData {
  name: string;
  contentType: string;
  bytes: Buffer;
}

/** Graph calls with the account's token, answers classified as for a send. */
export function graphApiClient(access: ServiceAccess) {
  return serviceClient(
    {
      name: 'Microsoft Graph',
      provider: 'Microsoft 365',
      defaultBaseUrl: GRAPH_BASE_URL,
      classify: classifyGraphError,
    },
    access,
  );
}

/** Who is signed in (the connection test): the mailbox's address. */
export async function graphSignedInAddress(options: ServiceAccess): Promise<string> {
  const { api, baseUrl } = graphApiClient(options);
  const me = await api.json<{ mail?: string | null; userPrincipalName?: string }>({
    method: 'GET',
    url: `${baseUrl}/me?$select=mail,userPrincipalName`,
  });
  return me.mail ?? me.userPrincipalName ?? '?';
}

export function createGraphTransport(options: GraphTransportOptions): MailTransport {
  const { api, baseUrl, context } = graphApiClient(options);
  return {
    kind: 'graph',
    canPace: true,
    async send(message: OutgoingMessage): Promise<SendResult> {
      const mail = await toMailOptions(message, context);
      const files = await readFiles(mail);
      checkSize(message, files, options.maxMessageBytes);
      const graphMessage = toGraphMessage(message, mail);
      const inline = { ...graphMessage, attachments: files.map(fileAttachment) };
      const body = JSON.stringify({ message: inline, saveToSentItems: true });
      const response =
        Buffer.byteLength(body) <= SEND_MAIL_REQUEST_LIMIT
          ? await api.call({
              method: 'POST',
              url: `${baseUrl}/me/sendMail`,
              headers: JSON_HEADERS,
              body,
              idempotent: false,
            })
          : await sendAsDraft(api, baseUrl, graphMessage, files);
      return {
        accepted: [...message.to, ...message.cc, ...message.bcc],
        rejected: [],
        response: `${response.status} Microsoft Graph (request-id ${response.headers.get('request-id') ?? '?'})`,
      };
    },
    async close(): Promise<void> {},
  };
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** The Graph message resource: one body (HTML when there is one), recipients, our id header. */
export function toGraphMessage(
  message: OutgoingMessage,
  mail: SendMailOptions,
): Record<string, unknown> {
  const from = mail.from as { name: string; address: string };
  const recipients = (list: unknown) =>
    ((list as string[] | undefined) ?? []).map((a) => recipient(a));
  return {
    subject: mail.subject,
    body:
      message.html !== null
        ? { contentType: 'HTML', content: message.html }
        : { contentType: 'Text', content: message.text },
    from: recipient(from.address, from.name),
    toRecipients: recipients(mail.to),
    ccRecipients: recipients(mail.cc),
    bccRecipients: recipients(mail.bcc),
    replyTo: mail.replyTo ? [recipient(mail.replyTo as string)] : [],
    // Graph gives the message its own Message-ID; bounces quote this header.
    internetMessageHeaders: [{ name: POSTIER_ID_HEADER, value: message.messageIdHeader }],
    isReadReceiptRequested: message.readReceiptTo !== null,
  };
}

function recipient(address: string, name?: string): Record<string, unknown> {
  return { emailAddress: name ? { name, address } : { address } };
}

function fileAttachment(file: FileData): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.fileAttachment',
    name: file.name,
    contentType: file.contentType,
    contentBytes: file.bytes.toString('base64'),
  };
}

async function readFiles(mail: SendMailOptions): Promise<FileData[]> {
  const attachments = (mail.attachments ?? []) as {
    filename: string;
    path: string;
    contentType: string;
  }[];
  return Promise.all(
    attachments.map(async (a) => ({
      name: a.filename,
      contentType: a.contentType,
      bytes: await fs.readFile(a.path),
    })),
  );
}

/** The encoded size the provider counts: base64 attachments plus the bodies. */
export function encodedSize(message: OutgoingMessage, attachmentBytes: number[]): number {
  const base64 = attachmentBytes.reduce((sum, n) => sum + Math.ceil(n / 3) * 4, 0);
  return base64 + Buffer.byteLength(message.text) + Buffer.byteLength(message.html ?? '') + 4096;
}

function checkSize(message: OutgoingMessage, files: FileData[], limit: number): void {
  const size = encodedSize(
    message,
    files.map((f) => f.bytes.length),
  );
  if (size > limit) throw tooLarge('Microsoft Graph', size, limit);
}

export function tooLarge(service: string, size: number, limit: number): MethodFailure {
  const mb = (n: number) => (Math.round((n / (1024 * 1024)) * 10) / 10).toLocaleString('fr-FR');
  return new MethodFailure('permanent', 'message_too_large', 'methods.failure.tooLarge', {
    service,
    size: mb(size),
    limit: mb(limit),
  });
}

// ------------------------------------------------------------ large messages: a draft, then send

async function sendAsDraft(
  api: ApiClient,
  baseUrl: string,
  graphMessage: Record<string, unknown>,
  files: FileData[],
): Promise<ApiResponse> {
  const draft = await api.json<{ id: string }>({
    method: 'POST',
    url: `${baseUrl}/me/messages`,
    headers: JSON_HEADERS,
    body: JSON.stringify(graphMessage),
  });
  const messageUrl = `${baseUrl}/me/messages/${encodeURIComponent(draft.id)}`;
  try {
    for (const file of files) await attach(api, messageUrl, file);
    return await api.call({ method: 'POST', url: `${messageUrl}/send`, idempotent: false });
  } catch (error) {
    // Never leave a half-built copy in the user's Drafts.
    await api.call({ method: 'DELETE', url: messageUrl }).catch(() => undefined);
    throw error;
  }
}

async function attach(api: ApiClient, messageUrl: string, file: FileData): Promise<void> {
  if (file.bytes.length < SMALL_ATTACHMENT_LIMIT) {
    await api.call({
      method: 'POST',
      url: `${messageUrl}/attachments`,
      headers: JSON_HEADERS,
      body: JSON.stringify(fileAttachment(file)),
    });
    return;
  }
  const session = await api.json<{ uploadUrl: string }>({
    method: 'POST',
    url: `${messageUrl}/attachments/createUploadSession`,
    headers: JSON_HEADERS,
    body: JSON.stringify({
      AttachmentItem: {
        attachmentType: 'file',
        name: file.name,
        size: file.bytes.length,
        contentType: file.contentType,
      },
    }),
  });
  const total = file.bytes.length;
  for (let start = 0; start < total; start += UPLOAD_CHUNK_BYTES) {
    const chunk = file.bytes.subarray(start, Math.min(total, start + UPLOAD_CHUNK_BYTES));
    await api.call({
      method: 'PUT',
      url: session.uploadUrl,
      // The upload URL carries its own authorization: sending the token there is refused.
      authorized: false,
      headers: {
        'content-type': 'application/octet-stream',
        'content-range': `bytes ${start}-${start + chunk.length - 1}/${total}`,
      },
      body: chunk,
    });
  }
}

// ------------------------------------------------------------ failures

interface GraphError {
  code: string;
  message: string;
}

function graphError(response: ApiResponse): GraphError {
  try {
    const parsed = JSON.parse(response.text) as { error?: Partial<GraphError> };
    return { code: parsed.error?.code ?? '', message: parsed.error?.message ?? '' };
  } catch {
    return { code: '', message: shortText(response.text) };
  }
}

const RECIPIENT_CODES = /^(ErrorInvalidRecipients|ErrorRecipientNotFound|ErrorInvalidEmailAddress)/;
const QUOTA_CODES =
  /^(ErrorQuotaExceeded|ErrorExceededMessageLimit|ErrorMessageSubmissionBlocked|ErrorSubmissionQuotaExceeded)/;
const ACCESS_CODES =
  /^(ErrorAccessDenied|AccessDenied|Authorization_RequestDenied|ErrorInsufficientPermissions)/;
const MAILBOX_CODES =
  /^(MailboxNotEnabledForRESTAPI|MailboxNotFound|ResourceNotFound|ErrorMailboxNotFound)/;

/** What a Graph error answer means for this message, the account, or a later attempt. */
export function classifyGraphError(
  response: ApiResponse,
  retryAfterMs: number | null,
  account: string,
): MethodFailure {
  const error = graphError(response);
  const status = response.status;
  const service = 'Microsoft Graph';
  const detail = [error.code, error.message].filter(Boolean).join(' : ') || `HTTP ${status}`;
  const extra = {
    reply: replyLine(status, detail, retryAfterMs),
    responseCode: status,
    retryAfterMs,
  };
  const failure = apiFailureMaker(service, detail, extra);

  if (status === 429)
    return failure('temporary', 'rate_limited', 'methods.failure.throttled', {
      seconds: seconds(retryAfterMs),
    });
  if (status >= 500)
    return failure('temporary', 'server_busy', 'methods.failure.unavailable', { status });
  if (error.code === 'ErrorSendAsDenied') {
    return failure('permanent', 'sender_refused', 'methods.failure.senderRefused');
  }
  if (
    status === 413 ||
    error.code === 'ErrorMessageSizeExceeded' ||
    error.code === 'RequestBodyTooLarge'
  ) {
    return failure('permanent', 'message_too_large', 'methods.failure.refusedTooLarge');
  }
  if (RECIPIENT_CODES.test(error.code))
    return failure('permanent', 'recipient_refused', 'methods.failure.recipientRefused');
  if (QUOTA_CODES.test(error.code))
    return failure('account', 'quota_exceeded', 'methods.failure.quota');
  if (status === 401)
    return reconnectFailure({ account, provider: 'Microsoft 365', detail }, extra);
  if (status === 403 && ACCESS_CODES.test(error.code)) {
    return failure('account', 'auth_refused', 'methods.failure.accessDenied', { account });
  }
  if (status === 404 || MAILBOX_CODES.test(error.code)) {
    return failure('account', 'auth_refused', 'methods.failure.mailboxMissing', { account });
  }
  if (status >= 400 && status < 500)
    return failure('permanent', 'message_refused', 'methods.failure.refused');
  return failure('temporary', 'other', 'methods.failure.unexpected', { status });
}

export function seconds(ms: number | null): number {
  return ms === null ? 60 : Math.max(1, Math.ceil(ms / 1000));
}
