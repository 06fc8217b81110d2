// The Windows question before changes are lost: Enregistrer (the default: Entrée saves),
// Ne pas enregistrer, Annuler (Échap). Any screen or dialog with unsaved changes asks it.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useApp } from '../app/app-context.js';

export function UnsavedChangesDialog({
  open,
  title,
  message,
  onSave,
  onDiscard,
  onCancel,
}: {
  open: boolean;
  title: string;
  message: string;
  onSave: () => void;
  onDiscard: () => void;
  onCancel: () => void;
}) {
  const { t } = useApp();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{message}</DialogContent>
          <DialogActions>
            {/* First focusable, so Entrée saves as in every Windows program. */}
            <Button appearance="primary" autoFocus onClick={onSave}>
              {t('ui.common.save')}
            </Button>
            <Button onClick={onDiscard}>{t('ui.common.dontSave')}</Button>
            <Button onClick={onCancel}>{t('ui.common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
