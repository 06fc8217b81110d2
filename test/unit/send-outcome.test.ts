// What an attempt comes to, as the user sees it on the send status screen and in the
// journal: the message's status, the error and the server's reply kept, when it is tried
// again, and whether the run stops. The failures are classified by the real classifier from
// what nodemailer reports, as the SMTP transport does.
import { describe, expect, it } from 'vitest';
import {
  classifySendFailure,
  type MailerErrorFields,
} from '../../src-main/mail/send-failure-classifier.js';
import { SendFailure } from '../../src-main/mail/transport.js';
import {
  attemptOutcome as storedAttemptOutcome,
  clockText,
  unsendableOutcome as storedUnsendableOutcome,
  type AttemptedMessage,
  type Outcome,
} from '../../src-main/send/outcome.js';
import { UserError } from '../../src-shared/errors.js';
import type { Language } from '../../src-shared/i18n/catalog.js';
import { sayStored } from '../../src-shared/i18n/said.js';

/** The error and the journal line as a screen in `language` reads them (they are stored in no language). */
function said(outcome: Outcome, language: Language = 'fr'): Outcome {
  const change = { ...outcome.change };
  if (change.error !== undefined) change.error = sayStored(language, change.error);
  return {
    ...outcome,
    change,
    event: { ...outcome.event, detail: sayStored(language, outcome.event.detail)! },
  };
}
const attemptOutcome = (...args: Parameters<typeof storedAttemptOutcome>) =>
  said(storedAttemptOutcome(...args));
const unsendableOutcome = (...args: Parameters<typeof storedUnsendableOutcome>) =>
  said(storedUnsendableOutcome(...args));

const SERVER = { host: 'smtp.exemple.fr', port: 587, security: 'starttls' as const };
const PACING = { maxAttempts: 3, retryBaseMs: 60_000 };
/** 10:42:00 local time: the retry times below are read on the office's clock. */
const ENDED_AT = new Date(2026, 0, 5, 10, 42, 0).getTime();

function failed(fields: MailerErrorFields, handedOver = false) {
  const error = Object.assign(new Error(fields.message ?? 'failed'), fields);
  return { failure: classifySendFailure(error, SERVER, { handedOver }) };
}

function reply(command: string, response: string): MailerErrorFields {
  return { code: 'EENVELOPE', command, response, responseCode: Number(response.slice(0, 3)) };
}

function attempt(attempts: number): AttemptedMessage {
  return { attempts, pacing: PACING };
}

const iso = (at: number) => new Date(at).toISOString();

