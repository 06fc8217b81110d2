// The one interface the sending engine uses for every way of sending mail, so that pacing,
// retries, statuses and the journal work the same whatever the method.

export interface OutgoingAttachment {
  fileName: string;
  absolutePath: string;
  contentType: string;
}

export interface OutgoingMessage {
  /** The Message-ID header, with angle brackets, fixed when the message was queued. */
  messageIdHeader: string;
  from: { name: string | null; address: string };
  /** The envelope sender (MAIL FROM): the account's own address; the From address when unset. */
  envelopeFrom?: string;
  replyTo: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  html: string | null;
  attachments: OutgoingAttachment[];
  /** Address for Disposition-Notification-To, or null for no read receipt. */
  readReceiptTo: string | null;
  date: Date;
}

export interface SendResult {
  accepted: string[];
  rejected: string[];
  /** The server's reply to the message, e.g. "250 2.0.0 Ok: queued as 1234". */
  response: string;
  /** Of the send's time, what opening the connection took (0 on one already open). */
  connectMs?: number;
}

// The failure every transport throws; defined in src-shared so that OAuth, below this layer,
// fails the same way.
export {
  SEND_FAILURE_REASONS,
  SendFailure,
  type SendFailureKind,
  type SendFailureReason,
} from '../../src-shared/domain/send-failure.js';

export interface MailTransport {
  readonly kind: string;
  /** False for methods that cannot pace a large batch (a mail client opening windows). */
  readonly canPace: boolean;
  /** Sends one message or throws a SendFailure saying what kind of failure it is. */
  send(message: OutgoingMessage): Promise<SendResult>;
  /**
   * Optional: the engine will send this very object next. A transport may start building
   * it now (reading files, encoding: no network), so that the work overlaps the exchange of
   * the message before it; send() then uses what was built. Errors wait for send().
   */
  buildAhead?(message: OutgoingMessage): void;
  /** Closes pooled connections. */
  close(): Promise<void>;
}
