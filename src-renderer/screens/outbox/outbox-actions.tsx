// What the user does to the selected messages, once: the toolbar and the right-click menu
// list the same entries in their own order.
import {
  ArrowClockwiseRegular,
  ArrowExportRegular,
  ArrowResetRegular,
  CalendarClockRegular,
  CheckmarkRegular,
  DeleteRegular,
  DocumentSearchRegular,
  EditRegular,
  LockOpenRegular,
  ProhibitedRegular,
  QuestionCircleRegular,
} from '@fluentui/react-icons';
import { useApp } from '../../app/app-context.js';
import type { ContextMenuEntry } from '../../components/ContextMenu.js';
import { acceleratorLabel } from '../../logic/accelerators.js';
import { FIXABLE, WITHDRAWABLE, type Outbox } from './useOutbox.js';

export function useOutboxActions(
  outbox: Outbox,
  /** "Déplacer…": a new time for the selected messages (RescheduleDialog). */
  onReschedule: () => void,
): {
  toolbar: ContextMenuEntry[];
  menu: ContextMenuEntry[];
} {
  const { t, language } = useApp();
  const { current, can } = outbox;
  const details: ContextMenuEntry = {
    key: 'details',
    label: t('ui.outbox.details'),
    icon: <DocumentSearchRegular />,
    disabled: !current,
    onClick: () => outbox.openDetails(current),
  };
  const validate: ContextMenuEntry = {
    key: 'validate',
    label: t('ui.outbox.validate'),
    icon: <CheckmarkRegular />,
    disabled: !can(['pending', 'failed', 'blocked']),
    onClick: () => outbox.act('validate'),
  };
  const block: ContextMenuEntry = {
    key: 'block',
    label: t('ui.outbox.block'),
    icon: <ProhibitedRegular />,
    disabled: !can(['pending', 'validated']),
    onClick: () => outbox.act('block'),
  };
  const unblock: ContextMenuEntry = {
    key: 'unblock',
    label: t('ui.outbox.unblock'),
    icon: <LockOpenRegular />,
    disabled: !can(['blocked']),
    onClick: () => outbox.act('unblock'),
  };
  const withdraw: ContextMenuEntry = {
    key: 'withdraw',
    label: t('queueTruth.withdraw'),
    icon: <DeleteRegular />,
    shortcut: acceleratorLabel('Delete', language),
    disabled: !can(WITHDRAWABLE),
    onClick: outbox.withdraw,
  };
  const reschedule: ContextMenuEntry = {
    key: 'reschedule',
    label: t('ui.outbox.reschedule'),
    icon: <CalendarClockRegular />,
    disabled: outbox.movable.length === 0,
    onClick: onReschedule,
  };
  const fix: ContextMenuEntry = {
    key: 'fix',
    label: t('ui.outbox.fixAddress'),
    icon: <EditRegular />,
    disabled: !current || !FIXABLE.includes(current.status),
    onClick: () => current && outbox.setFixing(current),
  };
  const reset: ContextMenuEntry = {
    key: 'reset',
    label: t('ui.outbox.reset'),
    icon: <ArrowResetRegular />,
    disabled: !can(['sent', 'failed', 'uncertain']),
    onClick: outbox.reset,
  };
  const exportCsv: ContextMenuEntry = {
    key: 'export',
    label: t('ui.outbox.export'),
    icon: <ArrowExportRegular />,
    onClick: outbox.exportCsv,
  };
  const refresh: ContextMenuEntry = {
    key: 'refresh',
    label: t('ui.common.refresh'),
    icon: <ArrowClockwiseRegular />,
    onClick: () => outbox.list.reload(),
  };
  const resolve =
    current?.status === 'uncertain'
      ? (['sent', 'resend', 'failed'] as const).map((decision): ContextMenuEntry => ({
          key: `resolve-${decision}`,
          label: t(`ui.outbox.resolve.${decision}`),
          icon: <QuestionCircleRegular />,
          onClick: () => outbox.resolve(current, decision),
        }))
      : [];
  return {
    toolbar: [
      validate,
      block,
      unblock,
      withdraw,
      reschedule,
      'divider',
      fix,
      reset,
      details,
      'divider',
      exportCsv,
      refresh,
    ],
    menu: [
      details,
      'divider',
      validate,
      block,
      unblock,
      withdraw,
      reschedule,
      'divider',
      fix,
      reset,
      ...resolve,
    ],
  };
}
