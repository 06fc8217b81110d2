// The single send's state: the dossier, account and template read at opening, the chosen
// addresses (correspondents and typed ones), the exact message previewed for them, and the
// send itself.
import { useEffect, useMemo, useState } from 'react';
import { exclusionReason } from '../../../src-shared/format/bulk-warnings-text.js';
import type { JournalDocument } from '../../../src-shared/domain/documents.js';
import type { Dossier } from '../../../src-shared/domain/records.js';
import { isValidEmail } from '../../../src-shared/validation/identity.js';
import { api, call } from '../../api.js';
import { translateCount } from '../../../src-shared/i18n/plural.js';
import { useApp } from '../../app/app-context.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { selectedIndexes, type Selection } from '../../logic/selection.js';
import { errorText, type Account, type PreviewMessage, type Warning } from '../sending-types.js';
import { candidatesOf, preselected } from './candidates.js';

interface Template {
  subject: string;
  text: string;
  html: string | null;
}

export interface SendPreview {
  messages: PreviewMessage[];
  warnings: Warning[];
  excludedText: string[];
}

export function useSendDocument(document: JournalDocument, onClose: (changed: boolean) => void) {
  const app = useApp();
  const { t, showError } = app;
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [account, setAccount] = useState<Account | null>(null);
  const [template, setTemplate] = useState<Template | null>(null);
  const [selection, setSelection] = useState<Selection>({
    selected: new Set(),
    anchor: null,
    focus: null,
  });
  const [extra, setExtra] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [preview, setPreview] = useState<SendPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [state, setState] = useState(document);
  const [changed, setChanged] = useState(false);
  const [reloads, setReloads] = useState(0);
  const confirm = useConfirm();

  useEffect(() => {
    Promise.all([
      call(api.dossiers.get({ id: document.dossierId })),
      call(api.accounts.get({ structureId: document.structureId })),
      call(api.templates.get({ structureId: document.structureId, type: document.type })),
    ])
      .then(([d, a, tpl]) => {
        setDossier(d);
        setAccount(a);
        setTemplate(tpl);
        const chosen = preselected(candidatesOf(d));
        setSelection({
          selected: new Set(chosen),
          anchor: chosen[0] ?? null,
          focus: chosen[0] ?? 0,
        });
      })
      .catch(showError);
  }, [document, showError]);

  const candidates = useMemo(() => (dossier ? candidatesOf(dossier) : []), [dossier]);
  const chosen = useMemo(
    () => [
      ...selectedIndexes(selection).flatMap((i) =>
        candidates[i]?.valid ? [candidates[i]!.email] : [],
      ),
      ...extra,
    ],
    [selection, candidates, extra],
  );

  // The addresses chosen here always go with the request: the user asked for them, so the
  // dossier's "documents by e-mail" choice does not hold them back.
  useEffect(() => {
    if (!template || !dossier) return undefined;
    let current = true;
    setPreviewError(null);
    if (chosen.length === 0) {
      setPreview(null);
      return undefined;
    }
    const timer = setTimeout(() => {
      call(
        api.sending.preview({
          structureId: document.structureId,
          documentId: document.id,
          addresses: chosen,
          subject: template.subject,
          textBody: template.text,
          ...(template.html && { htmlBody: template.html }),
        }),
      )
        .then((result) => {
          if (!current) return;
          setPreview({
            messages: result.messages,
            warnings: result.warnings,
            excludedText: result.excluded.map((e) => {
              const reason = exclusionReason(e);
              return t(reason.key, reason.params);
            }),
          });
        })
        .catch((error: unknown) => current && setPreviewError(errorText(error)));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [template, dossier, chosen, reloads, document, t]);

  const typedValid = typed.trim() !== '' && isValidEmail(typed.trim());
  const addTyped = () => {
    if (!typedValid) return;
    const address = typed.trim();
    if (!chosen.some((a) => a.toLowerCase() === address.toLowerCase()))
      setExtra((list) => [...list, address]);
    setTyped('');
  };

  /** Asks first, naming how many documents will be offered again; Annuler changes nothing. */
  const resetState = async () => {
    try {
      const target = { documentIds: [document.id] };
      const would = await call(api.outbox.reset({ ...target, dryRun: true }));
      if (would.documents.length === 0) return app.notify(t('queueTruth.reset.none'), 'warning');
      const count = would.documents.length;
      const confirmed = await confirm.ask({
        title: t('queueTruth.reset.title'),
        text: translateCount(app.language, 'queueTruth.reset.confirm', count),
        confirm: t('queueTruth.reset.button'),
      });
      if (!confirmed) return;
      const done = await call(api.outbox.reset(target));
      app.notify(translateCount(app.language, 'queueTruth.reset.done', done.documents.length));
      setChanged(true);
      const page = await call(api.documents.journal({ documentIds: [document.id], limit: 1 }));
      setState(page.items[0] ?? state);
      setReloads((n) => n + 1);
    } catch (error) {
      showError(error);
    }
  };

  const send = async () => {
    if (!template || chosen.length === 0) return;
    setSending(true);
    try {
      const result = await call(
        api.sending.queue({
          structureId: document.structureId,
          documentIds: [document.id],
          addresses: chosen,
          subject: template.subject,
          textBody: template.text,
          ...(template.html && { htmlBody: template.html }),
        }),
      );
      if (result.queued === 0) {
        showError(
          new Error(
            result.excluded
              .map((e) => {
                const reason = exclusionReason(e);
                return t(reason.key, reason.params);
              })
              .join(' '),
          ),
        );
        return;
      }
      app.notify(
        t(result.validated > 0 ? 'ui.send.queuedSending' : 'ui.send.queuedPending', {
          count: result.queued,
        }),
      );
      onClose(true);
    } catch (error) {
      showError(error);
    } finally {
      setSending(false);
    }
  };

  const message = preview?.messages[0];
  return {
    loaded: dossier !== null && template !== null,
    account,
    candidates,
    selection,
    setSelection,
    chosen,
    extra,
    removeExtra: (address: string) => setExtra((list) => list.filter((a) => a !== address)),
    typed,
    setTyped,
    typedValid,
    addTyped,
    state,
    resetState: () => void resetState(),
    confirmDialog: confirm.dialog,
    preview,
    previewError,
    message,
    canSend: !sending && chosen.length > 0 && message !== undefined && previewError === null,
    send: () => void send(),
    /** "M'envoyer un exemplaire": this send as it would be queued, for a copy to the user. */
    testCopyInput:
      template && chosen.length > 0
        ? {
            structureId: document.structureId,
            documentIds: [document.id],
            addresses: chosen,
            subject: template.subject,
            textBody: template.text,
            ...(template.html && { htmlBody: template.html }),
          }
        : null,
    close: () => onClose(changed),
  };
}

export type SendDocument = ReturnType<typeof useSendDocument>;
