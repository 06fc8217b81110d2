// Every failure a transport can meet, as nodemailer reports it, classified for the engine:
// retry later (temporary), never (permanent), or stop until the account is fixed (account).
import { describe, expect, it } from 'vitest';
import {
  classifySendFailure,
  type FailureContext,
  type MailerErrorFields,
} from '../../src-main/mail/send-failure-classifier.js';
import { SendFailure } from '../../src-main/mail/transport.js';

const starttls: FailureContext = { host: 'smtp.exemple.fr', port: 587, security: 'starttls' };

function mailerError(fields: MailerErrorFields): Error {
  return Object.assign(new Error(fields.message ?? 'failed'), fields);
}

function classify(fields: MailerErrorFields, context = starttls): SendFailure {
  return classifySendFailure(mailerError(fields), context);
}

/** A reply as nodemailer reports it: the code, the command, the server's line. */
function reply(code: string, command: string, response: string): MailerErrorFields {
  return { code, command, response, responseCode: Number(response.slice(0, 3)) };
}

describe('send failure classifier: replies from the server', () => {
  const cases: Array<[string, MailerErrorFields, string, string]> = [
    [
      'unknown recipient',
      reply('EENVELOPE', 'RCPT TO', '550 5.1.1 <x@y.fr>: Recipient address rejected: User unknown'),
      'permanent',
      'recipient_refused',
    ],
    [
      'message too large',
      reply('EMESSAGE', 'DATA', '552 5.3.4 Message size exceeds fixed maximum message size'),
      'permanent',
      'message_too_large',
    ],
    [
      'content refused',
      reply('EMESSAGE', 'DATA', '554 5.7.1 Message rejected as spam'),
      'permanent',
      'message_refused',
    ],
    [
      'sender refused',
      reply(
        'EENVELOPE',
        'MAIL FROM',
        '550 5.7.60 Client does not have permissions to send as this sender',
      ),
      'permanent',
      'sender_refused',
    ],
    [
      'mailbox busy',
      reply('EENVELOPE', 'RCPT TO', '450 4.2.1 Mailbox busy'),
      'temporary',
      'server_busy',
    ],
    [
      'greylisting',
      reply('EENVELOPE', 'RCPT TO', '451 4.3.0 Greylisted, please come back later'),
      'temporary',
      'server_busy',
    ],
    [
      '421 closing',
      reply('EMESSAGE', 'DATA', '421 4.4.2 Service shutting down'),
      'temporary',
      'rate_limited',
    ],
    [
      '4.7.x rate limit',
      reply('EMESSAGE', 'DATA', '450 4.7.0 Message rate exceeded'),
      'temporary',
      'rate_limited',
    ],
    [
      'Microsoft 365 submission throttling',
      reply('EMESSAGE', 'DATA', '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded'),
      'temporary',
      'rate_limited',
    ],
    [
      '503 bad sequence (a new connection will do)',
      reply('EPROTOCOL', 'DATA', '503 5.5.1 Bad sequence of commands'),
      'temporary',
      'server_busy',
    ],
    [
      'Gmail daily limit',
      reply('EMESSAGE', 'DATA', '550 5.4.5 Daily user sending limit exceeded.'),
      'account',
      'quota_exceeded',
    ],
    [
      'Microsoft 365 daily quota',
      reply(
        'EMESSAGE',
        'DATA',
        '554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException',
      ),
      'account',
      'quota_exceeded',
    ],
  ];

  it.each(cases)('%s', (_label, fields, kind, reason) => {
    const failure = classify(fields);
    expect(failure).toBeInstanceOf(SendFailure);
    expect([failure.kind, failure.reason]).toEqual([kind, reason]);
    // The server's own words are kept as they came.
    expect(failure.reply).toBe(fields.response);
    expect(failure.responseCode).toBe(fields.responseCode);
  });
});

