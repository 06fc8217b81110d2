// Which addresses a dossier's document goes to, and why a dossier gets none. Pure.
import type { ExclusionReason } from '../../src-shared/domain/outbox.js';
import { isValidEmail } from '../../src-shared/validation/identity.js';

export interface RecipientCandidate {
  id: number;
  name: string;
  email: string | null;
  receivesDocuments: boolean;
}

export interface Recipient {
  correspondentId: number;
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
