// The PDF of a document in a pane: its bytes come from the main side (never a path) and
// are shown by the browser's own PDF viewer from a blob: URL.
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api, call } from '../api.js';
import { useApp } from '../app/app-context.js';

const useStyles = makeStyles({
  frame: {
    border: 'none',
    width: '100%',
    height: '100%',
    flexGrow: 1,
    backgroundColor: tokens.colorNeutralBackground5,
  },
  note: {
    margin: 'auto',
    color: tokens.colorNeutralForeground3,
    padding: '16px',
    textAlign: 'center',
  },
});

export function PdfPreview({ documentId, hasPdf }: { documentId: number | null; hasPdf: boolean }) {
  const styles = useStyles();
  const { t, showError } = useApp();
  const [url, setUrl] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (documentId === null || !hasPdf) {
      setUrl(null);
      return undefined;
    }
    let objectUrl: string | null = null;
    let current = true;
    // Arrowing through the list should not fetch every PDF on the way.
    const timer = setTimeout(() => {
      setLoading(true);
      call(api.documents.pdf({ id: documentId }))
        .then(({ base64 }) => {
          if (!current) return;
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          objectUrl = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
          setUrl(objectUrl);
        })
        .catch((error: unknown) => current && showError(error))
        .finally(() => current && setLoading(false));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [documentId, hasPdf, showError]);

  if (documentId === null) return <div className={styles.note}>{t('ui.journal.noPreview')}</div>;
  if (!hasPdf) return <div className={styles.note}>{t('ui.journal.noPdf')}</div>;
  if (loading || !url)
    return <Spinner className={styles.note} size="small" label={t('ui.common.loading')} />;
  return (
    <iframe
      className={styles.frame}
      src={`${url}#toolbar=0&view=FitH`}
      title={t('ui.journal.preview')}
      data-testid="pdf-preview"
    />
  );
}
