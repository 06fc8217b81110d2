// What the user does from the journal, once: the toolbar and the right-click menu list the
// same entries.
import {
  ArrowClockwiseRegular,
  MailMultipleRegular,
  PersonRegular,
  SendRegular,
} from '@fluentui/react-icons';
import { useApp } from '../../app/app-context.js';
import type { ContextMenuEntry } from '../../components/ContextMenu.js';
import { acceleratorLabel } from '../../logic/accelerators.js';
import type { Journal } from './useJournal.js';

export function useJournalActions(journal: Journal): {
  toolbar: ContextMenuEntry[];
  menu: ContextMenuEntry[];
} {
  const { t, language } = useApp();
  const { current } = journal;
  const send: ContextMenuEntry = {
    key: 'send',
    label: t('ui.journal.sendEmail'),
    icon: <SendRegular />,
    shortcut: acceleratorLabel('CmdOrCtrl+E', language),
    disabled: !current,
    onClick: () => journal.openSend(current),
  };
  const bulk: ContextMenuEntry = {
    key: 'bulk',
    label: t('ui.menu.send.bulk'),
    icon: <MailMultipleRegular />,
    onClick: () => journal.setBulkOpen(true),
  };
  const dossier: ContextMenuEntry = {
    key: 'dossier',
    label: t('ui.journal.openDossier'),
    icon: <PersonRegular />,
    disabled: !current,
    onClick: journal.openDossier,
  };
  const refresh: ContextMenuEntry = {
    key: 'refresh',
    label: t('ui.common.refresh'),
    icon: <ArrowClockwiseRegular />,
    onClick: () => journal.list.reload(),
  };
  return { toolbar: [send, bulk, 'divider', dossier, refresh], menu: [send, dossier] };
}
