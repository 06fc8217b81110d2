// Provider outages, as pure rules: a failure while the connection opens is never the
// message's (a 421 greeting or no greeting at all pauses the account, no attempt counted);
// a whole message with no answer pauses the account too; a refusal for good counts towards
// the auto-pause; each outage in a row waits twice as long, capped.
import { describe, expect, it } from 'vitest';
import { translate } from '../../src-shared/i18n/catalog.js';
import {
  classifySendFailure,
  type MailerErrorFields,
} from '../../src-main/mail/send-failure-classifier.js';
import { SEND_FAILURE_REASONS } from '../../src-main/mail/transport.js';
import { nextOutage, outageDelayMs, stillPaused } from '../../src-main/send/account-outage.js';
import { attemptOutcome } from '../../src-main/send/outcome.js';
import { RETRY_DELAY_CAP_MS, decideAfterFailure } from '../../src-main/send/retry-policy.js';

const SERVER = { host: 'smtp.exemple.fr', port: 587, security: 'starttls' as const };
const PACING = { maxAttempts: 3, retryBaseMs: 60_000 };
const ENDED_AT = new Date(2026, 0, 5, 10, 42, 0).getTime();

function classify(
  fields: MailerErrorFields,
  stage: { connecting?: boolean; handedOver?: boolean } = {},
  server: typeof SERVER | { host: string; port: number; security: 'none' } = SERVER,
) {
  const error = Object.assign(new Error(fields.message ?? 'failed'), fields);
  return classifySendFailure(error, server, { handedOver: false, ...stage });
}

/** The server's reply to RCPT TO on an open connection. */
function rcptReply(response: string) {
  const responseCode = Number(response.slice(0, 3));
  return classify({ code: 'EENVELOPE', command: 'RCPT TO', responseCode, response });
}

const GREETING_421: MailerErrorFields = {
  code: 'EPROTOCOL',
  command: 'CONN',
  responseCode: 421,
  response: '421 4.3.2 Service not available, closing transmission channel',
  message: 'Invalid greeting. response=421 4.3.2 Service not available',
};
const NO_GREETING: MailerErrorFields = { code: 'ETIMEDOUT', message: 'Greeting never received' };

