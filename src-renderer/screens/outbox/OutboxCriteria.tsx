// The outbox's search criteria, after the Winpass seed: created and sent dates, dossier,
// user, workstation, e-mail, statuses with their counts. "Rechercher" applies them.
import { Button, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular, SearchRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import {
  MESSAGE_STATUSES,
  STATUS_SHORT_CODE,
  type MessageStatus,
} from '../../../src-shared/domain/statuses.js';
import type { MessageKey } from '../../../src-shared/i18n/catalog.js';
import { useApp } from '../../app/app-context.js';
import { TextField } from '../../components/TextField.js';
import { NO_CRITERIA, type Criteria } from './criteria.js';
import type { Outbox } from './useOutbox.js';

const useStyles = makeStyles({
  criteria: {
    // 224 px: at 1024 px the list beside it shows its columns whole (its dates included).
    width: '224px',
    flexShrink: 0,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: '8px 10px',
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    // The panel scrolls on a short window; its buttons keep their height ("Rechercher").
    '& > *': { flexShrink: 0 },
  },
  heading: {
    margin: '0 0 2px',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  // Two dates side by side, each within its half.
  pair: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: '6px',
    '& > *': { minWidth: 0 },
    '& span, & input': { minWidth: 0, maxWidth: '100%' },
  },
  statuses: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0 },
  legend: { padding: 0, marginBottom: '2px', fontSize: tokens.fontSizeBase300 },
});

type TextCriterion = Exclude<keyof Criteria, 'statuses'>;

const DATES: [TextCriterion, MessageKey][] = [
  ['createdFrom', 'ui.outbox.createdFrom'],
  ['createdTo', 'ui.outbox.to'],
  ['sentFrom', 'ui.outbox.sentFrom'],
  ['sentTo', 'ui.outbox.to'],
];
const TEXTS: [TextCriterion, MessageKey][] = [
  ['dossierNumber', 'ui.outbox.dossierNumber'],
  ['queuedBy', 'ui.outbox.user'],
  ['workstation', 'ui.outbox.workstation'],
  ['email', 'ui.outbox.email'],
];

export function OutboxCriteria({ outbox }: { outbox: Outbox }) {
  const styles = useStyles();
  const { t } = useApp();
  const [draft, setDraft] = useState<Criteria>(outbox.criteria);
  const set = (key: TextCriterion, value: string) => setDraft((c) => ({ ...c, [key]: value }));
  const toggleStatus = (status: MessageStatus, on: boolean) =>
    setDraft((c) => ({
      ...c,
      statuses: on ? [...c.statuses, status] : c.statuses.filter((s) => s !== status),
    }));
  // Dates are typed as the whole window writes them (2026-12-05, the Canadian form in both
  // languages), never in the browser's own date box, which follows the browser's locale
  // (mm/dd/yyyy) rather than the screen's language.
  const field = ([key, label]: [TextCriterion, MessageKey], index: number, date = false) => (
    <TextField
      key={key}
      label={t(label)}
      value={draft[key]}
      onChange={(value) => set(key, value)}
      inputRef={index === 0 && date ? outbox.firstField : undefined}
      {...(date && {
        placeholder: t('ui.outbox.datePlaceholder'),
        input: { maxLength: 10, inputMode: 'numeric' as const },
      })}
    />
  );

  return (
    <form
      className={styles.criteria}
      aria-label={t('ui.outbox.criteria')}
      onSubmit={(event) => {
        event.preventDefault();
        outbox.setCriteria(draft);
      }}
    >
      <h3 className={styles.heading}>{t('ui.outbox.criteria')}</h3>
      <BatchFilter outbox={outbox} />
      <div className={styles.pair}>{DATES.map((date, index) => field(date, index, true))}</div>
      {TEXTS.map((text, index) => field(text, index))}
      <fieldset className={styles.statuses}>
        <legend className={styles.legend}>{t('ui.outbox.status')}</legend>
        {MESSAGE_STATUSES.filter((s) => s !== 'sending').map((status) => (
          <Checkbox
            key={status}
            size="medium"
            checked={draft.statuses.includes(status)}
            onChange={(_, d) => toggleStatus(status, d.checked === true)}
            label={`${t(`ui.status.${status}`)} (${STATUS_SHORT_CODE[status]}) — ${outbox.counts[status] ?? 0}`}
          />
        ))}
      </fieldset>
      <Button type="submit" appearance="primary" size="small" icon={<SearchRegular />}>
        {t('ui.common.search')}
      </Button>
      <Button
        size="small"
        onClick={() => {
          setDraft(NO_CRITERIA);
          outbox.setCriteria(NO_CRITERIA);
          outbox.clearBatch();
        }}
      >
        {t('ui.journal.filter.clear')}
      </Button>
    </form>
  );
}

/** The bulk send this list was opened on, with the button that shows every batch again. */
function BatchFilter({ outbox }: { outbox: Outbox }) {
  const { t } = useApp();
  if (outbox.batchId === null) return null;
  const batch = outbox.batchId;
  return (
    <Button
      size="small"
      icon={<DismissRegular />}
      iconPosition="after"
      title={t('ui.sendingModel.clearBatch', { batch })}
      aria-label={t('ui.sendingModel.clearBatch', { batch })}
      onClick={outbox.clearBatch}
      data-testid="outbox-batch-filter"
    >
      {t('ui.sendingModel.batchFilter', { batch })}
    </Button>
  );
}
