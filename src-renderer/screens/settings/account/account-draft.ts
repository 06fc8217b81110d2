// The mail account as the page edits it (text boxes hold text), and back to what the contract
// takes: blanks become null, the password only when one was typed.
import type { z } from 'zod';
import type { mailAccountSchema } from '../../../../src-shared/contract/sending.js';
import type { Pacing } from '../../../../src-shared/domain/mail.js';

export type Account = z.output<typeof mailAccountSchema>;

export interface AccountDraft {
  kind: Account['kind'];
  preset: Account['preset'];
  host: string;
  port: string;
  security: Account['security'];
  username: string;
  password: string;
  fromName: string;
  fromAddress: string;
  replyTo: string;
  /** The "send as" addresses, one per line. */
  sendAs: string;
  archiveBcc: string;
  ccSender: boolean;
  readReceipt: boolean;
  pacing: Pacing;
}

export function draftOfAccount(a: Account): AccountDraft {
  return {
    kind: a.kind,
    preset: a.preset,
    host: a.host ?? '',
    port: a.port === null ? '' : String(a.port),
    security: a.security,
    username: a.username ?? '',
    password: '',
    fromName: a.fromName ?? '',
    fromAddress: a.fromAddress ?? '',
    replyTo: a.replyTo ?? '',
    sendAs: a.sendAs.join('\n'),
    archiveBcc: a.archiveBcc ?? '',
    ccSender: a.ccSender,
    readReceipt: a.readReceipt,
    pacing: a.pacing,
  };
}

export function accountInput(draft: AccountDraft) {
  return {
    kind: draft.kind,
    preset: draft.preset,
    host: draft.host.trim() || null,
    port: draft.port.trim() ? Number(draft.port) : null,
    security: draft.security,
    username: draft.username.trim() || null,
    ...(draft.password !== '' && { password: draft.password }),
    fromName: draft.fromName.trim() || null,
    fromAddress: draft.fromAddress.trim() || null,
    replyTo: draft.replyTo.trim() || null,
    sendAs: draft.sendAs
      .split(/[\s,;]+/)
      .map((address) => address.trim())
      .filter((address) => address !== ''),
    archiveBcc: draft.archiveBcc.trim() || null,
    ccSender: draft.ccSender,
    readReceipt: draft.readReceipt,
    pacing: draft.pacing,
  };
}
