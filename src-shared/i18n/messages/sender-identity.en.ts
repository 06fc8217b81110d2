// Who the mail says it comes from, English.
import type { senderIdentityFr } from './sender-identity.fr.js';

export const senderIdentityEn: Record<keyof typeof senderIdentityFr, string> = {
  'sendAs.error.tooMany': 'An account may list at most {max} “send as” addresses: remove a few.',
  'ui.settings.account.sendAs': '“Send as” addresses',
  'ui.settings.account.sendAsHint':
    'One address per line. Only these addresses (and the account’s own) appear as the sender, and only if your provider (Microsoft 365, Gmail) lets this account send on their behalf; otherwise the message leaves from the account’s address and the manager’s address becomes the reply address.',
  'ui.message.replyTo': 'Reply to',
};
