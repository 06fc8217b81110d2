// What the import wizard's pages share: their look, the column of the file chosen for each
// field, and the rows that will not come in (with their line and reason).
import {
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useApp, type Translate } from '../../app/app-context.js';
import type { TableColumn } from '../../components/SimpleTable.js';
import type { MessageKey } from '../../../src-shared/i18n/catalog.js';

export const useImportStyles = makeStyles({
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    height: '64vh',
    overflow: 'auto',
  },
  row: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
  options: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, minmax(0, 1fr))',
    gap: '6px 12px',
    alignItems: 'end',
  },
  span2: { gridColumn: 'span 2' },
  mapping: { display: 'grid', gridTemplateColumns: 'repeat(5, minmax(0, 1fr))', gap: '6px 12px' },
  /** Dialog buttons keep their label on one line. */
  nowrap: { whiteSpace: 'nowrap', flexShrink: 0 },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  section: {
    margin: '4px 0 0',
    paddingBottom: '2px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '4px',
    padding: '2px 8px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
  },
});

export interface TableMapping {
  columns: Record<string, string>;
  extraColumns?: string[] | undefined;
}

/** One drop-down per field: the column of the file that feeds it, or none. */
export function MappingFields({
  fields,
  headers,
  mapping,
  label,
  onChange,
}: {
  fields: string[];
  headers: string[];
  mapping: TableMapping;
  label: (field: string) => string;
  onChange: (mapping: TableMapping) => void;
}) {
  const styles = useImportStyles();
  const { t } = useApp();
  const remap = (field: string, header: string) => {
    const columns = { ...mapping.columns };
    if (header) columns[field] = header;
    else delete columns[field];
    onChange({ ...mapping, columns });
  };
  return (
    <div className={styles.mapping}>
      {fields.map((field) => (
        <Field key={field} label={label(field)} size="small">
          <Select
            size="small"
            value={mapping.columns[field] ?? ''}
            onChange={(_, d) => remap(field, d.value)}
          >
            <option value="">{t('ui.none')}</option>
            {headers.map((header) => (
              <option key={header} value={header}>
                {header}
              </option>
            ))}
          </Select>
        </Field>
      ))}
    </div>
  );
}

/** The rows left out, each with its line as the user's spreadsheet shows it. */
export function RejectedRows({
  rejected,
  title = 'ui.import.rejected',
}: {
  rejected: { line: number; message: string }[];
  title?: MessageKey;
}) {
  const { t } = useApp();
  if (rejected.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <strong>{t(title, { count: rejected.length })}</strong>
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
          {rejected.map((problem, index) => (
            <li key={index}>
              {t('ui.import.problem', { line: problem.line, message: problem.message })}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** The first columns of every import preview: the row's line in the file, what becomes of it. */
export function lineAndAction<T extends { line: number; action: string }>(
  t: Translate,
  otherAction: MessageKey,
): TableColumn<T>[] {
  return [
    { header: t('ui.import.line'), cell: (row) => row.line },
    {
      header: t('ui.import.action'),
      cell: (row) => t(row.action === 'create' ? 'ui.import.create' : otherAction),
    },
  ];
}
