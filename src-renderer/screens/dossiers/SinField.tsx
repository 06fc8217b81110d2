// The dossier's SIN (NAS): shown masked; "Modifier" opens a hidden entry, "Retirer" clears it.
// A SIN whose check digit fails is warned about once the user leaves the entry (or types the
// ninth digit), never refused: it is saved as typed.
import { useState } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { RECORD_LIMITS, type Dossier } from '../../../src-shared/domain/records.js';
import { useApp } from '../../app/app-context.js';
import { draftSinWarning } from '../../logic/dossier-draft.js';
import { useDossierFormStyles } from './dossier-form-styles.js';
import type { DossierFormState } from './useDossierForm.js';

export function SinField({
  form,
  original,
  error,
}: {
  form: DossierFormState;
  original: Dossier | null;
  error: string | undefined;
}) {
  const styles = useDossierFormStyles();
  const { t } = useApp();
  const { draft, set } = form;
  const [left, setLeft] = useState(false);
  const warning = draftSinWarning(draft);
  const complete = (draft.newSin ?? '').replace(/\D/g, '').length >= 9;
  const showWarning = !error && warning !== null && (left || complete);
  return (
    <Field
      label={t('ui.dossiers.field.sin')}
      validationMessage={error ?? (showWarning ? t(warning) : undefined)}
      validationState={error ? 'error' : showWarning ? 'warning' : 'none'}
    >
      <div className={styles.sin}>
        {draft.newSin === null ? (
          <>
            <span className={styles.sinValue} data-testid="sin-masked">
              {draft.clearSin
                ? t('ui.dossiers.sin.none')
                : (original?.sinMasked ?? t('ui.dossiers.sin.none'))}
            </span>
            <Button
              size="small"
              className={styles.nowrap}
              onClick={() => form.setDraft((d) => ({ ...d, newSin: '', clearSin: false }))}
            >
              {t('ui.dossiers.sin.change')}
            </Button>
            {original?.hasSin && !draft.clearSin && (
              <Button size="small" className={styles.nowrap} onClick={() => set('clearSin', true)}>
                {t('ui.dossiers.sin.remove')}
              </Button>
            )}
          </>
        ) : (
          <>
            <Input
              size="small"
              type="password"
              autoComplete="off"
              placeholder={t('ui.dossiers.sin.placeholder')}
              aria-label={t('ui.dossiers.field.sin')}
              value={draft.newSin}
              maxLength={RECORD_LIMITS.sin}
              onChange={(_, d) => set('newSin', d.value)}
              onBlur={() => setLeft(true)}
            />
            <Button
              size="small"
              icon={<DismissRegular />}
              aria-label={t('ui.common.cancel')}
              onClick={() => set('newSin', null)}
            />
          </>
        )}
      </div>
    </Field>
  );
}
