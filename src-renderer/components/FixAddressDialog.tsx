// "Corriger l’adresse et renvoyer": a new address for a message that failed (or is pending,
// blocked, uncertain); the old message stays as history, a new one goes to the new address.
// Used by Suivi des envois and by the bounce check (Paramètres > Messages revenus).
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { useApp } from '../app/app-context.js';
import { useConfirm } from './ConfirmDialog.js';
import { useFixAddress, type OutboxMessage } from './useFixAddress.js';
import { sayRead } from '../../src-shared/i18n/said.js';

export function FixAddressDialog({
  message,
  onClose,
}: {
  message: OutboxMessage;
  onClose: (done: boolean) => void;
}) {
  const { t, language } = useApp();
  const { address, setAddress, valid, saving, save } = useFixAddress(message, onClose);
  const confirm = useConfirm();
  // Échap or Annuler after a new address was typed asks before dropping it.
  const cancel = async () => {
    const typed = address.trim() !== (message.to[0] ?? '');
    if (typed) {
      const drop = await confirm.ask({
        title: t('ui.outbox.fixDrop.title'),
        text: t('ui.outbox.fixDrop.text', { email: address.trim() }),
        confirm: t('ui.outbox.fixDrop.confirm'),
      });
      if (!drop) return;
    }
    onClose(false);
  };
  return (
    <>
      <Dialog open onOpenChange={(_, data) => !data.open && void cancel()}>
        <DialogSurface style={{ width: 560 }}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            <DialogBody>
              <DialogTitle>{t('ui.outbox.fixTitle')}</DialogTitle>
              <DialogContent>
                <p>
                  {t('ui.outbox.fixText', {
                    dossier: `${message.dossierNumber} — ${message.dossierName}`,
                    old: message.to.join(', '),
                  })}
                </p>
                {message.lastError && (
                  <MessageBar intent="error" style={{ marginBottom: 8 }}>
                    <MessageBarBody>
                      {sayRead(language, message.lastError, message.lastErrorSaid)}
                    </MessageBarBody>
                  </MessageBar>
                )}
                <Field
                  label={t('ui.outbox.newAddress')}
                  validationState={address.trim() && !valid ? 'error' : 'none'}
                  validationMessage={
                    address.trim() && !valid ? t('ui.dossiers.corr.invalidEmail') : undefined
                  }
                >
                  <Input
                    value={address}
                    type="email"
                    onChange={(_, d) => setAddress(d.value)}
                    autoFocus
                  />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" type="submit" disabled={!valid || saving}>
                  {t('ui.outbox.fixAndResend')}
                </Button>
                <Button onClick={() => void cancel()}>{t('ui.common.cancel')}</Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
      {confirm.dialog}
    </>
  );
}
