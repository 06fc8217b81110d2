// A dossier opened from the bulk send (a warning's "Corriger", an excluded dossier's "Ouvrir
// le dossier"): the same form as the Dossiers screen, over the dialog. Once saved it closes
// and the send's list is read again, so the dossier leaves the warning or the exclusions.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState, type ReactNode } from 'react';
import { useApp } from '../../app/app-context.js';
import { UnsavedChangesDialog } from '../../components/UnsavedChangesDialog.js';
import { DossierForm } from '../dossiers/DossierForm.js';

export interface FixTarget {
  dossierId: number;
  dossierName: string;
}

const useStyles = makeStyles({
  surface: { width: '860px', maxWidth: '94vw', maxHeight: '92vh' },
  content: { overflowY: 'auto', maxHeight: 'calc(92vh - 150px)' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** Opens a dossier's form over the dialog; `onSaved` reads the list again. */
export function useDossierFix(onSaved: () => void): {
  open: (target: FixTarget) => void;
  dialog: ReactNode;
} {
  const [target, setTarget] = useState<FixTarget | null>(null);
  return {
    open: setTarget,
    dialog: target && (
      <DossierFixDialog
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          onSaved();
        }}
      />
    ),
  };
}

function DossierFixDialog({
  target,
  onClose,
  onSaved,
}: {
  target: FixTarget;
  onClose: () => void;
  onSaved: () => void;
}) {
  const styles = useStyles();
  const { t } = useApp();
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState(false);
  const form = useRef<HTMLDivElement>(null);
  // Échap or Fermer with changes asks Enregistrer / Ne pas enregistrer / Annuler.
  const close = () => (dirty ? setAsking(true) : onClose());
  return (
    <>
      <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && close()}>
        <DialogSurface className={styles.surface} aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>{t('ui.bulkWarnings.fixTitle', { name: target.dossierName })}</DialogTitle>
            <DialogContent className={styles.content} ref={form}>
              <div className={styles.hint}>{t('ui.bulkWarnings.fixHint')}</div>
              <DossierForm
                dossierId={target.dossierId}
                onCancelNew={onClose}
                onDirtyChange={setDirty}
                onSaved={onSaved}
              />
            </DialogContent>
            <DialogActions>
              <Button onClick={close}>{t('ui.common.close')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <UnsavedChangesDialog
        open={asking}
        title={t('ui.bulkWarnings.fixTitle', { name: target.dossierName })}
        message={t('ui.dossiers.unsaved')}
        onSave={() => {
          // The form saves as with its own button (then closes); a refused save stays open.
          setAsking(false);
          form.current?.querySelector('form')?.requestSubmit();
        }}
        onDiscard={onClose}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}