describe('send failure classifier: the account is wrong', () => {
  it('refused password (535), the server reply kept', () => {
    const failure = classify({
      ...reply(
        'EAUTH',
        'AUTH LOGIN',
        '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
      ),
      message: 'Invalid login: 535 5.7.139 …',
    });
    expect([failure.kind, failure.reason]).toEqual(['account', 'auth_refused']);
    expect(failure.reply).toContain('SmtpClientAuthentication is disabled');
    expect(failure.message).toBe(
      'Identifiant ou mot de passe refusé par le serveur smtp.exemple.fr : vérifiez-les (Microsoft 365 et Gmail demandent parfois un mot de passe d’application).',
    );
  });

  it('Gmail app password required (534)', () => {
    const failure = classify(
      reply('EAUTH', 'AUTH PLAIN', '534 5.7.9 Application-specific password required.'),
    );
    expect([failure.kind, failure.reason]).toEqual(['account', 'auth_refused']);
  });

  it('EAUTH without a reply (missing credentials)', () => {
    const failure = classify({
      code: 'EAUTH',
      command: 'API',
      message: 'Missing credentials for "PLAIN"',
    });
    expect([failure.kind, failure.reason]).toEqual(['account', 'auth_refused']);
  });

  it('too many login attempts (454) is temporary, not a wrong password', () => {
    const failure = classify(
      reply('EAUTH', 'AUTH PLAIN', '454 4.7.0 Too many login attempts, please try again later.'),
    );
    expect([failure.kind, failure.reason]).toEqual(['temporary', 'rate_limited']);
  });

  it('authentication required (530 5.7.57)', () => {
    const failure = classify(
      reply('EENVELOPE', 'MAIL FROM', '530 5.7.57 Client not authenticated to send mail.'),
    );
    expect([failure.kind, failure.reason]).toEqual(['account', 'auth_required']);
  });

  it('STARTTLS required (530 Must issue a STARTTLS command first)', () => {
    const failure = classify(
      reply('EENVELOPE', 'MAIL FROM', '530 5.7.0 Must issue a STARTTLS command first'),
    );
    expect([failure.kind, failure.reason]).toEqual(['account', 'encryption_required']);
  });

  it('login refused until encrypted (538)', () => {
    const failure = classify(
      reply('EAUTH', 'AUTH PLAIN', '538 Error: Must issue a STARTTLS command first'),
    );
    expect([failure.kind, failure.reason]).toEqual(['account', 'encryption_required']);
  });

  it('host not found (ENOTFOUND, EAI_AGAIN)', () => {
    for (const originalCode of ['ENOTFOUND', 'EAI_AGAIN']) {
      const failure = classify({
        code: 'EDNS',
        originalCode,
        command: 'CONN',
        message: `getaddrinfo ${originalCode} smtp.exemple.fr`,
      });
      expect([failure.kind, failure.reason]).toEqual(['account', 'host_not_found']);
      expect(failure.message).toBe(
        'Le serveur smtp.exemple.fr est introuvable : vérifiez son nom (par exemple smtp.office365.com) et la connexion Internet de ce poste.',
      );
    }
  });

  it('connection refused (ECONNREFUSED) names the port', () => {
    const failure = classify({
      code: 'ESOCKET',
      originalCode: 'ECONNREFUSED',
      command: 'CONN',
      message: 'connect ECONNREFUSED 10.0.0.1:587',
    });
    expect([failure.kind, failure.reason]).toEqual(['account', 'port_closed']);
    expect(failure.message).toContain('sur le port 587');
  });

  it('TLS on a port that speaks plain text first (wrong version number)', () => {
    const failure = classify(
      {
        code: 'ESOCKET',
        originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER',
        command: 'CONN',
        message:
          '80:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:ssl3_record.c:350:\n',
      },
      { host: 'smtp.exemple.fr', port: 587, security: 'tls' },
    );
    expect([failure.kind, failure.reason]).toEqual(['account', 'tls_unexpected']);
    expect(failure.message).toBe(
      'Le port 587 attend d’abord une connexion non chiffrée, puis STARTTLS : choisissez « STARTTLS » au lieu de « TLS ».',
    );
  });

  it('plain text on 465: the greeting never comes', () => {
    const failure = classify(
      { code: 'ETIMEDOUT', command: 'CONN', message: 'Greeting never received' },
      { host: 'smtp.exemple.fr', port: 465, security: 'starttls' },
    );
    expect([failure.kind, failure.reason]).toEqual(['account', 'tls_expected']);
    expect(failure.message).toBe(
      'Le port 465 attend une connexion chiffrée dès le départ (SSL/TLS) : choisissez « TLS » au lieu de « STARTTLS ».',
    );
  });

  it('self-signed or untrusted certificate', () => {
    const failure = classify({
      code: 'ESOCKET',
      originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      command: 'CONN',
      message: 'self-signed certificate',
    });
    expect([failure.kind, failure.reason]).toEqual(['account', 'certificate_untrusted']);
    expect(failure.message).toContain('(self-signed certificate)');
  });

  it('certificate for another name', () => {
    const failure = classify({
      code: 'ESOCKET',
      originalCode: 'ERR_TLS_CERT_ALTNAME_INVALID',
      command: 'CONN',
      message: "Hostname/IP does not match certificate's altnames",
    });
    expect([failure.kind, failure.reason]).toEqual(['account', 'certificate_untrusted']);
  });

  it('STARTTLS required but not offered', () => {
    const failure = classify({
      ...reply('ETLS', 'STARTTLS', '500 Error: command not recognized'),
      message: 'Error upgrading connection with STARTTLS',
    });
    expect([failure.kind, failure.reason]).toEqual(['account', 'starttls_unavailable']);
  });
});

