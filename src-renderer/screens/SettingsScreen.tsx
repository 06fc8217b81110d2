// Paramètres: structures (sender identity), the mail account and its sending method (with
// the connection test and pacing), the bounce check, e-mail templates, document types and
// their password rules, the validation mode, who receives the staff notifications
// (notifications/), and this workstation's own preferences.
import { Tab, TabList } from '@fluentui/react-components';
import { useState } from 'react';
import { useApp } from '../app/app-context.js';
import { AccountPage } from './settings/AccountPage.js';
import { BouncesPage } from './settings/BouncesPage.js';
import { NotificationsPage } from './settings/notifications/NotificationsPage.js';
import { TypesPage } from './settings/TypesPage.js';
import { useSettingsStyles } from './settings/settings-styles.js';
import { SendingPage } from './settings/SendingPage.js';
import { StructuresPage } from './settings/StructuresPage.js';
import { TemplatesPage } from './settings/TemplatesPage.js';
import { WorkstationPage } from './settings/WorkstationPage.js';

type Page =
  | 'structures'
  | 'account'
  | 'bounces'
  | 'templates'
  | 'types'
  | 'sending'
  | 'notifications'
  | 'workstation';

export function SettingsScreen() {
  const styles = useSettingsStyles();
  const { t } = useApp();
  const [page, setPage] = useState<Page>('account');
  return (
    <div className={styles.screen}>
      <TabList
        className={styles.nav}
        vertical
        size="small"
        selectedValue={page}
        onTabSelect={(_, d) => setPage(d.value as Page)}
      >
        <Tab value="structures">{t('ui.settings.structures')}</Tab>
        <Tab value="account">{t('ui.settings.account')}</Tab>
        <Tab value="bounces">{t('ui.settings.bounces')}</Tab>
        <Tab value="templates">{t('ui.settings.templates')}</Tab>
        <Tab value="types">{t('ui.settings.types')}</Tab>
        <Tab value="sending">{t('ui.settings.sending')}</Tab>
        <Tab value="notifications">{t('ui.settings.notifications')}</Tab>
        <Tab value="workstation">{t('ui.settings.workstation')}</Tab>
      </TabList>
      <section className={styles.page} aria-label={t('ui.screen.settings')}>
        {page === 'structures' && <StructuresPage />}
        {page === 'account' && <AccountPage />}
        {page === 'bounces' && <BouncesPage />}
        {page === 'templates' && <TemplatesPage />}
        {page === 'types' && <TypesPage />}
        {page === 'sending' && <SendingPage />}
        {page === 'notifications' && <NotificationsPage />}
        {page === 'workstation' && <WorkstationPage />}
      </section>
    </div>
  );
}
