// The journal's filters: structure, type, periods, e-mail state, text, the dossier it was
// opened for, and "clear".
import { Button, Field, SearchBox, Select, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular, FilterDismissRegular } from '@fluentui/react-icons';
import type { DocumentTypeCode } from '../../../src-shared/domain/document-types.js';
import {
  DOCUMENT_EMAIL_STATES,
  type DocumentEmailState,
} from '../../../src-shared/domain/statuses.js';
import { useApp } from '../../app/app-context.js';
import { DocumentTypeSelect } from '../../components/DocumentTypeSelect.js';
import { TextField } from '../../components/TextField.js';
import type { Journal } from './useJournal.js';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '8px 12px',
    alignItems: 'end',
    padding: '6px 10px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  period: { width: '92px' },
  search: { width: '280px' },
});

export function JournalFilters({ journal }: { journal: Journal }) {
  const styles = useStyles();
  const app = useApp();
  const { t } = app;
  const { filters, setFilter } = journal;
  const period = (key: 'periodFrom' | 'periodTo') => (
    <TextField
      label={t(
        key === 'periodFrom' ? 'ui.journal.filter.periodFrom' : 'ui.journal.filter.periodTo',
      )}
      placeholder={t('ui.journal.filter.periodPlaceholder')}
      value={filters[key]}
      onChange={(value) => setFilter(key, value)}
      input={{ className: styles.period }}
    />
  );
  return (
    <div className={styles.filters} role="search">
      <Field label={t('ui.common.structure')} size="small">
        <Select
          size="small"
          value={app.structureId ?? ''}
          onChange={(_, d) => app.setStructureId(Number(d.value))}
        >
          {app.structures.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <DocumentTypeSelect<DocumentTypeCode | ''>
        label={t('ui.journal.filter.type')}
        value={filters.types}
        anyLabel={t('ui.common.all')}
        onChange={(value) => setFilter('types', value)}
      />
      {period('periodFrom')}
      {period('periodTo')}
      <Field label={t('ui.journal.filter.status')} size="small">
        <Select
          size="small"
          value={filters.state}
          onChange={(_, d) => setFilter('state', d.value as DocumentEmailState | '')}
        >
          <option value="">{t('ui.common.all')}</option>
          {DOCUMENT_EMAIL_STATES.map((state) => (
            <option key={state} value={state}>
              {t(`emailState.${state}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('ui.common.search')} size="small">
        <SearchBox
          ref={journal.searchRef}
          className={styles.search}
          size="small"
          placeholder={t('ui.journal.filter.text')}
          value={journal.text}
          onChange={(_, d) => journal.setText(d.value)}
          onKeyDown={(event) => event.key === 'ArrowDown' && journal.gridRef.current?.focus()}
        />
      </Field>
      {journal.dossierId !== null && (
        <Button
          size="small"
          appearance="outline"
          icon={<DismissRegular />}
          onClick={journal.clearDossier}
        >
          {t('ui.journal.filter.dossier', {
            name: journal.list.rows.rowAt(0)?.dossierName ?? `#${journal.dossierId}`,
          })}
        </Button>
      )}
      <Button size="small" icon={<FilterDismissRegular />} onClick={journal.clearFilters}>
        {t('ui.journal.filter.clear')}
      </Button>
    </div>
  );
}
