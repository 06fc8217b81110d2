// The journal's envelope: sent (green), waiting (clock), failed (red), uncertain (warning).
import { tokens } from '@fluentui/react-components';
import {
  MailCheckmarkFilled,
  MailClockRegular,
  MailErrorFilled,
  MailWarningRegular,
} from '@fluentui/react-icons';
import type { DocumentEmailState } from '../../src-shared/domain/statuses.js';
import { useApp } from '../app/app-context.js';

export function EmailStateIcon({ state }: { state: DocumentEmailState }) {
  const { t } = useApp();
  const label = t(`emailState.${state}`);
  const common = { 'aria-label': label, title: label, fontSize: 16 } as const;
  switch (state) {
    case 'sent':
      return (
        <MailCheckmarkFilled
          {...common}
          color={tokens.colorPaletteGreenForeground1}
          data-state="sent"
        />
      );
    case 'queued':
      return (
        <MailClockRegular
          {...common}
          color={tokens.colorPaletteMarigoldForeground1}
          data-state="queued"
        />
      );
    case 'failed':
      return (
        <MailErrorFilled
          {...common}
          color={tokens.colorPaletteRedForeground1}
          data-state="failed"
        />
      );
    case 'uncertain':
      return (
        <MailWarningRegular
          {...common}
          color={tokens.colorPaletteDarkOrangeForeground1}
          data-state="uncertain"
        />
      );
    default:
      return null;
  }
}
