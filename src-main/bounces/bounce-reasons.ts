// Why a message came back, in the words the office uses ("adresse inconnue", "boîte pleine"),
// from the enhanced status code (RFC 3463) and, when the code is vague, the server's own words.
import { translate, type Language, type MessageKey } from '../../src-shared/i18n/catalog.js';
import type { FailedRecipient } from './delivery-report.js';

export const BOUNCE_REASONS = [
  'unknown_address',
  'mailbox_full',
  'domain_not_found',
  'refused_as_spam',
  'mailbox_disabled',
  'message_too_large',
  'expired',
  'refused',
] as const;
export type BounceReason = (typeof BOUNCE_REASONS)[number];

const BY_STATUS: Record<string, BounceReason> = {
  '5.1.1': 'unknown_address',
  '5.1.0': 'unknown_address',
  '5.1.6': 'unknown_address',
  // Microsoft 365: "Recipient not found by SMTP address lookup".
  '5.1.10': 'unknown_address',
  '5.2.2': 'mailbox_full',
  '4.2.2': 'mailbox_full',
  '5.1.2': 'domain_not_found',
  '5.4.4': 'domain_not_found',
  '5.4.310': 'domain_not_found',
  '5.2.1': 'mailbox_disabled',
  '5.2.3': 'message_too_large',
  '5.3.4': 'message_too_large',
  '4.4.7': 'expired',
  '5.4.7': 'expired',
};

const BY_WORDS: [RegExp, BounceReason][] = [
  [
    /user unknown|no such user|does not exist|unknown user|recipient not found|address rejected|invalid recipient|inconnu/i,
    'unknown_address',
  ],
  [
    /mailbox (is )?full|over quota|quota exceeded|insufficient storage|boîte pleine/i,
    'mailbox_full',
  ],
  [
    /host not found|domain not found|no mx|name service error|nxdomain|domaine introuvable/i,
    'domain_not_found',
  ],
  [/spam|blocked|blacklist|blocklist|policy|reputation|indésirable/i, 'refused_as_spam'],
  [/disabled|inactive|suspended|désactivé/i, 'mailbox_disabled'],
  [/too large|too big|size limit|trop (gros|volumineux)/i, 'message_too_large'],
];

export function bounceReason(
  recipient: Pick<FailedRecipient, 'status' | 'diagnostic'>,
): BounceReason {
  const byStatus = BY_STATUS[recipient.status];
  if (byStatus) return byStatus;
  if (recipient.status.startsWith('5.7.')) return 'refused_as_spam';
  const words = recipient.diagnostic ?? '';
  return BY_WORDS.find(([pattern]) => pattern.test(words))?.[1] ?? 'refused';
}

export function bounceReasonText(reason: BounceReason, language: Language = 'fr'): string {
  return translate(language, `bounces.reason.${reason}` as MessageKey);
}
