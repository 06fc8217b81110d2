// The status bar's notice while the main side waits for another workstation's lock on the
// database (past 2 s): says why the window seems slow, and for whom it waits.
import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { useApp } from '../app/app-context.js';

export function DatabaseWaitNotice() {
  const { t } = useApp();
  const [wait, setWait] = useState<{ holder: string | null } | null>(null);
  useEffect(
    () => api.on('database.waiting', ({ waiting, holder }) => setWait(waiting ? { holder } : null)),
    [],
  );
  if (!wait) return null;
  return (
    <span role="alert" data-testid="database-wait">
      {wait.holder ? t('db.waitingFor', { holder: wait.holder }) : t('db.waiting')}
    </span>
  );
}