describe('send failure classifier: the connection failed', () => {
  it('timeout while waiting for the server', () => {
    const failure = classify({ code: 'ETIMEDOUT', command: 'CONN', message: 'Timeout' });
    expect([failure.kind, failure.reason]).toEqual(['temporary', 'timeout']);
  });

  it('greeting timeout on 587 is a timeout (only 465 says "implicit TLS")', () => {
    const failure = classify({
      code: 'ETIMEDOUT',
      command: 'CONN',
      message: 'Greeting never received',
    });
    expect([failure.kind, failure.reason]).toEqual(['temporary', 'timeout']);
  });

  it('dropped in the middle of DATA (ECONNECTION, ECONNRESET)', () => {
    for (const fields of [
      { code: 'ECONNECTION', command: 'CONN', message: 'Connection closed unexpectedly' },
      { code: 'ESOCKET', originalCode: 'ECONNRESET', command: 'CONN', message: 'read ECONNRESET' },
      { code: 'ESOCKET', originalCode: 'EPIPE', command: 'CONN', message: 'write EPIPE' },
    ]) {
      const failure = classify(fields);
      expect([failure.kind, failure.reason]).toEqual(['temporary', 'connection_lost']);
      expect(failure.reply).toBeNull();
    }
  });

  it('after the whole message was handed over, no reply is an unknown outcome, never a retry', () => {
    const handedOver = { handedOver: true };
    for (const fields of [
      { code: 'ETIMEDOUT', command: 'CONN', message: 'Timeout' },
      { code: 'ECONNECTION', command: 'CONN', message: 'Connection closed unexpectedly' },
      { code: 'ESOCKET', originalCode: 'ECONNRESET', command: 'CONN', message: 'read ECONNRESET' },
    ]) {
      const failure = classifySendFailure(mailerError(fields), starttls, handedOver);
      expect([failure.kind, failure.reason]).toEqual(['unknown', 'no_reply']);
      expect(failure.message).toContain('smtp.exemple.fr');
      expect(failure.message).not.toMatch(/\{\w+\}/);
    }
    // A reply, even after the whole message, says what the server did with it.
    const refused = classifySendFailure(
      mailerError(reply('EMESSAGE', 'DATA', '451 4.3.0 Local error in processing')),
      starttls,
      handedOver,
    );
    expect([refused.kind, refused.reason]).toEqual(['temporary', 'server_busy']);
  });

  it('network unreachable stops the run (nothing will go)', () => {
    const failure = classify({
      code: 'ESOCKET',
      originalCode: 'ENETUNREACH',
      message: 'connect ENETUNREACH',
    });
    expect([failure.kind, failure.reason]).toEqual(['account', 'network_unreachable']);
  });
});

describe('send failure classifier: everything else', () => {
  it('a SendFailure passes through unchanged', () => {
    const original = new SendFailure('permanent', 'déjà classé', null, null, 'invalid_address');
    expect(classifySendFailure(original, starttls)).toBe(original);
  });

  it('size refused before sending (SIZE extension)', () => {
    const failure = classify({
      code: 'EMESSAGE',
      command: 'MAIL FROM',
      message: 'Message size larger than allowed 1000',
    });
    expect([failure.kind, failure.reason]).toEqual(['permanent', 'message_too_large']);
  });

  it('a missing attachment file', () => {
    const failure = classify({
      code: 'ENOENT',
      message: "ENOENT: no such file or directory, open '/x/facture.pdf'",
    });
    expect([failure.kind, failure.reason]).toEqual(['permanent', 'attachment_missing']);
  });

  it('an unknown error is retried, with its first line as detail', () => {
    const failure = classifySendFailure(new Error('quelque chose\nde long'), starttls);
    expect([failure.kind, failure.reason]).toEqual(['temporary', 'other']);
    expect(failure.message).toBe('L’envoi a échoué (quelque chose) : le message sera réessayé.');
  });

  it('a thrown string', () => {
    expect(classifySendFailure('boom', starttls).reason).toBe('other');
  });
});

describe('send failure classifier: sentences name what they are about', () => {
  it('a missing attachment names the file', () => {
    const failure = classify({
      code: 'ENOENT',
      message: "ENOENT: no such file or directory, open '/x/facture-12.pdf'",
    });
    expect(failure.message).toBe(
      'La pièce jointe « facture-12.pdf » est introuvable (déplacée ou supprimée) : préparez le message de nouveau.',
    );
  });

  it('no sentence is left with a placeholder', () => {
    const samples: MailerErrorFields[] = [
      { code: 'EENVELOPE', message: 'No recipients defined' },
      { code: 'EDNS', originalCode: 'ENOTFOUND' },
      { code: 'ETIMEDOUT', message: 'Greeting never received' },
      { code: 'ECONNECTION' },
      reply('EENVELOPE', 'RCPT TO', '550 5.1.1 unknown'),
    ];
    for (const fields of samples) {
      for (const port of [465, 587]) {
        const failure = classify(fields, { host: 'h.fr', port, security: 'none' });
        expect(failure.message).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
