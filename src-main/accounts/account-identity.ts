// Who the account is on the wire: the mailbox it signs in as. Providers (Microsoft 365,
// Gmail) refuse or flag mail whose envelope sender is another mailbox, SPF and DMARC judge
// that address, and bounces go back to it: it must be the account's own, where Postier reads
// the bounces. The From header is decided when the message is prepared (sender-identity.ts);
// the envelope is the account's at the moment it leaves, whatever was queued.
import { isValidEmail } from '../../src-shared/validation/identity.js';
import type { MailTransport, OutgoingMessage } from '../mail/transport.js';

/** The account's own address: its sender address, else a user name that is an address. */
export function accountOwnAddress(account: {
  fromAddress: string | null;
  username: string | null;
}): string | null {
  for (const candidate of [account.fromAddress, account.username]) {
    const address = candidate?.trim();
    if (address && isValidEmail(address)) return address;
  }
  return null;
}

/**
 * The transport with every message's envelope sender set to the account's own address. The
 * message object itself is marked (not copied): a transport that builds a message ahead keys
 * it by the object, and build-ahead and send must see the same envelope.
 */
export function withAccountEnvelope(
  transport: MailTransport,
  ownAddress: string | null,
): MailTransport {
  if (!ownAddress) return transport;
  const mark = (message: OutgoingMessage) => {
    message.envelopeFrom = ownAddress;
    return message;
  };
  return {
    kind: transport.kind,
    canPace: transport.canPace,
    send: (message) => transport.send(mark(message)),
    ...(transport.buildAhead && {
      buildAhead: (message: OutgoingMessage) => transport.buildAhead!(mark(message)),
    }),
    close: () => transport.close(),
  };
}
