// "M'envoyer un exemplaire": the exact message of one recipient (chosen among the row's
// addresses) goes to the user's address with "[TEST]" before its subject; nothing is queued
// and no status changes (sending.testCopy). The address offered: the last one used on this
// computer, else the account's sender. Used by the bulk send and the single send.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Contract, InputOf } from '../../../src-shared/contract/index.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { TextField } from '../../components/TextField.js';

type TestCopyInput = InputOf<Contract['sending.testCopy']>;
const LAST_ADDRESS = 'postier.testCopyTo';

export interface TestCopyProps {
  /** The send as it would be queued, without the copy's own choices. */
  input: Omit<TestCopyInput, 'to' | 'recipient' | 'dossierNumber'>;
  dossierNumber: string;
  name: string;
  addresses: readonly string[];
  /** The account's sender, offered when no address was used on this computer yet. */
  sender: string | null;
  onClose(): void;
}

function lastAddress(): string | null {
  try {
    return window.localStorage.getItem(LAST_ADDRESS);
  } catch {
    return null;
  }
}

export function TestCopyDialog(props: TestCopyProps) {
  const { t, notify, showError } = useApp();
  const [recipient, setRecipient] = useState(props.addresses[0] ?? '');
  const [to, setTo] = useState(() => lastAddress() ?? props.sender ?? '');
  const [sending, setSending] = useState(false);
  const send = async () => {
    setSending(true);
    try {
      const sent = await call(
        api.sending.testCopy({
          ...props.input,
          dossierNumber: props.dossierNumber,
          ...(recipient && { recipient }),
          to,
        }),
      );
      try {
        window.localStorage.setItem(LAST_ADDRESS, sent.to);
      } catch {
        // Remembering the address is a convenience only.
      }
      notify(t('ui.testCopy.sent', { to: sent.to, subject: sent.subject }), 'success');
      props.onClose();
    } catch (error) {
      showError(error);
    } finally {
      setSending(false);
    }
  };
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined} style={{ width: '600px', maxWidth: '92vw' }}>
        <DialogBody>
          <DialogTitle>{t('ui.testCopy.title')}</DialogTitle>
          <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: '10px' }}>
            <p style={{ margin: 0 }}>
              {t('ui.testCopy.text', { name: props.name, address: recipient })}
            </p>
            {props.addresses.length > 1 && (
              <Field label={t('ui.testCopy.recipient')} size="small">
                <Select
                  size="small"
                  value={recipient}
                  onChange={(_, data) => setRecipient(data.value)}
                >
                  {props.addresses.map((address) => (
                    <option key={address} value={address}>
                      {address}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <TextField
              label={t('ui.testCopy.to')}
              value={to}
              onChange={setTo}
              input={{ type: 'email', autoComplete: 'email' }}
            />
          </DialogContent>
          <DialogActions style={{ whiteSpace: 'nowrap' }}>
            <Button
              appearance="primary"
              disabled={sending || to.trim() === ''}
              onClick={() => void send()}
            >
              {t(sending ? 'ui.testCopy.sending' : 'ui.testCopy.send')}
            </Button>
            <Button onClick={props.onClose}>{t('ui.common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
