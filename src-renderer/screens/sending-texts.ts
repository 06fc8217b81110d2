// Sentences the send dialogs build from settings: the account's pacing, a password rule.
import type { Pacing } from '../../src-shared/domain/mail.js';
import { isStandardField, SIN_FIELD } from '../../src-shared/domain/template-fields.js';
import type { Translate } from '../app/app-context.js';

/** The month before `today` ("2026-10" in November 2026): what an office sends at month start. */
export function previousMonth(today: Date): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

// A number: the catalog writes it with the screen language's decimal mark (0,5 s / 0.5 s).
const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** "2 s entre deux messages, 10 s de pause tous les 10 messages, 500 par jour au plus". */
export function describePacing(pacing: Pacing, t: Translate): string {
  const parts: string[] = [];
  parts.push(
    pacing.delayMs > 0
      ? t('ui.pacing.delay', { seconds: seconds(pacing.delayMs) })
      : t('ui.pacing.noDelay'),
  );
  if (pacing.pauseEvery > 0 && pacing.pauseMs > 0) {
    parts.push(
      t('ui.pacing.pause', { seconds: seconds(pacing.pauseMs), every: pacing.pauseEvery }),
    );
  }
  if (pacing.maxPerRun !== null) parts.push(t('ui.pacing.maxPerRun', { count: pacing.maxPerRun }));
  if (pacing.maxPerDay !== null) parts.push(t('ui.pacing.maxPerDay', { count: pacing.maxPerDay }));
  return parts.join(', ');
}

/** "{{nas}}" → "le NAS du dossier (9 chiffres, sans espaces ni tirets)". */
export function describePasswordRule(rule: string, t: Translate): string {
  return rule.replace(/\{\{\s*(\w+)\s*\}\}/g, (_whole, field: string) =>
    field === SIN_FIELD
      ? t('ui.password.sin')
      : t('ui.password.field', {
          field: isStandardField(field) ? t(`template.field.${field}`) : field,
        }),
  );
}
