// The journal's envelope: sent (green), partly sent (orange, never green), waiting (clock),
// failed (red), uncertain (warning).
import { tokens } from '@fluentui/react-components';
import {
  MailCheckmarkFilled,
  MailClockRegular,
  MailErrorFilled,
  MailWarningFilled,
  MailWarningRegular,
} from '@fluentui/react-icons';
import type { DocumentEmailState } from '../../src-shared/domain/statuses.js';
import { useApp } from '../app/app-context.js';

/** `label` says more than the state's name: "Envoyé 1/2 — 1 en échec". */
export function EmailStateIcon({ state, label }: { state: DocumentEmailState; label?: string }) {
  const { t } = useApp();
  label ??= t(`emailState.${state}`);
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
    case 'partial':
      return (
        <MailWarningFilled
          {...common}
          color={tokens.colorPaletteDarkOrangeForeground1}
          data-state="partial"
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
