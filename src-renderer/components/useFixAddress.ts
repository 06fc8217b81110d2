// The state of "Corriger l'adresse et renvoyer": the address as typed, whether it is valid,
// and the fix itself (the old message stays as history, a new one goes to the new address).
import { useState } from 'react';
import type { z } from 'zod';
import type { outboxMessageSchema } from '../../src-shared/contract/outbox.js';
import { isValidEmail } from '../../src-shared/validation/identity.js';
import { api, call } from '../api.js';
import { useApp } from '../app/app-context.js';

export type OutboxMessage = z.output<typeof outboxMessageSchema>;

export function useFixAddress(message: OutboxMessage, onClose: (done: boolean) => void) {
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
  return { address, setAddress, valid, saving, save: () => void save() };
}
