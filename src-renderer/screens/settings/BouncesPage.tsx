// Paramètres > Messages revenus: reads the account's mailbox for bounces of our messages
// ("Vérifier maintenant"), says what it read, and lists our messages that came back with the
// reason in plain words; each one can get a corrected address and go again.
import {
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import { EditRegular, MailInboxArrowDownRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { z } from 'zod';
import type { bounceCheckSchema } from '../../../src-shared/contract/methods.js';
import { api, ApiFailure, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { FixAddressDialog } from '../../components/FixAddressDialog.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useSettingsStyles } from './settings-styles.js';

// At 1024 px the names, reasons and the button's label wrap; a number or an address never breaks.
const useStyles = makeStyles({ whole: { whiteSpace: 'nowrap' } });

type Check = z.output<typeof bounceCheckSchema>;
type Bounce = Check['ours'][number];

export function BouncesPage() {
  const styles = useSettingsStyles();
  const whole = mergeClasses(styles.td, useStyles().whole);
  const { t, structureId, showError } = useApp();
  const [check, setCheck] = useState<Check | 'running' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [fixing, setFixing] = useState<Bounce | null>(null);
  const [fixed, setFixed] = useState<Set<number>>(new Set());

  const run = async () => {
    setCheck('running');
    setFailure(null);
    try {
      setCheck(await call(api.bounces.check({ structureId: structureId! })));
      setFixed(new Set());
    } catch (error) {
      setCheck(null);
      if (error instanceof ApiFailure) setFailure(error.message);
      else showError(error);
    }
  };

  const result = check !== 'running' ? check : null;
  return (
    <>
      <h2 className={styles.title}>{t('ui.settings.bounces')}</h2>
      <p className={styles.note} style={{ marginTop: 0 }}>
        {t('ui.bounces.intro')}
      </p>
      <div className={styles.actions} style={{ marginTop: 0 }}>
        <Button
          appearance="primary"
          icon={check === 'running' ? <Spinner size="tiny" /> : <MailInboxArrowDownRegular />}
          disabled={check === 'running'}
          onClick={() => void run()}
        >
          {t('ui.bounces.check')}
        </Button>
      </div>
      {failure && (
        <MessageBar intent="error" layout="multiline" style={{ marginTop: 12 }}>
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <>
          <MessageBar
            intent={result.ours.length > 0 ? 'warning' : 'success'}
            layout="multiline"
            style={{ marginTop: 12 }}
            data-testid="bounces-summary"
          >
            <MessageBarBody>
              {result.summary}
              {result.moved && <div>{result.moved}</div>}
            </MessageBarBody>
          </MessageBar>
          {result.ours.length > 0 && (
            <table className={styles.table} style={{ marginTop: 12 }} data-testid="bounces-list">
              <thead>
                <tr>
                  <th className={styles.th}>{t('ui.outbox.col.status')}</th>
                  <th className={styles.th}>{t('ui.outbox.col.dossier')}</th>
                  <th className={styles.th}>{t('ui.outbox.col.name')}</th>
                  <th className={styles.th}>{t('ui.outbox.col.document')}</th>
                  <th className={styles.th}>{t('ui.bounces.address')}</th>
                  <th className={styles.th}>{t('ui.bounces.reason')}</th>
                  <th className={styles.th} />
                </tr>
              </thead>
              <tbody>
                {result.ours.map((bounce) => (
                  <tr key={bounce.messageId}>
                    <td className={whole}>
                      <StatusBadge status={bounce.message.status} />
                    </td>
                    <td className={whole}>{bounce.message.dossierNumber}</td>
                    <td className={styles.td}>{bounce.message.dossierName}</td>
                    <td className={whole}>{bounce.message.documentNumber}</td>
                    <td className={whole}>{bounce.address}</td>
                    <td className={styles.td} title={bounce.diagnostic ?? undefined}>
                      {bounce.reason}
                      {bounce.status && ` (${bounce.status})`}
                      {bounce.change === 'already_failed' && (
                        <div className={styles.note}>{t('ui.bounces.alreadyFailed')}</div>
                      )}
                    </td>
                    <td className={styles.td}>
                      {fixed.has(bounce.messageId) ? (
                        <span className={styles.note}>{t('ui.bounces.resent')}</span>
                      ) : (
                        bounce.message.status === 'failed' && (
                          <Button
                            size="small"
                            icon={<EditRegular />}
                            onClick={() => setFixing(bounce)}
                          >
                            {t('ui.bounces.fix')}
                          </Button>
                        )
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {fixing && (
        <FixAddressDialog
          message={fixing.message}
          onClose={(done) => {
            if (done) setFixed((ids) => new Set(ids).add(fixing.messageId));
            setFixing(null);
          }}
        />
      )}
    </>
  );
}
