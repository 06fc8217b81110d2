// The exact message of the selected row with the subject and text as typed, asked again a
// moment after the user stops typing.
import { useEffect, useState } from 'react';
import { api, call } from '../../api.js';
import { errorText, type BulkRow, type PreviewMessage, type Warning } from '../sending-types.js';
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
  list: LoadedList | null;
  editing: boolean;
}): BulkPreview | null {
  const { structureId, row, subject, body, list, editing } = input;
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  useEffect(() => {
    if (!row || structureId === null || !editing) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      call(
        api.sending.preview({
          structureId,
          documentId: row.documentId,
          subject,
          textBody: body,
          ...htmlFor(list, body),
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
  }, [row, subject, body, structureId, list, editing]);
  return preview;
}
