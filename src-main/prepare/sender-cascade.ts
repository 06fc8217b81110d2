// Who a document's e-mail comes from, by the cascade of the accounting seed: the dossier's
// manager, else its client group's address, else the office's functional (no-reply)
// address, else its communication address, else the mail account's own address.
// No I/O: the caller reads the rows, this decides.
import { isValidEmail } from '../../src-shared/validation/identity.js';
import { oneLine } from '../email-templates/email-template.js';

export type SenderSource = 'manager' | 'group' | 'functional' | 'communication' | 'account';

export interface SenderCandidates {
  manager: { name: string; email: string | null } | null;
  group: { name: string; email: string | null } | null;
  structure: {
    name: string;
    senderName: string | null;
    functionalEmail: string | null;
    communicationEmail: string | null;
  };
  account: { fromName: string | null; fromAddress: string | null };
}

export interface Sender {
  name: string;
  address: string;
  source: SenderSource;
}

/** The first usable address of the cascade; null when no level has one. */
export function chooseSender(candidates: SenderCandidates): Sender | null {
  const { manager, group, structure, account } = candidates;
  const office = structure.senderName?.trim() || structure.name;
  const levels: { source: SenderSource; address: string | null | undefined; name: string }[] = [
    { source: 'manager', address: manager?.email, name: manager?.name ?? '' },
    { source: 'group', address: group?.email, name: group ? `${office} — ${group.name}` : '' },
    { source: 'functional', address: structure.functionalEmail, name: office },
    { source: 'communication', address: structure.communicationEmail, name: office },
    { source: 'account', address: account.fromAddress, name: account.fromName?.trim() || office },
  ];
  for (const level of levels) {
    const address = level.address?.trim();
    if (address && isValidEmail(address)) {
      // A display name goes into the From header: one line, whatever the records hold.
      return { source: level.source, address, name: oneLine(level.name) };
    }
  }
  return null;
}
