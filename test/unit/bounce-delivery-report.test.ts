// Reading bounces as servers send them (Postfix, Microsoft 365, Gmail, an old qmail notice),
// finding the original's ids, and saying why in the office's words.
import { describe, expect, it } from 'vitest';
import { bounceReason, bounceReasonText } from '../../src-main/bounces/bounce-reasons.js';
import { readDeliveryReport } from '../../src-main/bounces/delivery-report.js';

function report(parts: {
  from?: string;
  subject?: string;
  headers?: string[];
  status: string;
  returned: string[];
}): Buffer {
  return Buffer.from(
    [
      `From: ${parts.from ?? 'Mail Delivery System <MAILER-DAEMON@mx.example.net>'}`,
      'To: bureau@residence.example',
      `Subject: ${parts.subject ?? 'Undelivered Mail Returned to Sender'}`,
      ...(parts.headers ?? []),
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Your message could not be delivered.',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      parts.status,
      '--b',
      ...parts.returned,
      '--b--',
      '',
    ].join('\r\n'),
  );
}

const RETURNED_HEADERS = [
  'Content-Type: text/rfc822-headers',
  '',
  'From: bureau@residence.example',
  'To: famille@example.com',
  'Subject: Facture',
  'Message-ID: <f-1@residence.example>',
  '',
];

describe('reading a delivery report', () => {
  it('reads a Postfix DSN: the failed recipient, status, diagnostic and the returned Message-ID', async () => {
    const read = await readDeliveryReport(
      report({
        status: [
          'Reporting-MTA: dns; mx.example.net',
          '',
          'Final-Recipient: rfc822; Famille@Example.com',
          'Original-Recipient: rfc822;famille@example.com',
          'Action: failed',
          'Status: 5.1.1',
          'Diagnostic-Code: smtp; 550 5.1.1 <famille@example.com>: Recipient address rejected:',
          '    User unknown in virtual mailbox table',
        ].join('\r\n'),
        returned: RETURNED_HEADERS,
      }),
    );
    expect(read).toEqual({
      failed: [
        {
          address: 'famille@example.com',
          status: '5.1.1',
          action: 'failed',
          diagnostic:
            '550 5.1.1 <famille@example.com>: Recipient address rejected: User unknown in virtual mailbox table',
        },
      ],
      originalIds: ['<f-1@residence.example>'],
    });
  });

  it('reads a Microsoft 365 report that returns the whole message, and finds our own id header', async () => {
    const read = await readDeliveryReport(
      report({
        from: 'Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@residence.onmicrosoft.com>',
        subject: 'Non remis : Facture',
        status: [
          'Reporting-MTA: dns;YT3PR01MB1234.CANPRD01.PROD.OUTLOOK.COM',
          '',
          'Final-recipient: RFC822; absent@client.example',
          'Action: failed',
          'Status: 5.1.10',
          'Diagnostic-code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
        ].join('\r\n'),
        returned: [
          'Content-Type: message/rfc822',
          '',
          'From: bureau@residence.example',
          'To: absent@client.example',
          'Subject: Facture',
          'Message-ID: <YT3PR01MB5678@YT3PR01MB5678.CANPRD01.PROD.OUTLOOK.COM>',
          'X-Postier-Message-Id: <f-2@residence.example>',
          'Content-Type: text/plain',
          '',
          'Bonjour',
          '',
        ],
      }),
    );
    expect(read?.failed.map((f) => [f.address, f.status])).toEqual([
      ['absent@client.example', '5.1.10'],
    ]);
    expect(read?.originalIds).toContain('<f-2@residence.example>');
    expect(bounceReason(read!.failed[0]!)).toBe('unknown_address');
  });

  it('reports no failure for a delay warning', async () => {
    const read = await readDeliveryReport(
      report({
        subject: 'Delayed Mail (still being retried)',
        status: [
          'Reporting-MTA: dns; mx',
          '',
          'Final-Recipient: rfc822; lent@example.net',
          'Action: delayed',
          'Status: 4.4.1',
        ].join('\r\n'),
        returned: RETURNED_HEADERS,
      }),
    );
    expect(read?.failed).toEqual([]);
  });

  it('reads an old free-form notice that quotes the original message', async () => {
    const notice = [
      'From: MAILER-DAEMON@old.example.org',
      'To: bureau@residence.example',
      'Subject: failure notice',
      '',
      'Hi. This is the qmail-send program at old.example.org.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      '',
      '<parti@old.example.org>:',
      'Sorry, no mailbox here by that name. (#5.1.1)',
      '',
      '--- Below this line is a copy of the message.',
      '',
      'Message-ID: <f-3@residence.example>',
      'From: bureau@residence.example',
      'To: parti@old.example.org',
      '',
    ].join('\r\n');
    const read = await readDeliveryReport(Buffer.from(notice));
    expect(read?.failed.map((f) => f.address)).toContain('parti@old.example.org');
    expect(read?.failed[0]?.status).toBe('5.1.1');
    expect(read?.originalIds).toEqual(['<f-3@residence.example>']);
  });

  it('leaves ordinary mail alone', async () => {
    const mail = [
      'From: Famille <famille@example.com>',
      'To: bureau@residence.example',
      'Subject: Re: Facture',
      'In-Reply-To: <f-1@residence.example>',
      '',
      'Merci !',
      '',
    ].join('\r\n');
    expect(await readDeliveryReport(Buffer.from(mail))).toBeNull();
  });
});

describe('the reason in plain words', () => {
  it.each([
    ['5.1.1', null, 'adresse inconnue'],
    ['5.1.10', null, 'adresse inconnue'],
    ['5.2.2', null, 'boîte pleine'],
    ['4.2.2', null, 'boîte pleine'],
    ['5.1.2', null, 'domaine introuvable'],
    ['5.4.4', null, 'domaine introuvable'],
    ['5.7.1', '550 5.7.1 Message rejected as spam', 'refusé comme indésirable'],
    ['5.7.509', null, 'refusé comme indésirable'],
    ['5.2.1', null, 'boîte désactivée'],
    ['5.3.4', null, 'message trop gros'],
    ['4.4.7', null, 'remise impossible après plusieurs jours d’essais'],
    ['5.0.0', '550 User unknown', 'adresse inconnue'],
    ['5.0.0', '552 Mailbox full, over quota', 'boîte pleine'],
    ['5.5.0', null, 'refusé par le serveur du destinataire'],
  ])('%s %s → %s', (status, diagnostic, text) => {
    expect(bounceReasonText(bounceReason({ status, diagnostic }))).toBe(text);
  });
});
