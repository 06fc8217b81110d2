// The import wizard's dossiers page: a CSV or Excel file, the column chosen for each field,
// the preview of what is created or updated, then the import.
import { Button, DialogActions, DialogContent, Spinner } from '@fluentui/react-components';
import { ArrowImportRegular, DocumentAddRegular } from '@fluentui/react-icons';
import { useApp } from '../../app/app-context.js';
import { SimpleTable } from '../../components/SimpleTable.js';
import { MappingFields, RejectedRows, lineAndAction, useImportStyles } from './import-parts.js';
import type { ImportPageProps } from './import-page.js';
import { useDossiersImport } from './useDossiersImport.js';

export function DossiersImport({ header, onImported, onClose }: ImportPageProps) {
  const styles = useImportStyles();
  const { t } = useApp();
  const page = useDossiersImport(onImported, onClose);
  const { file, preview, busy } = page;
  return (
    <>
      <DialogContent className={styles.content}>
        {header}
        <div className={styles.row}>
          <Button icon={<DocumentAddRegular />} onClick={page.choose} disabled={busy}>
            {t('ui.import.chooseFile')}
          </Button>
          {busy && <Spinner size="tiny" />}
          {preview && (
            <span className={styles.note}>
              {t('ui.import.fileInfo', {
                file: preview.fileName,
                format: preview.format.toUpperCase(),
                encoding: preview.encoding ?? '',
                rows: preview.rowCount,
              })}
            </span>
          )}
        </div>
        {!preview && <p className={styles.note}>{t('ui.import.hint')}</p>}
        {preview && file && (
          <>
            <h3 className={styles.section}>{t('ui.import.columns')}</h3>
            <MappingFields
              fields={preview.fields}
              headers={preview.headers}
              mapping={preview.mapping}
              label={(field) => t(`ui.import.field.${field as DossierField}`)}
              onChange={page.remap}
            />
            <h3 className={styles.section}>
              {t('ui.import.previewTitle', {
                create: preview.toCreate,
                update: preview.toUpdate,
              })}
            </h3>
            <SimpleTable
              testId="import-preview"
              rows={preview.rows}
              rowKey={(row) => row.line}
              columns={[
                ...lineAndAction<(typeof preview.rows)[number]>(t, 'ui.import.update'),
                { header: t('ui.dossiers.col.number'), cell: (row) => row.number },
                { header: t('ui.dossiers.col.name'), cell: (row) => row.displayName },
                { header: t('ui.dossiers.corr.email'), cell: (row) => row.emails.join(', ') },
                {
                  header: t('ui.dossiers.col.optIn'),
                  cell: (row) => (row.emailOptIn ? t('ui.optIn.yes') : t('ui.optIn.no')),
                },
              ]}
            />
            <RejectedRows rejected={preview.rejected} />
            <RejectedRows rejected={preview.warnings} title="ui.import.warnings" />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button
          appearance="primary"
          icon={<ArrowImportRegular />}
          disabled={busy || !preview || preview.toCreate + preview.toUpdate === 0}
          onClick={page.commit}
        >
          {t('ui.import.import', {
            count: (preview?.toCreate ?? 0) + (preview?.toUpdate ?? 0),
          })}
        </Button>
        <Button onClick={onClose}>{t('ui.common.close')}</Button>
      </DialogActions>
    </>
  );
}

type DossierField =
  | 'number'
  | 'title'
  | 'lastName'
  | 'firstName'
  | 'address'
  | 'postalCode'
  | 'city'
  | 'email1'
  | 'email2'
  | 'sin'
  | 'manager'
  | 'group'
  | 'emailOptIn'
  | 'language';
