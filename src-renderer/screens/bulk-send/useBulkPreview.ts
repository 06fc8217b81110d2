// The exact messages of the selected row (one per address) with the subject and text as
// typed and every file (the document, the general ones, the row's own), asked again a moment
// after the user stops typing.
import { useEffect, useState } from 'react';
import { api, call } from '../../api.js';
import { errorText, type BulkRow, type PreviewMessage, type Warning } from '../sending-types.js';
import type { Attachments } from './useAttachments.js';
import { htmlFor, type LoadedList } from './useBulkList.js';

export interface BulkPreview {
  messages: PreviewMessage[];
  warnings: Warning[];
}

export function useBulkPreview(input: {
  structureId: number | null;
  row: BulkRow | undefined;
  subject: string;
  body: string;
  /** The text cannot be read (a label that is not a field): said instead of a preview. */
  problem?: string | null;
  list: LoadedList | null;
  editing: boolean;
  attachments?: Pick<Attachments, 'general' | 'perRow'>;
}): BulkPreview | null {
  const { structureId, row, subject, body, list, editing } = input;
  const problem = input.problem ?? null;
  const general = input.attachments?.general;
  const own = row ? input.attachments?.perRow[row.documentId] : undefined;
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  useEffect(() => {
    if (!row || structureId === null || !editing) return undefined;
    if (problem !== null) {
      setPreview({ messages: [], warnings: [{ code: 'error', message: problem }] });
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      call(
        api.sending.preview({
          structureId,
          documentId: row.documentId,
          subject,
          textBody: body,
          ...htmlFor(list, body),
          ...(general?.length && { generalAttachments: general.map((f) => f.ref) }),
          ...(own?.length && { rowAttachments: own.map((f) => f.ref) }),
        }),
      )
        .then((result) => current && setPreview(result))
        .catch(
          (error: unknown) =>
            current &&
            setPreview({ messages: [], warnings: [{ code: 'error', message: errorText(error) }] }),
        );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [row, subject, body, problem, structureId, list, editing, general, own]);
  return preview;
}
