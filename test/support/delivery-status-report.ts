// A bounce as mail servers send it (RFC 3464 delivery status notification): the report of
// the failed recipient and the original message's headers (or the whole message), for the
// tests that put bounces in a real IMAP mailbox.

export interface DeliveryStatusReportOptions {
  /** The account that sent the original message and receives the bounce. */
  mailbox: string;
  /** The original message's Message-ID, with its angle brackets. */
  messageId: string;
  recipient: string;
  status: string;
  action?: string;
  diagnostic: string;
  returned?: 'headers' | 'message';
}

export function deliveryStatusReport(options: DeliveryStatusReportOptions): string {
  const original = [
    `From: =?UTF-8?Q?R=C3=A9sidence_Test?= <${options.mailbox}>`,
    `To: ${options.recipient}`,
    'Subject: =?UTF-8?Q?Votre_facture_d=E2=80=99octobre?=',
    `Message-ID: ${options.messageId}`,
    'Date: Sat, 31 Oct 2026 14:30:00 +0000',
    'MIME-Version: 1.0',
  ];
  const returned =
    options.returned === 'message'
      ? [
          'Content-Type: message/rfc822',
          '',
          ...original,
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Bonjour,',
          '',
        ]
      : ['Content-Type: text/rfc822-headers', '', ...original, ''];
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.residence-test.example>',
    `To: ${options.mailbox}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <${Math.random().toString(36).slice(2)}@mx.residence-test.example>`,
    'Date: Sun, 1 Nov 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="=_dsn"',
    '',
    '--=_dsn',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.residence-test.example. Your message could not be delivered.',
    '',
    '--=_dsn',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.residence-test.example',
    '',
    `Final-Recipient: rfc822; ${options.recipient}`,
    `Action: ${options.action ?? 'failed'}`,
    `Status: ${options.status}`,
    `Diagnostic-Code: smtp; ${options.diagnostic}`,
    '',
    '--=_dsn',
    ...returned,
    '--=_dsn--',
    '',
  ].join('\r\n');
}
