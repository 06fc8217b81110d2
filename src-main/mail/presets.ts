// Ready-made settings for the providers offices use, with the pacing their limits call for.
// A preset fills what the user did not type; anything typed wins.
import type { MailPreset, Pacing, SmtpSecurity } from '../../src-shared/domain/mail.js';

export interface MailPresetSettings {
  host: string | null;
  port: number;
  security: SmtpSecurity;
  pacing: Pacing;
  maxMessageBytes: number;
}

const MB = 1024 * 1024;

export const MAIL_PRESET_SETTINGS: Record<MailPreset, MailPresetSettings> = {
  // Exchange Online: 30 messages a minute per mailbox and 10,000 recipients a day; the
  // default message size limit is 35 MB (the encoded message, attachments included).
  microsoft365: {
    host: 'smtp.office365.com',
    port: 587,
    security: 'starttls',
    pacing: {
      delayMs: 2000,
      pauseEvery: 0,
      pauseMs: 0,
      maxPerRun: null,
      maxPerDay: 10_000,
      maxAttempts: 5,
      retryBaseMs: 60_000,
    },
    maxMessageBytes: 35 * MB,
  },
  // Google Workspace: 2,000 messages a day per user (a personal @gmail.com account: 500;
  // lower maxPerDay for one). Google suspends accounts that burst, hence the slower pace and
  // the pauses. 25 MB per message. Needs an app password (two-step verification on).
  // Port 587 with STARTTLS works as well.
  gmail: {
    host: 'smtp.gmail.com',
    port: 465,
    security: 'tls',
    pacing: {
      delayMs: 3000,
      pauseEvery: 20,
      pauseMs: 30_000,
      maxPerRun: null,
      maxPerDay: 2000,
      maxAttempts: 5,
      retryBaseMs: 120_000,
    },
    maxMessageBytes: 25 * MB,
  },
  // The office's own relay (on-premises Exchange, a provider's smarthost): no provider
  // quota to respect, so no pacing. The host is the office's own: no default.
  relay: {
    host: null,
    port: 25,
    security: 'starttls',
    pacing: {
      delayMs: 0,
      pauseEvery: 0,
      pauseMs: 0,
      maxPerRun: null,
      maxPerDay: null,
      maxAttempts: 5,
      retryBaseMs: 60_000,
    },
    maxMessageBytes: 20 * MB,
  },
};
