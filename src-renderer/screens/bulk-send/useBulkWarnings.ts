// The warnings said by name for what the dialog would send now: the list's own (worked out
// with the type's saved text and no files) until the user changes the text or adds a file,
// then asked again (api.sending.bulkWarnings, the same planner) a moment after they stop.
// Only the checked documents' warnings are shown: an unchecked one will not leave.
import { useEffect, useMemo, useState } from 'react';
import { NO_BULK_WARNINGS, type BulkWarnings } from '../../../src-shared/domain/bulk-warnings.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { htmlFor } from './useBulkList.js';
import type { BulkSend } from './useBulkSend.js';

const TYPING_PAUSE_MS = 500;

export function useBulkWarnings(bulk: BulkSend): BulkWarnings {
  const { structureId } = useApp();
  const { list, text, attachments, checked } = bulk;
  // The last answer, for the list it was asked for: kept while the user types on.
  const [asked, setAsked] = useState<{ list: unknown; warnings: BulkWarnings } | null>(null);
  const own =
    !list ||
    (text.subject === list.templateSubject &&
      text.body === list.templateText &&
      attachments.general.length === 0 &&
      Object.values(attachments.perRow).every((files) => files.length === 0));

  useEffect(() => {
    if (own || text.problem || !list || structureId === null || list.rows.length === 0)
      return undefined;
    let current = true;
    const timer = setTimeout(() => {
      call(
        api.sending.bulkWarnings({
          structureId,
          documentIds: list.rows.map((r) => r.documentId),
          subject: text.subject,
          textBody: text.body,
          ...htmlFor(list, text.body),
          generalAttachments: attachments.general.map((f) => f.ref),
          recipientAttachments: Object.entries(attachments.perRow)
            .filter(([, files]) => files.length > 0)
            .map(([id, files]) => ({ documentId: Number(id), files: files.map((f) => f.ref) })),
        }),
      )
        .then((warnings) => current && setAsked({ list, warnings }))
        // The preview says what is wrong with the text; the list's warnings stay meanwhile.
        .catch(() => undefined);
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [
    own,
    list,
    structureId,
    text.subject,
    text.body,
    text.problem,
    attachments.general,
    attachments.perRow,
  ]);

  const warnings =
    !own && asked?.list === list ? asked.warnings : (list?.notices ?? NO_BULK_WARNINGS);
  return useMemo(() => onlyChecked(warnings, checked), [warnings, checked]);
}

function onlyChecked(warnings: BulkWarnings, checked: ReadonlySet<number>): BulkWarnings {
  const dossiers = (warnings.fallbackPassword?.dossiers ?? []).filter((d) =>
    checked.has(d.documentId),
  );
  return {
    ...warnings,
    fallbackPassword:
      warnings.fallbackPassword && dossiers.length > 0
        ? { ...warnings.fallbackPassword, dossiers }
        : null,
    largeAttachments: warnings.largeAttachments.filter(
      (a) => a.dossier === null || checked.has(a.dossier.documentId),
    ),
  };
}
