// "Envoyer par e-mail" for one document: choose one or several of the dossier's
// correspondents (Ctrl+click, Shift+click) or type another address, choose the method, read
// the exact message that will go, send. The state lives in useSendDocument.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  makeStyles,
} from '@fluentui/react-components';
import { MailRegular, SendRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { JournalDocument } from '../../../src-shared/domain/documents.js';
import { useApp } from '../../app/app-context.js';
import { useTypeName } from '../../app/type-names.js';
import { TestCopyDialog } from '../schedule/TestCopyDialog.js';
import { MessageToSend } from './MessageToSend.js';
import { RecipientChooser } from './RecipientChooser.js';
import { useSendDocument } from './useSendDocument.js';

const useStyles = makeStyles({
  surface: { width: '1000px', maxWidth: '96vw' },
  columns: {
    display: 'grid',
    gridTemplateColumns: '340px minmax(0, 1fr)',
    gap: '16px',
    minHeight: '420px',
  },
});

export function SendDocumentDialog({
  document,
  onClose,
}: {
  document: JournalDocument;
  onClose: (changed: boolean) => void;
}) {
  const styles = useStyles();
  const { t } = useApp();
  const typeName = useTypeName();
  const send = useSendDocument(document, onClose);
  const [testing, setTesting] = useState(false);
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && send.close()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>
            {t('ui.send.title', {
              type: typeName(document.type),
              number: document.number,
              name: document.dossierName,
            })}
          </DialogTitle>
          <DialogContent>
            {!send.loaded ? (
              <Spinner size="small" label={t('ui.common.loading')} />
            ) : (
              <div className={styles.columns}>
                <RecipientChooser send={send} />
                <MessageToSend send={send} />
              </div>
            )}
          </DialogContent>
          <DialogActions style={{ whiteSpace: 'nowrap' }}>
            <Button
              appearance="primary"
              icon={<SendRegular />}
              disabled={!send.canSend}
              onClick={send.send}
            >
              {t('ui.send.send')}
            </Button>
            <Button
              icon={<MailRegular />}
              disabled={!send.canSend || !send.testCopyInput}
              onClick={() => setTesting(true)}
            >
              {t('ui.testCopy.button')}
            </Button>
            <Button onClick={send.close}>{t('ui.common.cancel')}</Button>
          </DialogActions>
          {testing && send.testCopyInput && (
            <TestCopyDialog
              input={send.testCopyInput}
              dossierNumber={document.dossierNumber}
              name={document.dossierName}
              addresses={send.chosen}
              sender={send.account?.fromAddress ?? null}
              onClose={() => setTesting(false)}
            />
          )}
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
