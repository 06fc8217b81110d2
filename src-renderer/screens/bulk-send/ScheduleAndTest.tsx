// Under the bulk send's preview: "Envoyer plus tard : [date] [heure]" (the main button then
// says "Programmer l'envoi (25) pour le 5 déc. à 08:00") and "M'envoyer un exemplaire…",
// the selected row's message to the user's own address.
import { Button, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { MailRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useApp } from '../../app/app-context.js';
import { TextField } from '../../components/TextField.js';
import { TestCopyDialog } from '../schedule/TestCopyDialog.js';
import type { BulkSend } from './useBulkSend.js';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', gap: '8px', flexWrap: 'wrap' },
  date: { width: '120px' },
  time: { width: '76px' },
  // Fluent's Input keeps its own minimum width: without this it runs under the next field.
  fill: { minWidth: 0, width: '100%' },
  push: { marginLeft: 'auto' },
  bad: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

export function ScheduleAndTest({ bulk }: { bulk: BulkSend }) {
  const styles = useStyles();
  const { t } = useApp();
  const { schedule, focusedRow, list } = bulk;
  const [testing, setTesting] = useState(false);
  const testInput = bulk.testCopyInput();
  const { input } = schedule;
  return (
    <div data-testid="bulk-schedule">
      <div className={styles.row}>
        <Checkbox
          label={t('ui.schedule.later')}
          checked={schedule.later}
          disabled={!bulk.editing}
          onChange={(_, data) => schedule.setLater(data.checked === true)}
        />
        <TextField
          className={styles.date}
          label={t('ui.schedule.date')}
          value={input.date}
          onChange={input.setDate}
          disabled={!schedule.later || !bulk.editing}
          placeholder={t('ui.schedule.datePlaceholder')}
          input={{ maxLength: 10, inputMode: 'numeric', className: styles.fill }}
        />
        <TextField
          className={styles.time}
          label={t('ui.schedule.time')}
          value={input.time}
          onChange={input.setTime}
          disabled={!schedule.later || !bulk.editing}
          placeholder={t('ui.schedule.timePlaceholder')}
          input={{ maxLength: 5, inputMode: 'numeric', className: styles.fill }}
        />
        <Button
          className={styles.push}
          size="small"
          icon={<MailRegular />}
          disabled={!focusedRow || !testInput || !bulk.editing}
          title={focusedRow ? undefined : t('ui.testCopy.noRow')}
          onClick={() => setTesting(true)}
        >
          {t('ui.testCopy.button')}
        </Button>
      </div>
      {schedule.later && input.problem && (
        <div className={styles.bad} role="alert">
          {t(input.problem.key, input.problem.params)}
        </div>
      )}
      {testing && focusedRow && testInput && (
        <TestCopyDialog
          input={testInput}
          dossierNumber={focusedRow.dossierNumber}
          name={focusedRow.dossierName}
          addresses={focusedRow.addresses}
          sender={list?.account.fromAddress ?? null}
          onClose={() => setTesting(false)}
        />
      )}
    </div>
  );
}
