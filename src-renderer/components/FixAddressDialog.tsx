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
import { useState } from 'react';
import type { z } from 'zod';
import type { outboxMessageSchema } from '../../src-shared/contract/sending.js';
import { isValidEmail } from '../../src-shared/validation/identity.js';
import { api, call } from '../api.js';
import { useApp } from '../app/app-context.js';

type Message = z.output<typeof outboxMessageSchema>;

export function FixAddressDialog({
  message,
  onClose,
}: {
  message: Message;
  onClose: (done: boolean) => void;
}) {
  const { t, showError, notify } = useApp();
  const [address, setAddress] = useState(message.to[0] ?? '');
  const [saving, setSaving] = useState(false);
  const valid = isValidEmail(address.trim());
  const save = async () => {
    if (!valid) return;
    setSaving(true);
    try {
      const replacement = await call(
        api.outbox.fixAddress({
          id: message.id,
          version: message.version,
          address: address.trim(),
        }),
      );
      notify(
        t(
          replacement.status === 'validated' ? 'ui.outbox.fixedSending' : 'ui.outbox.fixedPending',
          { email: address.trim() },
        ),
      );
      onClose(true);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose(false)}>
      <DialogSurface style={{ width: 560 }}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
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
                  <MessageBarBody>{message.lastError}</MessageBarBody>
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
              <Button onClick={() => onClose(false)}>{t('ui.common.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
