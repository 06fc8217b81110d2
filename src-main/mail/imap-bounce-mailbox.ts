// Bounces read from the account's INBOX over IMAP. The inbox is opened read-only (EXAMINE) to
// read, so that no flag of any message changes; it is opened for writing only to move our own
// processed bounces, by UID, and nothing else.
import type { FetchMessageObject, ImapFlow, MessageStructureObject } from 'imapflow';
import { connectImap, ensureFolder, imapFailure, type ImapAccess } from './imap-client.js';
import {
  FIRST_CHECK_DAYS,
  mayBeBounce,
  type BounceMailbox,
  type MailboxCursor,
  type MailboxItem,
} from './bounce-mailbox.js';

const INBOX = 'INBOX';
/** At most this many new messages looked at per check; the next check goes on from there. */
const MAX_PER_CHECK = 2000;

export async function openImapBounceMailbox(
  access: ImapAccess,
  now: () => Date = () => new Date(),
): Promise<BounceMailbox> {
  const client = await connectImap(access);
  return {
    candidates: (cursor) => guarded(access, () => candidates(client, cursor, now())),
    move: (refs, folder) => guarded(access, () => move(client, refs, folder)),
    close: async () => {
      await client.logout().catch(() => client.close());
    },
  };
}

async function guarded<T>(access: ImapAccess, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw imapFailure(error, access);
  }
}

async function candidates(
  client: ImapFlow,
  cursor: MailboxCursor | null,
  now: Date,
): Promise<{ items: MailboxItem[]; cursor: MailboxCursor | null }> {
  const lock = await client.getMailboxLock(INBOX, { readOnly: true });
  try {
    const mailbox = client.mailbox;
    const uidValidity = mailbox ? String(mailbox.uidValidity) : '';
    const lastUid = cursor && cursor.uidValidity === uidValidity ? Number(cursor.lastUid) : null;
    const uids = await newUids(client, lastUid, now);
    const listed: FetchMessageObject[] = [];
    if (uids.length > 0) {
      for await (const message of client.fetch(
        uids.join(','),
        { uid: true, envelope: true, bodyStructure: true },
        { uid: true },
      )) {
        listed.push(message);
      }
    }
    const items: MailboxItem[] = [];
    for (const message of listed.filter(isCandidate)) {
      const full = await client.fetchOne(String(message.uid), { source: true }, { uid: true });
      if (full && full.source) items.push({ ref: String(message.uid), raw: full.source });
    }
    const highest = Math.max(lastUid ?? 0, ...uids);
    return { items, cursor: { uidValidity, lastUid: highest } };
  } finally {
    lock.release();
  }
}

/** UIDs after the cursor (a first check: those of the last days), oldest first, bounded. */
async function newUids(client: ImapFlow, lastUid: number | null, now: Date): Promise<number[]> {
  const query =
    lastUid === null
      ? { since: new Date(now.getTime() - FIRST_CHECK_DAYS * 86_400_000) }
      : { uid: `${lastUid + 1}:*` };
  const found = (await client.search(query, { uid: true })) || [];
  // "n:*" always names the last message, even when it is older than n.
  return found
    .filter((uid) => lastUid === null || uid > lastUid)
    .sort((a, b) => a - b)
    .slice(0, MAX_PER_CHECK);
}

function isCandidate(message: FetchMessageObject): boolean {
  const from = (message.envelope?.from ?? [])
    .map((a) => `${a.name ?? ''} <${a.address ?? ''}>`)
    .join(', ');
  return mayBeBounce({
    from,
    subject: message.envelope?.subject ?? '',
    contentType: contentType(message.bodyStructure),
  });
}

function contentType(structure: MessageStructureObject | undefined): string {
  return structure?.type ?? '';
}

async function move(client: ImapFlow, refs: string[], folder: string): Promise<void> {
  if (refs.length === 0) return;
  const destination = await ensureFolder(client, folder);
  const lock = await client.getMailboxLock(INBOX);
  try {
    await client.messageMove(refs.join(','), destination, { uid: true });
  } finally {
    lock.release();
  }
}