describe('a failure while the connection opens', () => {
  it('a 421 greeting: an outage of the account, with the server reply kept', () => {
    const failure = classify(GREETING_421, { connecting: true });
    expect(failure).toMatchObject({ kind: 'outage', reason: 'server_unavailable' });
    expect(failure.reply).toBe('421 4.3.2 Service not available, closing transmission channel');
    expect(failure.message).toContain('n’accepte pas de connexion');
    // The same 421 on a connection already open (to MAIL FROM) is still the rate limit.
    expect(classify({ ...GREETING_421, command: 'MAIL FROM' })).toMatchObject({
      kind: 'temporary',
      reason: 'rate_limited',
    });
  });

  it('no greeting, a connection closed or reset at once: an outage', () => {
    expect(classify(NO_GREETING, { connecting: true })).toMatchObject({
      kind: 'outage',
      reason: 'server_not_answering',
    });
    for (const code of ['ECONNRESET', 'ECONNECTION']) {
      expect(classify({ code, message: 'Connection closed' }, { connecting: true })).toMatchObject({
        kind: 'outage',
        reason: 'server_unavailable',
      });
    }
    expect(
      classify(
        { code: 'EAUTH', responseCode: 454, response: '454 4.7.0 Try later' },
        {
          connecting: true,
        },
      ),
    ).toMatchObject({ kind: 'outage', reason: 'server_unavailable' });
  });

  it('an account problem stays one; a refusal for good at the greeting is the account’s', () => {
    const cases: Array<[MailerErrorFields, string]> = [
      [{ code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Bad credentials' }, 'auth_refused'],
      [{ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, 'port_closed'],
      [{ code: 'EDNS', originalCode: 'ENOTFOUND' }, 'host_not_found'],
      [
        { code: 'EPROTOCOL', command: 'CONN', responseCode: 554, response: '554 No SMTP service' },
        'server_refused',
      ],
    ];
    for (const [fields, reason] of cases) {
      expect(classify(fields, { connecting: true })).toMatchObject({ kind: 'account', reason });
    }
    // A plain client on 465 waiting for a greeting: the TLS mode is wrong, not an outage.
    const on465 = { host: 'smtp.exemple.fr', port: 465, security: 'none' as const };
    expect(classify(NO_GREETING, { connecting: true }, on465)).toMatchObject({
      kind: 'account',
      reason: 'tls_expected',
    });
  });

  it('every new reason has its sentence in both languages', () => {
    for (const reason of [
      'server_unavailable',
      'server_not_answering',
      'server_refused',
    ] as const) {
      expect(SEND_FAILURE_REASONS).toContain(reason);
      for (const language of ['fr', 'en'] as const) {
        const text = translate(language, `mail.failure.${reason}`, { host: 'smtp.exemple.fr' });
        expect(text).toContain('smtp.exemple.fr');
      }
    }
  });
});

describe('what an attempt means for its account', () => {
  it('an outage: the message stays ready, its attempt given back, the account pauses', () => {
    const failure = classify(GREETING_421, { connecting: true });
    expect(decideAfterFailure('outage', 1, PACING)).toEqual({ action: 'pause' });
    const outcome = attemptOutcome({ failure }, { attempts: 1, pacing: PACING }, ENDED_AT);
    expect(outcome.change).toMatchObject({ status: 'validated', uncountAttempt: true });
    expect(outcome.change.nextAttemptAt).toBeUndefined();
    expect(outcome.change.reply).toBe(failure.reply);
    expect(outcome.event.event).toBe('account_error');
    expect(outcome.pausesAccount).toBe(failure.message);
    expect(outcome.stopReason).toBeUndefined();
    expect(outcome.refusedWith).toBeUndefined();
  });

  it('the whole message and no answer: uncertain, and the account pauses', () => {
    const failure = classify({ code: 'ETIMEDOUT', message: 'Timeout' }, { handedOver: true });
    const outcome = attemptOutcome({ failure }, { attempts: 1, pacing: PACING }, ENDED_AT);
    expect(outcome.change.status).toBe('uncertain');
    expect(outcome.change.uncountAttempt).toBeUndefined();
    expect(outcome.pausesAccount).toContain('peut-être accepté');
  });

  it('a refusal for good counts towards the auto-pause; a temporary one does not', () => {
    const refused = rcptReply('550 5.1.1 User unknown');
    const outcome = attemptOutcome({ failure: refused }, { attempts: 1, pacing: PACING }, ENDED_AT);
    expect(outcome.change.status).toBe('failed');
    expect(outcome.refusedWith).toBe('550 5.1.1 User unknown');
    expect(outcome.pausesAccount).toBeUndefined();

    const busy = rcptReply('450 4.2.1 Mailbox busy');
    const retry = attemptOutcome({ failure: busy }, { attempts: 1, pacing: PACING }, ENDED_AT);
    expect(retry.change.status).toBe('validated');
    expect(retry.refusedWith).toBeUndefined();
    expect(retry.pausesAccount).toBeUndefined();
    // Given up after the last attempt: not a refusal by the server for good.
    const spent = attemptOutcome({ failure: busy }, { attempts: 3, pacing: PACING }, ENDED_AT);
    expect(spent.change.status).toBe('failed');
    expect(spent.refusedWith).toBeUndefined();
  });
});

describe('the wait after outages in a row', () => {
  it('doubles from the retry base, capped', () => {
    expect([1, 2, 3, 4].map((streak) => outageDelayMs(streak, 60_000))).toEqual([
      60_000, 120_000, 240_000, 480_000,
    ]);
    expect(outageDelayMs(40, 60_000)).toBe(RETRY_DELAY_CAP_MS);
  });

  it('each outage adds one to the streak; the pause holds until its end', () => {
    const why = { reason: 'Le serveur ne répond pas.', reply: null };
    const first = nextOutage(null, why, ENDED_AT, 60_000);
    expect(first).toEqual({
      streak: 1,
      until: new Date(ENDED_AT + 60_000).toISOString(),
      ...why,
    });
    const second = nextOutage(first, { ...why, reply: '421 busy' }, ENDED_AT, 60_000);
    expect(second).toMatchObject({ streak: 2, reply: '421 busy' });
    expect(Date.parse(second.until) - ENDED_AT).toBe(120_000);

    expect(stillPaused(first, ENDED_AT + 59_999)).toBe(true);
    expect(stillPaused(first, ENDED_AT + 60_000)).toBe(false);
    expect(stillPaused(null, ENDED_AT)).toBe(false);
  });
});
