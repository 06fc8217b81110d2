// What to look at before the click, by name, above the list and the message (never under the
// preview): the dossiers whose PDF will open with the fallback password because their SIN is
// missing, each with "Corriger" (its form over the dialog; saved, the list is read again);
// the text that does not explain the password; the files over 1 MB; a sender of another
// domain than the account's. Long lists show their first names and open on demand, and the
// whole panel scrolls within a third of the dialog so the list stays in view.
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type {
  BulkWarnings as Warnings,
  FallbackPasswordDossier,
} from '../../../src-shared/domain/bulk-warnings.js';
import { hasBulkWarnings } from '../../../src-shared/domain/bulk-warnings.js';
import { megabytes } from '../../../src-shared/format/bulk-warnings-text.js';
import { useApp } from '../../app/app-context.js';
import { useDossierFix, type FixTarget } from './DossierFixDialog.js';
import type { BulkSend } from './useBulkSend.js';
import { useBulkWarnings } from './useBulkWarnings.js';

/** Names shown before "Voir les N autres". */
const FIRST_NAMES = 4;

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    maxHeight: '32vh',
    overflowY: 'auto',
    flexShrink: 0,
  },
  list: { margin: '4px 0 0', paddingInlineStart: '18px' },
  item: { lineHeight: tokens.lineHeightBase300 },
  why: { color: tokens.colorNeutralForeground3 },
});

export function BulkWarnings({ bulk }: { bulk: BulkSend }) {
  const styles = useStyles();
  const { t } = useApp();
  const warnings = useBulkWarnings(bulk);
  const fix = useDossierFix(bulk.refresh);
  if (!hasBulkWarnings(warnings)) return fix.dialog;
  return (
    <section
      className={styles.panel}
      aria-label={t('ui.bulkWarnings.title')}
      data-testid="bulk-warnings"
    >
      {warnings.fallbackPassword && (
        <FallbackPassword {...warnings.fallbackPassword} editing={bulk.editing} onFix={fix.open} />
      )}
      {warnings.passwordNotExplained.map((type) => (
        <MessageBar key={type} intent="warning" layout="multiline" data-testid="password-text">
          <MessageBarBody>{t('ui.bulkWarnings.passwordText', { type })}</MessageBarBody>
        </MessageBar>
      ))}
      <LargeFiles files={warnings.largeAttachments} />
      {warnings.senderDomains.map((s) => (
        <MessageBar key={s.sender} intent="warning" layout="multiline" data-testid="sender-domain">
          <MessageBarBody>
            {t(s.sentAs ? 'ui.bulkWarnings.sender.sentAs' : 'ui.bulkWarnings.sender.replyTo', {
              sender: s.sender,
              account: s.account,
            })}
          </MessageBarBody>
        </MessageBar>
      ))}
      {fix.dialog}
    </section>
  );
}

function FallbackPassword({
  password,
  dossiers,
  editing,
  onFix,
}: {
  password: string;
  dossiers: FallbackPasswordDossier[];
  editing: boolean;
  onFix: (target: FixTarget) => void;
}) {
  const styles = useStyles();
  const { t } = useApp();
  const [all, setAll] = useState(false);
  const shown = all ? dossiers : dossiers.slice(0, FIRST_NAMES);
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="missing-sin">
      <MessageBarBody>
        <MessageBarTitle>
          {t('ui.bulkWarnings.fallback.title', { count: dossiers.length, password })}
        </MessageBarTitle>
        {t('ui.bulkWarnings.fallback.body')}
        <ul className={styles.list}>
          {shown.map((d) => (
            <li key={d.documentId} className={styles.item}>
              {d.dossierName} ({d.dossierNumber}){' '}
              <span className={styles.why}>
                —{' '}
                {t(
                  d.sinMissing
                    ? 'ui.bulkWarnings.fallback.sinMissing'
                    : 'ui.bulkWarnings.fallback.otherField',
                )}
              </span>{' '}
              <Link
                as="button"
                disabled={!editing}
                aria-label={t('ui.bulkWarnings.fixLabel', { name: d.dossierName })}
                onClick={() => onFix(d)}
              >
                {t('ui.bulkWarnings.fix')}
              </Link>
            </li>
          ))}
        </ul>
        {dossiers.length > FIRST_NAMES && (
          <Button size="small" appearance="transparent" onClick={() => setAll(!all)}>
            {all
              ? t('ui.bulkWarnings.showLess')
              : t('ui.bulkWarnings.showAll', { count: dossiers.length - FIRST_NAMES })}
          </Button>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

function LargeFiles({ files }: { files: Warnings['largeAttachments'] }) {
  const styles = useStyles();
  const { t, language } = useApp();
  if (files.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="large-files">
      <MessageBarBody>
        <MessageBarTitle>
          {t('ui.bulkWarnings.large.title', { count: files.length })}
        </MessageBarTitle>
        {t('ui.bulkWarnings.large.body')}
        <ul className={styles.list}>
          {files.map((file) => {
            const params = { file: file.fileName, size: megabytes(file.size, language) };
            return (
              <li key={`${file.dossier?.documentId ?? 'all'}|${file.fileName}`}>
                {file.dossier
                  ? t('ui.bulkWarnings.large.dossier', {
                      ...params,
                      name: file.dossier.dossierName,
                    })
                  : t('ui.bulkWarnings.large.general', params)}
              </li>
            );
          })}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
