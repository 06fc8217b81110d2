// A message's status as the seed shows it (E, V, OK, KO, B), coloured, with its full name.
import { Badge, type BadgeProps } from '@fluentui/react-components';
import { STATUS_SHORT_CODE, type MessageStatus } from '../../src-shared/domain/statuses.js';
import { useApp } from '../app/app-context.js';

const COLORS: Record<MessageStatus, BadgeProps['color']> = {
  pending: 'informative',
  validated: 'brand',
  sending: 'brand',
  sent: 'success',
  failed: 'danger',
  blocked: 'important',
  uncertain: 'warning',
  withdrawn: 'subtle',
};

export function StatusBadge({ status }: { status: MessageStatus }) {
  const { t } = useApp();
  const label = t(`ui.status.${status}`);
  return (
    <Badge
      size="medium"
      shape="rounded"
      appearance="filled"
      color={COLORS[status]}
      title={label}
      aria-label={label}
      data-status={status}
    >
      {STATUS_SHORT_CODE[status]}
    </Badge>
  );
}
