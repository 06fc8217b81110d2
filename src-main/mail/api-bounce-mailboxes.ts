// Bounces read from an OAuth account's mailbox through its API: Microsoft Graph (the Inbox
// folder, each message's MIME through $value) or the Gmail API (INBOX label, format=raw).
// Reading marks nothing read; moving our processed bounces puts them in a "Postier/Retours"
// folder (Graph) or label (Gmail), made if missing.
import type { ServiceAccess } from './api-request.js';
import { graphApiClient } from './graph-transport.js';
import { gmailApiClient } from './gmail-transport.js';
import {
  FIRST_CHECK_DAYS,
  mayBeBounce,
  type BounceMailbox,
  type MailboxCursor,
  type MailboxItem,
} from './bounce-mailbox.js';

const PAGE = 50;

interface GraphListed {
  id: string;
  subject?: string;
  from?: { emailAddress?: { name?: string; address?: string } };
  receivedDateTime?: string;
}

export function graphBounceMailbox(
  options: ServiceAccess,
  now: () => Date = () => new Date(),
): BounceMailbox {
  const { api, baseUrl } = graphApiClient(options);
  return {
    async candidates(cursor) {
      const since =
        typeof cursor?.receivedAfter === 'string' ? cursor.receivedAfter : firstCheckStart(now());
      const filter = encodeURIComponent(`receivedDateTime gt ${since}`);
      let url: string | undefined =
        `${baseUrl}/me/mailFolders/inbox/messages?$select=id,subject,from,receivedDateTime&$filter=${filter}&$orderby=receivedDateTime&$top=${PAGE}`;
      const items: MailboxItem[] = [];
      let latest = since;
      while (url) {
        const page: { value: GraphListed[]; '@odata.nextLink'?: string } = await api.json({
          method: 'GET',
          url,
        });
        for (const listed of page.value) {
          if (listed.receivedDateTime && listed.receivedDateTime > latest)
            latest = listed.receivedDateTime;
          const sender = listed.from?.emailAddress;
          if (
            !mayBeBounce({
              from: `${sender?.name ?? ''} <${sender?.address ?? ''}>`,
              subject: listed.subject ?? '',
            })
          )
            continue;
          const mime = await api.call({
            method: 'GET',
            url: `${baseUrl}/me/messages/${encodeURIComponent(listed.id)}/$value`,
          });
          items.push({ ref: listed.id, raw: Buffer.from(mime.text, 'utf8') });
        }
        url = page['@odata.nextLink'];
      }
      return { items, cursor: { receivedAfter: latest } };
    },
    async move(refs, folder) {
      let parent: string | null = null;
      for (const name of folder.split('/')) parent = await graphFolder(api, baseUrl, parent, name);
      for (const id of refs) {
        await api.call({
          method: 'POST',
          url: `${baseUrl}/me/messages/${encodeURIComponent(id)}/move`,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ destinationId: parent }),
        });
      }
    },
    close: async () => {},
  };
}

/** The id of a mail folder under `parent` (top level when null), made if missing. */
async function graphFolder(
  api: ReturnType<typeof graphApiClient>['api'],
  baseUrl: string,
  parent: string | null,
  name: string,
): Promise<string> {
  const collection = parent
    ? `${baseUrl}/me/mailFolders/${encodeURIComponent(parent)}/childFolders`
    : `${baseUrl}/me/mailFolders`;
  const filter = encodeURIComponent(`displayName eq '${name.replace(/'/g, "''")}'`);
  const found = await api.json<{ value: { id: string }[] }>({
    method: 'GET',
    url: `${collection}?$filter=${filter}`,
  });
  if (found.value[0]) return found.value[0].id;
  const made = await api.json<{ id: string }>({
    method: 'POST',
    url: collection,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName: name }),
  });
  return made.id;
}

export function gmailBounceMailbox(options: ServiceAccess): BounceMailbox {
  const { api, baseUrl } = gmailApiClient(options);
  const messages = `${baseUrl}/gmail/v1/users/me/messages`;
  return {
    async candidates(_cursor: MailboxCursor | null) {
      // Gmail's own search finds the notices; a bounce already handled is recognised by its
      // message's status, so the same window can be read again without harm.
      const query = encodeURIComponent(
        `from:(mailer-daemon OR postmaster) newer_than:${FIRST_CHECK_DAYS}d`,
      );
      const items: MailboxItem[] = [];
      let pageToken: string | undefined;
      do {
        const page: { messages?: { id: string }[]; nextPageToken?: string } = await api.json({
          method: 'GET',
          url: `${messages}?labelIds=INBOX&q=${query}&maxResults=${PAGE}${pageToken ? `&pageToken=${pageToken}` : ''}`,
        });
        for (const { id } of page.messages ?? []) {
          const full = await api.json<{ raw: string }>({
            method: 'GET',
            url: `${messages}/${encodeURIComponent(id)}?format=raw`,
          });
          items.push({ ref: id, raw: Buffer.from(full.raw, 'base64url') });
        }
        pageToken = page.nextPageToken;
      } while (pageToken);
      return { items, cursor: null };
    },
    async move(refs, folder) {
      const labels = await api.json<{ labels: { id: string; name: string }[] }>({
        method: 'GET',
        url: `${baseUrl}/gmail/v1/users/me/labels`,
      });
      const label =
        labels.labels.find((l) => l.name === folder) ??
        (await api.json<{ id: string }>({
          method: 'POST',
          url: `${baseUrl}/gmail/v1/users/me/labels`,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            name: folder,
            labelListVisibility: 'labelShow',
            messageListVisibility: 'show',
          }),
        }));
      for (const id of refs) {
        await api.call({
          method: 'POST',
          url: `${messages}/${encodeURIComponent(id)}/modify`,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ addLabelIds: [label.id], removeLabelIds: ['INBOX'] }),
        });
      }
    },
    close: async () => {},
  };
}

function firstCheckStart(now: Date): string {
  return new Date(now.getTime() - FIRST_CHECK_DAYS * 86_400_000).toISOString();
}
