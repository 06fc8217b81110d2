// Paramètres > Compte de messagerie: the method (SMTP, Microsoft 365, Gmail, Outlook,
// Thunderbird, .eml draft, sandbox) with its own fields, the sender, the mailbox (Sent copy,
// bounces), the pacing, the connection of an OAuth account on this workstation and the
// connection test. One "Enregistrer" saves the account and its method's settings.
// The state lives in account/useAccountPage; each group of fields has its own file there.
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { PlugConnectedRegular, SaveRegular } from '@fluentui/react-icons';
import { useApp } from '../../app/app-context.js';
import { MethodChoice } from './account/MethodChoice.js';
import { PacingFields } from './account/PacingFields.js';
import { SenderFields } from './account/SenderFields.js';
import { ServerFields } from './account/ServerFields.js';
import { useAccountPage, type AccountPageState } from './account/useAccountPage.js';
import { MailboxFields } from './MethodParts.js';
import { SendingWindowField } from './ScheduleFields.js';
import { useSettingsStyles } from './settings-styles.js';

export function AccountPage() {
  const styles = useSettingsStyles();
  const { t, structureId } = useApp();
  const page = useAccountPage();
  if (!page) return <Spinner size="small" label={t('ui.common.loading')} />;
  const { sections, test } = page;
  return (
    <>
      <h2 className={styles.title}>{t('ui.settings.account')}</h2>
      <div className={styles.form}>
        <MethodChoice page={page} />
        <ServerFields page={page} />
        <SenderFields page={page} />
        {(sections.sentCopy || sections.bounces) && (
          <MailboxFields
            kind={page.draft.kind}
            sections={sections}
            draft={page.method}
            setField={page.setField}
            sectionClass={styles.section}
            pairClass={styles.pair}
          />
        )}
        <PacingFields page={page} />
      </div>
      {structureId !== null && <SendingWindowField structureId={structureId} />}
      <ConnectionTestResult page={page} />
      <div className={styles.actions}>
        <Button appearance="primary" icon={<SaveRegular />} onClick={() => void page.onSave()}>
          {t('ui.common.save')}
        </Button>
        <Button
          icon={test === 'running' ? <Spinner size="tiny" /> : <PlugConnectedRegular />}
          disabled={test === 'running'}
          onClick={() => void page.onTest()}
        >
          {t('ui.settings.account.test')}
        </Button>
      </div>
    </>
  );
}

function ConnectionTestResult({ page }: { page: AccountPageState }) {
  const styles = useSettingsStyles();
  const { t } = useApp();
  const { test } = page;
  if (!test || test === 'running') return null;
  return (
    <MessageBar
      intent={test.ok ? 'success' : 'error'}
      layout="multiline"
      className={styles.formWidth}
      style={{ marginTop: 12 }}
      data-testid="connection-test"
    >
      <MessageBarBody>
        <MessageBarTitle>
          {t(test.ok ? 'ui.settings.account.testOk' : 'ui.settings.account.testFailed')}
        </MessageBarTitle>
        {test.message}
        {test.reply && <div style={{ fontFamily: tokens.fontFamilyMonospace }}>{test.reply}</div>}
      </MessageBarBody>
    </MessageBar>
  );
}
