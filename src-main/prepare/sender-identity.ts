// What the message says of its sender, once the cascade (sender-cascade.ts) has named who
// writes. The From header may carry the cascade's address only when the office said the
// account may send as it (the provider refuses or flags "send as" another mailbox
// otherwise); else the account's own address is the From, with the cascade's display name,
// and the cascade's address becomes the Reply-To. Replies always reach a real mailbox: a
// no-reply address (the office's functional address, or one named so) is never the only
// way back. The envelope sender is always the account's own (accounts/account-identity.ts).
import type { Sender } from './sender-cascade.js';

export interface SenderIdentity {
  fromName: string;
  fromAddress: string;
  replyTo: string | null;
}

export interface IdentityAccount {
  /** The mailbox the account signs in as; null for an account that has none (the sandbox). */
  ownAddress: string | null;
  /** The office's own choice of reply address (account settings), when set. */
  replyTo: string | null;
  /** Lower-cased addresses the account may send as. */
  sendAs: ReadonlySet<string>;
}

export interface IdentityStructure {
  functionalEmail: string | null;
  communicationEmail: string | null;
}

const NO_REPLY_LOCAL_PART =
  /^(no-?reply|noreply|do-?not-?reply|ne-?pas-?r[ée]pondre|nepasrepondre|pas-?de-?r[ée]ponse)([._+-].*)?$/i;

/** An address nobody reads: the office's functional address, or one named "no-reply". */
export function isNoReplyAddress(address: string, structure: IdentityStructure): boolean {
  const lower = address.trim().toLowerCase();
  if (structure.functionalEmail && lower === structure.functionalEmail.trim().toLowerCase()) {
    return true;
  }
  return NO_REPLY_LOCAL_PART.test(lower.slice(0, lower.lastIndexOf('@')));
}

export function senderIdentity(
  sender: Sender,
  account: IdentityAccount,
  structure: IdentityStructure,
): SenderIdentity {
  const own = account.ownAddress;
  const mayUse =
    own === null ||
    sender.address.toLowerCase() === own.toLowerCase() ||
    account.sendAs.has(sender.address.toLowerCase());
  const fromAddress = mayUse ? sender.address : own;
  return {
    fromName: sender.name,
    fromAddress,
    replyTo: replyAddress(
      fromAddress,
      [account.replyTo, sender.address, structure.communicationEmail, own],
      structure,
    ),
  };
}

/**
 * The first real address in order (the office's reply address, the cascade's, the
 * communication address, the account's own); none when it is the From itself, or when every
 * candidate is a no-reply address (replies then go to the From, the best there is).
 */
function replyAddress(
  fromAddress: string,
  candidates: (string | null)[],
  structure: IdentityStructure,
): string | null {
  for (const candidate of candidates) {
    const address = candidate?.trim();
    if (!address || isNoReplyAddress(address, structure)) continue;
    return address.toLowerCase() === fromAddress.toLowerCase() ? null : address;
  }
  return null;
}
