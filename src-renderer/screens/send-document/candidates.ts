// Who the single send may go to (the dossier's correspondents with an address), and how the
// account's method is named in the dialog.
import type { Dossier } from '../../../src-shared/domain/records.js';
import type { Translate } from '../../app/app-context.js';
import type { Account } from '../sending-types.js';

export interface Candidate {
  key: string;
  name: string;
  relation: string | null;
  email: string;
  valid: boolean;
  receives: boolean;
}

export function candidatesOf(dossier: Dossier): Candidate[] {
  return dossier.correspondents
    .filter((c) => c.email)
    .map((c) => ({
      key: String(c.id),
      name: c.name,
      relation: c.relation,
      email: c.email!,
      valid: c.emailValid,
      receives: c.receivesDocuments,
    }));
}

/** The correspondents chosen at opening: those who receive documents at a valid address. */
export function preselected(candidates: Candidate[]): number[] {
  return candidates.flatMap((c, i) => (c.receives && c.valid ? [i] : []));
}

export function describeAccount(account: Account, t: Translate): string {
  if (account.kind === 'sandbox') return t('ui.send.method.sandbox');
  if (account.kind === 'smtp') {
    return t('ui.send.method.smtp', {
      host: account.host ?? '',
      from: account.fromAddress ?? account.username ?? '',
    });
  }
  return t(`ui.settings.account.kind.${account.kind}`);
}
