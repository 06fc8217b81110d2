// What a notification says, in one reader's language: a subject and a plain-text body, never
// a SIN (each line is cleaned with its dossier's SIN taken out) and never a PDF. A long list
// is cut after NOTIFICATION_LIST_LIMIT lines with "… and N more": one notification for a run
// of 200 failures, not 200.
import {
  NOTIFICATION_LIST_LIMIT,
  type NotificationEvent,
} from '../../src-shared/domain/notifications.js';
import { translate, type Language, type MessageKey } from '../../src-shared/i18n/catalog.js';
import type { Actor } from '../workstation/identity.js';

/** One message a notification names: who it was for and why it did not go (said in the
 *  reader's language: the staff member's, not the office's). */
export interface NamedMessage {
  dossier: string;
  address: string;
  reason: (language: Language) => string;
}

export interface RunCounts {
  sent: number;
  failed: number;
  retrying: number;
  uncertain: number;
  remaining: number;
}

/** What an event's notification is about. */
export type NotificationFacts =
  | { event: 'run_finished'; counts: RunCounts; actor: Actor; at: Date }
  | { event: 'failures' | 'uncertain' | 'bounces'; messages: NamedMessage[] }
  | { event: 'account'; accounts: { label: string; reason: (language: Language) => string }[] };

export interface NotificationText {
  subject: string;
  text: string;
}

const LIST_INTRO: Record<'failures' | 'uncertain' | 'bounces', MessageKey> = {
  failures: 'notify.body.failures',
  uncertain: 'notify.body.uncertain',
  bounces: 'notify.body.bounces',
};
const LIST_ACTION: Partial<Record<NotificationEvent, MessageKey>> = {
  failures: 'notify.body.failuresAction',
  uncertain: 'notify.body.uncertainAction',
  bounces: 'notify.body.failuresAction',
};

export function notificationText(
  language: Language,
  structure: string,
  facts: NotificationFacts,
): NotificationText {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
    translate(language, key, params);
  const paragraphs: string[] = [t('notify.body.greeting')];
  let subject: string;
  switch (facts.event) {
    case 'run_finished': {
      subject = t('notify.subject.run_finished', { structure, ...facts.counts });
      const at = facts.at.toLocaleString(language === 'fr' ? 'fr-CA' : 'en-CA', {
        dateStyle: 'long',
        timeStyle: 'short',
      });
      const { user, workstation } = facts.actor;
      paragraphs.push(t('notify.body.run', { actor: user, workstation, at }));
      paragraphs.push(t('notify.body.counts', { ...facts.counts }));
      break;
    }
    case 'account': {
      subject = t('notify.subject.account', { structure });
      for (const account of facts.accounts)
        paragraphs.push(
          t('notify.body.account', { account: account.label, reason: account.reason(language) }),
        );
      paragraphs.push(t('notify.body.accountAction'));
      break;
    }
    default: {
      const count = facts.messages.length;
      subject = t(`notify.subject.${facts.event}`, { structure, count });
      paragraphs.push(
        [t(LIST_INTRO[facts.event]), ...listLines(t, language, facts.messages)].join('\n'),
      );
      paragraphs.push(t(LIST_ACTION[facts.event]!));
    }
  }
  paragraphs.push(t('notify.body.footer'));
  return { subject, text: `${paragraphs.join('\n\n')}\n` };
}

function listLines(
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
  language: Language,
  messages: NamedMessage[],
): string[] {
  const shown = messages.slice(0, NOTIFICATION_LIST_LIMIT);
  const lines = shown.map((m) =>
    t('notify.body.line', { dossier: m.dossier, address: m.address, reason: m.reason(language) }),
  );
  const more = messages.length - shown.length;
  if (more > 0) lines.push(t('notify.body.more', { count: more }));
  return lines;
}
