// A question asked before an action that cannot be taken back ("Réinitialiser l'état
// d'envoi ?", "Retirer de la file ?"): the sentence says what will happen, with the count.
// Nothing happens until the user confirms; Annuler, Échap or closing the box change nothing.
// Annuler has the focus, so that Entrée never confirms by mistake.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useCallback, useRef, useState, type ReactElement } from 'react';
import { useApp } from '../app/app-context.js';

export interface Question {
  title: string;
  text: string;
  confirm: string;
}

/** `ask` resolves true only when the user confirmed; render `dialog` in the screen. */
export function useConfirm(): {
  ask: (question: Question) => Promise<boolean>;
  dialog: ReactElement | null;
} {
  const { t } = useApp();
  const [question, setQuestion] = useState<Question | null>(null);
  const answer = useRef<(yes: boolean) => void>(() => undefined);
  const ask = useCallback(
    (next: Question) =>
      new Promise<boolean>((resolve) => {
        answer.current(false);
        answer.current = resolve;
        setQuestion(next);
      }),
    [],
  );
  const close = (yes: boolean) => {
    setQuestion(null);
    answer.current(yes);
    answer.current = () => undefined;
  };
  const dialog = question && (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && close(false)}>
      <DialogSurface style={{ maxWidth: 520 }} data-testid="confirm-dialog">
        <DialogBody>
          <DialogTitle>{question.title}</DialogTitle>
          <DialogContent>{question.text}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => close(true)}>
              {question.confirm}
            </Button>
            <Button autoFocus onClick={() => close(false)}>
              {t('ui.common.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
  return { ask, dialog };
}
