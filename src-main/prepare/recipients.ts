// Which addresses a dossier's document goes to, and why a dossier gets none. Pure.
import type { ExclusionReason } from '../../src-shared/domain/outbox.js';
import { UserError } from '../../src-shared/errors.js';
import { isValidEmail } from '../../src-shared/validation/identity.js';

export interface RecipientCandidate {
  id: number;
  name: string;
  email: string | null;
  receivesDocuments: boolean;
}

export interface Recipient {
  /** Null for an address the user typed that no correspondent of the dossier has. */
  correspondentId: number | null;
  name: string;
  /** As typed in the dossier (trimmed). */
  address: string;
  /** Lower-cased: the key of message_addresses. */
  key: string;
}

export interface RecipientExclusion {
  reason: Extract<ExclusionReason, 'no_address' | 'invalid_address' | 'opted_out'>;
  detail: string | null;
}

export interface RecipientChoice {
  recipients: Recipient[];
  exclusions: RecipientExclusion[];
}

/**
 * The dossier's correspondents that receive documents, one per distinct address.
 * A dossier without any address says so before its opt-in is looked at: "no address" is
 * what the user must fix first. An invalid address is reported with the address itself.
 */
export function chooseRecipients(
  emailOptIn: boolean,
  correspondents: readonly RecipientCandidate[],
): RecipientChoice {
  const receiving = correspondents.filter((c) => c.receivesDocuments && c.email?.trim());
  if (receiving.length === 0)
    return { recipients: [], exclusions: [{ reason: 'no_address', detail: null }] };
  if (!emailOptIn) return { recipients: [], exclusions: [{ reason: 'opted_out', detail: null }] };

  const recipients: Recipient[] = [];
  const exclusions: RecipientExclusion[] = [];
  const seen = new Set<string>();
  for (const c of receiving) {
    const address = c.email!.trim();
    const key = address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    if (isValidEmail(address))
      recipients.push({ correspondentId: c.id, name: c.name, address, key });
    else exclusions.push({ reason: 'invalid_address', detail: address });
  }
  return { recipients, exclusions };
}

/**
 * The addresses the user chose for one document ("Envoyer par e-mail"): each one checked
 * (an invalid one is refused, named), one message per distinct address whatever its case.
 * A correspondent of the dossier with that address lends it its name, receiving or not.
 */
export function chosenRecipients(
  addresses: readonly string[],
  correspondents: readonly RecipientCandidate[],
): Recipient[] {
  const names = new Map<string, RecipientCandidate>();
  for (const c of correspondents) {
    const key = c.email?.trim().toLowerCase();
    if (key && !names.has(key)) names.set(key, c);
  }
  const recipients: Recipient[] = [];
  const seen = new Set<string>();
  for (const typed of addresses) {
    const address = typed.trim();
    if (!isValidEmail(address)) throw new UserError('error.email.invalid', { email: typed });
    const key = address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const known = names.get(key);
    recipients.push({ correspondentId: known?.id ?? null, name: known?.name ?? '', address, key });
  }
  if (recipients.length === 0) throw new UserError('error.prepare.noRecipient');
  return recipients;
}
