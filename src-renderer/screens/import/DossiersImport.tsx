// The import wizard's dossiers page: a CSV or Excel file, the column chosen for each field,
// the preview of what is created or updated, then the import.
import { Button, DialogActions, DialogContent, Spinner } from '@fluentui/react-components';
import { ArrowImportRegular, DocumentAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { z } from 'zod';
import type { importOperations } from '../../../src-shared/contract/imports.js';
import { api, call } from '../../api.js';
import { useApp } from '../../app/app-context.js';
import { chooseFiles, type StagedFile } from '../../app/files.js';
import { SimpleTable } from '../../components/SimpleTable.js';
import { MappingFields, RejectedRows, useImportStyles } from './import-parts.js';
import type { ImportPageProps } from './import-page.js';

type Preview = z.output<(typeof importOperations)[0]['output']>;

export function DossiersImport({ header, onImported, onClose }: ImportPageProps) {
  const styles = useImportStyles();
  const { t, structureId, info, showError, notify } = useApp();
  const [file, setFile] = useState<StagedFile | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (chosen: StagedFile, mapping?: Preview['mapping']) => {
    if (structureId === null) return;
    setBusy(true);
    try {
      setPreview(
        await call(
          api.imports.dossiersPreview({
            structureId,
            file: chosen.ref,
            ...(mapping && { mapping }),
          }),
        ),
      );
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    try {
      const [chosen] = await chooseFiles(info.nativeFileDialogs, 'import');
      if (!chosen) return;
      setFile(chosen);
      await load(chosen);
    } catch (error) {
      showError(error);
    }
  };

  const commit = async () => {
    if (!file || !preview || structureId === null) return;
    setBusy(true);
    try {
      const result = await call(
        api.imports.dossiersCommit({ structureId, file: file.ref, mapping: preview.mapping }),
      );
      onImported();
      notify(
        t('ui.import.done', {
          imported: result.imported,
          updated: result.updated,
          rejected: result.rejected.length,
        }),
      );
      onClose();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <DialogContent className={styles.content}>
        {header}
        <div className={styles.row}>
          <Button icon={<DocumentAddRegular />} onClick={() => void choose()} disabled={busy}>
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
              onChange={(mapping) => void load(file, mapping)}
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
                { header: t('ui.import.line'), cell: (row) => row.line },
                {
                  header: t('ui.import.action'),
                  cell: (row) =>
                    t(row.action === 'create' ? 'ui.import.create' : 'ui.import.update'),
                },
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
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button
          appearance="primary"
          icon={<ArrowImportRegular />}
          disabled={busy || !preview || preview.toCreate + preview.toUpdate === 0}
          onClick={() => void commit()}
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
  | 'emailOptIn';