describe('outcome of an attempt', () => {
  it('sent: the server reply is kept, nothing else is planned', () => {
    const response = '250 2.0.0 Ok: queued as 4F2A1';
    const outcome = attemptOutcome(
      { result: { accepted: ['a@b.fr'], rejected: [], response } },
      attempt(1),
      ENDED_AT,
    );
    expect(outcome.change).toEqual({
      status: 'sent',
      sentAt: iso(ENDED_AT),
      nextAttemptAt: null,
      nowIso: iso(ENDED_AT),
      error: null,
      reply: response,
    });
    expect(outcome.event).toEqual({ event: 'sent', detail: 'Accepté par le serveur.' });
    expect(outcome.stopReason).toBeUndefined();
  });

  it('temporary failure with attempts left: tried again later, the delay doubling', () => {
    const busy = failed(reply('RCPT TO', '450 4.2.1 Mailbox busy'));
    const first = attemptOutcome(busy, attempt(1), ENDED_AT);
    expect(first.change).toMatchObject({
      status: 'validated',
      nextAttemptAt: iso(ENDED_AT + 60_000),
      reply: '450 4.2.1 Mailbox busy',
      error:
        'Le serveur smtp.exemple.fr refuse ce message pour le moment : il sera réessayé plus tard.',
    });
    expect(first.event.event).toBe('retry_scheduled');
    expect(first.event.detail).toContain('Nouvel essai à 10:43:00 (essai 2 sur 3)');

    const second = attemptOutcome(busy, attempt(2), ENDED_AT);
    expect(second.change.nextAttemptAt).toBe(iso(ENDED_AT + 120_000));
    expect(second.event.detail).toContain('Nouvel essai à 10:44:00 (essai 3 sur 3)');
    // A busy mailbox concerns this message only: the account goes on at its pace.
    expect(second.accountWaitsUntil).toBeUndefined();
  });

  it('a server asking to slow down makes the whole account wait until the retry', () => {
    const slowDown = failed(reply('MAIL FROM', '421 4.7.0 Too many messages, try again later'));
    const outcome = attemptOutcome(slowDown, attempt(1), ENDED_AT);
    expect(outcome.change.status).toBe('validated');
    expect(outcome.accountWaitsUntil).toBe(ENDED_AT + 60_000);
  });

  it('temporary failure with the attempts spent: failed, and the error says it was given up', () => {
    const outcome = attemptOutcome(
      failed(reply('RCPT TO', '450 4.2.1 Mailbox busy')),
      attempt(3),
      ENDED_AT,
    );
    const givenUp =
      'Abandon après 3 essais sans succès : ce message ne partira plus, sauf si vous le validez de nouveau.';
    expect(outcome.change).toMatchObject({
      status: 'failed',
      nextAttemptAt: null,
      error: givenUp,
      reply: '450 4.2.1 Mailbox busy',
    });
    expect(outcome.event).toEqual({ event: 'failed', detail: givenUp });
  });

  it('permanent failure: failed at the first attempt, with the server reply', () => {
    const refused = '550 5.1.1 <x@y.fr>: Recipient address rejected: User unknown';
    const outcome = attemptOutcome(failed(reply('RCPT TO', refused)), attempt(1), ENDED_AT);
    expect(outcome.change).toMatchObject({
      status: 'failed',
      nextAttemptAt: null,
      reply: refused,
      error: 'Le serveur a refusé le destinataire : vérifiez l’adresse e-mail dans le dossier.',
    });
    expect(outcome.event.detail).toBe(
      'Le serveur a refusé le destinataire : vérifiez l’adresse e-mail dans le dossier. Ce message ne partira pas.',
    );
  });

  it('account failure: the run stops, the message stays ready to go and the attempt is not counted', () => {
    const outcome = attemptOutcome(
      failed({
        code: 'EAUTH',
        command: 'AUTH PLAIN',
        response: '535 5.7.8 Authentication credentials invalid',
        responseCode: 535,
      }),
      attempt(1),
      ENDED_AT,
    );
    expect(outcome.change).toMatchObject({
      status: 'validated',
      uncountAttempt: true,
      reply: '535 5.7.8 Authentication credentials invalid',
    });
    expect(outcome.change.nextAttemptAt).toBeUndefined();
    expect(outcome.stopReason).toMatch(/^Identifiant ou mot de passe refusé/);
    expect(outcome.event.event).toBe('account_error');
    expect(outcome.event.detail).toContain('Le message reste prêt à partir');
  });

  it('no reply after the whole message was handed over: uncertain, never sent again on its own', () => {
    const outcome = attemptOutcome(
      failed({ code: 'ETIMEDOUT', command: 'DATA', message: 'Timeout' }, true),
      attempt(1),
      ENDED_AT,
    );
    expect(outcome.change.status).toBe('uncertain');
    expect(outcome.change.error).toMatch(/sa réponse n’est jamais arrivée/);
    expect(outcome.event.event).toBe('uncertain');
    expect(outcome.event.detail).toContain('Il ne sera pas renvoyé automatiquement');
    expect(outcome.stopReason).toBeUndefined();
  });

  it('an unclassified error from the transport: uncertain too (the server may have it)', () => {
    const outcome = attemptOutcome({ failure: new Error('socket hang up') }, attempt(1), ENDED_AT);
    expect(outcome.change).toMatchObject({ status: 'uncertain', error: 'socket hang up' });
    expect(outcome.event.detail).toContain('(socket hang up)');
  });

  it('the reason shown always ends like a sentence', () => {
    const failure = new SendFailure('permanent', 'Adresse refusée', '550 No such user');
    const outcome = attemptOutcome({ failure }, attempt(1), ENDED_AT);
    expect(outcome.change.error).toBe('Adresse refusée.');
  });

  it('a message that cannot even be handed over (a file refused): failed, surely not sent', () => {
    const refused = new UserError('error.file.unsafeName', { name: '../secret.pdf' });
    const outcome = unsendableOutcome(refused, ENDED_AT);
    expect(outcome.change).toMatchObject({ status: 'failed', nextAttemptAt: null, reply: null });
    expect(outcome.change.error).toContain('../secret.pdf');
    expect(outcome.event.event).toBe('failed');
    expect(outcome.event.detail).toMatch(/^Message impossible à envoyer : /);
  });
});

describe('clock text', () => {
  it('reads hours, minutes and seconds on the local clock, two digits each', () => {
    expect(clockText(new Date(2026, 0, 5, 9, 5, 7).getTime())).toBe('09:05:07');
  });
});

describe('the failure as an English screen reads it', () => {
  it('the sentence in English, the server reply word for word', () => {
    const refused = failed(reply('RCPT TO', '550 5.1.1 User unknown'));
    const stored = storedAttemptOutcome(refused, attempt(1), ENDED_AT);
    const english = said(stored, 'en');
    expect(english.change.error).toMatch(/^The server refused the recipient/);
    expect(english.event.detail).not.toMatch(/serveur|refusé/);
    expect(english.change.reply).toBe('550 5.1.1 User unknown');
    expect(said(stored, 'fr').change.error).toMatch(/^Le serveur a refusé le destinataire/);
  });

  it('an old plain French text is read as it is, in both languages', () => {
    expect(sayStored('en', 'Refusé par le serveur.')).toBe('Refusé par le serveur.');
    expect(sayStored('fr', null)).toBeNull();
  });
});
